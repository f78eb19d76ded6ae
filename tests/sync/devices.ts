/** Two-device helpers for the sync integration tests. */
import { SyncEngine } from '../../lib/sync/engine';
import type { PouchFactory } from '../../lib/sync/pouch-types';
import type { SkippedDoc } from '../../lib/sync/types';
import { MemoryNotes } from './memory-notes';
import { nodePouchFactory } from './pouch-node';

export interface Device {
  name: string;
  /** The database (notebook) it syncs. */
  db: string;
  notes: MemoryNotes;
  engine: SyncEngine;
  skipped: SkippedDoc[];
}

let seq = 0;

/** A device: its own notes and its own mirror, syncing database `db` on the server as `user`. */
export function device(
  origin: string,
  db: string,
  user: { username: string; password: string; displayName: string },
  options: {
    notes?: MemoryNotes;
    mirrorName?: string;
    pouch?: PouchFactory;
    batchSize?: number;
    now?: () => Date;
  } = {},
): Device {
  seq++;
  const notes = options.notes ?? new MemoryNotes();
  const skipped: SkippedDoc[] = [];
  const engine = new SyncEngine({
    notebook: { id: db, remoteUrl: `${origin}/${db}`, ...user, isDefault: true },
    local: notes,
    pouch: options.pouch ?? nodePouchFactory(),
    mirrorName: options.mirrorName ?? `device-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    onSkip: (s) => skipped.push(s),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.now ? { clock: options.now } : {}),
  });
  return { name: user.displayName, db, notes, engine, skipped };
}
