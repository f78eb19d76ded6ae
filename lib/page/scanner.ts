/**
 * Keeps the page's visible text as an ordered list of blocks, each with its mentions, up to date as the page changes:
 * viewport first, then the whole page in time slices, then incrementally from coalesced DOM mutations.
 */
import { type Block, BlockWalker, compareComposed, isInsideSkipped, nearestBlock, type WalkOptions } from './blocks';
import { afterNextRender, runSliced, yieldToPage } from './scheduler';

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
  private abort = new AbortController();
  private running: Promise<void> = Promise.resolve();
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
    this.ready = this.enqueue(() => this.fullScan(true));
    return this.ready;
  }

  /** Scan the whole page again (SPA navigation), keeping the blocks that did not change. */
  rescan(): Promise<void> {
    this.abort.abort();
    this.abort = new AbortController();
    this.pending = false;
    const signal = this.abort.signal;
    // After the new route has rendered (see onMutations).
    return this.enqueue(async () => {
      await afterNextRender(this.doc.defaultView);
      if (!signal.aborted) await this.fullScan(false);
    });
  }

  /** Re-run the matcher on every block without walking the page again (settings changed). */
  rematch(): void {
    const removed = this.list;
    this.list = removed.map((b) => ({ ...b, matches: this.opts.match(b.text) }));
    this.unindexed.push(...this.list);
    this.opts.onChange({ added: this.list, removed });
  }

  /** Stop scanning and observing; `start()` begins afresh (ChipLens switched off, then on again, on a site). */
  stop(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.observed = new WeakSet();
    this.pending = false;
    this.dirty.clear();
    this.list = [];
    this.unindexed = [];
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.running = this.running.then(task, task);
    return this.running;
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
   * Walk `root` in slices; returns its blocks (already matched), or null if aborted. A block identical to one in
   * `reuse` (same text nodes, same text) is that block, so its matches and marks are kept rather than redone.
   */
  private async walk(
    root: Node,
    signal: AbortSignal,
    reuse?: Map<Text, ScannedBlock<M>>,
  ): Promise<ScannedBlock<M>[] | null> {
    const walker = new BlockWalker(root, this.opts, nearestBlock(root));
    const out: ScannedBlock<M>[] = [];
    let matched = 0;
    const done = await runSliced((deadline) => {
      const finished = walker.step(deadline);
      // Match what has been collected so far within the same slice budget.
      while (matched < walker.out.length) {
        const b = walker.out[matched++]!;
        const same = reuse?.get(b.nodes[0]!);
        out.push(same && sameBlock(same, b) ? same : this.scanBlock(b));
        if (performance.now() > deadline) return false;
      }
      return finished;
    }, signal);
    for (const r of walker.roots) this.observe(r);
    return done ? out : null;
  }

  private async fullScan(viewportFirst: boolean): Promise<void> {
    const signal = this.abort.signal;
    const body = this.doc.body;
    if (!body) return;
    if (viewportFirst) {
      // Not after the next frame, as rescans do: on a long page that first frame is the page's own big render, and
      // waiting for it delayed the first highlight past 100 ms (500k-word benchmark page).
      await yieldToPage();
      if (signal.aborted) return;
      const containers = this.viewportContainers();
      // Hit-testing and measuring the viewport is a task's worth of work on a heavy page: walk in the next one.
      await yieldToPage();
      if (signal.aborted) return;
      const early: ScannedBlock<M>[] = [];
      for (const c of containers) {
        const blocks = await this.walk(c, signal);
        if (!blocks) return;
        early.push(...blocks);
      }
      if (early.length > 0) {
        this.list = early;
        this.opts.onChange({ added: early, removed: [] });
        // Let the frame that paints them render before the full pass: its slices would otherwise run first (measured:
        // first highlights painted 60-80 ms after they were registered). A hidden tab renders no frame: go on.
        if (this.doc.visibilityState === 'visible') {
          await afterNextRender(this.doc.defaultView);
          if (signal.aborted) return;
        }
      }
    }
    // The full pass meets the viewport's blocks again: keep those (and their marks) instead of replacing them.
    const early = new Map(this.list.map((b) => [b.nodes[0]!, b] as const));
    const all = await this.walk(body, signal, early);
    if (!all) return;
    const kept = new Set(all);
    const removed = this.list.filter((b) => !kept.has(b));
    const previous = new Set(this.list);
    this.list = all;
    this.opts.onChange({ added: all.filter((b) => !previous.has(b)), removed });
  }

  /**
   * Block elements in the viewport, in document order, found from a grid of points. A tall container hit between its
   * paragraphs (an <article>) is narrowed to its children that intersect the viewport, so the pre-pass walks about
   * one screen of text, not the page.
   */
  private viewportContainers(): Node[] {
    const win = this.doc.defaultView;
    if (!win || typeof this.doc.elementFromPoint !== 'function') return [];
    const h = win.innerHeight;
    const w = win.innerWidth;
    const found = new Set<Element>();
    // A coarse grid: each probe is a hit test, and one screen of text needs only a few of them to be found.
    for (let y = 0.1; y < 1; y += 0.2) {
      for (let x = 0.2; x < 1; x += 0.3) {
        const el = this.doc.elementFromPoint(w * x, h * y);
        if (!el || el === this.doc.body || el === this.doc.documentElement) continue;
        const block = nearestBlock(el);
        if (block.nodeType !== 1 || isInsideSkipped(block, this.opts)) continue;
        for (const b of narrowToViewport(block as Element, h)) found.add(b);
      }
    }
    const list = [...found].filter((n) => ![...found].some((m) => m !== n && m.contains(n)));
    // A few elements: sorting them is cheap, and walking each in turn then yields blocks in document order.
    return list.sort((a, b) => compareComposed(a, b));
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
    for (const r of records) {
      if (r.type === 'characterData') {
        const p = r.target.parentNode;
        if (p) this.dirty.add(nearestBlock(p));
        continue;
      }
      if (this.opts.isOwnUi && r.target.nodeType === 1 && this.opts.isOwnUi(r.target as Element)) continue;
      let inlineChange = r.removedNodes.length > 0;
      r.addedNodes.forEach((n) => {
        if (n.nodeType === 1 && this.opts.isOwnUi?.(n as Element)) return;
        // Appended block elements (infinite scroll, new paragraphs) are their own dirty regions; text or inline
        // elements change the text of the surrounding block.
        if (n.nodeType === 1 && nearestBlock(n) === n) this.dirty.add(n);
        else if (n.nodeType === 3 || n.nodeType === 1) inlineChange = true;
      });
      if (inlineChange) this.dirty.add(nearestBlock(r.target));
    }
    if (this.dirty.size > 0 && !this.pending) {
      const signal = this.abort.signal;
      // Coalesced once per frame, and read after that frame's rendering: the page has just changed its DOM, so its
      // style is stale, and reading visibility before the frame would make the page's own style and layout work run
      // inside our task (measured: a 50 ms "ChipLens" task on a corpus page).
      this.pending = true;
      void afterNextRender(this.doc.defaultView).then(() => {
        if (signal.aborted) return;
        this.pending = false;
        void this.enqueue(() => this.flushDirty());
      });
    }
  }

  private async flushDirty(): Promise<void> {
    const signal = this.abort.signal;
    const dirty = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    if (dirty.length > (this.opts.hugeMutationCount ?? 1000)) return this.fullScan(false);
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
    const added: ScannedBlock<M>[] = [];
    for (const r of roots) {
      const blocks = await this.walk(r, signal);
      if (!blocks) return;
      added.push(...blocks);
    }
    if (removed.length === 0 && added.length === 0) return;
    this.list = mergeSorted(kept, added);
    this.opts.onChange({ added, removed });
  }
}

