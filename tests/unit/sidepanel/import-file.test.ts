import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewImport } from '../../../entrypoints/sidepanel/import-file';
import { toJsonBackup } from '../../../lib/export';
import { AnnotationRepository } from '../../../lib/storage/annotation-repository';
import { type ChipLensDb, openDb } from '../../../lib/storage/db';
import { makeAnnotation, SETTINGS } from '../export/arbitraries';
import { freshDbName } from '../storage/make-annotation';

const NOW = new Date('2026-11-29T12:00:00.000Z');
let db: ChipLensDb;
let repo: AnnotationRepository;

beforeEach(() => {
  db = openDb(freshDbName('import-file'));
  repo = new AnnotationRepository(db);
});
afterEach(async () => {
  await db.delete();
});

describe('previewImport', () => {
  it('plans against the notes stored now, not a list that may not have loaded yet', async () => {
    const kept = makeAnnotation({ id: 'kept' });
    const older = makeAnnotation({ id: 'older' });
    await repo.importAtomic({ add: [kept, older], update: [] });
    const newer = { ...older, note: 'edited', updatedAt: '2026-11-28T00:00:00.000Z' };
    const fresh = makeAnnotation({ id: 'fresh' });
    const r = await previewImport(toJsonBackup([kept, newer, fresh], SETTINGS, NOW), 'b.json', repo, NOW);
    if (!r.ok) throw new Error(r.error);
    expect(r.pending.preview).toEqual({ fileName: 'b.json', add: 1, update: 1, skip: 1, errors: [] });
    expect(r.pending.plan.add.map((a) => a.id)).toEqual(['fresh']);
  });

  it('passes on how many records had dates in the future', async () => {
    const future = makeAnnotation({ id: 'f', updatedAt: '2099-01-01T00:00:00.000Z' });
    const r = await previewImport(toJsonBackup([future], SETTINGS, NOW), 'b.json', repo, NOW);
    expect(r.ok && r.pending.preview.clampedDates).toBe(1);
    expect(r.ok && r.pending.plan.add[0]!.updatedAt).toBe(NOW.toISOString());
  });

  it('hands back the reading error', async () => {
    expect(await previewImport('{', 'b.json', repo, NOW)).toMatchObject({ ok: false });
  });
});
