/**
 * The sync engine for one notebook (issue 18). Dexie stays the store the extension reads; a local PouchDB "mirror"
 * holds the replicated documents and replicates with the notebook's CouchDB database. One run ({@link SyncEngine.syncOnce}):
 *   1. apply: mirror changes not yet applied to the local notes (from the apply checkpoint) are validated and applied;
 *   2. push: local notes newer than the mirror (or new, or deleted) are written to the mirror, so offline edits wait
 *      there and go out later;
 *   3. pull from the server, resolve conflicts (newer `updatedAt` wins, losers kept as conflicted copies), apply;
 *   4. push the mirror to the server.
 * PouchDB keeps its own replication checkpoints on both sides and the engine keeps `_local/chiplens-applied`, so a run
 * cut short (service worker evicted, server gone) resumes where it stopped without loss or duplicates.
 * Everything runs through one queue, so two runs never interleave.
 */
import type { Annotation } from '../annotations/types';
import { readAppliedSeq, writeAppliedSeq } from './checkpoint';
import { addConflictCopies, listConflictCopies, takeConflictCopy } from './conflict-store';
import { checkRemoteUrl, describeSyncError, SyncError } from './errors';
import { annotationIdOf, annotationToDoc, noteDocId, parseIncomingDoc, sameAnnotation, tombstoneDoc } from './mapping';
import type { PouchChange, PouchFactory, PouchLike, PouchReplication, WritableDoc } from './pouch-types';
import { resolveLeaves } from './resolve';
import type {
  ConflictCopy,
  LocalNotesPort,
  NotebookConfig,
  NoteDoc,
  NoteOrigin,
  SkippedDoc,
  SyncReport,
} from './types';

/** What the engine is given. */
export interface SyncEngineOptions {
  notebook: NotebookConfig;
  local: LocalNotesPort;
  pouch: PouchFactory;
  clock?: () => Date;
  /** Whether a local note that is in no mirror yet belongs to this notebook (default: `notebook.isDefault`). */
  claims?: (annotation: Annotation) => boolean;
  /** Called for each refused document (default: console.warn). */
  onSkip?: (skipped: SkippedDoc) => void;
  /** Name of the local mirror database (default `chiplens-sync-<notebook id>`). */
  mirrorName?: string;
  batchSize?: number;
}

function emptyReport(): SyncReport {
  return { pushed: 0, pulled: 0, appliedPuts: 0, appliedDeletes: 0, skipped: [], conflicts: [], denied: [] };
}

function instant(iso: string): number {
  return Date.parse(iso);
}