function mergeSorted<T extends Block>(a: T[], b: T[]): T[] {
  if (b.length === 0) return a;
  b.sort((x, y) => compareComposed(x.nodes[0]!, y.nodes[0]!));
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareComposed(a[i]!.nodes[0]!, b[j]!.nodes[0]!) <= 0) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Children of a tall element that intersect the viewport (recursively), found by binary search on their position. */
function narrowToViewport(el: Element, viewportHeight: number, depth = 0): Element[] {
  const r = el.getBoundingClientRect();
  if (r.height <= viewportHeight * 1.5 || depth > 6 || el.children.length === 0) return [el];
  const kids = el.children;
  // Children of a block container are laid out top to bottom: find the first one that ends below the viewport top.
  let lo = 0;
  let hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kids[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: Element[] = [];
  for (let i = lo; i < kids.length && out.length < 100; i++) {
    const kr = kids[i]!.getBoundingClientRect();
    if (kr.top > viewportHeight) break;
    if (kr.height === 0 && kr.width === 0) continue;
    out.push(...narrowToViewport(kids[i]!, viewportHeight, depth + 1));
  }
  return out.length > 0 ? out : [el];
}

function sameBlock(a: Block, b: Block): boolean {
  return a.text === b.text && a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n === b.nodes[i]);
}
