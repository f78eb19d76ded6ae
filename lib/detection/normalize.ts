import { baseCode, foldCode, isIgnorableCode, isWhitespaceCode } from './chars.ts';

/**
 * Length-preserving normalisation of page text: code unit i of the result is the folded form of code unit i of the
 * input, so offsets found in the result are offsets in the original.
 */
export function normalizeText(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = foldCode(text.charCodeAt(i));
  return codesToString(out);
}

/**
 * The form an alias is matched in, and its identity for "not this" suppression: folded like {@link normalizeText},
 * with the transformations the scanner applies on top (ignorable characters dropped, whitespace runs collapsed), and
 * trimmed. Returns '' for an alias with nothing matchable in it.
 */
export function normalizeAlias(text: string): string {
  return normalizeWith(text, foldCode);
}

/** Like {@link normalizeAlias} but without case folding: the form a case-sensitive alias is compared in. */
export function normalizeAliasCased(text: string): string {
  return normalizeWith(text, baseCode);
}

function normalizeWith(text: string, map: (c: number) => number): string {
  const out: number[] = [];
  let prevWhitespace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIgnorableCode(c)) continue;
    const ws = isWhitespaceCode(c);
    if (!(ws && prevWhitespace)) out.push(map(c));
    prevWhitespace = ws;
  }
  let start = 0;
  let end = out.length;
  while (start < end && out[start] === 0x20) start++;
  while (end > start && out[end - 1] === 0x20) end--;
  return codesToString(out.slice(start, end));
}

/** Builds a string from code units in chunks (spread of a large array would overflow the call stack). */
export function codesToString(codes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) {
    s += String.fromCharCode.apply(null, Array.prototype.slice.call(codes, i, i + 8192) as number[]);
  }
  return s;
}
