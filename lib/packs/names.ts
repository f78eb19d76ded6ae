/**
 * How a screening-list party's names become aliases that mark real mentions without flooding news pages with
 * ordinary words. The rules are documented in docs/packs.md ("Name rules"); pure functions, no state.
 */
import { normalizeAlias } from '../detection/normalize';
import {
  ACRONYM_STOPLIST,
  COMMON_WORDS,
  GENERIC_WORDS,
  HAN_LEGAL_SUFFIXES,
  LEGAL_PREFIXES,
  LEGAL_SUFFIXES,
} from './stoplist';
import type { PackLocale, ReaderAlias } from './types';

/** Tunable thresholds of the name rules. */
export interface NameRuleOptions {
  /** Shortest alias in letters and digits for Latin, Cyrillic and other alphabetic scripts (default 4). */
  minLength: number;
  /** Shortest alias in characters when it contains Han, kana or Hangul (default 3). */
  minHanLength: number;
  /** Terms one of which must occur near a guarded alias (a common-word core name), besides the party's full names. */
  contextTerms: readonly string[];
}

/** Default thresholds and context terms of the name rules. */
export const DEFAULT_NAME_RULES: NameRuleOptions = {
  minLength: 4,
  minHanLength: 3,
  contextTerms: [
    'Entity List',
    'sanction',
    'sanctions',
    'sanctioned',
    'export controls',
    'blacklist',
    '实体清单',
    '制裁',
  ],
};

/** The kind of party: individuals are matched by full name only. */
export type PartyKind = 'entity' | 'individual' | 'vessel' | 'aircraft';

