/**
 * Migration test harness: builds a database exactly as an older (or hypothetical) build of ChipLens would have left
 * it, so a test can then open it with the current code and check that nothing was lost.
 */
import Dexie from 'dexie';
import { declareVersions, type SchemaVersion } from '../../../lib/storage/db';

/** Opens `name` with the given version declarations (a plain Dexie: older schemas may not match today's types). */
export async function openWithSchema(name: string, versions: readonly SchemaVersion[]): Promise<Dexie> {
  const db = new Dexie(name);
  declareVersions(db, versions);
  await db.open();
  return db;
}

/** Writes raw records under an older schema, then closes, as the old build would have left the disk. */
export async function seedWithSchema(
  name: string,
  versions: readonly SchemaVersion[],
  tables: Record<string, readonly object[]>,
): Promise<void> {
  const db = await openWithSchema(name, versions);
  try {
    await db.transaction('rw', Object.keys(tables), async () => {
      for (const [table, records] of Object.entries(tables)) await db.table(table).bulkAdd([...records]);
    });
  } finally {
    db.close();
  }
}

/** The declarations up to and including `version`: "the database as build vN left it". */
export function upTo(versions: readonly SchemaVersion[], version: number): SchemaVersion[] {
  return versions.filter((v) => v.version <= version);
}
