/**
 * "Library": every annotation across sites. Search box, filters (tag, entity, site, date range), sort, a result count,
 * and a virtualised result list that stays fast with 10,000 notes. The caller runs the search (`searchLibrary`) and
 * passes the results and facets in; this view only edits the query and shows what it gets.
 */
import { useId, useMemo } from 'preact/hooks';
import type { Annotation } from '../../lib/annotations/types';
import type { LibraryFacets, LibraryQuery, LibrarySort } from '../../lib/library/search';
import { FilterBox } from '../ui/filter-box';
import { VirtualList } from '../ui/virtual-list';
import { excerpt, formatDate, plural, siteOf } from './format';

export const SORT_LABELS: Readonly<Record<LibrarySort, string>> = {
  'updated-desc': 'Recently edited',
  'created-desc': 'Newest first',
  'updated-asc': 'Least recently edited',
  site: 'Site (A–Z)',
};

/** Row height in rem: three lines of text plus padding. Rows never grow, so the list can be virtualised. */
export const LIBRARY_ROW_REM = 5;

/** Row height in CSS px at the reader's root font size, so larger default fonts get taller rows, not clipped text. */
export function libraryRowHeight(): number {
  const root =
    typeof document === 'undefined'
      ? Number.NaN
      : Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Math.round((Number.isFinite(root) && root > 0 ? root : 16) * LIBRARY_ROW_REM);
}

export interface LibraryProps {
  /** The search results, already filtered and sorted (from `searchLibrary`). Pass the same array while unchanged. */
  results: readonly Annotation[];
  /** Number of annotations in the whole library. */
  total: number;
  /** Filter choices with counts (from `facets`). */
  facets: LibraryFacets;
  query: LibraryQuery;
  onQueryChange(query: LibraryQuery): void;
  /** Open the annotation's page and scroll to it. */
  onOpen(annotation: Annotation): void;
  /** Entity names by id, for the entity filter and chips. */
  entityNames: ReadonlyMap<string, string>;
  /** Why the last note could not be opened (e.g. its page is not an http(s) URL). */
  openError?: string | null | undefined;
  /** Viewport height for the list before it can be measured. */
  listHeight?: number;
}

/** True when any filter beyond the sort order is set. */
export function hasFilters(q: LibraryQuery): boolean {
  return Boolean(q.text?.trim() || q.tags?.length || q.entityIds?.length || q.site || q.from || q.to);
}

function ResultRow({ a, entityNames }: { a: Annotation; entityNames: ReadonlyMap<string, string> }) {
  const extras = [...a.tags.map((t) => `#${t}`), ...a.entityIds.map((id) => entityNames.get(id) ?? id)];
  return (
    <div class="clp-lib-row">
      <p class="clp-lib-quote">
        <span class={`clp-dot clp-swatch-${a.color}`} aria-hidden="true" />“{excerpt(a.quote.exact, 140)}”
      </p>
      {a.note.trim() !== '' && <p class="clp-lib-note">{excerpt(a.note, 140)}</p>}
      <p class="clp-lib-meta">
        <span>{siteOf(a.url)}</span>
        <span aria-hidden="true"> · </span>
        <span>{formatDate(a.updatedAt)}</span>
        {extras.length > 0 && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{extras.join(', ')}</span>
          </>
        )}
      </p>
    </div>
  );
}

