/** The loaded dataset with its lookups, built once per extension page or worker (never in the content script). */
import { loadDataset } from './load';
import { buildRelationIndex, type RelatedEntry, type RelationIndex, relatedOf } from './relations';
import type { DatasetMeta, Entity } from './types';

/** An entity as the annotation editor offers it for linking: searchable by aliases and native-script names. */
export interface EntityOption {
  id: string;
  name: string;
  shortName: string;
  type: Entity['type'];
  keywords: string[];
}

export interface Catalog {
  meta: DatasetMeta;
  entities: readonly Entity[];
  index: RelationIndex;
  get(id: string): Entity | undefined;
  related(id: string): RelatedEntry[];
  /** Every entity as a link option for notes (built on first use). */
  options(): EntityOption[];
}

let cached: Catalog | null = null;

export function getCatalog(): Catalog {
  if (!cached) {
    const { meta, entities } = loadDataset();
    const index = buildRelationIndex(entities);
    let options: EntityOption[] | undefined;
    cached = {
      meta,
      entities,
      index,
      get: (id) => index.byId.get(id),
      related: (id) => relatedOf(id, index),
      options: () =>
        (options ??= entities.map((e) => ({
          id: e.id,
          name: e.name,
          shortName: e.shortName,
          type: e.type,
          keywords: [...e.aliases.map((a) => a.text), ...Object.values(e.nativeNames ?? {})],
        }))),
    };
  }
  return cached;
}
