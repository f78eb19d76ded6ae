/**
 * Detection on the live page: the scanner's blocks run through the matcher, mentions are marked with the highlighter,
 * and the current mentions can be listed in document order or hit-tested from a pointer position.
 */
import type { EntityType } from '../../lib/dataset/types';
import type { Matcher, Mention } from '../../lib/detection/types';
import { type Highlighter, highlightName } from '../../lib/highlight';
import type { MentionInfo } from '../../lib/messaging/protocol';
import { isCurrent, rangeFor, staticRangeFor } from '../../lib/page/blocks';
import { PageScanner, type ScannedBlock } from '../../lib/page/scanner';
import { runSliced } from '../../lib/page/scheduler';
import { MarkWindow } from './mark-window';

export type MentionBlock = ScannedBlock<Mention>;

/**
 * Past this many mentions, only blocks within a screen of the viewport are marked. Chromium rebuilds the markers of
 * every registered highlight range whenever the registry, the DOM or styles change, in one rendering task: with
 * thousands of ranges that task alone passes 50 ms (tests/bench, 500k words). No news page comes near this.
 */
export const MARK_ALL_LIMIT = 2000;

/** A page with a batch of changes at least this often, for CHURN_SPAN_MS, is marked near the viewport only. */
const CHURN_GAP_MS = 250;
const CHURN_SPAN_MS = 1500;

/** One mention located on the page. */
export interface PageMention {
  block: MentionBlock;
  mention: Mention;
}

export interface DetectorOptions {
  matcher: Matcher;
  highlighter: Highlighter;
  isOwnUi: (el: Element) => boolean;
  /** Current filter (disabled types, "not this"); re-read on every match. */
  skip: () => (entityId: string, aliasKey: string) => boolean;
  /** Called after each batch of changes (side panel refresh, anchoring retries). */
  onUpdate?: () => void;
  /** Past this many mentions on the page only those near the viewport are marked (default MARK_ALL_LIMIT). */
  markAllLimit?: number;
  /** A same-origin iframe document was found. */
  onDocument?: (doc: Document) => void;
}

export class Detector {
  readonly scanner: PageScanner<Mention>;
  private readonly ranges = new WeakMap<Mention, Range>();
  private readonly marks = new WeakMap<Mention, AbstractRange>();

  constructor(
    doc: Document,
    private readonly opts: DetectorOptions,
  ) {
    this.scanner = new PageScanner<Mention>(doc, {
      isOwnUi: opts.isOwnUi,
      onDocument: opts.onDocument,
      match: (text) => opts.matcher.match(text, { skip: opts.skip() }),
      onChange: ({ added, removed }) => {
        for (const b of removed) {
          opts.highlighter.remove(b);
          this.unmarked.delete(b);
          this.dropped.add(b);
          this.mentionCount -= b.matches.length;
          this.window?.forget(b);
        }
        for (const b of added) {
          if (b.matches.length === 0) continue;
          this.unmarked.add(b);
          this.mentionCount += b.matches.length;
          this.window?.track(b);
        }
        if (!this.window && this.mentionCount > (opts.markAllLimit ?? MARK_ALL_LIMIT)) this.startWindow();
        else if (!this.window && this.churning()) this.startWindow('25% 0px');
        void this.markPending();
        opts.onUpdate?.();
      },
    });
  }

  /** Blocks whose mentions are not marked yet, marked in short slices (thousands of ranges on a long page). */
  private readonly unmarked = new Set<MentionBlock>();
  /** Blocks removed from the page (not to be marked by a batch that was prepared before they went). */
  private readonly dropped = new WeakSet<MentionBlock>();
  /** Aborted by stop(): a marking loop of an earlier start marks nothing more. */
  private life = new AbortController();
  /** The signal of the generation whose marking loop is running, if one is. */
  private marking: AbortSignal | null = null;
  private mentionCount = 0;
  /** When the recent batches of changes came (see churning()). */
  private batches: number[] = [];
  /** On a page with very many mentions: only blocks near the viewport are marked (see MarkWindow). */
  private window: MarkWindow | null = null;

  /**
   * Ranges are made in slices, then registered all at once: Chromium repaints every highlight after each change to the
   * registry (on a long page a whole-page pre-paint), so one change per batch instead of one per slice.
   */
  private async markPending(): Promise<void> {
    const signal = this.life.signal;
    if (this.marking === signal) return;
    this.marking = signal;
    try {
      while (this.unmarked.size > 0 && !signal.aborted) {
        const ready: MentionBlock[] = [];
        await runSliced((deadline) => {
          for (const b of this.unmarked) {
            this.unmarked.delete(b);
            // A block the page has edited since it was read is left to the rescan of it that is due.
            if ((!this.window || this.window.isNear(b)) && isCurrent(b)) {
              for (const m of b.matches) this.markRange(b, m);
              ready.push(b);
            }
            if (performance.now() > deadline) return this.unmarked.size === 0;
          }
          return true;
        }, signal);
        if (signal.aborted) return;
        for (const b of ready) if (!this.dropped.has(b)) this.mark(b);
      }
    } finally {
      if (this.marking === signal) this.marking = null;
    }
  }

