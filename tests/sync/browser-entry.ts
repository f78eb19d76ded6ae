/**
 * Runs in Chromium (browser.sync.test.ts): the engine bundled by Vite for the browser, with PouchDB's IndexedDB
 * adapter for the mirrors and its HTTP adapter for the server, syncing two in-memory "devices".
 */
import { browserPouchFactory } from '../../lib/sync/browser-pouch';
import { SyncEngine } from '../../lib/sync/engine';
import { SyncError } from '../../lib/sync/errors';
import { MemoryNotes, makeNote } from './memory-notes';

async function scenario(origin: string, db: string): Promise<Record<string, unknown>> {
  const pouch = browserPouchFactory();
  const engine = (name: string, notes: MemoryNotes, password = 'alice-pw') =>
    new SyncEngine({
      notebook: {
        id: db,
        remoteUrl: `${origin}/${db}`,
        username: 'alice',
        password,
        displayName: name,
        isDefault: true,
      },
      local: notes,
      pouch,
      mirrorName: `browser-${name}`,
    });
  const a = new MemoryNotes();
  const b = new MemoryNotes();
  const note = makeNote();
  a.edit(note);
  const first = await engine('A', a).syncOnce();
  const second = await engine('B', b).syncOnce();
  const wrong = await engine('C', new MemoryNotes(), 'wrong')
    .syncOnce()
    .then(
      () => 'no error',
      (e: unknown) => (e instanceof SyncError ? e.problem.kind : String(e)),
    );
  const mirrorAdapter = (engine('A', a).mirror as unknown as { adapter: string }).adapter;
  return {
    pushed: first.pushed,
    applied: second.appliedPuts,
    arrived: JSON.stringify(b.notes.get(note.id)) === JSON.stringify(note),
    wrong,
    mirrorAdapter,
  };
}

(globalThis as { chiplensSyncScenario?: typeof scenario }).chiplensSyncScenario = scenario;
