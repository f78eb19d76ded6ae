import { formatIsoDate } from '../../lib/cards/format';
import type { RelatedEntry } from '../../lib/dataset/relations';

export interface RelationListProps {
  related: readonly RelatedEntry[];
  /** Ids of entities mentioned on the current page; those are marked "on this page". */
  onPage?: ReadonlySet<string>;
  /** Called with the related entity's id when its button is pressed. */
  onFollow(id: string): void;
  /** Show at most this many entries (in the given order); all when omitted. */
  limit?: number;
}

/**
 * Related entities grouped under their relation label ("Made by: NVIDIA"), each a button that follows the relation.
 * "on this page" sits inside the button so it is part of the button's accessible name.
 */
export function RelationList({ related, onPage, onFollow, limit }: RelationListProps) {
  const shown = limit === undefined ? related : related.slice(0, Math.max(0, limit));
  if (shown.length === 0) return null;
  const more = related.length - shown.length;
  return (
    <>
      <ul class="cl-related">
        {groupByLabel(shown).map(([label, entries]) => (
          <li key={label}>
            <span class="cl-rel-label">{capitalise(label)}:</span>{' '}
            {entries.map((r, i) => (
              <span class="cl-rel-item" key={r.entity.id}>
                <button
                  type="button"
                  class={`cl-rel cl-rel--${r.entity.type}`}
                  title={r.entity.name}
                  onClick={() => onFollow(r.entity.id)}
                >
                  {r.entity.shortName || r.entity.name}
                  {onPage?.has(r.entity.id) && <span class="cl-onpage"> on this page</span>}
                </button>
                {(r.note || r.asOf) && <span class="cl-rel-note"> ({noteText(r)})</span>}
                {i < entries.length - 1 && ' '}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p class="cl-more">
          {more} more related {more === 1 ? 'entry' : 'entries'}
        </p>
      )}
    </>
  );
}

function groupByLabel(entries: readonly RelatedEntry[]): [string, RelatedEntry[]][] {
  const groups = new Map<string, RelatedEntry[]>();
  for (const e of entries) {
    const g = groups.get(e.label);
    if (g) g.push(e);
    else groups.set(e.label, [e]);
  }
  return [...groups];
}

/** "licensed sales, as of Dec 2025": the note and the date the relation held. */
function noteText(r: RelatedEntry): string {
  return [r.note, r.asOf && `as of ${formatIsoDate(r.asOf)}`].filter(Boolean).join(', ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
