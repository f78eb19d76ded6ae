/**
 * Characters that anchoring ignores when comparing text: whitespace of every kind plus invisible characters that
 * pages insert or drop between renders (zero-width space, soft hyphen, BOM). A passage whose only differences are
 * these still counts as unchanged.
 */
export function isIgnorable(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A text with the ignorable characters removed, and where each remaining character came from. */
export interface StrippedText {
  text: string;
  /** `toOriginal[i]` is the offset in the original text of `text[i]`; strictly increasing. */
  toOriginal: Int32Array;
}

/** Removes ignorable characters, keeping a map back to the original offsets. Linear; one pass. */
export function stripIgnorable(original: string): StrippedText {
  const toOriginal = new Int32Array(original.length);
  const parts: string[] = [];
  let n = 0;
  let runStart = -1;
  for (let i = 0; i < original.length; i++) {
    if (isIgnorable(original.charCodeAt(i))) {
      if (runStart >= 0) {
        parts.push(original.slice(runStart, i));
        runStart = -1;
      }
    } else {
      if (runStart < 0) runStart = i;
      toOriginal[n++] = i;
    }
  }
  if (runStart >= 0) parts.push(original.slice(runStart));
  return { text: parts.join(''), toOriginal: toOriginal.subarray(0, n) };
}

/** Only the text, for short strings (quotes, context). */
export function stripped(s: string): string {
  let out = '';
  let runStart = -1;
  for (let i = 0; i < s.length; i++) {
    if (isIgnorable(s.charCodeAt(i))) {
      if (runStart >= 0) out += s.slice(runStart, i);
      runStart = -1;
    } else if (runStart < 0) runStart = i;
  }
  return runStart >= 0 ? out + s.slice(runStart) : out;
}

/** First stripped offset whose original offset is >= `offset` (maps a position hint into stripped space). */
export function toStrippedOffset(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
