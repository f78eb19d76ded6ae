/**
 * "Connections": how the entities on this page relate through the dataset. Direct links are grouped under the entity
 * that states them ("NVIDIA H200: made by NVIDIA; restricted by …"); shared neighbours that are not on the page are
 * listed after, one line per neighbour ("H20, H200 — made by — NVIDIA, not on this page").
 */
import { useId } from 'preact/hooks';
import type { Connection } from '../../lib/dataset/relations';
import type { Entity } from '../../lib/dataset/types';

export interface ConnectionsProps {
  /** From `connectionsAmong(pageIds, index)`: direct links first, then indirect ones grouped by `to`. */
  connections: readonly Connection[];
  /** How many distinct entities are on the page (picks the empty-state wording). */
  entityCount: number;
  onOpenEntity(entityId: string): void;
}

interface DirectGroup {
  from: Entity;
  links: Connection[];
}

interface IndirectGroup {
  hub: Entity;
  label: string;
  members: Connection[];
}

/** Direct links grouped by `from` (first-seen order) and indirect ones grouped by hub and label. */
export function groupConnections(connections: readonly Connection[]): {
  direct: DirectGroup[];
  indirect: IndirectGroup[];
} {
  const direct = new Map<string, DirectGroup>();
  const indirect = new Map<string, IndirectGroup>();
  for (const c of connections) {
    if (c.indirect) {
      const key = `${c.to.id}|${c.label}`;
      const g = indirect.get(key);
      if (g) g.members.push(c);
      else indirect.set(key, { hub: c.to, label: c.label, members: [c] });
    } else {
      const g = direct.get(c.from.id);
      if (g) g.links.push(c);
      else direct.set(c.from.id, { from: c.from, links: [c] });
    }
  }
  return { direct: [...direct.values()], indirect: [...indirect.values()] };
}

function EntityButton({ entity, onOpen }: { entity: Entity; onOpen(id: string): void }) {
  return (
    <button type="button" class="clp-link-btn" title={entity.name} onClick={() => onOpen(entity.id)}>
      {entity.shortName}
    </button>
  );
}

/** The connections view. */
export function Connections({ connections, entityCount, onOpenEntity }: ConnectionsProps) {
  const uid = useId();
  if (connections.length === 0) {
    return (
      <p class="clp-empty">
        {entityCount < 2
          ? 'Connections appear when the page mentions two or more related entities.'
          : 'The entities on this page are not linked in the dataset.'}
      </p>
    );
  }
  const { direct, indirect } = groupConnections(connections);
  return (
    <section class="clp-connections" aria-label="Connections">
      {direct.length > 0 && (
        <ul class="clp-conn-groups">
          {direct.map((g) => (
            <li key={g.from.id} class="clp-conn-group">
              <h2 class="clp-conn-from">
                <EntityButton entity={g.from} onOpen={onOpenEntity} />
                {g.from.shortName !== g.from.name && <span class="clp-muted"> {g.from.name}</span>}
              </h2>
              <ul class="clp-conn-links">
                {g.links.map((c) => (
                  <li key={`${c.kind}|${c.to.id}`} class="clp-conn">
                    <span class="clp-rel">{c.label}</span> <EntityButton entity={c.to} onOpen={onOpenEntity} />
                    {c.note && <span class="clp-conn-note"> ({c.note})</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {indirect.length > 0 && (
        <section aria-labelledby={`${uid}-shared`}>
          <h2 id={`${uid}-shared`} class="clp-group-heading">
            Through entities not on this page
          </h2>
          <ul class="clp-conn-links">
            {indirect.map((g) => (
              <li key={`${g.hub.id}|${g.label}`} class="clp-conn">
                {g.members.map((c, i) => (
                  <span key={c.from.id}>
                    {i > 0 && ', '}
                    <EntityButton entity={c.from} onOpen={onOpenEntity} />
                  </span>
                ))}{' '}
                <span class="clp-rel">{g.label}</span> <EntityButton entity={g.hub} onOpen={onOpenEntity} />
                <span class="clp-muted"> (not on this page)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
