/**
 * The side panel's library: search, filter, sort and facet ALL annotations. Pure: build an index once from the
 * annotations (rebuild it when they change), then query it as often as the reader types.
 */
import type { Annotation } from '../annotations/types';
import { foldText, matchesTerm, parseTerms } from './text-match';

export type LibrarySort = 'updated-desc' | 'updated-asc' | 'created-desc' | 'site';

export interface LibraryQuery {
  /** Words that must all occur in the quote, note or tags (case- and accent-insensitive; `"a phrase"` allowed). */
  text?: string;
  /** Exact tags the annotation must all carry. */
  tags?: string[];
  /** Entity ids the annotation must all be about. */
  entityIds?: string[];
  /** Hostname of the annotation's URL, e.g. `www.reuters.com`. */
  site?: string;
  /** Earliest `createdAt`, ISO 8601. A bare date (`2025-04-01`) is that UTC day's start. Unparseable: ignored. */
  from?: string;
  /** Latest `createdAt`, ISO 8601, inclusive. A bare date includes that whole UTC day. Unparseable: ignored. */
  to?: string;
  sort: LibrarySort;
}

/** One annotation with its precomputed search data. */
export interface LibraryEntry {
  annotation: Annotation;
  /** Folded quote, note and tags, one per line, so a phrase never spans two fields. */
  haystack: string;
  site: string;
  createdMs: number;
  updatedMs: number;
}

/** Precomputed search data. Treat as opaque. */
export interface LibraryIndex {
  readonly entries: readonly LibraryEntry[];
  /** Entry positions in each sort order, computed once so a search only filters. */
  readonly orders: Readonly<Record<LibrarySort, readonly number[]>>;
  readonly byId: ReadonlyMap<string, LibraryEntry>;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Each list is most frequent first, ties in code-point order. */
export interface LibraryFacets {
  tags: FacetCount[];
  entities: FacetCount[];
  sites: FacetCount[];
}

/** The URL's hostname (lower-case), or '' if the URL does not parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function ms(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Prepares `annotations` for searching: one folded haystack per record and the four sort orders. */
export function buildIndex(annotations: readonly Annotation[]): LibraryIndex {
  const entries: LibraryEntry[] = annotations.map((annotation) => ({
    annotation,
    haystack: [annotation.quote.exact, annotation.note, ...annotation.tags]
      .map((field) => foldText(field).replace(/\s+/g, ' '))
      .join('\n'),
    site: siteOf(annotation.url),
    createdMs: ms(annotation.createdAt),
    updatedMs: ms(annotation.updatedAt),
  }));
  const byId = (a: LibraryEntry, b: LibraryEntry) => compareStrings(a.annotation.id, b.annotation.id);
  const order = (compare: (a: LibraryEntry, b: LibraryEntry) => number) =>
    entries.map((_, i) => i).sort((i, j) => compare(entries[i]!, entries[j]!) || byId(entries[i]!, entries[j]!));
  return {
    entries,
    orders: {
      'updated-desc': order((a, b) => b.updatedMs - a.updatedMs),
      'updated-asc': order((a, b) => a.updatedMs - b.updatedMs),
      'created-desc': order((a, b) => b.createdMs - a.createdMs),
      site: order((a, b) => compareStrings(a.site, b.site) || b.updatedMs - a.updatedMs),
    },
    byId: new Map(entries.map((e) => [e.annotation.id, e])),
  };
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function bound(value: string | undefined, edge: 'from' | 'to'): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  return edge === 'to' && BARE_DATE.test(value) ? t + DAY_MS - 1 : t;
}

/** Annotations matching every part of the query, in the requested order. An empty query returns everything. */
export function searchLibrary(index: LibraryIndex, query: LibraryQuery): Annotation[] {
  const terms = parseTerms(query.text ?? '');
  const tags = query.tags ?? [];
  const entityIds = query.entityIds ?? [];
  const site = query.site?.toLowerCase();
  const from = bound(query.from, 'from');
  const to = bound(query.to, 'to');

  const out: Annotation[] = [];
  for (const i of index.orders[query.sort]) {
    const e = index.entries[i]!;
    const a = e.annotation;
    if (site !== undefined && e.site !== site) continue;
    if (from !== undefined && e.createdMs < from) continue;
    if (to !== undefined && e.createdMs > to) continue;
    if (!tags.every((t) => a.tags.includes(t))) continue;
    if (!entityIds.every((id) => a.entityIds.includes(id))) continue;
    if (!terms.every((term) => matchesTerm(e.haystack, term))) continue;
    out.push(a);
  }
  return out;
}

function countInto(counts: Map<string, number>, values: Iterable<string>): void {
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
}

function ranked(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareStrings(a.value, b.value));
}

/**
 * Tag, entity and site counts (each annotation counts once per value). Over the whole index, or over `within` (e.g.
 * the current search results) so the counts shown next to filters match what clicking them would give.
 */
export function facets(index: LibraryIndex, within?: readonly Annotation[]): LibraryFacets {
  const tags = new Map<string, number>();
  const entities = new Map<string, number>();
  const sites = new Map<string, number>();
  for (const a of within ?? index.entries.map((e) => e.annotation)) {
    countInto(tags, new Set(a.tags));
    countInto(entities, new Set(a.entityIds));
    countInto(sites, [index.byId.get(a.id)?.site ?? siteOf(a.url)]);
  }
  return { tags: ranked(tags), entities: ranked(entities), sites: ranked(sites) };
}
