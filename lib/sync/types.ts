/**
 * Types shared by the sync engine (issue 18): the replicated document, a notebook's configuration, the ports the engine
 * is given (local notes, a PouchDB factory, a clock) and what a sync run reports. Plain data only.
 */
import type { Annotation } from '../annotations/types';

/** Id of the default notebook every note belongs to unless it came from a shared one. */
export const DEFAULT_NOTEBOOK_ID = 'my-notes';

/** Documents larger than this (serialized JSON, UTF-16 code units) are refused. */
export const MAX_DOC_CHARS = 1_000_000;

/** Version of the replicated document shape, so it can change without breaking older builds. */
export const NOTE_DOC_VERSION = 1;

/** A live note as replicated: `_id` is `note:<annotation id>`. */
export interface NoteDoc {
  _id: string;
  _rev?: string;
  type: 'note';
  v: number;
  /** The notebook (CouchDB database) the note belongs to. */
  notebook: string;
  /** Display name of whoever made the note first. */
  author: string;
  /** Display name of whoever changed it last. */
  editor: string;
  /** Copy of `annotation.updatedAt`, the field conflicts are decided on. */
  updatedAt: string;
  annotation: Annotation;
}

/** A deletion as replicated: a CouchDB tombstone that keeps the time it was made, so newer edits can beat it. */
export interface NoteTombstone {
  _id: string;
  _rev?: string;
  _deleted: true;
  type: 'note';
  v: number;
  notebook: string;
  editor: string;
  /** When the note was deleted (ISO 8601). */
  updatedAt: string;
}

/** Where a note came from, passed to the local port with each note the engine writes. */
export interface NoteOrigin {
  notebook: string;
  author: string;
  editor: string;
}

/** One notebook = one CouchDB database. */
export interface NotebookConfig {
  /** Stable local id (`my-notes` for the default notebook). */
  id: string;
  /** Full URL of the database, e.g. `https://couch.example.org/chiplens-team`. */
  remoteUrl: string;
  username?: string;
  password?: string;
  /** The reader's display name, written as author/editor of their notes. */
  displayName: string;
  /** True for "My notes": local notes not yet in any notebook are pushed here. */
  isDefault: boolean;
}

/** The extension's note store as the engine sees it (Dexie behind it, through lib/storage). */
export interface LocalNotesPort {
  /** Every local note. */
  list(): Promise<Annotation[]>;
  /** Creates or replaces one note. */
  put(annotation: Annotation, origin: NoteOrigin): Promise<void>;
  /** Removes one note; no error if it is not there. */
  delete(id: string): Promise<void>;
}

/** A document the engine refused, and why (logged, never applied). */
export interface SkippedDoc {
  id: string;
  reason: string;
}

/** A losing revision kept so the reader can restore it. `annotation` is null when the losing side was a deletion. */
export interface ConflictCopy {
  noteId: string;
  notebook: string;
  rev: string;
  editor: string;
  updatedAt: string;
  annotation: Annotation | null;
  /** `updatedAt` of the version that won. */
  winnerUpdatedAt: string;
  /** When the conflict was resolved here. */
  resolvedAt: string;
}

/** What one sync run did. */
export interface SyncReport {
  /** Documents written to the server. */
  pushed: number;
  /** Documents received from the server. */
  pulled: number;
  appliedPuts: number;
  appliedDeletes: number;
  skipped: SkippedDoc[];
  conflicts: ConflictCopy[];
  /** Ids the server refused to store (403 from a read-only notebook). */
  denied: string[];
}
