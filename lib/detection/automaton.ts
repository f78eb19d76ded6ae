import type { SerializedAutomaton } from './types';

/**
 * Aho-Corasick automaton over character classes, in flat typed arrays. States are trie nodes; `pattern[s]` is the
 * pattern ending at s (or -1), `dict[s]` the nearest state on the failure chain that ends a pattern (or -1).
 * Failure and dictionary links are filled lazily; use {@link failOf} and {@link dictOf}.
 */
export interface Automaton {
  /** Transitions of the root, dense by class (-1: stay at root). */
  rootNext: Int32Array;
  /** Edges of state s are edgeClass/edgeTarget[edgeStart[s] .. edgeStart[s + 1]), sorted by class. */
  edgeStart: Int32Array;
  edgeClass: Int32Array;
  edgeTarget: Int32Array;
  /** Failure links; -1 until computed by {@link failOf}. */
  fail: Int32Array;
  pattern: Int32Array;
  /** Dictionary links; -2 until computed by {@link dictOf}. */
  dict: Int32Array;
  /** Trie parent and incoming class of each state (for computing failure links lazily). */
  parent: Int32Array;
  stateClass: Int32Array;
}

/**
 * Builds the automaton. `classOf` maps a pattern's code unit to its class (1..classCount), in the same order as the
 * code units. Patterns already in code-unit order (compileMatcherData emits them so) build in one pass with no maps
 * or per-state objects, which matters because the content script builds this on every page load.
 */
