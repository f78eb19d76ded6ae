import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../annotations/types';
import { candidateRegions } from './candidate-regions';
import { prefixAgreement, suffixAgreement } from './context';
import { type StrippedText, stripIgnorable, stripped, toStrippedOffset } from './ignorable';
import { bestExactMatch, bestFuzzyMatch, type QuoteMatch } from './match-quote';

/** What an annotation anchors with: its quote and, where known, its position in the joined page text. */
export interface AnchorTarget {
  quote: TextQuoteSelector;
  /** Optional; `start === end` (e.g. 0/0 on imported records) means "position unknown". */
  position?: TextPositionSelector;
}

export interface AnchorResult {
  /** anchored: found as saved (whitespace aside); changed: found, but the passage was edited; orphan: not found. */
  status: AnchorStatus;
  start?: number;
  end?: number;
  /** 0..1, how well quote, context and position agree. */
  score?: number;
  /** For 'changed': the passage as it reads now. */
  currentText?: string;
}

export interface AnchorOptions {
  /** Approximate matches scoring below this are orphans (default 0.6). */
  minScore?: number;
  /** Characters searched either side of the expected position before searching the whole text (default 2048). */
  window?: number;
}

const DEFAULT_MIN_SCORE = 0.6;
const DEFAULT_WINDOW = 2_048;
/** Regions verified with approximate search when the passage is not near its saved position. */
const MAX_REGIONS = 4;
const ORPHAN: AnchorResult = Object.freeze({ status: 'orphan' });

/** A text prepared for anchoring many targets: the whitespace-stripped copy is built once, on first need. */
export interface PreparedText {
  readonly text: string;
  readonly stripped: StrippedText;
}

export function prepareText(text: string): PreparedText {
  let cache: StrippedText | undefined;
  return {
    text,
    get stripped() {
      cache ??= stripIgnorable(text);
      return cache;
    },
  };
}

/**
 * Finds an annotation's passage in the page's joined visible text. Tries, cheapest first: the saved position; the
 * exact quote (context picks among repeats, position breaks ties); the quote ignoring whitespace; then approximate
 * matching near the saved position and, failing that, in the regions of the whole text where exact pieces of the
 * quote or its context point. Never throws: malformed targets are orphans.
 */
export function anchor(text: string, target: AnchorTarget, options?: AnchorOptions): AnchorResult {
  return anchorPrepared(prepareText(text), target, options);
}

