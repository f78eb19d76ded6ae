/**
 * Finding a quote in a text: exact occurrences ranked by context, and approximate matches scored the way the
 * Hypothesis client's match-quote does (quote 50, prefix 20, suffix 20, position 2).
 */
import approxSearch from 'approx-string-match';
import { prefixAgreement, suffixAgreement } from './context';

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1, 1 = quote and context exactly as saved. */
  score: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
/** Hypothesis' bound: up to half the quote may differ, never more than 256 edits. */
export const MAX_ERRORS_CAP = 256;
/** Approximate candidates scored per search (the ones nearest the expected position). */
const MAX_FUZZY_CANDIDATES = 64;

function positionScore(start: number, hint: number | undefined, length: number): number {
  return hint === undefined || length === 0 ? 1 : 1 - Math.abs(start - hint) / length;
}

/**
 * Best exact occurrence of `quote` in `text`: the one whose saved context agrees most; the expected position only
 * breaks ties (so a correct context always wins over a stale position).
 */
export function bestExactMatch(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
): QuoteMatch | null {
  let best: { start: number; context: number; distance: number } | null = null;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const context = prefixAgreement(text, at, prefix) + suffixAgreement(text, at + quote.length, suffix);
    const distance = hint === undefined ? 0 : Math.abs(at - hint);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { start: at, context, distance };
    }
  }
  if (!best) return null;
  const score =
    (QUOTE_WEIGHT +
      (PREFIX_WEIGHT + SUFFIX_WEIGHT) * (best.context / 2) +
      POSITION_WEIGHT * positionScore(best.start, hint, text.length)) /
    MAX_SCORE;
  return { start: best.start, end: best.start + quote.length, score };
}

/** 1 - edit distance / length of the closest approximate occurrence of `str` in `text` (Hypothesis' textMatchScore). */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === str) return 1;
  const found = approxSearch(text, str, str.length);
  return found.length === 0 ? 0 : 1 - found[0]!.errors / str.length;
}

/**
 * Best approximate occurrence of `quote` within `text.slice(from, to)`, scored against the whole text. Returns null
 * when nothing lies within the error bound.
 */
export function bestFuzzyMatch(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  from: number,
  to: number,
): QuoteMatch | null {
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 2));
  if (maxErrors < 1) return null;
  let found = approxSearch(text.slice(from, to), quote, maxErrors);
  if (found.length === 0) return null;
  if (found.length > MAX_FUZZY_CANDIDATES && hint !== undefined) {
    const h = hint - from;
    found = found.sort((a, b) => Math.abs(a.start - h) - Math.abs(b.start - h));
  }
  let best: QuoteMatch | null = null;
  for (const m of found.slice(0, MAX_FUZZY_CANDIDATES)) {
    const start = m.start + from;
    const end = m.end + from;
    if (end <= start) continue;
    const raw =
      QUOTE_WEIGHT * (1 - m.errors / quote.length) +
      PREFIX_WEIGHT * textMatchScore(text.slice(Math.max(0, start - prefix.length), start), prefix) +
      SUFFIX_WEIGHT * textMatchScore(text.slice(end, end + suffix.length), suffix) +
      POSITION_WEIGHT * positionScore(start, hint, text.length);
    const score = raw / MAX_SCORE;
    if (!best || score > best.score) best = { start, end, score };
  }
  return best;
}
