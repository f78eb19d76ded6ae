import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import {
  AnnotationRepository,
  PageKeyNotAllowedError,
  StaleWriteError,
} from '../../../lib/storage/annotation-repository';
import { type ChipLensDb, openDb } from '../../../lib/storage/db';
import { InvalidAnnotationError, type RecordProblem } from '../../../lib/storage/stored-annotation';
import { freshDbName, makeAnnotation } from './make-annotation';

let db: ChipLensDb;
let repo: AnnotationRepository;
let reported: RecordProblem[];

beforeEach(() => {
  db = openDb(freshDbName('repo'));
  reported = [];
  repo = new AnnotationRepository(db, { onProblem: (p) => reported.push(p) });
});

afterEach(async () => {
  await db.delete();
});

/** Everything on disk, raw, in id order: what "unchanged" is checked against. */
function snapshot(): Promise<unknown[]> {
  return db.annotations.toArray();
}

describe('forPage / get / all / count', () => {
  it('returns only the page asked for, in document order', async () => {
    const later = makeAnnotation({ pageKey: 'p1', position: { type: 'TextPositionSelector', start: 500, end: 510 } });
    const earlier = makeAnnotation({ pageKey: 'p1', position: { type: 'TextPositionSelector', start: 10, end: 20 } });
    const other = makeAnnotation({ pageKey: 'p2' });
    for (const a of [later, earlier, other]) await repo.save(a);

    expect((await repo.forPage('p1')).map((a) => a.id)).toEqual([earlier.id, later.id]);
    expect(await repo.forPage('p2')).toEqual([other]);
    expect(await repo.forPage('nowhere')).toEqual([]);
  });

  it('gets one by id, null when missing', async () => {
    const a = makeAnnotation({ note: 'Blackwell **export** variant', tags: ['export-controls'] });
    await repo.save(a);
    expect(await repo.get(a.id)).toEqual(a);
    expect(await repo.get('no-such-id')).toBeNull();
  });

  it('lists all and counts', async () => {
    const list = [makeAnnotation(), makeAnnotation(), makeAnnotation()];
    for (const a of list) await repo.save(a);
    expect(await repo.count()).toBe(3);
    expect((await repo.all()).map((a) => a.id).sort()).toEqual(list.map((a) => a.id).sort());
  });

  it('finds records by the multi-entry indexes', async () => {
    const a = makeAnnotation({ tags: ['hbm', 'tsmc'], entityIds: ['nvidia', 'tsmc'] });
    await repo.save(a);
    expect(await db.annotations.where('tags').equals('tsmc').primaryKeys()).toEqual([a.id]);
    expect(await db.annotations.where('entityIds').equals('nvidia').primaryKeys()).toEqual([a.id]);
  });
});

describe('save: newest updatedAt wins', () => {
  const id = 'same-id';

  it('replaces the stored record with a newer edit', async () => {
    await repo.save(makeAnnotation({ id, note: 'v1', updatedAt: '2025-04-15T09:00:00.000Z' }));
    const newer = makeAnnotation({ id, note: 'v2', updatedAt: '2025-04-15T09:05:00.000Z' });
    expect(await repo.save(newer)).toEqual(newer);
    expect((await repo.get(id))?.note).toBe('v2');
  });

  it('keeps the stored record against a stale edit and returns the stored one', async () => {
    const stored = makeAnnotation({ id, note: 'newer', updatedAt: '2025-04-15T09:05:00.000Z' });
    await repo.save(stored);
    const result = await repo.save(makeAnnotation({ id, note: 'stale', updatedAt: '2025-04-15T09:00:00.000Z' }));
    expect(result).toEqual(stored);
    expect((await repo.get(id))?.note).toBe('newer');
  });

  it('compares instants, not strings (offsets)', async () => {
    // 10:00+02:00 is 08:00Z: older than 09:30Z although it sorts after it as a string.
    await repo.save(makeAnnotation({ id, note: 'kept', updatedAt: '2025-04-15T09:30:00.000Z' }));
    await repo.save(makeAnnotation({ id, note: 'stale', updatedAt: '2025-04-15T10:00:00+02:00' }));
    expect((await repo.get(id))?.note).toBe('kept');
  });

  it('lets the incoming record win a tie', async () => {
    await repo.save(makeAnnotation({ id, note: 'first' }));
    await repo.save(makeAnnotation({ id, note: 'second' }));
    expect((await repo.get(id))?.note).toBe('second');
    expect(await repo.count()).toBe(1);
  });

  it('refuses an invalid annotation and writes nothing', async () => {
    const bad = makeAnnotation({ color: 'orange' as Annotation['color'] });
    await expect(repo.save(bad)).rejects.toThrow(InvalidAnnotationError);
    await expect(repo.save(bad)).rejects.toThrow(/color/);
    expect(await repo.count()).toBe(0);
  });

  it('does not store properties the schema does not know', async () => {
    const a = { ...makeAnnotation(), injected: '<script>' } as Annotation;
    await repo.save(a);
    expect(Object.keys((await db.annotations.get(a.id)) ?? {})).not.toContain('injected');
  });
});

