import agencyFile from './data/agency.json';
import chipFile from './data/chip.json';
import companyFile from './data/company.json';
import policyFile from './data/policy.json';
import metaFile from './meta.json';
import type { DatasetFile, DatasetMeta, Entity, EntityType } from './types';

/** The bundled data files by the entity type they hold (validation checks each entity against its file's type). */
export const DATASET_FILES: readonly { type: EntityType; file: DatasetFile }[] = [
  // JSON imports are typed structurally with plain strings; validateDataset is what vouches for the shape.
  { type: 'chip', file: chipFile as unknown as DatasetFile },
  { type: 'agency', file: agencyFile as unknown as DatasetFile },
  { type: 'company', file: companyFile as unknown as DatasetFile },
  { type: 'policy', file: policyFile as unknown as DatasetFile },
];

/**
 * The whole bundled dataset. For build-time and extension-page use (cards, side panel, report): the content script
 * gets only the compiled matcher data from `virtual:chiplens-matcher`.
 */
export function loadDataset(): { meta: DatasetMeta; entities: Entity[] } {
  return { meta: metaFile as DatasetMeta, entities: DATASET_FILES.flatMap((f) => f.file.entities) };
}
