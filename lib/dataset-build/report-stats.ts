/**
 * Figures for the dataset report, computed from entities as loaded (tolerant of records that fail validation, so a
 * report on a half-migrated dataset still shows where it stands).
 */
import { LIMITS } from '../dataset/schema';
import type { Entity, Locale, SourceClass, SourceList } from '../dataset/types';
import { SOURCE_CLASSES } from '../dataset/types';
import { lookupSource } from '../dataset/validate-sources';

/** Facts per source class of sources.json, plus those whose domain is not listed. */
export type ClassCounts = Record<SourceClass | 'unlisted', number>;

/** Counts facts by the class of their source's domain. */
export function factsBySourceClass(entities: readonly Entity[], sources: SourceList): ClassCounts {
  const counts = Object.fromEntries([...SOURCE_CLASSES, 'unlisted'].map((c) => [c, 0])) as ClassCounts;
  for (const e of entities) {
    for (const f of e.facts ?? []) {
      const url = f.source?.url;
      const entry = typeof url === 'string' ? lookupSource(url, sources) : undefined;
      counts[entry?.class ?? 'unlisted']++;
    }
  }
  return counts;
}

/** Facts without an asOf, as "<id>: <label>". */
export function undatedFacts(entities: readonly Entity[]): string[] {
  return entities.flatMap((e) => (e.facts ?? []).filter((f) => !f.asOf).map((f) => `${e.id}: ${f.label}`));
}

/** Ids of entities with fewer than LIMITS.minFacts facts. */
export function entitiesUnderMinFacts(entities: readonly Entity[]): string[] {
  return entities.filter((e) => (e.facts ?? []).length < LIMITS.minFacts).map((e) => e.id);
}

/** Ids of entities with no status fact. */
export function entitiesWithoutStatus(entities: readonly Entity[]): string[] {
  return entities.filter((e) => !(e.facts ?? []).some((f) => f.status)).map((e) => e.id);
}

/**
 * Status facts due for review: reviewBy before `today` or before the dataset's asOf, as
 * "<id>: <label> (review by <date>)".
 */
export function statusFactsPastReview(entities: readonly Entity[], today: string, datasetAsOf: string): string[] {
  const latest = today > datasetAsOf ? today : datasetAsOf;
  return entities.flatMap((e) =>
    (e.facts ?? []).flatMap((f) =>
      f.status && f.status.reviewBy < latest ? [`${e.id}: ${f.label} (review by ${f.status.reviewBy})`] : [],
    ),
  );
}

/** Entities with at least one alias in any of `locales`. */
export function entitiesWithAlias(entities: readonly Entity[], locales: readonly Locale[]): number {
  return entities.filter((e) => e.aliases.some((a) => locales.includes(a.locale))).length;
}

/** Events in total and entities having any. */
export function eventCounts(entities: readonly Entity[]): { events: number; entities: number } {
  const having = entities.filter((e) => (e.events?.length ?? 0) > 0);
  return { events: having.reduce((n, e) => n + e.events!.length, 0), entities: having.length };
}

/** "12.5%" of n in `of`; "n/a" when `of` is 0. */
export function percent(n: number, of: number): string {
  return of === 0 ? 'n/a' : `${Math.round((n / of) * 1000) / 10}%`;
}
