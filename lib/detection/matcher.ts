import { type Automaton, buildAutomaton, deserializeAutomaton, dictOf, failOf } from './automaton';
import {
  baseCode,
  getWordTable,
  isHangulCode,
  isHangulParticleAt,
  isIgnorableCode,
  isKatakanaCode,
  isWhitespaceCode,
} from './chars';
import type { Matcher, MatcherData, MatchOptions, Mention } from './types';

const DEFAULT_WINDOW = 200;
const LEFT = 1;
const RIGHT = 2;
/** Starts / ends with Hangul: no Hangul before it; Hangul after it only as a particle (엔비디아가). */
const HANGUL_LEFT = 4;
const HANGUL_RIGHT = 8;
/** Starts / ends with katakana: no katakana before / after it (インテル is not read in インテルサット). */
const KANA_LEFT = 16;
const KANA_RIGHT = 32;

interface Term {
  /** Index of the term among the automaton's patterns. */
  p: number;
  bounds: number;
}

interface Rule {
  req?: Term[];
  forbid?: Term[];
  window: number;
}

/** Scratch buffer for the scanner's offset table, grown as needed and reused across calls. */
let posBuffer = new Int32Array(1024);

/**
 * Creates the page-side matcher from compiled data. The scan is one Aho-Corasick pass over the page text mapped
 * code unit by code unit to character classes (case, width, dash and space variants share a class), so offsets are
 * offsets in the original text. The same pass finds the rules' context terms. Candidates are then taken
 * leftmost-longest, each checked for Latin word boundaries, case (case-sensitive aliases against the unfolded text)
 * and context rules.
 */
