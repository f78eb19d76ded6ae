/**
 * A real CouchDB-protocol server for the sync tests: express-pouchdb (the server inside pouchdb-server) over PouchDB's
 * in-memory adapter, on 127.0.0.1 with a free port. An admin is configured, so the server is out of CouchDB's "admin
 * party" and authentication is real. `stop()` / `restart()` close and reopen the listener on the same port while the
 * data stays (as a CouchDB restart keeps its disk); `dispose()` ends it for good.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import { NodePouchDB } from './pouch-node';

export const ADMIN = { username: 'admin', password: 'admin-secret' };

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
  /** Creates a database whose `_security` lets `members` (and `readers`, read-only) in. */
  createDb(name: string, access: { members: string[]; readers?: string[] }): Promise<void>;
  addUser(name: string, password: string, roles?: string[]): Promise<void>;
  /** A request as admin; returns status and parsed body. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Serves extra test files by path (e.g. a page and a bundle for the browser test), same origin as the server. */
export type ExtraFiles = Record<string, { type: string; body: string }>;

/** The two readers the sync tests use: members of every notebook they create. */
export const ALICE = { username: 'alice', password: 'alice-pw', displayName: 'Alice' };
export const BOB = { username: 'bob', password: 'bob-pw', displayName: 'Bob' };

/** {@link startServer} with Alice and Bob as users. */
export async function startServerWithReaders(): Promise<TestServer> {
  const server = await startServer();
  await server.addUser(ALICE.username, ALICE.password);
  await server.addUser(BOB.username, BOB.password);
  return server;
}

/** Starts a server; call `dispose()` in afterAll. */
export async function startServer(extra: ExtraFiles = {}): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'chiplens-sync-'));
  const prefix = `srv${Math.random().toString(36).slice(2, 8)}-`;
  const ServerPouch = (NodePouchDB as unknown as { defaults(o: object): unknown }).defaults({
    adapter: 'memory',
    prefix,
  });
  const app = expressPouchDB(ServerPouch, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(folder, 'log.txt'),
  });
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const s = createServer((req, res) => {
        const file = Object.hasOwn(extra, req.url ?? '') ? extra[req.url ?? ''] : undefined;
        if (!file) return app(req, res);
        res.writeHead(200, { 'content-type': file.type });
        res.end(file.body);
      });
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      for (const socket of sockets) socket.destroy();
      s.close(() => resolve());
    });

  await listen();
  const origin = `http://127.0.0.1:${port}`;
  const request = async (method: string, path: string, body?: unknown, auth?: string) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  await request('PUT', `/_config/admins/${ADMIN.username}`, JSON.stringify(ADMIN.password));
  const asAdmin = basic(ADMIN.username, ADMIN.password);
  const admin = async (method: string, path: string, body?: unknown) => request(method, path, body, asAdmin);
  const expectOk = (what: string, r: { status: number; body: unknown }) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  };

  return {
    origin,
    stop: close,
    restart: listen,
    dispose: async () => {
      await close();
      rmSync(folder, { recursive: true, force: true });
    },
    admin,
    async createDb(name, access) {
      expectOk(`create ${name}`, await admin('PUT', `/${name}`));
      const names = [...access.members, ...(access.readers ?? [])];
      expectOk(
        `security ${name}`,
        await admin('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names, roles: [] } }),
      );
      if (access.readers?.length) {
        // CouchDB has no read-only members: a validate_doc_update function refuses their writes with 403.
        const readers = JSON.stringify(access.readers);
        const validate = `function (newDoc, oldDoc, userCtx) { if (${readers}.indexOf(userCtx.name) >= 0) { throw({ forbidden: 'read-only notebook' }); } }`;
        expectOk(`readers ${name}`, await admin('PUT', `/${name}/_design/readers`, { validate_doc_update: validate }));
      }
    },
    async addUser(name, password, roles = []) {
      const id = `org.couchdb.user:${name}`;
      expectOk(`user ${name}`, await admin('PUT', `/_users/${id}`, { _id: id, name, password, roles, type: 'user' }));
    },
  };
}