export function buildAutomaton(patterns: readonly string[], classOf: Uint16Array, classCount: number): Automaton {
  let total = 1;
  let longest = 0;
  let sorted = true;
  for (let i = 0; i < patterns.length; i++) {
    total += patterns[i]!.length;
    longest = Math.max(longest, patterns[i]!.length);
    if (i > 0 && patterns[i - 1]! > patterns[i]!) sorted = false;
  }
  const order = patterns.map((_, i) => i);
  if (!sorted) order.sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : 0));

  // Trie by longest common prefix with the previous pattern: in sorted order that prefix is the longest shared with
  // any earlier pattern, and each node's children appear in increasing class order.
  const parent = new Int32Array(total);
  const stateClass = new Int32Array(total);
  const patternAt = new Int32Array(total).fill(-1);
  const path = new Int32Array(longest + 1);
  let states = 1;
  let prev = '';
  for (const index of order) {
    const p = patterns[index]!;
    let l = 0;
    const max = Math.min(p.length, prev.length);
    while (l < max && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
    for (let j = l; j < p.length; j++) {
      const s = states++;
      parent[s] = path[j]!;
      stateClass[s] = classOf[p.charCodeAt(j)]!;
      path[j + 1] = s;
    }
    const end = path[p.length]!;
    if (patternAt[end] === -1) patternAt[end] = index;
    prev = p;
  }

  // Edges grouped by parent (counting sort keeps the increasing class order within a parent).
  const edgeStart = new Int32Array(states + 1);
  for (let s = 1; s < states; s++) edgeStart[parent[s]! + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fill = edgeStart.slice(0, states);
  const edgeClass = new Int32Array(states - 1);
  const edgeTarget = new Int32Array(states - 1);
  for (let s = 1; s < states; s++) {
    const at = fill[parent[s]!]!++;
    edgeClass[at] = stateClass[s]!;
    edgeTarget[at] = s;
  }

  const fail = new Int32Array(states).fill(-1);
  const dict = new Int32Array(states).fill(UNKNOWN);
  fail[0] = 0;
  dict[0] = -1;
  return {
    rootNext: rootTransitions(edgeStart, edgeClass, edgeTarget, classCount),
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    pattern: patternAt.slice(0, states),
    dict,
    parent: parent.slice(0, states),
    stateClass: stateClass.slice(0, states),
  };
}

const UNKNOWN = -2;

/**
 * Failure link of state s, computed on first use and memoised: a page visits a small part of the automaton, and
 * computing every link up front cost ~15 ms per page load with a cold JIT (measured, see tests/bench).
 */
export function failOf(a: Automaton, s: number): number {
  const known = a.fail[s]!;
  if (known >= 0) return known;
  const p = a.parent[s]!;
  const c = a.stateClass[s]!;
  let target = 0;
  if (p !== 0) {
    let f = failOf(a, p);
    let g = f === 0 ? a.rootNext[c]! : child(a.edgeStart, a.edgeClass, a.edgeTarget, f, c);
    while (g < 0 && f !== 0) {
      f = failOf(a, f);
      g = f === 0 ? a.rootNext[c]! : child(a.edgeStart, a.edgeClass, a.edgeTarget, f, c);
    }
    target = Math.max(g, 0);
  }
  a.fail[s] = target;
  return target;
}

/** Nearest state on the failure chain of s that ends a pattern (-1: none), memoised like {@link failOf}. */
export function dictOf(a: Automaton, s: number): number {
  const known = a.dict[s]!;
  if (known !== UNKNOWN) return known;
  const f = failOf(a, s);
  const d = f === 0 ? -1 : a.pattern[f]! >= 0 ? f : dictOf(a, f);
  a.dict[s] = d;
  return d;
}

function child(edgeStart: Int32Array, edgeClass: Int32Array, edgeTarget: Int32Array, s: number, c: number): number {
  let lo = edgeStart[s]!;
  let hi = edgeStart[s + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = edgeClass[mid]!;
    if (m === c) return edgeTarget[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

function rootTransitions(edgeStart: Int32Array, edgeClass: Int32Array, edgeTarget: Int32Array, classCount: number) {
  const rootNext = new Int32Array(classCount + 1).fill(-1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeClass[e]!] = edgeTarget[e]!;
  return rootNext;
}

// The arrays are stored as one base64 string of little-endian int32 values: the page decodes it natively
// (Uint8Array.fromBase64) into the typed arrays it uses, with no loop over the values. A per-value decoding loop cost
// 14-43 ms in one task on a busy page, because it runs before the JIT has optimised it.

/** Compact JSON form, with every failure and dictionary link computed. */
export function serializeAutomaton(a: Automaton): SerializedAutomaton {
  for (let s = 0; s < a.fail.length; s++) dictOf(a, s);
  const parts = [a.edgeStart, a.edgeClass, a.edgeTarget, a.fail, a.pattern, a.dict];
  const all = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const bytes = new Uint8Array(all.buffer);
  if (new Uint16Array(new Uint8Array([1, 0]).buffer)[0] !== 1) throw new Error('big-endian build machine');
  return { states: a.fail.length, data: toBase64(bytes) };
}

/** Inverse of {@link serializeAutomaton}. Links are complete, so no parent/class arrays are needed. */
export function deserializeAutomaton(s: SerializedAutomaton, classCount: number): Automaton {
  const bytes = fromBase64(s.data);
  const all = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const n = s.states;
  const edges = n - 1;
  if (all.length !== n + 1 + 2 * edges + 3 * n) throw new Error('matcher data: automaton size does not match');
  let at = 0;
  const take = (length: number) => {
    const view = all.subarray(at, at + length);
    at += length;
    return view;
  };
  const edgeStart = take(n + 1);
  const edgeClass = take(edges);
  const edgeTarget = take(edges);
  return {
    rootNext: rootTransitions(edgeStart, edgeClass, edgeTarget, classCount),
    edgeStart,
    edgeClass,
    edgeTarget,
    fail: take(n),
    pattern: take(n),
    dict: take(n),
    parent: new Int32Array(0),
    stateClass: new Int32Array(0),
  };
}

type Base64Uint8 = typeof Uint8Array & {
  fromBase64?: (s: string) => Uint8Array;
};

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as Base64Uint8).fromBase64;
  if (native) return native(text);
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(bin);
}