const ASCII = /^[\t\n\r -~]*$/;
const HAN_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
const AKA_RE = /\(?\s*\b(?:a\.?\s?k\.?\s?a|f\.?\s?k\.?\s?a|d\.?\s?b\.?\s?a|n\.?\s?k\.?\s?a)\b\.?\s*[,:]?/gi;
const MAYBE_AKA = /k\.?\s?a|following/i;
const FOLLOWING_RE = /\bthe following (?:\w+ )?(?:aliases|alias|names|name)\s*:?/gi;
const EDGE_RE = /^[\s,;:.\-–—"'«»“”()]+|[\s,;:\-–—"'«»“”]+$/g;

/** Splits a listed name on "a.k.a.", "f.k.a.", "d.b.a." and "the following N aliases: -A; -B" into its names. */
export function splitAka(raw: string): string[] {
  if (!MAYBE_AKA.test(raw)) {
    const name = cleanName(raw);
    return name ? [name] : [];
  }
  const marked = raw.replace(AKA_RE, '\u0000').replace(FOLLOWING_RE, '\u0000');
  const parts = marked.split('\u0000');
  const out: string[] = [];
  parts.forEach((part, i) => {
    // After an a.k.a. marker, several names may follow separated by ";" or a leading "-".
    const pieces = i === 0 ? [part] : part.split(/;|\s-(?=\S)/);
    for (const piece of pieces) {
      const name = cleanName(piece.replace(/^\s*(?:and|or)\b/i, ''));
      if (name) out.push(name);
    }
  });
  return out;
}

/** Trims punctuation left at a name's edges (and a trailing period), and unbalanced parentheses. */
export function cleanName(s: string): string {
  // Quotation marks around a name part (ООО «Технопром», OOO "Tekhnoprom") are dropped: news quotes differently.
  let name = s
    .replace(/[«»“”„"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(EDGE_RE, '')
    .replace(/\.$/, '');
  if (!name.includes('(') && !name.includes(')')) return name;
  const open = (name.match(/\(/g) ?? []).length;
  const close = (name.match(/\)/g) ?? []).length;
  if (open > close) name = name.replace(/\s*\([^)]*$/, '');
  else if (close > open) name = name.replace(/\)$/, '');
  return name.replace(EDGE_RE, '').trim();
}

const legalKey = (words: readonly string[]) => words.join(' ').toLowerCase().replace(/[.,]/g, '');
const SUFFIX_SET = new Set(LEGAL_SUFFIXES.flatMap((s) => [s, s.replace(/ /g, '')]));
const PREFIX_SET = new Set(LEGAL_PREFIXES);

/**
 * Removes legal forms (Co., Ltd., GmbH, 有限公司, ООО ...) from a company name; returns the name when none. Works on
 * whole words (up to three at either end), with dots and commas ignored: "Co., Ltd.", "Co.,Ltd", "S.A.", "B.V.".
 */
export function stripLegalForms(name: string): string {
  let core = name.replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of HAN_LEGAL_SUFFIXES) {
      if (core.endsWith(suffix) && core.length - suffix.length >= 2) {
        core = core.slice(0, -suffix.length).trim();
        changed = true;
      }
    }
    const words = core.split(' ');
    for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
      if (SUFFIX_SET.has(legalKey(words.slice(-k))) && /\p{L}/u.test(words.slice(0, -k).join(''))) {
        core = words
          .slice(0, -k)
          .join(' ')
          .replace(/[\s,]+$/, '');
        changed = true;
        break;
      }
      if (PREFIX_SET.has(legalKey(words.slice(0, k))) && /\p{L}/u.test(words.slice(k).join(''))) {
        core = words.slice(k).join(' ');
        changed = true;
        break;
      }
    }
    const unquoted = core.replace(/^["'«“](.+)["'»”]$/, '$1');
    if (unquoted !== core) {
      core = unquoted.trim();
      changed = true;
    }
  }
  return cleanName(core);
}

/** The words of a name in lower case (letters and digits runs). */
export function wordsOf(name: string): string[] {
  const lower = name.toLowerCase();
  return (ASCII.test(lower) ? lower.match(/[a-z0-9]+/g) : lower.match(/[\p{L}\p{N}]+/gu)) ?? [];
}

/** What the rules decide for one candidate name. */
export type NameVerdict =
  | { keep: 'plain' }
  | { keep: 'caseSensitive' }
  | { keep: 'context' }
  | { keep: false; reason: 'empty' | 'short' | 'generic' | 'acronym' };

const HAN_GENERIC =
  /(中国|中華|中华|北京|上海|深圳|广州|天津|香港|国际|國際|科技|技术|技術|电子|電子|贸易|貿易|实业|實業|发展|發展|研究所|研究院|大学|大學|有限|公司|集团|集團|市|省)/g;

/**
 * Classifies a candidate alias. `derived` is true for names the rules made (a core without legal form, a short form
 * in parentheses); `hasLegalForm` for a listed name that carries one ("Golden Star Co., Ltd." is specific enough).
 */
export function judgeName(
  text: string,
  derived: boolean,
  hasLegalForm: boolean,
  rules: NameRuleOptions = DEFAULT_NAME_RULES,
  key: string = normalizeAlias(text),
): NameVerdict {
  if (!key) return { keep: false, reason: 'empty' };
  if (/^[A-Z][A-Z0-9&-]{1,5}$/.test(text.trim())) {
    if (text.trim().length < 3 || ACRONYM_STOPLIST.has(text.trim())) return { keep: false, reason: 'acronym' };
    return { keep: 'caseSensitive' };
  }
  if (HAN_RE.test(key)) {
    const length = [...key.replace(/\s/g, '')].length;
    if (length < rules.minHanLength) return { keep: false, reason: 'short' };
    if (derived && [...key.replace(HAN_GENERIC, '').replace(/[^\p{L}]/gu, '')].length < 2) {
      return { keep: false, reason: 'generic' };
    }
    return { keep: 'plain' };
  }
  if (key.replace(/[^\p{L}\p{N}]/gu, '').length < rules.minLength) return { keep: false, reason: 'short' };
  const words = wordsOf(key);
  if (words.some((w) => !COMMON_WORDS.has(w) && !GENERIC_WORDS.has(w))) return { keep: 'plain' };
  // Three or more words make a specific phrase even when each is ordinary ("National University of Defense ...").
  if (words.length >= 3 || (hasLegalForm && !derived)) return { keep: 'plain' };
  if (derived && words.every((w) => GENERIC_WORDS.has(w))) return { keep: false, reason: 'generic' };
  return { keep: 'context' };
}

/** Person-name spellings matched for an individual: "ZHANG, Wei" gives "Wei ZHANG" and "ZHANG Wei". */
export function personNameForms(name: string): string[] {
  const comma = name.indexOf(',');
  if (comma > 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    if (last && first) return [`${first} ${last}`, `${last} ${first}`];
  }
  return [name];
}

/** Locale of an alias by its script: Latin "en", kana "ja", Hangul "ko"; Han and others unset. */
export function localeOf(text: string): PackLocale | undefined {
  if (ASCII.test(text)) return 'en';
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(text)) return 'en';
  return undefined;
}

/** A listed party's names, as a screening list gives them. */
export interface PartyNames {
  name: string;
  altNames?: readonly string[];
  kind: PartyKind;
}

/**
 * Turns a party's listed names into aliases under the name rules: a.k.a. splitting, legal forms stripped to a core
 * that is added when still distinctive, short and common-word names dropped or guarded by context, individuals by
 * full name only. Aliases are unique by matcher key; the first is the display name.
 */
export function partyAliases(party: PartyNames, rules: NameRuleOptions = DEFAULT_NAME_RULES): ReaderAlias[] {
  const listed = [party.name, ...(party.altNames ?? [])].flatMap(splitAka);
  const out = new Map<string, ReaderAlias>();
  const guarded: string[] = [];
  const personRules = { ...rules, minHanLength: 2 };
  /** Judges a candidate and keeps it when the rules say so and its matcher key is new. */
  const add = (text: string, derived: boolean, hasLegalForm: boolean, ruleSet = rules) => {
    const key = normalizeAlias(text);
    if (out.has(key)) return;
    const verdict = judgeName(text, derived, hasLegalForm, ruleSet, key);
    if (!verdict.keep) return;
    const locale = localeOf(text);
    if (verdict.keep === 'context') guarded.push(key);
    out.set(key, {
      text,
      ...(locale ? { locale } : {}),
      ...(verdict.keep === 'caseSensitive' ? { caseSensitive: true } : {}),
    });
  };
  for (const name of listed) {
    if (party.kind === 'individual') {
      const forms = personNameForms(name);
      for (const form of forms) {
        const fullName = HAN_RE.test(form) ? [...form.replace(/\s/g, '')].length >= 2 : wordsOf(form).length >= 2;
        if (fullName) add(form, false, true, personRules);
      }
      continue;
    }
    const paren = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
    const full = paren ? cleanName(paren[1]!) : name;
    const core = party.kind === 'entity' ? stripLegalForms(full) : full;
    const hasLegalForm = core !== full;
    add(full, false, hasLegalForm);
    if (hasLegalForm) add(core, true, false);
    if (paren) add(cleanName(paren[2]!), true, false);
  }
  if (guarded.length > 0) {
    const context = [
      ...[...out.entries()].filter(([k]) => !guarded.includes(k)).map(([, a]) => a.text),
      ...rules.contextTerms,
    ];
    for (const key of guarded) {
      const alias = out.get(key)!;
      const requireContext = context.filter((t) => normalizeAlias(t) !== key);
      out.set(key, { ...alias, requireContext });
    }
  }
  return [...out.values()];
}