/** Syncs one notebook's notes between the local port and a CouchDB database. */
export class SyncEngine {
  /** The local PouchDB mirror (exposed for tests and status). */
  readonly mirror: PouchLike;
  private readonly remote: PouchLike;
  private readonly clock: () => Date;
  private readonly claims: (annotation: Annotation) => boolean;
  private readonly onSkip: (skipped: SkippedDoc) => void;
  private readonly batchSize: number;
  private queue: Promise<unknown> = Promise.resolve();
  private live: PouchReplication | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    const { notebook } = options;
    const problem = checkRemoteUrl(notebook.remoteUrl, notebook.id);
    if (problem) throw new SyncError(problem);
    this.mirror = options.pouch(options.mirrorName ?? `chiplens-sync-${notebook.id}`);
    this.remote = options.pouch(notebook.remoteUrl, { username: notebook.username, password: notebook.password });
    this.clock = options.clock ?? (() => new Date());
    this.claims = options.claims ?? (() => notebook.isDefault);
    this.onSkip = options.onSkip ?? ((s) => console.warn(`[chiplens] sync: skipped ${s.id}: ${s.reason}`));
    this.batchSize = options.batchSize ?? 500;
  }

  /** One full run (apply, push to mirror, pull, resolve, apply, push to server). Throws {@link SyncError}. */
  syncOnce(): Promise<SyncReport> {
    return this.enqueue(async () => {
      const report = emptyReport();
      await this.applyMirror(report);
      await this.pushLocal();
      try {
        const pulled = await this.mirror.replicate.from(this.remote, { batch_size: this.batchSize }).then(
          (result) => result,
          async (error: unknown) => {
            await this.applyMirror(report).catch(() => undefined); // what arrived before the failure is kept
            throw error;
          },
        );
        report.pulled = pulled.docs_written;
        await this.applyMirror(report);
        const pushed = await this.mirror.replicate.to(this.remote, { batch_size: this.batchSize });
        report.pushed = pushed.docs_written;
        report.denied = deniedIds(pushed.errors);
      } catch (error) {
        throw new SyncError(describeSyncError(error, this.options.notebook.id));
      }
      return report;
    });
  }

  /**
   * Keeps replicating until {@link stopLive}: incoming changes are applied as they arrive, local changes go out after
   * {@link notifyLocalChange}. Errors are reported through `onError` (PouchDB retries with back-off meanwhile).
   */
  startLive(onReport: (report: SyncReport) => void, onError: (error: SyncError) => void): void {
    if (this.live) return;
    const live = this.mirror.sync(this.remote, { live: true, retry: true, batch_size: this.batchSize });
    live.on('change', () => {
      this.enqueue(async () => {
        const report = emptyReport();
        await this.applyMirror(report);
        onReport(report);
      }).catch((e: unknown) => onError(new SyncError(describeSyncError(e, this.options.notebook.id))));
    });
    live.on('error', (e) => onError(new SyncError(describeSyncError(e, this.options.notebook.id))));
    live.on('denied', (e) => onError(new SyncError(describeSyncError(e, this.options.notebook.id))));
    this.live = live;
  }

  /** Stops live replication (its checkpoint is kept: the next start resumes from it). */
  stopLive(): void {
    this.live?.cancel();
    this.live = null;
  }

  /** Tells the engine local notes changed: they are written to the mirror (and go out live, if live). */
  notifyLocalChange(): Promise<number> {
    return this.enqueue(async () => {
      await this.applyMirror(emptyReport());
      return this.pushLocal();
    });
  }

  /** Who made and last changed a note, as its replicated document says (null if it is not in this notebook). */
  async origin(noteId: string): Promise<NoteOrigin | null> {
    const doc = await this.mirror.get(noteDocId(noteId)).catch(() => null);
    const parsed = parseIncomingDoc(doc, this.clock());
    if (parsed.kind !== 'note') return null;
    return { notebook: parsed.doc.notebook, author: parsed.doc.author, editor: parsed.doc.editor };
  }

  /** The conflicted copies kept on this device, newest first. */
  conflicts(): Promise<ConflictCopy[]> {
    return listConflictCopies(this.mirror);
  }

  /**
   * Restores a losing revision as the newest edit (its `updatedAt` set to now) and forgets the copy. Returns the
   * restored note, or null if the copy is unknown or was a deletion.
   */
  restoreConflict(noteId: string, rev: string): Promise<Annotation | null> {
    return this.enqueue(async () => {
      const copy = await takeConflictCopy(this.mirror, noteId, rev);
      if (copy?.annotation == null) return null;
      const restored = { ...copy.annotation, updatedAt: this.clock().toISOString() };
      const me = this.options.notebook.displayName;
      await this.options.local.put(restored, { notebook: this.options.notebook.id, author: me, editor: me });
      await this.pushLocal();
      return restored;
    });
  }

  /** Stops live replication and closes both databases. */
  async close(): Promise<void> {
    this.stopLive();
    await this.queue.catch(() => undefined);
    await this.mirror.close();
    await this.remote.close();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes local changes into the mirror; returns how many documents were written. */
  private async pushLocal(): Promise<number> {
    const { notebook } = this.options;
    const me = notebook.displayName;
    const locals = await this.options.local.list();
    const localIds = new Set(locals.map((a) => a.id));
    const rows = (await this.mirror.allDocs({ keys: locals.map((a) => noteDocId(a.id)), include_docs: true })).rows;
    const writes: WritableDoc[] = [];
    for (const [i, a] of locals.entries()) {
      const row = rows[i];
      if (row?.doc && !row.value?.deleted) {
        if (holds(row.doc, a)) continue;
        const parsed = parseIncomingDoc(row.doc, this.clock());
        const stored = parsed.kind === 'note' ? parsed.doc : null;
        if (stored && (instant(stored.updatedAt) > instant(a.updatedAt) || sameAnnotation(stored.annotation, a)))
          continue;
        writes.push({ ...annotationToDoc(a, notebook.id, stored?.author ?? me, me), _rev: row.doc._rev });
      } else if (row?.value?.deleted) {
        const tomb = parseIncomingDoc(await this.mirror.get(row.id, { rev: row.value.rev }), this.clock());
        if (tomb.kind === 'tombstone' && instant(tomb.updatedAt) >= instant(a.updatedAt)) continue;
        writes.push({ ...annotationToDoc(a, notebook.id, me, me), _rev: row.value.rev });
      } else if (this.claims(a)) {
        writes.push({ ...annotationToDoc(a, notebook.id, me, me) });
      }
    }
    const now = this.clock().toISOString();
    for (const row of (await this.mirror.allDocs({ include_docs: true, startkey: 'note:', endkey: 'note:\uffff' }))
      .rows) {
      const id = annotationIdOf(row.id);
      if (id === null || localIds.has(id) || !row.doc) continue;
      if (parseIncomingDoc(row.doc, this.clock()).kind !== 'note') continue; // a refused document is never acted on
      writes.push({ ...tombstoneDoc(id, notebook.id, me, now), _rev: row.doc._rev });
    }
    // In batches: one transaction per batch keeps IndexedDB transactions short (and PouchDB's LevelDB adapters
    // build each transaction's operation list by copying it, quadratic in its length).
    let written = 0;
    for (let i = 0; i < writes.length; i += this.batchSize) {
      const results = await this.mirror.bulkDocs(writes.slice(i, i + this.batchSize));
      written += results.filter((r) => r.ok).length;
    }
    return written;
  }

  /** Applies every mirror change after the apply checkpoint to the local notes, resolving conflicts first. */
  private async applyMirror(report: SyncReport): Promise<void> {
    const byId = new Map((await this.options.local.list()).map((a) => [a.id, a]));
    let since = await readAppliedSeq(this.mirror);
    for (;;) {
      const page = await this.mirror.changes({ since, limit: this.batchSize, include_docs: true, style: 'all_docs' });
      if (page.results.length === 0) break;
      for (const change of page.results) await this.applyChange(change, byId, report);
      since = page.last_seq;
      await writeAppliedSeq(this.mirror, since);
    }
  }

  private async applyChange(change: PouchChange, byId: Map<string, Annotation>, report: SyncReport): Promise<void> {
    if (annotationIdOf(change.id) === null) return;
    if (change.changes.length > 1) {
      const resolved = await this.resolve(change.id, report);
      if (resolved) return; // the resolution is a new change, applied when the feed reaches it
    }
    const local = byId.get(annotationIdOf(change.id)!);
    if (local && holds(change.doc, local)) return; // e.g. our own push coming back
    const parsed = parseIncomingDoc(change.doc, this.clock());
    const { notebook } = this.options;
    if (parsed.kind === 'invalid') {
      const skipped = { id: change.id.slice(0, 205), reason: parsed.reason };
      report.skipped.push(skipped);
      this.onSkip(skipped);
    } else if (parsed.kind === 'note') {
      const doc: NoteDoc = parsed.doc; // its annotation id is the change's (checked by the parse)
      const newer = !local || instant(doc.updatedAt) > instant(local.updatedAt);
      const tie =
        local && instant(doc.updatedAt) === instant(local.updatedAt) && !sameAnnotation(doc.annotation, local);
      if (!newer && !tie) return;
      await this.options.local.put(doc.annotation, { notebook: notebook.id, author: doc.author, editor: doc.editor });
      byId.set(doc.annotation.id, doc.annotation);
      report.appliedPuts++;
    } else if (parsed.kind === 'tombstone') {
      const id = annotationIdOf(parsed.id)!;
      if (!local || instant(local.updatedAt) > instant(parsed.updatedAt)) return;
      await this.options.local.delete(id);
      byId.delete(id);
      report.appliedDeletes++;
    }
  }

  /** Resolves a document with several live leaves; returns true if it wrote to the mirror. */
  private async resolve(docId: string, report: SyncReport): Promise<boolean> {
    const leaves = (await this.mirror.get(docId, { open_revs: 'all' })).flatMap((r) => (r.ok ? [r.ok] : []));
    const plan = resolveLeaves(leaves, this.options.notebook.id, this.clock().toISOString());
    for (const invalid of plan.invalid) {
      const skipped = { id: docId, reason: `conflicting revision ${invalid.rev}: ${invalid.reason}` };
      report.skipped.push(skipped);
      this.onSkip(skipped);
    }
    if (plan.writes.length === 0) return false;
    await this.mirror.bulkDocs(plan.writes);
    await addConflictCopies(this.mirror, plan.copies);
    report.conflicts.push(...plan.copies);
    return true;
  }
}

/**
 * True if a mirror document is a live note with exactly this annotation: nothing to apply or push, and no need to
 * validate it (it equals a note that is already valid). Anything unexpected answers false and goes the validating way.
 */
function holds(raw: unknown, local: Annotation): boolean {
  const doc = raw as { _deleted?: unknown; updatedAt?: unknown; annotation?: unknown } | undefined;
  if (!doc || doc._deleted === true || doc.updatedAt !== local.updatedAt || typeof doc.annotation !== 'object')
    return false;
  try {
    return sameAnnotation(doc.annotation as Annotation, local);
  } catch {
    return false;
  }
}

/** Ids of documents the server refused with 403 (read-only notebook). */
function deniedIds(errors: readonly unknown[]): string[] {
  return errors.flatMap((e) => {
    const err = e as { status?: number; name?: string; id?: string };
    return err.status === 403 || err.name === 'forbidden' ? [String(err.id ?? '(unknown)')] : [];
  });
}
