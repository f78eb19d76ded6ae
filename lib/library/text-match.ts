/** Text folding and term matching for the library search. Pure. */

/** Combining diacritics (Latin, Greek, Cyrillic accents). Kana voicing marks are NOT here: が must not match か. */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Folds text for comparison: compatibility forms (full-width Ｈ２０ -> h20, ﬁ -> fi), accents stripped (é -> e,
 * İ -> i), lower-cased, ß -> ss; Hangul and kana recomposed so they compare by whole syllables.
 */
export function foldText(text: string): string {
  // Plain ASCII (most English notes and tags) is unchanged by normalisation, which costs more than the rest here.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase().normalize('NFC').replace(/ß/g, 'ss');
}

/** Scripts written without spaces between words: a term in them matches anywhere, and they do not bound words. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A character that glues to the following one inside a word of a spaced script (so `ai` does not match `said`). */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch) && !UNSPACED.test(ch);
}

/** A folded query term, with how it must match. */
export interface Term {
  text: string;
  /** Anywhere (unspaced scripts such as Chinese) or only at the start of a word (`export` matches `exports`). */
  anywhere: boolean;
}

/** Separators between query words, including CJK punctuation (after folding, full-width ，；： became ASCII). */
const SEPARATORS = /[\s,;:!?()[\]{}<>“”‘’「」『』【】、。]+/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * Splits a search box value into terms: words separated by spaces or sentence punctuation (, ; : ! ? 、，。);
 * `"double quotes"` keep a phrase together. Every term must match (AND).
 */
export function parseTerms(query: string): Term[] {
  const texts: string[] = [];
  const rest = foldText(query).replace(/"([^"]*)"/g, (_, phrase: string) => {
    const trimmed = phrase.trim().replace(/\s+/g, ' ');
    if (trimmed) texts.push(trimmed);
    return ' ';
  });
  for (const word of rest.split(SEPARATORS)) {
    // A word that is only punctuation (a `"` just typed to start a phrase) would hide everything: ignore it.
    const stripped = word.replace(EDGE_PUNCTUATION, '');
    if (stripped) texts.push(stripped);
  }
  return texts.map((text) => ({ text, anywhere: UNSPACED.test(text[0]!) }));
}

/** Whether a folded haystack contains the term (at a word start unless the term is in an unspaced script). */
export function matchesTerm(haystack: string, term: Term): boolean {
  if (term.anywhere) return haystack.includes(term.text);
  for (let i = haystack.indexOf(term.text); i !== -1; i = haystack.indexOf(term.text, i + 1)) {
    if (!isWordChar(haystack[i - 1])) return true;
  }
  return false;
}