  /**
   * Is the page changing all the time (a batch of changes every CHURN_GAP_MS or sooner, for CHURN_SPAN_MS)? Chromium
   * rebuilds the markers of every registered range in each frame after a DOM change, so such a page pays for every
   * mark in every frame: it gets marks in and just around the viewport only.
   */
  private churning(): boolean {
    const now = performance.now();
    const recent = this.batches.filter((t) => now - t < CHURN_SPAN_MS);
    recent.push(now);
    this.batches = recent;
    return recent.length >= CHURN_SPAN_MS / CHURN_GAP_MS;
  }

  private startWindow(rootMargin?: string): void {
    const win = new MarkWindow(
      (b) => this.mark(b),
      (b) => this.opts.highlighter.remove(b),
      rootMargin,
    );
    this.window = win;
    // Blocks already marked stay marked until the observer reports them far from the viewport (its first report
    // comes with the next frame).
    for (const b of this.scanner.blocks()) if (b.matches.length > 0) win.track(b);
  }

  private mark(block: MentionBlock): void {
    if (block.matches.length === 0 || !isCurrent(block)) return;
    // `as Range`: the Highlighter's marks are typed Range, but it only registers them and reads startContainer, both
    // of which a StaticRange has (CSS highlights take any AbstractRange).
    this.opts.highlighter.set(
      block,
      block.matches.map((m) => ({ name: highlightName(m.entityType), range: this.markRange(block, m) as Range })),
    );
  }

  /** The range a mention is painted with (created once, then cached). */
  private markRange(block: MentionBlock, m: Mention): AbstractRange {
    let r = this.marks.get(m);
    if (!r) {
      r = staticRangeFor(block, m.start, m.end);
      this.marks.set(m, r);
    }
    return r;
  }

  /** The DOM Range of a mention, for measuring it (created once, then cached). */
  rangeOf(block: MentionBlock, m: Mention): Range {
    let r = this.ranges.get(m);
    if (!r) {
      r = rangeFor(block, m.start, m.end);
      this.ranges.set(m, r);
    }
    return r;
  }

  start(): Promise<void> {
    return this.scanner.start();
  }

  /** Settings changed: match every block again (no page walk) and re-mark, after the scan work queued before. */
  refilter(): Promise<void> {
    return this.scanner.rematch();
  }

  /** Stops at once: nothing queued or in flight marks the page after this. */
  stop(): void {
    this.life.abort();
    this.life = new AbortController();
    this.unmarked.clear();
    this.window?.disconnect();
    this.window = null;
    this.batches = [];
    this.mentionCount = 0;
    this.scanner.stop();
    this.opts.highlighter.clear();
  }

  /** All mentions in document order. */
  all(): PageMention[] {
    const out: PageMention[] = [];
    for (const block of this.scanner.blocks()) for (const mention of block.matches) out.push({ block, mention });
    return out;
  }

  /** The `page:mentions` contract: offsets in the page's joined visible text. */
  list(): MentionInfo[] {
    const out: MentionInfo[] = [];
    let offset = 0;
    for (const block of this.scanner.blocks()) {
      for (const m of block.matches) {
        out.push({
          entityId: m.entityId,
          entityType: m.entityType as EntityType,
          text: block.text.slice(m.start, m.end),
          start: offset + m.start,
          end: offset + m.end,
        });
      }
      offset += block.text.length + 1;
    }
    return out;
  }

  /**
   * The mention under a viewport point, or null: caret position from point, then binary search in that text's block,
   * confirmed against the mention's client rects (a caret snaps to the nearest character even in blank space).
   */
  hitTest(doc: Document, x: number, y: number): PageMention | null {
    const pos = caretFromPoint(doc, x, y);
    if (!pos) return null;
    const block = this.scanner.blockOf(pos.node);
    if (!block || block.matches.length === 0) return null;
    const i = block.nodes.indexOf(pos.node as Text);
    if (i < 0) return null;
    const local = block.starts[i]! + pos.offset;
    // Last mention starting at or before `local` (a caret at a mention's end still counts: right half of last char).
    const ms = block.matches;
    let lo = 0;
    let hi = ms.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start <= local) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (const k of [found, found - 1]) {
      const m = ms[k];
      if (!m || local > m.end) continue;
      const rects = this.rangeOf(block, m).getClientRects();
      for (const r of rects) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return { block, mention: m };
      }
    }
    return null;
  }
}

function caretFromPoint(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
