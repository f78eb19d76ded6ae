/**
 * Sync benchmark (issue 18): 10,000 notes go from device A through a CouchDB-protocol server (express-pouchdb,
 * in memory, 127.0.0.1) into device B's empty store, then back: B edits every note and A receives the edits.
 * Run: npx tsx tests/bench/sync-bench.ts [count]. Prints figures; the target here is under 60 s for the whole trip.
 */
import { loadavg } from 'node:os';
import { device } from '../sync/devices';
import { makeNote } from '../sync/memory-notes';
import { startServer } from '../sync/server';

const COUNT = Number(process.argv[2] ?? 10_000);
const ALICE = { username: 'alice', password: 'alice-pw', displayName: 'Alice' };
const BOB = { username: 'bob', password: 'bob-pw', displayName: 'Bob' };

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  const wall = ((performance.now() - start) / 1000).toFixed(2).padStart(7);
  console.log(`${label.padEnd(36)} ${wall} s wall, ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s CPU`);
  return result;
}

const server = await startServer();
try {
  await server.addUser(ALICE.username, ALICE.password);
  await server.addUser(BOB.username, BOB.password);
  await server.createDb('bench', { members: ['alice', 'bob'] });
  const a = device(server.origin, 'bench', ALICE);
  const b = device(server.origin, 'bench', BOB);
  for (let i = 0; i < COUNT; i++) a.notes.edit(makeNote({ note: `Benchmark note ${i} about H20 export licences.` }));
  const total = performance.now();
  const totalCpu = process.cpuUsage();
  const up = await timed(`A → server (${COUNT} new notes)`, () => a.engine.syncOnce());
  const down = await timed('server → B (empty store)', () => b.engine.syncOnce());
  if (b.notes.notes.size !== COUNT) throw new Error(`B has ${b.notes.notes.size} notes, expected ${COUNT}`);
  const edited = '2026-12-04T12:00:00.000Z';
  for (const n of b.notes.notes.values()) b.notes.edit({ ...n, note: `${n.note} (edited)`, updatedAt: edited });
  await timed(`B → server (${COUNT} edits)`, () => b.engine.syncOnce());
  const back = await timed('server → A (edits applied)', () => a.engine.syncOnce());
  const seconds = (performance.now() - total) / 1000;
  const cpuUsed = process.cpuUsage(totalCpu);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const wrong = [...a.notes.notes.values()].filter((n) => !n.note.endsWith('(edited)')).length;
  if (wrong > 0) throw new Error(`${wrong} notes on A did not get B's edit`);
  console.log(`pushed ${up.pushed}, B applied ${down.appliedPuts}, A applied ${back.appliedPuts}`);
  console.log(
    `round trip of ${COUNT} notes: ${seconds.toFixed(1)} s wall (target < 60 s: ${seconds < 60 ? 'OK' : 'SLOW'}), ` +
      `${cpuSeconds.toFixed(1)} s CPU (client and server share this process); load average ${loadavg()[0]?.toFixed(1)}`,
  );
  await a.engine.close();
  await b.engine.close();
} finally {
  await server.dispose();
}
