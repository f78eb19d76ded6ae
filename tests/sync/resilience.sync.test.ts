import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncError } from '../../lib/sync/errors';
import type { PouchFactory, PouchLike } from '../../lib/sync/pouch-types';
import { device } from './devices';
import { makeNote } from './memory-notes';
import { nodePouchFactory } from './pouch-node';
import { ALICE, BOB, startServerWithReaders, type TestServer } from './server';

let server: TestServer;
let dbCount = 0;

beforeAll(async () => {
  server = await startServerWithReaders();
});
afterAll(async () => {
  await server.dispose();
});

async function newDb(): Promise<string> {
  const db = `resilience-${++dbCount}`;
  await server.createDb(db, { members: ['alice', 'bob'] });
  return db;
}

/** A factory whose remote databases stop the server before the `after`-th call of `method` goes out. */
function interrupting(method: 'bulkDocs' | 'bulkGet', after: number): PouchFactory {
  const base = nodePouchFactory();
  return (name, options) => {
    const db = base(name, options);
    if (!/^https?:/.test(name)) return db;
    const target = db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = target[method]!.bind(db);
    let calls = 0;
    target[method] = async (...args: unknown[]) => {
      if (++calls === after) await server.stop();
      return original(...args);
    };
    return db as PouchLike;
  };
}

async function serverDocIds(db: string): Promise<string[]> {
  const res = await server.admin('GET', `/${db}/_all_docs`);
  return (res.body as { rows: { id: string }[] }).rows.map((r) => r.id).filter((id) => id.startsWith('note:'));
}

