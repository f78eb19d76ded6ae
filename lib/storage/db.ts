/**
 * The ChipLens IndexedDB database (Dexie).
 *
 * Opened only by the background service worker and extension pages (side panel, options). A content script must never
 * open it: IndexedDB opened there belongs to the visited page's origin, so notes would be scattered per site and
 * readable by the page. Content scripts reach the data through messages (lib/messaging/protocol.ts).
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Annotation } from '../annotations/types';

/** One `db.version(n)` declaration: the full store spec at that version plus the data migration into it. */
export interface SchemaVersion {
  version: number;
  /** Dexie store spec: primary key first, then indexes; `*` marks a multi-entry index; `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites records written under earlier versions. Runs once, inside the version-change transaction. */
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | undefined;
}

/**
 * Every schema version ChipLens has ever shipped, oldest first. NEVER edit or remove an entry once released: a browser
 * that still holds an older database upgrades through each later declaration in turn.
 *
 * To add v2 (example: index `color` and give every record a new `pinned` field):
 *   1. Append, never edit v1:
 *        { version: 2,
 *          stores: { annotations: 'id, pageKey, *tags, *entityIds, updatedAt, createdAt, color' },
 *          upgrade: (tx) => tx.table('annotations').toCollection().modify((a) => { a.pinned ??= false; }) }
 *      `stores` repeats the full spec of each table it changes; tables not listed stay as they are. A change of
 *      indexes alone needs no `upgrade`; a change of record shape does.
 *   2. Update `Annotation` and `AnnotationSchema` to the v2 shape. Records an upgrade could not fix are surfaced by
 *      the repository's validation (AnnotationRepository.problems) instead of crashing the UI.
 *   3. Add a test to tests/unit/storage/migration.test.ts: seed v1-shaped records with
 *      `seedWithSchema(name, upTo(SCHEMA_VERSIONS, 1), ...)`, open with `openDb(name)`, read them through the
 *      repository and expect `problems()` to be empty (the "future v2" tests there show the pattern).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: { annotations: 'id, pageKey, *tags, *entityIds, updatedAt, createdAt' },
  },
];

/** Applies version declarations to a Dexie instance; shared with the migration test harness. */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/** The typed database. Create it with {@link openDb}. */
export class ChipLensDb extends Dexie {
  annotations!: EntityTable<Annotation, 'id'>;

  /** `versions` is a test seam (simulating a future schema); production code uses the default. */
  constructor(name: string, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    declareVersions(this, versions);
  }
}

/**
 * Creates the database handle. Dexie opens (and upgrades) lazily on the first query, so this is synchronous and cheap;
 * create one per context (one singleton in the background) and reuse it. Tests pass a fresh name per test.
 */
export function openDb(name = 'chiplens'): ChipLensDb {
  return new ChipLensDb(name);
}
