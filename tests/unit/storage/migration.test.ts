/**
 * Schema migrations: data written by an older build must survive being opened by the current one.
 *
 * Recipe for every new schema version vN (see the comment on SCHEMA_VERSIONS in lib/storage/db.ts):
 *   seedWithSchema(name, upTo(SCHEMA_VERSIONS, N - 1), { annotations: [records in the vN-1 shape] });
 *   const db = openDb(name);                       // runs the vN upgrade
 *   expect(await new AnnotationRepository(db).all()).toEqual([records in the vN shape]);
 *   expect(await repo.problems()).toEqual([]);     // the upgrade left nothing invalid behind
 * The "hypothetical v2" test below is that recipe, run against a v2 declared in the test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import { AnnotationRepository } from '../../../lib/storage/annotation-repository';
import { ChipLensDb, openDb, SCHEMA_VERSIONS, type SchemaVersion } from '../../../lib/storage/db';
import { freshDbName, makeAnnotation } from './make-annotation';
import { openWithSchema, seedWithSchema, upTo } from './migration-harness';

const opened: ChipLensDb[] = [];

function track(db: ChipLensDb): ChipLensDb {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A v1-era record that used the British spelling, as an unreleased build might have written. */
function withColour(a: Annotation): object {
  const { color, ...rest } = a;
  return { ...rest, colour: color };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('opening data written with the real v1 declaration', () => {
  it('keeps every record and reads it through the repository and its indexes', async () => {
    const name = freshDbName('v1');
    const records = [
      makeAnnotation({ pageKey: 'p', tags: ['bis', 'h20'], entityIds: ['nvidia-h20'], note: '出口管制 — 新规' }),
      makeAnnotation({ pageKey: 'p', tags: ['bis'], color: 'pink' }),
      makeAnnotation({ pageKey: 'q', entityIds: ['tsmc'] }),
    ];
    await seedWithSchema(name, upTo(SCHEMA_VERSIONS, 1), { annotations: records });

    const db = track(openDb(name));
    const repo = new AnnotationRepository(db);
    expect((await repo.all()).sort(byId)).toEqual([...records].sort(byId));
    expect(await repo.forPage('p')).toHaveLength(2);
    expect(await repo.tags()).toEqual(['bis', 'h20']);
    expect(await db.annotations.where('entityIds').equals('tsmc').count()).toBe(1);
    expect(await repo.problems()).toEqual([]);
  });
});

describe('opening data left by a build whose v1 differed', () => {
  it('adds indexes a dev build lacked without losing records', async () => {
    const name = freshDbName('fewer-indexes');
    const records = [makeAnnotation({ tags: ['hbm'] }), makeAnnotation({ tags: ['hbm', 'cowos'] })];
    await seedWithSchema(name, [{ version: 1, stores: { annotations: 'id, pageKey' } }], { annotations: records });

    // Dexie 4 notices the same version number with a wider schema, warns, and adds the missing indexes.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = track(openDb(name));
    expect(await db.annotations.where('tags').equals('hbm').count()).toBe(2);
    expect(await new AnnotationRepository(db).tags()).toEqual(['hbm', 'cowos']);
    expect(await db.annotations.orderBy('updatedAt').count()).toBe(2);
  });

  it('surfaces records in an old shape instead of failing, and keeps them on disk', async () => {
    const name = freshDbName('old-shape');
    const current = makeAnnotation({ pageKey: 'p' });
    const old = makeAnnotation({ pageKey: 'p', id: 'from-old-build' });
    await seedWithSchema(name, upTo(SCHEMA_VERSIONS, 1), { annotations: [current, withColour(old)] });

    const problems: string[] = [];
    const repo = new AnnotationRepository(track(openDb(name)), { onProblem: (p) => problems.push(p.id ?? '') });
    expect(await repo.forPage('p')).toEqual([current]);
    expect(problems).toEqual(['from-old-build']);
    expect(await repo.count()).toBe(2);
    expect((await repo.problems())[0]?.record).toEqual(withColour(old));
  });
});

describe('how a future v2 is tested (v2 declared here, not shipped)', () => {
  const V2: readonly SchemaVersion[] = [
    ...SCHEMA_VERSIONS,
    {
      version: 2,
      stores: { annotations: 'id, pageKey, *tags, *entityIds, updatedAt, createdAt, color' },
      upgrade: (tx) =>
        tx
          .table('annotations')
          .toCollection()
          .modify((a: Record<string, unknown>) => {
            if (a.color === undefined && typeof a.colour === 'string') a.color = a.colour;
            delete a.colour;
          }),
    },
  ];

  it('runs the upgrade once on v1 data, leaving every record valid and the new index usable', async () => {
    const name = freshDbName('v2');
    const fine = makeAnnotation({ color: 'blue' });
    const old = makeAnnotation({ color: 'green' });
    await seedWithSchema(name, upTo(V2, 1), { annotations: [fine, withColour(old)] });

    const db = track(new ChipLensDb(name, V2));
    const repo = new AnnotationRepository(db);
    expect((await repo.all()).sort(byId)).toEqual([fine, old].sort(byId));
    expect(await repo.problems()).toEqual([]);
    expect(await db.annotations.where('color').equals('green').primaryKeys()).toEqual([old.id]);
    expect(db.verno).toBe(2);
  });

  it('still lets the v1 build read the data after an upgrade to v2 (extension downgraded)', async () => {
    const name = freshDbName('downgrade');
    const a = makeAnnotation();
    const upgraded = await openWithSchema(name, V2);
    await upgraded.table('annotations').add(a);
    upgraded.close();

    const repo = new AnnotationRepository(track(openDb(name)));
    expect(await repo.all()).toEqual([a]);
  });
});
