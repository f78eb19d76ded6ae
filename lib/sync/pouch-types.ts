/**
 * The small part of PouchDB's API the engine uses, typed here so the engine can be tested with any implementation and
 * does not depend on community type packages. `createPouchFactory` (pouch-factory.ts) adapts real PouchDB to it.
 */

/** A document as PouchDB returns it. */
export interface PouchDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  [key: string]: unknown;
}

/** Any document to write: an id, the revision it replaces (if any), and its fields. */
export type WritableDoc = { _id: string; _rev?: string; [key: string]: unknown };

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  reason?: string;
  message?: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: PouchDoc;
}

export interface PouchChangesResult {
  results: PouchChange[];
  last_seq: number | string;
}

export interface PouchReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq?: number | string;
}

/** A running replication: a promise (one-shot) and an event emitter. */
export interface PouchReplication extends PromiseLike<PouchReplicationResult> {
  on(event: string, listener: (value: unknown) => void): PouchReplication;
  cancel(): void;
}

export interface PouchReplicateOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  checkpoint?: 'source' | 'target' | false;
}

export interface PouchLike {
  readonly name: string;
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  /** With `open_revs: 'all'`: every leaf revision, deleted ones included. */
  get(id: string, options: { open_revs: 'all' }): Promise<{ ok?: PouchDoc; missing?: string }[]>;
  put(doc: WritableDoc): Promise<PouchWriteResult>;
  bulkDocs(docs: readonly WritableDoc[]): Promise<PouchWriteResult[]>;
  allDocs(options: { include_docs?: boolean; keys?: string[]; startkey?: string; endkey?: string }): Promise<{
    rows: { id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }[];
  }>;
  changes(options: {
    since: number | string;
    limit?: number;
    include_docs?: boolean;
    style?: 'all_docs' | 'main_only';
  }): Promise<PouchChangesResult>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  replicate: {
    to(target: PouchLike, options?: PouchReplicateOptions): PouchReplication;
    from(source: PouchLike, options?: PouchReplicateOptions): PouchReplication;
  };
  sync(remote: PouchLike, options?: PouchReplicateOptions): PouchReplication;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

/** Opens a local mirror by name, or a remote database by URL (with credentials). */
export type PouchFactory = (nameOrUrl: string, options?: { username?: string; password?: string }) => PouchLike;