/** The library view. */
export function Library(props: LibraryProps) {
  const { results, total, facets, query, onQueryChange, onOpen, entityNames } = props;
  const id = useId();
  const rowHeight = useMemo(libraryRowHeight, []);
  const set = (patch: Partial<LibraryQuery>) => onQueryChange({ ...query, ...patch });
  const tags = query.tags ?? [];
  const entityIds = query.entityIds ?? [];
  const filtered = hasFilters(query);

  if (total === 0) {
    return <p class="clp-empty">Your library is empty. Notes you make on any page appear here.</p>;
  }

  const active: { key: string; label: string; clear(): void }[] = [
    ...tags.map((t) => ({
      key: `tag:${t}`,
      label: `Tag: ${t}`,
      clear: () => set({ tags: tags.filter((x) => x !== t) }),
    })),
    ...entityIds.map((e) => ({
      key: `entity:${e}`,
      label: `Entity: ${entityNames.get(e) ?? e}`,
      clear: () => set({ entityIds: entityIds.filter((x) => x !== e) }),
    })),
    ...(query.site ? [{ key: 'site', label: `Site: ${query.site}`, clear: () => set({ site: undefined }) }] : []),
    ...(query.from ? [{ key: 'from', label: `From ${query.from}`, clear: () => set({ from: undefined }) }] : []),
    ...(query.to ? [{ key: 'to', label: `To ${query.to}`, clear: () => set({ to: undefined }) }] : []),
  ];

  return (
    <section class="clp-library" aria-label="Library">
      <FilterBox
        label="Search notes"
        placeholder="Search quotes, notes and tags"
        value={query.text ?? ''}
        onInput={(text) => set({ text })}
      />
      <details class="clp-filters" open={active.length > 0 ? true : undefined}>
        <summary>Filters and sort</summary>
        <div class="clp-filter-grid">
          <label for={`${id}-tag`}>Tag</label>
          <select
            id={`${id}-tag`}
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v && !tags.includes(v)) set({ tags: [...tags, v] });
            }}
          >
            <option value="">Add a tag filter…</option>
            {facets.tags
              .filter((f) => !tags.includes(f.value))
              .map((f) => (
                <option key={f.value} value={f.value}>
                  {f.value} ({f.count})
                </option>
              ))}
          </select>
          <label for={`${id}-entity`}>Entity</label>
          <select
            id={`${id}-entity`}
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v && !entityIds.includes(v)) set({ entityIds: [...entityIds, v] });
            }}
          >
            <option value="">Add an entity filter…</option>
            {facets.entities
              .filter((f) => !entityIds.includes(f.value))
              .map((f) => (
                <option key={f.value} value={f.value}>
                  {entityNames.get(f.value) ?? f.value} ({f.count})
                </option>
              ))}
          </select>
          <label for={`${id}-site`}>Site</label>
          <select
            id={`${id}-site`}
            value={query.site ?? ''}
            onChange={(e) => set({ site: e.currentTarget.value || undefined })}
          >
            <option value="">All sites</option>
            {query.site && !facets.sites.some((f) => f.value === query.site) && (
              <option value={query.site}>{query.site}</option>
            )}
            {facets.sites.map((f) => (
              <option key={f.value} value={f.value}>
                {f.value} ({f.count})
              </option>
            ))}
          </select>
          <label for={`${id}-from`}>Created from</label>
          <input
            id={`${id}-from`}
            type="date"
            value={query.from ?? ''}
            max={query.to}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
          <label for={`${id}-to`}>Created to</label>
          <input
            id={`${id}-to`}
            type="date"
            value={query.to ?? ''}
            min={query.from}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          />
          <label for={`${id}-sort`}>Sort</label>
          <select
            id={`${id}-sort`}
            value={query.sort}
            onChange={(e) => set({ sort: e.currentTarget.value as LibrarySort })}
          >
            {(Object.keys(SORT_LABELS) as LibrarySort[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </details>
      {active.length > 0 && (
        <ul class="clp-chips" aria-label="Active filters">
          {active.map((f) => (
            <li key={f.key} class="clp-chip">
              {f.label}
              <button type="button" class="clp-chip-x" aria-label={`Remove filter ${f.label}`} onClick={f.clear}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="clp-lib-count">
        <p role="status">
          {filtered ? `${results.length.toLocaleString('en-US')} of ${plural(total, 'note')}` : plural(total, 'note')}
        </p>
        {filtered && (
          <button type="button" class="clp-btn clp-btn-small" onClick={() => onQueryChange({ sort: query.sort })}>
            Clear filters
          </button>
        )}
      </div>
      {props.openError && (
        <p class="clp-error" role="alert">
          {props.openError}
        </p>
      )}
      {results.length === 0 ? (
        <p class="clp-empty">No notes match.</p>
      ) : (
        <VirtualList
          items={results}
          rowHeight={rowHeight}
          initialHeight={props.listHeight}
          getKey={(a) => a.id}
          label="Notes in the library"
          class="clp-lib-list"
          onActivate={(a) => onOpen(a)}
          renderRow={(a) => <ResultRow a={a} entityNames={entityNames} />}
        />
      )}
    </section>
  );
}