export function createMatcher(data: MatcherData): Matcher {
  const classCount = data.classes.length;
  const classTable = new Uint16Array(0x10000);
  data.classes.forEach((codes, i) => {
    for (const c of codes) classTable[c] = i + 1;
  });
  const wordTable = getWordTable();
  const spaceClass = classTable[0x20]!;
  const searched = data.terms.length > 0 ? [...data.patterns, ...data.terms] : data.patterns;

  const automaton: Automaton = data.automaton
    ? deserializeAutomaton(data.automaton, classCount)
    : buildAutomaton(searched, classTable, classCount);
  const patternLength = Int32Array.from(searched, (p) => p.length);
  const patternBounds = Uint8Array.from(searched, boundsOf);
  const aliasStart = new Int32Array(searched.length + 1);
  for (const a of data.aliases) aliasStart[a.p + 1]!++;
  for (let p = 0; p < searched.length; p++) aliasStart[p + 1]! += aliasStart[p]!;

  const term = (p: number): Term => ({ p, bounds: patternBounds[p]! });
  // Built on first use: a page needs few of the rules.
  const rules: (Rule | undefined)[] = new Array(data.rules.length);
  const ruleAt = (i: number): Rule => {
    let rule = rules[i];
    if (!rule) {
      const r = data.rules[i]!;
      rule = { req: r.req?.map(term), forbid: r.forbid?.map(term), window: r.w ?? DEFAULT_WINDOW };
      rules[i] = rule;
    }
    return rule;
  };

  function boundsOf(s: string): number {
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(s.length - 1);
    return (
      (wordTable[first] ? LEFT : 0) |
      (wordTable[last] ? RIGHT : 0) |
      (isHangulCode(first) ? HANGUL_LEFT : 0) |
      (isHangulCode(last) ? HANGUL_RIGHT : 0) |
      (isKatakanaCode(first) ? KANA_LEFT : 0) |
      (isKatakanaCode(last) ? KANA_RIGHT : 0)
    );
  }

  function match(text: string, options: MatchOptions = {}): Mention[] {
    const n = text.length;
    // Every occurrence of an alias or context term, as [start, end, pattern] triples in order of their end.
    const found = scan(text);
    if (found.length === 0) return [];
    // Alias occurrences, sorted by start, then longest first: the greedy pass below is then leftmost-longest.
    const order: number[] = [];
    for (let i = 0; i < found.length; i += 3) {
      const p = found[i + 2]!;
      if (aliasStart[p]! < aliasStart[p + 1]!) order.push(i);
    }
    if (order.length === 0) return [];
    order.sort((x, y) => found[x]! - found[y]! || found[y + 1]! - found[x + 1]!);

    /** Does a term of `terms` occur, whole-word where it has Latin ends, within [lo, hi)? */
    const hasTerm = (terms: Term[], lo: number, hi: number) => {
      // First occurrence ending after lo (occurrences are in order of their end).
      let a = 0;
      let b = found.length / 3;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (found[mid * 3 + 1]! <= lo) a = mid + 1;
        else b = mid;
      }
      for (let i = a * 3; i < found.length && found[i + 1]! <= hi; i += 3) {
        const start = found[i]!;
        if (start < lo) continue;
        const p = found[i + 2]!;
        for (const t of terms) if (t.p === p && termBoundsOk(text, start, found[i + 1]!, t.bounds)) return true;
      }
      return false;
    };

    const mentions: Mention[] = [];
    let claimedEnd = 0;
    for (const c of order) {
      const start = found[c]!;
      const end = found[c + 1]!;
      const p = found[c + 2]!;
      if (start < claimedEnd) continue;
      const bounds = patternBounds[p]!;
      if (bounds & LEFT && start > 0 && wordTable[text.charCodeAt(start - 1)]) continue;
      if (bounds & RIGHT && end < n && wordTable[text.charCodeAt(end)]) continue;
      if (bounds > RIGHT && !kanaHangulBoundsOk(text, start, end, bounds)) continue;

      let present = false;
      let chosen = -1;
      for (let a = aliasStart[p]!; a < aliasStart[p + 1]!; a++) {
        const alias = data.aliases[a]!;
        if (alias.cs !== undefined && !casedEquals(text, start, end, alias.cs)) continue;
        present = true;
        const key = alias.k ?? data.patterns[p]!;
        if (options.skip?.(data.entityIds[alias.e]!, key)) continue;
        if (alias.r !== undefined) {
          const rule = ruleAt(alias.r);
          const lo = Math.max(0, start - rule.window);
          const hi = Math.min(n, end + rule.window);
          if (rule.forbid && hasTerm(rule.forbid, lo, hi)) continue;
          if (rule.req && !hasTerm(rule.req, lo, hi)) continue;
        }
        // Between entities sharing an alias, one whose own declared context is present is the better evidence.
        if (chosen < 0 || alias.d) chosen = a;
        if (alias.d) break;
      }
      if (!present) continue;
      // A present but rejected alias still claims its text: a shorter alias inside it is not what the page means.
      claimedEnd = end;
      if (chosen >= 0) {
        const alias = data.aliases[chosen]!;
        mentions.push({
          entityId: data.entityIds[alias.e]!,
          entityType: data.entityTypes[alias.e]!,
          start,
          end,
          aliasKey: alias.k ?? data.patterns[p]!,
        });
      }
    }
    return mentions;
  }

  /**
   * Returns flat [start, end, pattern] triples of every pattern occurrence that can start where it starts: a pattern
   * beginning with a Latin word character needs a word boundary before it, so inside a word the scan does not start
   * one (it only carries on with a partial match begun at the word's start).
   */
  function scan(text: string): number[] {
    const n = text.length;
    const { rootNext, edgeStart, edgeClass, edgeTarget, fail, pattern, dict } = automaton;
    // pos[k] is the text offset of the k-th consumed code unit (ignorables and repeated whitespace are skipped).
    if (posBuffer.length < n + 1) posBuffer = new Int32Array(Math.max(n + 1, posBuffer.length * 2));
    const pos = posBuffer;
    const out: number[] = [];
    let k = 0;
    let state = 0;
    let prevWhitespace = false;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const word = wordTable[code] === 1;
      const midWord = word && prevWord;
      prevWord = word;
      // Inside a word with no partial match: nothing can start here (this skip is most of the text).
      if (state === 0 && midWord) continue;
      const c = classTable[code]!;
      if (c === 0) {
        if (code >= 0xad && isIgnorableCode(code)) continue;
        state = 0;
        prevWhitespace = false;
        continue;
      }
      if (c === spaceClass) {
        const ws = isWhitespaceCode(code);
        if (ws && prevWhitespace) continue;
        prevWhitespace = ws;
      } else {
        prevWhitespace = false;
      }
      pos[k++] = i;
      // Goto with failure links, inlined: this loop is the hot path.
      let s = state;
      let t = -1;
      while (s !== 0) {
        let lo = edgeStart[s]!;
        const hi = edgeStart[s + 1]!;
        for (; lo < hi; lo++) {
          const ec = edgeClass[lo]!;
          if (ec >= c) {
            if (ec === c) t = edgeTarget[lo]!;
            break;
          }
        }
        if (t >= 0) break;
        const f = fail[s]!;
        s = f >= 0 ? f : failOf(automaton, s);
      }
      state = t >= 0 ? t : midWord ? 0 : Math.max(rootNext[c]!, 0);
      if (pattern[state]! < 0 && dict[state] === -1) continue;
      for (let o = pattern[state]! >= 0 ? state : dictOf(automaton, state); o >= 0; o = dictOf(automaton, o)) {
        const p = pattern[o]!;
        out.push(pos[k - patternLength[p]!]!, i + 1, p);
      }
    }
    return out;
  }

  function termBoundsOk(text: string, start: number, end: number, bounds: number): boolean {
    if (bounds & LEFT && start > 0 && wordTable[text.charCodeAt(start - 1)]) return false;
    if (!(bounds & RIGHT) || end >= text.length || !wordTable[text.charCodeAt(end)]) return true;
    // Plurals and possessives of context words count ("GPUs").
    const c = text.charCodeAt(end);
    return (c === 0x73 || c === 0x53) && (end + 1 >= text.length || !wordTable[text.charCodeAt(end + 1)]);
  }

  return { match };
}

/**
 * Word boundaries of names in scripts without Latin-style word characters. Chinese and Japanese kanji match anywhere
 * (no spaces between words); a katakana name must not run on into more katakana on either side; a Hangul name must
 * start a word (no Hangul before it) and may be followed by Hangul only as a particle.
 */
function kanaHangulBoundsOk(text: string, start: number, end: number, bounds: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  if (bounds & HANGUL_LEFT && isHangulCode(before)) return false;
  if (bounds & HANGUL_RIGHT && isHangulCode(after) && !isHangulParticleAt(text, end)) return false;
  if (bounds & KANA_LEFT && isKatakanaCode(before)) return false;
  if (bounds & KANA_RIGHT && isKatakanaCode(after)) return false;
  return true;
}

/** Compares the text span, as the scanner consumed it, with a case-sensitive alias in its unfolded form. */
function casedEquals(text: string, start: number, end: number, cased: string): boolean {
  let j = 0;
  let prevWhitespace = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isIgnorableCode(code)) continue;
    const ws = isWhitespaceCode(code);
    if (ws && prevWhitespace) continue;
    prevWhitespace = ws;
    if (baseCode(code) !== cased.charCodeAt(j++)) return false;
  }
  return j === cased.length;
}
