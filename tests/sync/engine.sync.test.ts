import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncError } from '../../lib/sync/errors';
import { type Device, device } from './devices';
import { makeNote } from './memory-notes';
import { ALICE, BOB, startServerWithReaders, type TestServer } from './server';

let server: TestServer;
let dbCount = 0;

beforeAll(async () => {
  server = await startServerWithReaders();
});
afterAll(async () => {
  await server.dispose();
});

async function pair(): Promise<[Device, Device, string]> {
  const db = `notes-${++dbCount}`;
  await server.createDb(db, { members: ['alice', 'bob'] });
  return [device(server.origin, db, ALICE), device(server.origin, db, BOB), db];
}

describe('two devices through a CouchDB-protocol server', () => {
  it('a note made on one device appears on the other, with its author', async () => {
    const [a, b] = await pair();
    const note = makeNote();
    a.notes.edit(note);
    const first = await a.engine.syncOnce();
    expect(first.pushed).toBe(1);
    const report = await b.engine.syncOnce();
    expect(report.appliedPuts).toBe(1);
    expect(b.notes.notes.get(note.id)).toEqual(note);
    expect(b.notes.origins.get(note.id)).toMatchObject({ author: 'Alice', editor: 'Alice' });
  });

  it('edits and deletions go both ways', async () => {
    const [a, b] = await pair();
    const one = makeNote();
    const two = makeNote();
    a.notes.edit(one);
    b.notes.edit(two);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect([...a.notes.notes.keys()].sort()).toEqual([one.id, two.id].sort());
    expect([...b.notes.notes.keys()].sort()).toEqual([one.id, two.id].sort());

    b.notes.edit({ ...one, note: 'edited by Bob', updatedAt: '2026-12-02T00:00:00.000Z' });
    a.notes.notes.delete(two.id);
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(a.notes.notes.get(one.id)?.note).toBe('edited by Bob');
    expect(a.notes.origins.get(one.id)).toMatchObject({ author: 'Alice', editor: 'Bob' });
    expect(b.notes.notes.has(two.id)).toBe(false);
    expect(a.notes.notes.has(two.id)).toBe(false);
  });

  it('concurrent edits end in one winner (newer updatedAt), the loser kept and restorable', async () => {
    const [a, b] = await pair();
    const note = makeNote();
    a.notes.edit(note);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    a.notes.edit({ ...note, note: 'Alice, later', updatedAt: '2026-12-03T12:00:00.000Z' });
    b.notes.edit({ ...note, note: 'Bob, earlier', updatedAt: '2026-12-03T11:00:00.000Z' });
    await a.engine.syncOnce();
    const bReport = await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(a.notes.notes.get(note.id)?.note).toBe('Alice, later');
    expect(b.notes.notes.get(note.id)?.note).toBe('Alice, later');
    expect(bReport.conflicts.map((c) => c.annotation?.note)).toEqual(['Bob, earlier']);
    const [copy] = await b.engine.conflicts();
    expect(copy).toMatchObject({ noteId: note.id, editor: 'Bob', winnerUpdatedAt: '2026-12-03T12:00:00.000Z' });

    // Settled: more runs move nothing and make no new conflict.
    for (const d of [a, b, a]) {
      const r = await d.engine.syncOnce();
      expect(r.conflicts).toEqual([]);
      expect(r.appliedPuts + r.appliedDeletes).toBe(0);
    }

    const restored = await b.engine.restoreConflict(note.id, copy!.rev);
    expect(restored?.note).toBe('Bob, earlier');
    expect(await b.engine.conflicts()).toEqual([]);
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(a.notes.notes.get(note.id)?.note).toBe('Bob, earlier');
  });

  it('a deletion newer than a concurrent edit wins; the edit is kept as a copy', async () => {
    const [a, b] = await pair();
    const note = makeNote();
    a.notes.edit(note);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    const late = new Date('2026-12-05T00:00:00.000Z');
    const deleter = device(server.origin, a.db, ALICE, {
      notes: a.notes,
      mirrorName: a.engine.mirror.name,
      now: () => late,
    });
    a.notes.notes.delete(note.id);
    b.notes.edit({ ...note, note: 'Bob edits', updatedAt: '2026-12-04T00:00:00.000Z' });
    await deleter.engine.syncOnce();
    const r = await b.engine.syncOnce();
    await deleter.engine.syncOnce();
    expect(b.notes.notes.has(note.id)).toBe(false);
    expect(a.notes.notes.has(note.id)).toBe(false);
    expect(r.conflicts.map((c) => c.annotation?.note)).toEqual(['Bob edits']);
  });
});

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live replication', () => {
  it('applies incoming changes as they arrive and sends local ones after notifyLocalChange', async () => {
    const [a, b] = await pair();
    const errors: unknown[] = [];
    await a.engine.syncOnce();
    a.engine.startLive(
      () => undefined,
      (e) => errors.push(e),
    );
    try {
      const fromB = makeNote();
      b.notes.edit(fromB);
      await b.engine.syncOnce();
      await until(() => a.notes.notes.has(fromB.id));
      const fromA = makeNote();
      a.notes.edit(fromA);
      await a.engine.notifyLocalChange();
      let arrived = false;
      const end = Date.now() + 15_000;
      while (!arrived && Date.now() < end) {
        await b.engine.syncOnce();
        arrived = b.notes.notes.has(fromA.id);
        if (!arrived) await new Promise((r) => setTimeout(r, 100));
      }
      expect(arrived).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      a.engine.stopLive();
    }
  });
});

describe('errors in words', () => {
  it('wrong credentials', async () => {
    const [, , db] = await pair();
    const d = device(server.origin, db, { ...ALICE, password: 'wrong' });
    const error = await d.engine.syncOnce().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).problem.kind).toBe('unauthorized');
    expect((error as SyncError).message).toMatch(/did not accept the user name or password/);
  });

  it('a database that does not exist', async () => {
    const d = device(server.origin, 'no-such-notebook', ALICE);
    const error = (await d.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
    expect(error.problem.kind).toBe('missing-database');
  });

  it('a read-only notebook: reading works, writes are refused and reported', async () => {
    const db = `team-${++dbCount}`;
    await server.createDb(db, { members: ['alice'], readers: ['bob'] });
    const a = device(server.origin, db, ALICE);
    const b = device(server.origin, db, BOB);
    const note = makeNote();
    a.notes.edit(note);
    await a.engine.syncOnce();
    const mine = makeNote();
    b.notes.edit(mine);
    const r = await b.engine.syncOnce();
    expect(b.notes.notes.get(note.id)).toEqual(note);
    expect(r.denied).toEqual([`note:${mine.id}`]);
    expect(b.notes.notes.has(mine.id)).toBe(true);
  });

  it('an unreachable server; the offline edit goes out later', async () => {
    const [a, b] = await pair();
    await server.stop();
    try {
      const note = makeNote();
      a.notes.edit(note);
      const error = (await a.engine.syncOnce().catch((e: unknown) => e)) as SyncError;
      expect(error.problem.kind).toBe('unreachable');
      expect(error.message).toMatch(/cannot be reached/);
      await server.restart();
      await a.engine.syncOnce();
      await b.engine.syncOnce();
      expect(b.notes.notes.get(note.id)).toEqual(note);
    } finally {
      await server.restart();
    }
  });
});