describe('delete / restore (undo)', () => {
  it('deletes and hands back the deleted record, which restore puts back', async () => {
    const a = makeAnnotation({ note: 'undo me', tags: ['x'] });
    await repo.save(a);
    const deleted = await repo.delete(a.id);
    expect(deleted).toEqual(a);
    expect(await repo.get(a.id)).toBeNull();
    expect(await repo.tags()).toEqual([]);

    expect(await repo.restore(deleted!)).toEqual(a);
    expect(await repo.get(a.id)).toEqual(a);
    expect(await repo.tags()).toEqual(['x']);
  });

  it('returns null when there is nothing to delete', async () => {
    expect(await repo.delete('missing')).toBeNull();
  });

  it('does not let an undo overwrite a newer record saved meanwhile', async () => {
    const a = makeAnnotation({ note: 'old' });
    await repo.save(a);
    const deleted = (await repo.delete(a.id))!;
    const recreated = { ...a, note: 'recreated', updatedAt: '2025-04-16T00:00:00.000Z' };
    await repo.save(recreated);
    expect(await repo.restore(deleted)).toEqual(recreated);
  });
});

describe('tags', () => {
  it('lists tags most used first, ties alphabetically', async () => {
    await repo.save(makeAnnotation({ tags: ['tsmc', 'hbm'] }));
    await repo.save(makeAnnotation({ tags: ['export-controls', 'hbm'] }));
    await repo.save(makeAnnotation({ tags: ['export-controls', 'hbm', 'bis'] }));
    await repo.save(makeAnnotation({ tags: [] }));
    expect(await repo.tags()).toEqual(['hbm', 'export-controls', 'bis', 'tsmc']);
  });
});

