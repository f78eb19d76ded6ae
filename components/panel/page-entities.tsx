/**
 * "This page": the entities found on the page, grouped by type (chip, agency, company, policy), each group in order
 * of first appearance, with mention counts and a filter box. A row reveals the entity's next occurrence on the page;
 * its "details" button opens the entity view.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../lib/dataset/types';
import { foldText } from '../../lib/library/text-match';
import type { MentionInfo } from '../../lib/messaging/protocol';
import { FilterBox } from '../ui/filter-box';
import { plural, TYPE_PLURAL } from './format';

/** One entity found on the page. */
export interface PageEntity {
  entity: Entity;
  /** Mentions on the page. */
  count: number;
  /** Index of its first mention in document order. */
  first: number;
}

export interface PageEntityGroup {
  type: EntityType;
  items: PageEntity[];
}

/**
 * Groups mentions (in document order) by entity and type. Mentions of ids missing from `entities` are left out;
 * groups follow ENTITY_TYPES order and leave out empty types.
 */
export function groupPageEntities(
  mentions: readonly MentionInfo[],
  entities: ReadonlyMap<string, Entity>,
): PageEntityGroup[] {
  const byId = new Map<string, PageEntity>();
  mentions.forEach((m, i) => {
    const hit = byId.get(m.entityId);
    if (hit) hit.count++;
    else {
      const entity = entities.get(m.entityId);
      if (entity) byId.set(m.entityId, { entity, count: 1, first: i });
    }
  });
  const found = [...byId.values()];
  return ENTITY_TYPES.map((type) => ({ type, items: found.filter((p) => p.entity.type === type) })).filter(
    (g) => g.items.length > 0,
  );
}

/** True when the filter text matches the entity's names, aliases or kind (accent- and case-insensitive). */
export function entityMatches(entity: Entity, filter: string): boolean {
  const q = foldText(filter.trim());
  if (q === '') return true;
  const names = [entity.name, entity.shortName, entity.kind ?? '', ...entity.aliases.map((a) => a.text)];
  for (const n of Object.values(entity.nativeNames ?? {})) if (n) names.push(n);
  return names.some((n) => foldText(n).includes(q));
}

export interface PageEntitiesProps {
  /** Mentions on the page, in document order (from `page:mentions`). */
  mentions: readonly MentionInfo[];
  /** Entity records by id (from `entities:get`). */
  entities: ReadonlyMap<string, Entity>;
  /** Scroll the page to the entity's next occurrence and flash it. */
  onReveal(entityId: string): void;
  /** Open the entity view. */
  onOpenEntity(entityId: string): void;
  /** Initial filter text (default ""). */
  initialFilter?: string;
}

/** The "This page" entity list. */
export function PageEntities({ mentions, entities, onReveal, onOpenEntity, initialFilter = '' }: PageEntitiesProps) {
  const uid = useId();
  const [filter, setFilter] = useState(initialFilter);
  const groups = useMemo(() => groupPageEntities(mentions, entities), [mentions, entities]);
  const shown = groups
    .map((g) => ({ ...g, items: g.items.filter((p) => entityMatches(p.entity, filter)) }))
    .filter((g) => g.items.length > 0);

  if (groups.length === 0) {
    return <p class="clp-empty">No chips, agencies, companies or policies found on this page</p>;
  }
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const showing = shown.reduce((n, g) => n + g.items.length, 0);

  return (
    <section class="clp-page-entities" aria-label="Entities on this page">
      <FilterBox label="Filter entities on this page" placeholder="Filter…" value={filter} onInput={setFilter} />
      <p class="clp-count" role="status">
        {filter.trim() === ''
          ? plural(total, 'entity', 'entities')
          : `${showing} of ${plural(total, 'entity', 'entities')}`}
      </p>
      {shown.length === 0 && <p class="clp-empty">Nothing on this page matches “{filter.trim()}”</p>}
      {shown.map((g) => (
        <section key={g.type} class={`clp-group clp-group--${g.type}`} aria-labelledby={`${uid}-${g.type}`}>
          <h2 id={`${uid}-${g.type}`} class="clp-group-heading">
            {TYPE_PLURAL[g.type]} <span class="clp-badge">{g.items.length}</span>
          </h2>
          <ul class="clp-rows">
            {g.items.map(({ entity, count }) => (
              <li key={entity.id} class="clp-entity-row">
                <button
                  type="button"
                  class="clp-row-main"
                  title="Show the next mention on the page"
                  onClick={() => onReveal(entity.id)}
                >
                  <span class="clp-name">{entity.name}</span>
                  {entity.shortName !== entity.name && <span class="clp-short">{entity.shortName}</span>}
                  <span class="clp-badge">
                    <span class="clp-sr-only">, mentions: </span>
                    {count}
                  </span>
                </button>
                <button
                  type="button"
                  class="clp-btn-icon clp-details"
                  aria-label={`Details: ${entity.name}`}
                  title="Details"
                  onClick={() => onOpenEntity(entity.id)}
                >
                  <span aria-hidden="true">›</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