describe('interruptions', () => {
  it('the server stopped mid-push and mid-pull, the worker evicted: the next run resumes, nothing lost or doubled', async () => {
    const db = await newDb();
    const notes = Array.from({ length: 300 }, () => makeNote());
    const a = device(server.origin, db, ALICE, { batchSize: 25, pouch: interrupting('bulkDocs', 3) });
    for (const n of notes) a.notes.edit(n);
    const pushError = (await a.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
    expect(pushError.problem.kind).toBe('unreachable');
    await server.restart();
    const partial = await serverDocIds(db);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(300);

    // A new engine over the same mirror and notes, as after a service worker restart.
    const a2 = device(server.origin, db, ALICE, { notes: a.notes, mirrorName: a.engine.mirror.name, batchSize: 25 });
    await a2.engine.syncOnce();
    expect((await serverDocIds(db)).sort()).toEqual(notes.map((n) => `note:${n.id}`).sort());

    const b = device(server.origin, db, BOB, { batchSize: 25, pouch: interrupting('bulkGet', 4) });
    const pullError = (await b.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
    expect(pullError.problem.kind).toBe('unreachable');
    await server.restart();
    expect(b.notes.notes.size).toBeGreaterThan(0);
    expect(b.notes.notes.size).toBeLessThan(300);
    const b2 = device(server.origin, db, BOB, { notes: b.notes, mirrorName: b.engine.mirror.name, batchSize: 25 });
    const report = await b2.engine.syncOnce();
    expect(report.pushed).toBe(0);
    expect(b.notes.notes.size).toBe(300);
    for (const n of notes) expect(b.notes.notes.get(n.id)).toEqual(n);
    expect((await serverDocIds(db)).length).toBe(300);
  });

  it('a local store failing mid-apply: the apply checkpoint resumes and no note is pushed back as deleted', async () => {
    const db = await newDb();
    const a = device(server.origin, db, ALICE);
    const notes = Array.from({ length: 120 }, () => makeNote());
    for (const n of notes) a.notes.edit(n);
    await a.engine.syncOnce();
    const b = device(server.origin, db, BOB, { batchSize: 20 });
    const put = b.notes.put.bind(b.notes);
    let puts = 0;
    b.notes.put = async (annotation, origin) => {
      if (++puts === 50) throw new Error('evicted');
      return put(annotation, origin);
    };
    await expect(b.engine.syncOnce()).rejects.toThrow(/evicted/);
    b.notes.put = put;
    const b2 = device(server.origin, db, BOB, { notes: b.notes, mirrorName: b.engine.mirror.name, batchSize: 20 });
    await b2.engine.syncOnce();
    expect(b.notes.notes.size).toBe(120);
    expect((await serverDocIds(db)).length).toBe(120);
    await a.engine.syncOnce();
    expect(a.notes.notes.size).toBe(120);
  });
});

describe('hostile server documents', () => {
  it('are refused with a reason; local notes stay intact', async () => {
    const db = await newDb();
    const a = device(server.origin, db, ALICE);
    const x = makeNote();
    const y = makeNote();
    const z = makeNote();
    a.notes.edit(x);
    a.notes.edit(y);
    a.notes.edit(z);
    await a.engine.syncOnce();

    const valid = (id: string, overrides: object = {}) => ({
      _id: `note:${id}`,
      type: 'note',
      v: 1,
      notebook: db,
      author: 'Mallory',
      editor: 'Mallory',
      updatedAt: '2026-12-02T00:00:00.000Z',
      annotation: { ...makeNote({ id }, '2026-12-02T00:00:00.000Z') },
      ...overrides,
    });
    const put = async (doc: { _id: string }) => {
      const r = await server.admin('PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc);
      expect(r.status).toBeLessThan(300);
    };
    await put(
      valid('evil-url', {
        annotation: makeNote({ id: 'evil-url', url: 'javascript:alert(1)' }, '2026-12-02T00:00:00.000Z'),
      }),
    );
    await put(valid('evil-big', { padding: 'x'.repeat(1_100_000) }));
    await put(valid('evil-id', { annotation: { ...x, note: 'overwritten', updatedAt: '2026-12-02T00:00:00.000Z' } }));
    await put(valid('evil-shape', { annotation: { id: 'evil-shape', note: 42 } }));
    const future = '2100-01-01T00:00:00.000Z';
    const zNow = ((await server.admin('GET', `/${db}/note:${z.id}`)).body as { _rev: string })._rev;
    await put({
      ...valid(z.id),
      _rev: zNow,
      updatedAt: future,
      annotation: { ...z, note: 'from 2100', updatedAt: future },
    } as {
      _id: string;
    });
    const current = (await server.admin('GET', `/${db}/note:${x.id}`)).body as { _rev: string };
    await put({ ...valid(x.id), _rev: current._rev, annotation: { id: x.id, note: ['not', 'a', 'note'] } } as {
      _id: string;
    });
    const yRev = ((await server.admin('GET', `/${db}/note:${y.id}`)).body as { _rev: string })._rev;
    expect((await server.admin('DELETE', `/${db}/note:${y.id}?rev=${yRev}`)).status).toBe(200);
    await server.admin(
      'POST',
      `/${db}`,
      JSON.parse(`{"_id":"note:proto","__proto__":{"polluted":true},"type":"note"}`),
    );

    const report = await a.engine.syncOnce();
    expect(a.notes.notes.get(x.id)).toEqual(x);
    expect(a.notes.notes.get(y.id)).toEqual(y);
    expect(a.notes.notes.size).toBe(3);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const reasons = a.skipped.map((s) => `${s.id}: ${s.reason}`).join('\n');
    expect(reasons).toMatch(/note:evil-url: annotation.url is not an http\(s\) URL/);
    expect(reasons).toMatch(/note:evil-big: too large/);
    expect(reasons).toMatch(/note:evil-id: _id does not match annotation.id/);
    expect(reasons).toMatch(/note:evil-shape: annotation/);
    expect(reasons).toMatch(new RegExp(`note:${y.id}: deletion without a valid time`));
    expect(reasons).toMatch(new RegExp(`note:${z.id}: updatedAt is in the future`));
    expect(a.notes.notes.get(z.id)).toEqual(z);
    expect(report.appliedPuts + report.appliedDeletes).toBe(0);

    // The next run writes the local versions back over the damaged ones.
    await a.engine.syncOnce();
    const healed = (await server.admin('GET', `/${db}/note:${x.id}`)).body as { annotation: unknown };
    expect(healed.annotation).toEqual(x);
    expect((await server.admin('GET', `/${db}/note:${y.id}`)).status).toBe(200);
  });
});
