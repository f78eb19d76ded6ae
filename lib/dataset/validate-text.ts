/**
 * Checks on what a reader sees: no editorial markers, no date repeated at the start of a fact value, and a relation
 * note that agrees with the relation's kind.
 */
import type { Entity, Fact, RelationKind, Source } from './types';

/** Editorial markers and what to call each in a message (the matched text is quoted). */
const MARKERS: readonly RegExp[] = [
  /\(3p\)/i,
  /\bmirror\b/i,
  /\bspecs? conflicts?\b/i,
  /\b(TODO|FIXME|TBD|XXX)\b/,
  /\[(?!\d{4}\])[^\]]*\]/, // "[check]", "[sic?]", "[1]"; not a year, as in Chinese document numbers "[2023] No. 23"
];
/** "?"-guesses: "(?)", "??", a number with a question mark ("2025?"). Not applied to source titles (questions). */
const GUESS = /\(\?\)|\?\?|\d\?(?=$|[\s),;.])/;

/** The first editorial marker in `text`, as found, or undefined. `guesses` also looks for "?"-guesses. */
export function findMarker(text: string, guesses = true): string | undefined {
  for (const re of guesses ? [...MARKERS, GUESS] : MARKERS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** A reader-facing text of an entity: its field path, the text, and whether "?"-guesses count as markers. */
export type ReaderText = readonly [field: string, text: string, guesses: boolean];

/**
 * Every text of `e` a reader sees (name, short name, summaries, fact labels and values, source titles and
 * publishers, event texts, relation notes) with its field path. Tolerates records missing optional parts.
 */
export function readerTexts(e: Entity): ReaderText[] {
  const out: [string, string, boolean][] = [];
  const add = (field: string, text: string | undefined, guesses = true) => {
    if (typeof text === 'string') out.push([field, text, guesses]);
  };
  const source = (at: string, s: Source | undefined) => {
    add(`${at}.title`, s?.title, false);
    add(`${at}.publisher`, s?.publisher);
  };
  add('name', e.name);
  add('shortName', e.shortName);
  add('summary', e.summary);
  for (const [locale, text] of Object.entries(e.summaryI18n ?? {})) add(`summaryI18n.${locale}`, text);
  (e.relations ?? []).forEach((r, i) => {
    add(`relations[${i}].note`, r.note);
  });
  (e.facts ?? []).forEach((f, i) => {
    add(`facts[${i}].label`, f.label);
    add(`facts[${i}].value`, f.value);
    source(`facts[${i}].source`, f.source);
  });
  (e.events ?? []).forEach((ev, i) => {
    add(`events[${i}].text`, ev.text);
    source(`events[${i}].source`, ev.source);
  });
  return out;
}

/** The editorial markers in `e`'s reader-facing texts, as [field, marker] pairs in field order. */
export function markersIn(e: Entity): [field: string, marker: string][] {
  const out: [string, string][] = [];
  for (const [field, text, guesses] of readerTexts(e)) {
    const found = findMarker(text, guesses);
    if (found) out.push([field, found]);
  }
  return out;
}

const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const MONTHS = MONTH.split('|');
const SEPARATOR = /^\s*[:;,\u2013\u2014-]\s*\S/;
const LEADING_DATES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/, (m) => [m[1], m[2], m[3]].filter(Boolean).join('-')],
  [new RegExp(`^(\\d{1,2})\\s+(${MONTH})[a-z]*\\.?\\s+(\\d{4})`, 'i'), (m) => iso(m[3]!, m[2]!, m[1])],
  [new RegExp(`^(${MONTH})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i'), (m) => iso(m[3]!, m[1]!, m[2])],
  [new RegExp(`^(${MONTH})[a-z]*\\.?\\s+(\\d{4})`, 'i'), (m) => iso(m[2]!, m[1]!)],
];

function iso(year: string, month: string, day?: string): string {
  const mm = String(MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

/**
 * The date a fact's value starts with when it is the fact's own asOf (or part of it) followed by more text, as in
 * "8 Dec 2025: sales allowed"; undefined otherwise. A value that is only a date ("Founded: 5 Apr 1993") is fine.
 */
export function leadingAsOfDate(fact: Pick<Fact, 'value' | 'asOf'>): string | undefined {
  for (const [re, toIso] of LEADING_DATES) {
    const m = re.exec(fact.value);
    if (!m) continue;
    if (!SEPARATOR.test(fact.value.slice(m[0].length))) return undefined;
    const date = toIso(m);
    return fact.asOf.startsWith(date) || date.startsWith(fact.asOf) ? m[0] : undefined;
  }
  return undefined;
}

const PERMISSIVE =
  /\b(permit(s|ted)?|allow(s|ed)?|approv(e|es|ed|al|als)|licen[cs]ed\s+(sales?|exports?|shipments?)|lift(s|ed)?|waive(s|d|rs?)?|authori[sz](e|es|ed|ation))\b/gi;
const RESTRICTIVE = /\b(bans?|banned|prohibit(s|ed)?|block(s|ed)?|den(y|ies|ied)|embargo(es|ed)?)\b/gi;
const NEGATED = /\b(not|no|never|without|nor)\s+(be\s+|been\s+)?$/i;

/** The first word of `note` that contradicts `kind` (a "restricts" note saying "approved"), or undefined. */
export function contradictingWord(kind: RelationKind, note: string): string | undefined {
  const re = kind === 'restricts' ? PERMISSIVE : kind === 'permits' ? RESTRICTIVE : undefined;
  if (!re) return undefined;
  for (const m of note.matchAll(re)) {
    if (!NEGATED.test(note.slice(Math.max(0, m.index - 16), m.index))) return m[0];
  }
  return undefined;
}
