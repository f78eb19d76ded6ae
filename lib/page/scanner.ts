/**
 * Keeps the page's visible text as an ordered list of blocks, each with its mentions, up to date as the page changes:
 * viewport first, then the whole page in time slices, then incrementally from coalesced DOM mutations.
 *
 * Every change to the list goes through one queue (start, rescan, rematch, mutation flushes), so no task writes back
 * a list another changed while it waited. stop() bumps a generation: queued work of an earlier generation is
 * skipped, and work in flight sees its signal aborted and publishes nothing.
 */
import { type Block, BlockWalker, isInsideSkipped, nearestBlock, type WalkOptions } from './blocks';
import { addDirtyRegions, mergeSorted } from './mutations';
import { afterNextRender, runSliced, yieldToPage } from './scheduler';
import { viewportContainers } from './viewport';

/** A match inside one block, offsets local to the block's text. */
export interface LocalMatch {
  start: number;
  end: number;
}

export interface ScannedBlock<M extends LocalMatch> extends Block {
  matches: M[];
}

export interface ScannerOptions<M extends LocalMatch> extends WalkOptions {
  /** Pure text -> matches function (the matcher). */
  match: (text: string) => M[];
  /** Called after blocks were added/removed (once per batch). */
  onChange: (change: { added: ScannedBlock<M>[]; removed: ScannedBlock<M>[] }) => void;
  /** Called once for each same-origin iframe document found (to listen for hover there too). */
  onDocument?: (doc: Document) => void;
  /** Past this many changed nodes in one frame, rescan the whole page (cheaper than tracking them). */
  hugeMutationCount?: number;
}

