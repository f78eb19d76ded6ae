/**
 * Relations between dataset entities, read in both directions: human labels, a reverse-edge index, an entity's
 * related entities for its card, and the links among the entities on one page for the side panel's "Connections".
 * Pure: plain data in, plain data out.
 */
import type { Entity, Relation, RelationKind } from './types';

/** How a relation reads from its source (`out`) and from its target (`in`). */
export const RELATION_LABELS: Readonly<Record<RelationKind, { out: string; in: string }>> = {
  madeBy: { out: 'made by', in: 'makes' },
  fabbedBy: { out: 'manufactured by', in: 'manufactures' },
  architecture: { out: 'built on', in: 'architecture of' },
  variantOf: { out: 'variant of', in: 'has variant' },
  successorOf: { out: 'successor to', in: 'succeeded by' },
  parentOf: { out: 'parent of', in: 'subsidiary of' },
  subsidiaryOf: { out: 'subsidiary of', in: 'parent of' },
  regulates: { out: 'regulates', in: 'regulated by' },
  restricts: { out: 'restricts', in: 'restricted by' },
  permits: { out: 'permits', in: 'permitted by' },
  amends: { out: 'amends', in: 'amended by' },
  rescinds: { out: 'rescinds', in: 'rescinded by' },
  administers: { out: 'administers', in: 'administered by' },
  issuedBy: { out: 'issued by', in: 'issued' },
  listedOn: { out: 'listed on', in: 'lists' },
  supplies: { out: 'supplies', in: 'supplied by' },
  uses: { out: 'uses', in: 'used by' },
  competesWith: { out: 'competes with', in: 'competes with' },
  partOf: { out: 'part of', in: 'includes' },
};

/** Order in which kinds are listed when nothing else decides (closest identity first, rivals last). */
const KIND_ORDER: readonly RelationKind[] = [
  'madeBy',
  'variantOf',
  'successorOf',
  'architecture',
  'fabbedBy',
  'subsidiaryOf',
  'parentOf',
  'partOf',
  'issuedBy',
  'administers',
  'amends',
  'rescinds',
  'regulates',
  'restricts',
  'permits',
  'listedOn',
  'supplies',
  'uses',
  'competesWith',
];

/** The label of `kind` read from the source (`out`) or the target (`in`). */
export function relationLabel(kind: RelationKind, direction: 'out' | 'in'): string {
  return RELATION_LABELS[kind][direction];
}

/** An incoming edge: `from` declares `relation` whose target is the indexed entity. */
export interface IncomingEdge {
  from: string;
  relation: Relation;
}

/** Entities by id plus the reverse of every relation. Build once per dataset. */
export interface RelationIndex {
  byId: ReadonlyMap<string, Entity>;
  incoming: ReadonlyMap<string, readonly IncomingEdge[]>;
}

/** Indexes `entities` by id and records each relation under its target as an incoming edge. */
export function buildRelationIndex(entities: readonly Entity[]): RelationIndex {
  const byId = new Map<string, Entity>();
  for (const e of entities) byId.set(e.id, e);
  const incoming = new Map<string, IncomingEdge[]>();
  for (const e of byId.values()) {
    for (const relation of e.relations) {
      const list = incoming.get(relation.target);
      if (list) list.push({ from: e.id, relation });
      else incoming.set(relation.target, [{ from: e.id, relation }]);
    }
  }
  return { byId, incoming };
}

/** One entity related to another, as shown on a card. */
export interface RelatedEntry {
  kind: RelationKind;
  /** Reads from the card's entity to `entity`, e.g. H200's card: "made by" NVIDIA; NVIDIA's card: "makes" H200. */
  label: string;
  /** `out`: the card's entity declares the relation; `in`: `entity` declares it. */
  direction: 'out' | 'in';
  entity: Entity;
  note?: string;
  /** When the relation held, for time-bound relations (Relation.asOf). */
  asOf?: string;
}

const kindRank = (k: RelationKind) => KIND_ORDER.indexOf(k);

/**
 * The entities related to `id`, one entry per related entity: its own (outgoing) relations first in the order the
 * dataset lists them, then relations other entities declare towards it, by kind and name. An entity reachable both
 * ways (H200 "made by" NVIDIA and NVIDIA "makes" H200) appears once, with the outgoing reading. Self-links and
 * targets missing from the index are left out.
 */
export function relatedOf(id: string, index: RelationIndex): RelatedEntry[] {
  const self = index.byId.get(id);
  if (!self) return [];
  const seen = new Set<string>([id]);
  const out: RelatedEntry[] = [];
  for (const r of self.relations) {
    const entity = index.byId.get(r.target);
    if (!entity || seen.has(entity.id)) continue;
    seen.add(entity.id);
    out.push(entry(r, 'out', entity));
  }
  const incoming: RelatedEntry[] = [];
  for (const edge of index.incoming.get(id) ?? []) {
    const entity = index.byId.get(edge.from);
    if (!entity || seen.has(entity.id)) continue;
    seen.add(entity.id);
    incoming.push(entry(edge.relation, 'in', entity));
  }
  incoming.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.entity.name.localeCompare(b.entity.name));
  return out.concat(incoming);
}

