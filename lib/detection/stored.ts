/**
 * The compiled matcher data as the service worker keeps it in extension storage for the content script (which then
 * does not carry it in its own script). Pure: checks a stored record and parses the JSON, with clear errors.
 */
import type { MatcherData } from './types';

/** Key in `storage.local`. */
export const MATCHER_STORAGE_KEY = 'matcherData';

export interface StoredMatcher {
  /** Hash of `json` (the build it came from). */
  build: string;
  json: string;
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Parses and shape-checks matcher JSON; throws an Error naming what is wrong. */
export function parseMatcherJson(json: string): MatcherData {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`matcher data is not JSON: ${(e as Error).message}`);
  }
  const d = data as Partial<MatcherData> | null;
  if (typeof d !== 'object' || d === null || d.version !== 1) throw new Error('matcher data: not version 1');
  for (const key of ['entityIds', 'entityTypes'] as const) {
    if (!isStringArray(d[key])) throw new Error(`matcher data: ${key} is not a list of strings`);
  }
  // Thousands of patterns: their ends are checked, not each one (the record is this extension's own, named by a build
  // hash; this catches a record of another shape, not a forged one).
  for (const key of ['patterns', 'terms'] as const) {
    const list = d[key];
    if (!Array.isArray(list) || (list.length > 0 && !isStringArray([list[0], list.at(-1)]))) {
      throw new Error(`matcher data: ${key} is not a list of strings`);
    }
  }
  for (const key of ['aliases', 'rules', 'classes'] as const) {
    if (!Array.isArray(d[key])) throw new Error(`matcher data: ${key} is not a list`);
  }
  if (d.entityIds!.length !== d.entityTypes!.length) throw new Error('matcher data: entityIds and entityTypes differ');
  const a = d.automaton;
  if (a !== undefined && (typeof a.states !== 'number' || typeof a.data !== 'string')) {
    throw new Error('matcher data: malformed automaton');
  }
  return d as MatcherData;
}

/** The matcher data in a stored record, or null when it is missing, from another build, or malformed. */
export function readStoredMatcher(value: unknown, build: string): MatcherData | null {
  const v = value as Partial<StoredMatcher> | null | undefined;
  if (!v || typeof v !== 'object' || v.build !== build || typeof v.json !== 'string') return null;
  try {
    return parseMatcherJson(v.json);
  } catch {
    return null;
  }
}