/** Least time between two flushes of mutations: one frame after a quiet spell, then at most this often. */
const FLUSH_GAP_MS = 200;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PageScanner<M extends LocalMatch> {
  private list: ScannedBlock<M>[] = [];
  private readonly byNode = new WeakMap<Text, ScannedBlock<M>>();
  /** Blocks whose text nodes are not in `byNode` yet: indexed on the first lookup, not during the scan. */
  private unindexed: ScannedBlock<M>[] = [];
  private readonly observers: MutationObserver[] = [];
  private observed = new WeakSet<Node>();
  private readonly dirty = new Set<Node>();
  /** A flush of the dirty blocks is scheduled. */
  private pending = false;
  /** When the last flush was scheduled to run (performance.now()). */
  private lastFlush = Number.NEGATIVE_INFINITY;
  /** Bumped by stop(): queued tasks of an earlier generation do nothing. */
  private generation = 0;
  /** Aborted by stop() and rescan(): the task in flight gives up at its next step and publishes nothing. */
  private abort = new AbortController();
  private running: Promise<void> = Promise.resolve();
  /** A rescan queued and not begun yet: further navigations join it. */
  private queuedRescan: Promise<void> | null = null;
  /** Resolves when the first full scan is done. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly opts: ScannerOptions<M>,
  ) {}

  /** Blocks in document order. */
  blocks(): readonly ScannedBlock<M>[] {
    return this.list;
  }

  /** The block a text node belongs to (hover hit-testing). */
  blockOf(node: Node): ScannedBlock<M> | undefined {
    if (node.nodeType !== 3) return undefined;
    this.index();
    return this.byNode.get(node as Text);
  }

  private index(): void {
    // In the order they were scanned, so a rescanned block replaces the one before it.
    for (const b of this.unindexed) for (const n of b.nodes) this.byNode.set(n, b);
    this.unindexed = [];
  }

  /** The page's joined visible text and each block's start offset in it (blocks joined with "\n"). */
  joined(): { text: string; starts: number[] } {
    const starts: number[] = [];
    let offset = 0;
    const parts: string[] = [];
    for (const b of this.list) {
      starts.push(offset);
      parts.push(b.text);
      offset += b.text.length + 1;
    }
    return { text: parts.join('\n'), starts };
  }

  /** Begin: viewport pre-pass, full scan in slices, then observe mutations. */
  start(): Promise<void> {
    this.observe(this.doc);
    this.ready = this.enqueue((signal) => this.fullScan(signal, true));
    return this.ready;
  }

  /**
   * Scan the whole page again (SPA navigation), keeping the blocks that did not change. Cancels the scan in flight;
   * calls made before the queued rescan begins share it.
   */
  rescan(): Promise<void> {
    this.cancelInFlight();
    this.queuedRescan ??= this.enqueue(async (signal) => {
      this.queuedRescan = null;
      // After the new route has rendered (see onMutations).
      await afterNextRender(this.doc.defaultView);
      if (!signal.aborted) await this.fullScan(signal, false);
    });
    return this.queuedRescan;
  }

  /** Re-run the matcher on every block without walking the page again (settings changed), after queued work. */
  rematch(): Promise<void> {
    return this.enqueue((signal) => {
      const removed = this.list;
      const added = removed.map((b) => ({ ...b, matches: this.opts.match(b.text) }));
      this.unindexed.push(...added);
      this.publish(signal, added, { added, removed });
    });
  }

  /** Stop scanning and observing; `start()` begins afresh (ChipLens switched off, then on again, on a site). */
  stop(): void {
    this.generation++;
    this.cancelInFlight();
    this.queuedRescan = null;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.observed = new WeakSet();
    this.dirty.clear();
    this.list = [];
    this.unindexed = [];
  }

  private cancelInFlight(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.pending = false;
  }

  /**
   * Run `task` once the tasks queued before it are done, with the signal current when it begins; skipped if stop()
   * came in between. A failing task is reported and does not stop the queue.
   */
  private enqueue(task: (signal: AbortSignal) => Promise<void> | void): Promise<void> {
    const generation = this.generation;
    const run = async () => {
      if (generation !== this.generation) return;
      try {
        await task(this.abort.signal);
      } catch (e) {
        console.warn('[ChipLens] page scan failed', e);
      }
    };
    this.running = this.running.then(run);
    return this.running;
  }

  /** The only writer of the list: nothing is published by a task whose signal was aborted while it waited. */
  private publish(
    signal: AbortSignal,
    list: ScannedBlock<M>[],
    change: { added: ScannedBlock<M>[]; removed: ScannedBlock<M>[] },
  ): boolean {
    if (signal.aborted) return false;
    this.list = list;
    if (change.added.length > 0 || change.removed.length > 0) this.opts.onChange(change);
    return true;
  }

  private scanBlock(b: Block): ScannedBlock<M> {
    const sb = b as ScannedBlock<M>;
    sb.matches = this.opts.match(b.text);
    this.unindexed.push(sb);
    // A page that keeps changing and is never hovered: index now rather than hold on to replaced blocks.
    if (this.unindexed.length > 2 * this.list.length + 1000) this.index();
    return sb;
  }

  /**
   * Walk `roots` in turn, in slices sharing one budget; returns their blocks (already matched), or null if aborted. A
   * block identical to one in `reuse` (same text nodes, same text) is that block, so its matches and marks are kept.
   * Shadow roots and frames are observed as soon as they are met: a change there later in the walk is not missed.
   */
  private async walk(
    roots: readonly Node[],
    signal: AbortSignal,
    reuse?: Map<Text, ScannedBlock<M>>,
  ): Promise<ScannedBlock<M>[] | null> {
    const out: ScannedBlock<M>[] = [];
    let next = 0;
    let walker: BlockWalker | null = null;
    let matched = 0;
    let observedRoots = 0;
    const done = await runSliced((deadline) => {
      for (;;) {
        if (!walker) {
          const root = roots[next++];
          if (!root) return true;
          walker = new BlockWalker(root, this.opts, nearestBlock(root));
          matched = 0;
          observedRoots = 0;
        }
        const finished = walker.step(deadline);
        while (observedRoots < walker.roots.length) this.observe(walker.roots[observedRoots++]!);
        // Match what has been collected so far within the same slice budget.
        while (matched < walker.out.length) {
          const b = walker.out[matched++]!;
          const same = reuse?.get(b.nodes[0]!);
          out.push(same && sameBlock(same, b) ? same : this.scanBlock(b));
          if (performance.now() > deadline) return false;
        }
        if (!finished) return false;
        walker = null;
      }
    }, signal);
    return done && !signal.aborted ? out : null;
  }

  private async fullScan(signal: AbortSignal, viewportFirst: boolean): Promise<void> {
    if (!this.doc.body) return;
    if (viewportFirst) {
      // Not after the next frame, as rescans do: that frame is the page's own big render (docs/performance.md).
      await yieldToPage();
      if (signal.aborted) return;
      const containers = viewportContainers(this.doc, this.opts);
      // Hit-testing and measuring the viewport is a task's worth of work on a heavy page: walk in the next one.
      await yieldToPage();
      if (signal.aborted) return;
      const early = containers.length > 0 ? await this.walk(containers, signal) : [];
      if (!early) return;
      if (early.length > 0 && this.publish(signal, early, { added: early, removed: [] })) {
        // Let the frame that paints them render before the full pass (else its slices run first); hidden tabs: go on.
        if (this.doc.visibilityState === 'visible') await afterNextRender(this.doc.defaultView);
      }
    }
    // The page may have replaced its body (or whole document element) while we waited.
    const body = this.doc.body;
    if (signal.aborted || !body) return;
    // The full pass meets the viewport's blocks again: keep those (and their marks) instead of replacing them.
    const early = new Map(this.list.map((b) => [b.nodes[0]!, b] as const));
    const all = await this.walk([body], signal, early);
    if (!all) return;
    const kept = new Set(all);
    const previous = new Set(this.list);
    const removed = this.list.filter((b) => !kept.has(b));
    this.publish(signal, all, { added: all.filter((b) => !previous.has(b)), removed });
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    const win = (root.nodeType === 9 ? (root as Document) : root.ownerDocument)?.defaultView;
    if (!win) return;
    this.observed.add(root);
    if (root.nodeType === 9 && root !== this.doc) this.opts.onDocument?.(root as Document);
    const mo = new win.MutationObserver((records) => this.onMutations(records));
    mo.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(mo);
  }

  private onMutations(records: MutationRecord[]): void {
    const removed = addDirtyRegions(records, this.dirty, this.opts.isOwnUi);
    if ((this.dirty.size > 0 || removed) && !this.pending) {
      const signal = this.abort.signal;
      // Read after the next frame has rendered (the page's style is then fresh, not recomputed in our task), and at
      // most every FLUSH_GAP_MS on a page that keeps changing (docs/performance.md).
      this.pending = true;
      const wait = this.lastFlush + FLUSH_GAP_MS - performance.now();
      const win = this.doc.defaultView;
      void (wait > 0 ? delay(wait).then(() => afterNextRender(win)) : afterNextRender(win)).then(() => {
        if (signal.aborted) return;
        this.pending = false;
        this.lastFlush = performance.now();
        void this.enqueue((s) => this.flushDirty(s));
      });
    }
  }

  private async flushDirty(signal: AbortSignal): Promise<void> {
    const dirty = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    if (dirty.length > (this.opts.hugeMutationCount ?? 1000)) return this.fullScan(signal, false);
    // Outermost dirty regions only, skipping our own UI and unscanned regions.
    const roots = dirty.filter(
      (n) =>
        !dirty.some((m) => m !== n && m.contains(n)) && !isInsideSkipped(n, { ...this.opts, checkVisibility: false }),
    );
    const removed: ScannedBlock<M>[] = [];
    const kept: ScannedBlock<M>[] = [];
    for (const b of this.list) {
      const gone = !b.container.isConnected || b.nodes.some((n) => !n.isConnected);
      if (gone || roots.some((r) => r === b.container || r.contains(b.container))) removed.push(b);
      else kept.push(b);
    }
    const added = roots.length > 0 ? await this.walk(roots, signal) : [];
    if (!added) return;
    if (removed.length === 0 && added.length === 0) return;
    this.publish(signal, mergeSorted(kept, added), { added, removed });
  }
}

function sameBlock(a: Block, b: Block): boolean {
  return a.text === b.text && a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n === b.nodes[i]);
}
