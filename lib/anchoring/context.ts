import { isIgnorable } from './ignorable';

/**
 * How much of `prefix`, read backwards from its end, agrees with the text just before `at` (0..1), ignoring
 * whitespace and invisible characters on both sides. Agreement stops at the first difference: the context nearest
 * the quote is the most telling.
 */
export function prefixAgreement(text: string, at: number, prefix: string): number {
  let i = at - 1;
  let k = prefix.length - 1;
  let matched = 0;
  let total = 0;
  let agreeing = true;
  while (k >= 0) {
    const pc = prefix.charCodeAt(k--);
    if (isIgnorable(pc)) continue;
    total++;
    if (!agreeing) continue;
    while (i >= 0 && isIgnorable(text.charCodeAt(i))) i--;
    if (i >= 0 && text.charCodeAt(i) === pc) {
      matched++;
      i--;
    } else agreeing = false;
  }
  return total === 0 ? 1 : matched / total;
}

/** Mirror of {@link prefixAgreement}: `suffix`, read forwards, against the text from `at`. */
export function suffixAgreement(text: string, at: number, suffix: string): number {
  let i = at;
  let k = 0;
  let matched = 0;
  let total = 0;
  let agreeing = true;
  while (k < suffix.length) {
    const sc = suffix.charCodeAt(k++);
    if (isIgnorable(sc)) continue;
    total++;
    if (!agreeing) continue;
    while (i < text.length && isIgnorable(text.charCodeAt(i))) i++;
    if (i < text.length && text.charCodeAt(i) === sc) {
      matched++;
      i++;
    } else agreeing = false;
  }
  return total === 0 ? 1 : matched / total;
}

/**
 * Length of prefix (raw characters before `a`) needed so that {@link prefixAgreement} tells occurrence `a` from
 * occurrence `b`; Infinity when the text before `a` runs out (or passes `cap`) before they differ.
 */
export function prefixNeeded(text: string, a: number, b: number, cap: number): number {
  let i = a - 1;
  let j = b - 1;
  for (;;) {
    while (i >= 0 && isIgnorable(text.charCodeAt(i))) i--;
    while (j >= 0 && isIgnorable(text.charCodeAt(j))) j--;
    if (i < 0 || a - i > cap) return Number.POSITIVE_INFINITY;
    if (j < 0 || text.charCodeAt(i) !== text.charCodeAt(j)) return a - i;
    i--;
    j--;
  }
}

/** Mirror of {@link prefixNeeded}: raw characters after `a` (an end offset) to tell it from end offset `b`. */
export function suffixNeeded(text: string, a: number, b: number, cap: number): number {
  let i = a;
  let j = b;
  for (;;) {
    while (i < text.length && isIgnorable(text.charCodeAt(i))) i++;
    while (j < text.length && isIgnorable(text.charCodeAt(j))) j++;
    if (i >= text.length || i + 1 - a > cap) return Number.POSITIVE_INFINITY;
    if (j >= text.length || text.charCodeAt(i) !== text.charCodeAt(j)) return i + 1 - a;
    i++;
    j++;
  }
}
