import { type Automaton, buildAutomaton, deserializeAutomaton, dictOf, failOf } from './automaton';
import { baseCode, getWordTable, isIgnorableCode, isWhitespaceCode } from './chars';
import type { Matcher, MatcherData, MatchOptions, Mention } from './types';

const DEFAULT_WINDOW = 200;
const utf16 = new TextDecoder('utf-16le');
const LEFT = 1;
const RIGHT = 2;

interface Term {
  /** The term as a string of class ids, searched in the page's class string. */
  classes: string;
  bounds: number;
}

interface Rule {
  req?: Term[];
  forbid?: Term[];
  window: number;
}

/**
 * Creates the page-side matcher from compiled data. The scan is one Aho-Corasick pass over the page text mapped
 * code unit by code unit to character classes (case, width, dash and space variants share a class), so offsets are
 * offsets in the original text. Candidates are then taken leftmost-longest, each checked for Latin word boundaries,
 * case (case-sensitive aliases against the unfolded text) and context rules.
 */
export function createMatcher(data: MatcherData): Matcher {
  const classCount = data.classes.length;
  const classTable = new Uint16Array(0x10000);
  data.classes.forEach((codes, i) => {
    for (const c of codes) classTable[c] = i + 1;
  });
  const wordTable = getWordTable();
  const spaceClass = classTable[0x20]!;
  const toClasses = (s: string) => Array.from(s, (ch) => classTable[ch.charCodeAt(0)]!);

  const automaton: Automaton = data.automaton
    ? deserializeAutomaton(data.automaton, classCount)
    : buildAutomaton(data.patterns, classTable, classCount);
  const patternLength = Int32Array.from(data.patterns, (p) => p.length);
  const patternBounds = Uint8Array.from(data.patterns, boundsOf);
  const aliasStart = new Int32Array(data.patterns.length + 1);
  for (const a of data.aliases) aliasStart[a.p + 1]!++;
  for (let p = 0; p < data.patterns.length; p++) aliasStart[p + 1]! += aliasStart[p]!;

  const term = (t: string): Term => ({ classes: String.fromCharCode(...toClasses(t)), bounds: boundsOf(t) });
  // Compiled on first use: a page needs few of the rules, and compiling all cost several ms with a cold JIT.
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
    return (wordTable[s.charCodeAt(0)] ? LEFT : 0) | (wordTable[s.charCodeAt(s.length - 1)] ? RIGHT : 0);
  }

  function match(text: string, options: MatchOptions = {}): Mention[] {
    const n = text.length;
    const candidates = scan(text);
    if (candidates.length === 0) return [];
    // Sorting by start, then longest first, makes the greedy pass below leftmost-longest.
    const order = Array.from({ length: candidates.length / 3 }, (_, i) => i * 3);
    order.sort((x, y) => candidates[x]! - candidates[y]! || candidates[y + 1]! - candidates[x + 1]!);

    let compact: CompactClasses | undefined;
    const hasTerm = (terms: Term[], lo: number, hi: number) => {
      compact ??= compactClassesOf(text);
      const { classes, at, orig } = compact;
      const from = at[lo]!;
      const region = classes.slice(from, at[hi]!);
      return terms.some((t) => {
        for (let i = region.indexOf(t.classes); i >= 0; i = region.indexOf(t.classes, i + 1)) {
          const start = orig[from + i]!;
          const end = orig[from + i + t.classes.length - 1]! + 1;
          if (termBoundsOk(text, start, end, t.bounds)) return true;
        }
        return false;
      });
    };

    const mentions: Mention[] = [];
    let claimedEnd = 0;
    for (const c of order) {
      const start = candidates[c]!;
      const end = candidates[c + 1]!;
      const p = candidates[c + 2]!;
      if (start < claimedEnd) continue;
      const bounds = patternBounds[p]!;
      if (bounds & LEFT && start > 0 && wordTable[text.charCodeAt(start - 1)]) continue;
      if (bounds & RIGHT && end < n && wordTable[text.charCodeAt(end)]) continue;

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

  /** Returns flat [start, end, pattern] triples of every pattern occurrence. */
  function scan(text: string): number[] {
    const n = text.length;
    const { rootNext, edgeStart, edgeClass, edgeTarget, fail, pattern, dict } = automaton;
    // pos[k] is the text offset of the k-th consumed code unit (ignorables and repeated whitespace are skipped).
    const pos = new Int32Array(n + 1);
    const out: number[] = [];
    let k = 0;
    let state = 0;
    let prevWhitespace = false;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
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
      state = t >= 0 ? t : Math.max(rootNext[c]!, 0);
      if (pattern[state]! < 0 && dict[state] === -1) continue;
      for (let o = pattern[state]! >= 0 ? state : dictOf(automaton, state); o >= 0; o = dictOf(automaton, o)) {
        const p = pattern[o]!;
        out.push(pos[k - patternLength[p]!]!, i + 1, p);
      }
    }
    return out;
  }

  /**
   * The text as character classes for context-term search, read the way the scanner reads it: ignorable characters
   * dropped and whitespace runs as one space (so "Bank for International\n    Settlements" contains the term).
   * `at[i]` maps a text offset to the compact string, `orig[k]` maps back.
   */
  function compactClassesOf(text: string): CompactClasses {
    const n = text.length;
    const codes = new Uint16Array(n);
    const at = new Int32Array(n + 1);
    const orig = new Int32Array(n + 1);
    let k = 0;
    let prevWhitespace = false;
    for (let i = 0; i < n; i++) {
      at[i] = k;
      const code = text.charCodeAt(i);
      if (code >= 0xad && isIgnorableCode(code)) continue;
      const ws = isWhitespaceCode(code);
      if (ws && prevWhitespace) continue;
      prevWhitespace = ws;
      codes[k] = ws ? spaceClass : classTable[code]!;
      orig[k++] = i;
    }
    at[n] = k;
    orig[k] = n;
    // Class ids stay below the surrogate range, so UTF-16 decoding maps each one to one code unit.
    return { classes: utf16.decode(codes.subarray(0, k)), at, orig };
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

interface CompactClasses {
  classes: string;
  at: Int32Array;
  orig: Int32Array;
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