describe('importAtomic', () => {
  it('adds and updates in one go and counts them', async () => {
    const existing = makeAnnotation({ note: 'before' });
    await repo.save(existing);
    const added = [makeAnnotation({ note: 'new 1' }), makeAnnotation({ note: 'new 2' })];
    const counts = await repo.importAtomic({ add: added, update: [{ ...existing, note: 'after' }] });
    expect(counts).toEqual({ added: 2, updated: 1 });
    expect(await repo.count()).toBe(3);
    expect((await repo.get(existing.id))?.note).toBe('after');
    expect(await repo.get(added[1]!.id)).toEqual(added[1]);
  });

  it('writes nothing when a write fails inside the transaction (stale plan: an "add" id exists)', async () => {
    const existing = makeAnnotation({ note: 'before' });
    const clash = makeAnnotation({ note: 'already here' });
    await repo.save(existing);
    await repo.save(clash);
    const before = await snapshot();

    const plan = {
      update: [{ ...existing, note: 'after', updatedAt: '2025-05-01T00:00:00.000Z' }],
      // The first add succeeds at the IndexedDB level, the second fails with ConstraintError, the third is queued.
      add: [makeAnnotation({ note: 'new 1' }), { ...clash, note: 'duplicate' }, makeAnnotation({ note: 'new 3' })],
    };
    await expect(repo.importAtomic(plan)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when one record is invalid (missing primary key) and names the problem', async () => {
    await repo.save(makeAnnotation());
    const before = await snapshot();
    const { id: _dropped, ...noId } = makeAnnotation();
    const plan = { add: [makeAnnotation(), noId as Annotation, makeAnnotation()], update: [] };

    const error = await repo.importAtomic(plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidAnnotationError);
    expect((error as InvalidAnnotationError).problems).toHaveLength(1);
    expect((error as InvalidAnnotationError).problems[0]!.issues[0]).toMatch(/^id: /);
    expect(await snapshot()).toEqual(before);
  });

  it('is atomic at the IndexedDB level: a missing primary key aborts a transaction already writing', async () => {
    // Bypasses the repository's validation to show the rollback the repository relies on.
    await repo.save(makeAnnotation());
    const before = await snapshot();
    const { id: _dropped, ...noId } = makeAnnotation();
    await expect(
      db.transaction('rw', db.annotations, async () => {
        await db.annotations.bulkPut([makeAnnotation(), makeAnnotation()]);
        await db.annotations.put(noId as Annotation);
      }),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('invalid stored records (old builds, corruption)', () => {
  async function storeRaw(record: object): Promise<void> {
    await db.annotations.put(record as Annotation);
  }

  it('skips them in lists, reports them, and leaves them on disk', async () => {
    const good = makeAnnotation({ pageKey: 'p' });
    const { color: _c, ...rest } = makeAnnotation({ id: 'old-build', pageKey: 'p' });
    await repo.save(good);
    await storeRaw({ ...rest, colour: 'yellow' });

    expect(await repo.forPage('p')).toEqual([good]);
    expect(await repo.all()).toEqual([good]);
    expect(await repo.get('old-build')).toBeNull();
    expect(reported.map((p) => p.id)).toEqual(['old-build', 'old-build', 'old-build']);
    expect(reported[0]!.issues.join()).toMatch(/^color: /);
    expect(await repo.count()).toBe(2);

    const problems = await repo.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.record).toMatchObject({ id: 'old-build', colour: 'yellow' });
  });

  it('can delete one (returns null: nothing restorable) or replace it with a valid save', async () => {
    await storeRaw({ id: 'junk-1', pageKey: 42 });
    await storeRaw({ id: 'junk-2', updatedAt: '2999-01-01T00:00:00.000Z' });
    expect(await repo.delete('junk-1')).toBeNull();
    expect(await db.annotations.get('junk-1')).toBeUndefined();

    const fixed = makeAnnotation({ id: 'junk-2' });
    expect(await repo.save(fixed)).toEqual(fixed);
    expect(await repo.problems()).toEqual([]);
  });

  it('logs by default instead of throwing', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await storeRaw({ id: 'junk' });
      expect(await new AnnotationRepository(db).all()).toEqual([]);
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0]?.[0])).toContain('junk');
  });
});

describe('page key filter (content scripts: their own page origin only)', () => {
  const alice = 'https://alice.github.io/article/';
  const onlyMallory = (key: string) => key.startsWith('https://mallory.github.io/');

  it("does not delete another page's note, and leaves it stored", async () => {
    const note = await repo.save(makeAnnotation({ pageKey: alice }));
    await expect(repo.delete(note.id, onlyMallory)).rejects.toThrow(PageKeyNotAllowedError);
    expect(await repo.get(note.id)).toEqual(note);
    expect(await repo.delete(note.id)).toEqual(note);
  });

  it("does not save under another page's key, nor over another page's note with the same id", async () => {
    await expect(repo.save(makeAnnotation({ pageKey: alice }), onlyMallory)).rejects.toThrow(PageKeyNotAllowedError);
    const note = await repo.save(makeAnnotation({ pageKey: alice }));
    const takeover = { ...note, pageKey: 'https://mallory.github.io/copy/', updatedAt: '2030-01-01T00:00:00.000Z' };
    await expect(repo.save(takeover, onlyMallory)).rejects.toThrow(PageKeyNotAllowedError);
    expect(await repo.get(note.id)).toEqual(note);
    const own = makeAnnotation({ pageKey: 'https://mallory.github.io/copy/' });
    expect(await repo.save(own, onlyMallory)).toEqual(own);
  });
});

describe('getMany', () => {
  it('reads the stored records with these ids, leaving out missing ones and repeats', async () => {
    const a = await repo.save(makeAnnotation());
    const b = await repo.save(makeAnnotation());
    const found = await repo.getMany([b.id, 'missing', a.id, b.id]);
    expect(found.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
  });
});

describe('saveEdit: a stale edit is refused out loud', () => {
  it('throws StaleWriteError with the stored record and writes nothing when the stored one is newer', async () => {
    const stored = await repo.save(makeAnnotation({ note: 'newer', updatedAt: '2099-01-01T00:00:00.000Z' }));
    const edit = { ...stored, note: 'my edit', updatedAt: '2026-11-29T12:00:00.000Z' };
    const refused = await repo.saveEdit(edit).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaleWriteError);
    expect((refused as StaleWriteError).stored).toEqual(stored);
    expect(await repo.get(stored.id)).toEqual(stored);
  });

  it('stores an edit that is newer, or the same age', async () => {
    const stored = await repo.save(makeAnnotation());
    const edit = { ...stored, note: 'edited', updatedAt: '2026-11-29T12:00:00.000Z' };
    expect(await repo.saveEdit(edit)).toEqual(edit);
    expect(await repo.saveEdit({ ...edit, note: 'again' })).toMatchObject({ note: 'again' });
  });
});
