import type { TextPositionSelector, TextQuoteSelector } from '../annotations/types';
import { prefixNeeded, suffixNeeded } from './context';

/** Context kept either side of a quote, at least (where the text has it). */
export const CONTEXT_CHARS = 32;
/** Context is extended up to this many characters a side when that is what makes the quote unique. */
export const MAX_CONTEXT_CHARS = 256;
/** Repeats looked at when making the quote unique (beyond this, a quote is too common for context to help). */
const MAX_REPEATS = 2_000;

/**
 * Selectors for `text.slice(start, end)`: the quote with ~32 characters of context either side, extended (Apache
 * Annotator style) as far as needed, up to 256, to tell it apart from every other occurrence of the same quote.
 * Throws RangeError unless 0 <= start < end <= text.length (integers).
 */
export function describe(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: invalid range ${start}..${end} for a text of ${text.length} characters`);
  }
  const exact = text.slice(start, end);
  let prefixLen = Math.min(CONTEXT_CHARS, start);
  let suffixLen = Math.min(CONTEXT_CHARS, text.length - end);
  let seen = 0;
  for (let o = text.indexOf(exact); o !== -1 && seen < MAX_REPEATS; o = text.indexOf(exact, o + 1)) {
    if (o === start) continue;
    seen++;
    const needP = prefixNeeded(text, start, o, MAX_CONTEXT_CHARS);
    const needS = suffixNeeded(text, end, o + exact.length, MAX_CONTEXT_CHARS);
    if (prefixLen >= needP || suffixLen >= needS) continue;
    // Extend whichever side needs fewer extra characters; if neither can, this repeat stays ambiguous.
    if (needP - prefixLen <= needS - suffixLen) {
      if (Number.isFinite(needP)) prefixLen = needP;
    } else suffixLen = needS;
  }
  let prefixStart = start - prefixLen;
  let suffixEnd = end + suffixLen;
  // Never cut a surrogate pair in half: widen by one instead.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart--;
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd++;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