/** Anchors many targets on one text, sharing the preparation. Results are in the order of `targets`. */
export function anchorAll(text: string, targets: readonly AnchorTarget[], options?: AnchorOptions): AnchorResult[] {
  const steps = anchorAllSteps(text, targets, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link anchorAll} one target at a time: the generator yields after each target, so a caller on the page can spread
 * the work over several short tasks; its return value is the results, in the order of `targets`.
 */
export function* anchorAllSteps(
  text: string,
  targets: readonly AnchorTarget[],
  options?: AnchorOptions,
): Generator<void, AnchorResult[], void> {
  const prepared = prepareText(text);
  const results: AnchorResult[] = new Array(targets.length);
  // In saved-position order, so each passage is first looked for where its predecessor moved to: text inserted
  // above shifts everything below it by the same amount.
  const order = targets.map((t, i) => ({ i, at: savedStart(t) })).sort((a, b) => a.at - b.at);
  let shift = 0;
  for (const { i, at } of order) {
    const r = anchorShifted(prepared, targets[i]!, options ?? {}, shift);
    results[i] = r;
    if (r.start !== undefined && Number.isFinite(at)) shift = r.start - at;
    yield;
  }
  return results;
}

/** {@link anchor} on a text already prepared with {@link prepareText}. */
export function anchorPrepared(p: PreparedText, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  return anchorShifted(p, target, options, 0);
}

function savedStart(t: AnchorTarget): number {
  const start = (t as { position?: { start?: unknown } } | null)?.position?.start;
  return Number.isInteger(start) ? (start as number) : Number.POSITIVE_INFINITY;
}

/** `shift`: how far text before this passage is believed to have moved (learnt from earlier passages). */
function anchorShifted(p: PreparedText, target: AnchorTarget, options: AnchorOptions, shift: number): AnchorResult {
  const quote = readQuote(target);
  if (!quote) return ORPHAN;
  const { text } = p;
  const { exact, prefix, suffix } = quote;
  const position = readPosition(target as AnchorTarget, text.length);
  const sq = stripped(exact);

  if (position) {
    // The saved position only counts if its context agrees too: after an insertion above, another occurrence of a
    // short quote can sit exactly where this one used to be.
    const { start, end } = position;
    const there = text.slice(start, end);
    const same = there === exact || (sq !== '' && stripped(there) === sq);
    if (same && prefixAgreement(text, start, prefix) === 1 && suffixAgreement(text, end, suffix) === 1) {
      return found(start, end, 1);
    }
  }
  const saved = position?.start ?? readHint(target as AnchorTarget, text.length);
  const hint = saved === undefined ? undefined : Math.min(Math.max(0, saved + shift), text.length);
  const exactHit = bestExactMatch(text, exact, prefix, suffix, hint);
  if (exactHit) return found(exactHit.start, exactHit.end, exactHit.score);
  if (sq === '') return ORPHAN;

  const s = p.stripped;
  const sp = stripped(prefix);
  const ss = stripped(suffix);
  const sHint = hint === undefined ? undefined : toStrippedOffset(s.toOriginal, hint);
  const spacedHit = bestExactMatch(s.text, sq, sp, ss, sHint);
  if (spacedHit) return mapBack(p, spacedHit, sq);

  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const n = s.text.length;
  if (sHint !== undefined) {
    // Most edits leave the passage near where it was; a window keeps the approximate search cheap on long pages.
    const pad = Math.max(options.window ?? DEFAULT_WINDOW, 2 * sq.length);
    const from = Math.max(0, sHint - pad);
    const to = Math.min(n, sHint + sq.length + pad);
    const near = bestFuzzyMatch(s.text, sq, sp, ss, sHint, from, to);
    if (near && near.score >= minScore) return mapBack(p, near, sq);
    if (from === 0 && to === n) return ORPHAN;
  }
  // Far from the saved position: approximate search only where exact pieces of quote or context point.
  let best: QuoteMatch | null = null;
  const slack = Math.max(32, sq.length);
  for (const start of candidateRegions(s.text, sq, sp, ss, MAX_REGIONS)) {
    const from = Math.max(0, start - slack);
    const to = Math.min(n, start + sq.length + slack);
    const m = bestFuzzyMatch(s.text, sq, sp, ss, sHint, from, to);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best && best.score >= minScore ? mapBack(p, best, sq) : ORPHAN;
}

function found(start: number, end: number, score: number): AnchorResult {
  return { status: 'anchored', start, end, score };
}

/** Stripped-text match -> original offsets, and whether the passage reads differently now. */
function mapBack(p: PreparedText, m: QuoteMatch, strippedQuote: string): AnchorResult {
  const { toOriginal, text: st } = p.stripped;
  const start = toOriginal[m.start]!;
  const end = toOriginal[m.end - 1]! + 1;
  if (st.slice(m.start, m.end) === strippedQuote) return found(start, end, m.score);
  return { status: 'changed', start, end, score: m.score, currentText: p.text.slice(start, end) };
}

function readQuote(target: unknown): { exact: string; prefix: string; suffix: string } | null {
  if (!target || typeof target !== 'object') return null;
  const q = (target as { quote?: unknown }).quote;
  if (!q || typeof q !== 'object') return null;
  const { exact, prefix, suffix } = q as Partial<Record<'exact' | 'prefix' | 'suffix', unknown>>;
  if (typeof exact !== 'string' || exact.length === 0) return null;
  return {
    exact,
    prefix: typeof prefix === 'string' ? prefix : '',
    suffix: typeof suffix === 'string' ? suffix : '',
  };
}

/** A stale position (e.g. past the end of a text that shrank) still says roughly where to look first. */
function readHint(target: AnchorTarget, length: number): number | undefined {
  const pos = target.position as Partial<Record<'start' | 'end', unknown>> | undefined;
  if (!pos || typeof pos !== 'object') return undefined;
  const { start, end } = pos;
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) >= (end as number)) return undefined;
  return Math.min(Math.max(0, start as number), length);
}

function readPosition(target: AnchorTarget, length: number): { start: number; end: number } | undefined {
  const pos = target.position as Partial<Record<'start' | 'end', unknown>> | undefined;
  if (!pos || typeof pos !== 'object') return undefined;
  const { start, end } = pos;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  const s = start as number;
  const e = end as number;
  return s >= 0 && s < e && e <= length ? { start: s, end: e } : undefined;
}
