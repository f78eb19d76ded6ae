/** PouchDB 9 ships no type declarations; the engine types what it uses in pouch-types.ts. */
declare module 'pouchdb-core' {
  interface PouchStatic {
    plugin(plugin: unknown): PouchStatic;
    new (name: string, options?: Record<string, unknown>): unknown;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  function expressPouchDB(
    PouchDB: unknown,
    options?: Record<string, unknown>,
  ): import('node:http').RequestListener & {
    listen(port: number, host: string, callback?: () => void): import('node:http').Server;
    couchConfig: { set(section: string, key: string, value: string, callback: (error: unknown) => void): void };
  };
  export default expressPouchDB;
}