function entry(relation: Relation, direction: 'out' | 'in', entity: Entity): RelatedEntry {
  const { kind, note, asOf } = relation;
  const e: RelatedEntry = { kind, label: relationLabel(kind, direction), direction, entity };
  if (note) e.note = note;
  if (asOf) e.asOf = asOf;
  return e;
}

/** A link between two entities for the "Connections" view; reads `from` — `label` — `to`. */
export interface Connection {
  from: Entity;
  to: Entity;
  kind: RelationKind;
  label: string;
  note?: string;
  /**
   * True when `to` is NOT on the page: it is a shared neighbour that links `from` with at least one other entity on
   * the page the same way (H20 and H200 both "made by" NVIDIA). Indirect entries come after all direct ones, grouped
   * by `to`, so a renderer can show "H20, H200 — made by — NVIDIA (not on this page)".
   */
  indirect?: boolean;
}

/**
 * Pairs of kinds that state the same fact from opposite ends; the second is the first read backwards. Used only to
 * drop the duplicate when the dataset records a fact from both ends.
 */
const SAME_FACT_REVERSED: ReadonlyArray<readonly [RelationKind, RelationKind]> = [
  ['parentOf', 'subsidiaryOf'],
  ['restricts', 'listedOn'],
  ['competesWith', 'competesWith'],
];

/** A key equal for two edges that state the same fact, whichever end records it. */
function factKey(from: string, kind: RelationKind, to: string): string {
  for (const [a, b] of SAME_FACT_REVERSED) {
    if (a === b && kind === a) return from < to ? `${a}|${from}|${to}` : `${a}|${to}|${from}`;
    if (kind === a) return `${a}|${from}|${to}`;
    if (kind === b) return `${a}|${to}|${from}`;
  }
  return `${kind}|${from}|${to}`;
}

export interface ConnectionOptions {
  /** Include shared neighbours that are not on the page (default true). */
  indirect?: boolean;
}

/**
 * The links among the entities in `ids` (those on the current page, in page order). Direct links come first, ordered
 * by where their `from` and then `to` entity first appear in `ids`, then by kind; each is given the way the dataset
 * records it, and a fact recorded from both ends appears once. Then, unless `options.indirect` is false, shared
 * neighbours off the page that link two or more page entities the same way (see {@link Connection.indirect}),
 * neighbours linking most page entities first.
 */
export function connectionsAmong(
  ids: readonly string[],
  index: RelationIndex,
  options: ConnectionOptions = {},
): Connection[] {
  const order = new Map<string, number>();
  for (const id of ids) if (index.byId.has(id) && !order.has(id)) order.set(id, order.size);
  const pos = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;

  const direct: Connection[] = [];
  const facts = new Set<string>();
  for (const id of order.keys()) {
    const from = index.byId.get(id)!;
    for (const r of from.relations) {
      if (!order.has(r.target) || r.target === id) continue;
      const key = factKey(id, r.kind, r.target);
      if (facts.has(key)) continue;
      facts.add(key);
      direct.push(connection(from, index.byId.get(r.target)!, r.kind, 'out', r.note));
    }
  }
  direct.sort(
    (a, b) => pos(a.from.id) - pos(b.from.id) || pos(a.to.id) - pos(b.to.id) || kindRank(a.kind) - kindRank(b.kind),
  );
  if (options.indirect === false) return direct;
  return direct.concat(sharedNeighbours(order, index, pos));
}

function connection(
  from: Entity,
  to: Entity,
  kind: RelationKind,
  direction: 'out' | 'in',
  note: string | undefined,
  indirect = false,
): Connection {
  const c: Connection = { from, to, kind, label: relationLabel(kind, direction) };
  if (note) c.note = note;
  if (indirect) c.indirect = true;
  return c;
}

/** Off-page entities that link >= 2 page entities by the same kind in the same direction. */
function sharedNeighbours(
  order: ReadonlyMap<string, number>,
  index: RelationIndex,
  pos: (id: string) => number,
): Connection[] {
  const groups = new Map<string, { hub: Entity; kind: RelationKind; direction: 'out' | 'in'; links: Connection[] }>();
  const add = (pageEntity: Entity, hub: Entity, kind: RelationKind, direction: 'out' | 'in', note?: string) => {
    if (order.has(hub.id)) return;
    const key = `${hub.id}|${kind}|${direction}`;
    let g = groups.get(key);
    if (!g) {
      g = { hub, kind, direction, links: [] };
      groups.set(key, g);
    }
    if (g.links.some((c) => c.from.id === pageEntity.id)) return;
    g.links.push(connection(pageEntity, hub, kind, direction, note, true));
  };
  for (const id of order.keys()) {
    const self = index.byId.get(id)!;
    for (const r of self.relations) {
      const hub = index.byId.get(r.target);
      if (hub) add(self, hub, r.kind, 'out', r.note);
    }
    for (const edge of index.incoming.get(id) ?? []) {
      const hub = index.byId.get(edge.from);
      if (hub) add(self, hub, edge.relation.kind, 'in', edge.relation.note);
    }
  }
  const kept = [...groups.values()].filter((g) => g.links.length >= 2);
  kept.sort(
    (a, b) =>
      b.links.length - a.links.length ||
      kindRank(a.kind) - kindRank(b.kind) ||
      a.hub.name.localeCompare(b.hub.name) ||
      (a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1),
  );
  return kept.flatMap((g) => g.links.sort((a, b) => pos(a.from.id) - pos(b.from.id)));
}
