/** The loaded dataset with its lookups, built once per extension page or worker (never in the content script). */
import { loadDataset } from './load';
import { buildRelationIndex, type RelatedEntry, type RelationIndex, relatedOf } from './relations';
import type { DatasetMeta, Entity } from './types';

export interface Catalog {
  meta: DatasetMeta;
  entities: readonly Entity[];
  index: RelationIndex;
  get(id: string): Entity | undefined;
  related(id: string): RelatedEntry[];
}

let cached: Catalog | null = null;

export function getCatalog(): Catalog {
  if (!cached) {
    const { meta, entities } = loadDataset();
    const index = buildRelationIndex(entities);
    cached = { meta, entities, index, get: (id) => index.byId.get(id), related: (id) => relatedOf(id, index) };
  }
  return cached;
}
