/** Small realistic dataset and annotations for the panel view tests. */
import type { Annotation } from '../../../../lib/annotations/types';
import type { Entity } from '../../../../lib/dataset/types';
import type { MentionInfo } from '../../../../lib/messaging/protocol';

const src = { publisher: 'Vendor', title: 'Vendor page', url: 'https://example.com/source', published: '2024-11-01' };

function entity(e: Partial<Entity> & Pick<Entity, 'id' | 'type' | 'name' | 'shortName'>): Entity {
  return { summary: `${e.name} summary.`, aliases: [], facts: [], relations: [], updated: '2025-06-01', ...e };
}

export const H200 = entity({
  id: 'nvidia-h200',
  type: 'chip',
  name: 'NVIDIA H200',
  shortName: 'H200',
  kind: 'GPU',
  aliases: [{ text: 'H200', locale: 'en', caseSensitive: true }],
  facts: [
    { label: 'Memory', value: '141 GB HBM3e', asOf: '2024-11', source: src },
    { label: 'Memory bandwidth', value: '4.8 TB/s', asOf: '2024-11', source: src },
    { label: 'FP8 Tensor (dense)', value: '1,979 TFLOPS', asOf: '2024-11', source: src },
    { label: 'Launched', value: 'Nov 2023', asOf: '2024-11', source: src },
    { label: 'Architecture', value: 'Hopper', asOf: '2024-11', source: src },
    { label: 'Form factor', value: 'SXM', asOf: '2024-11', source: src },
    { label: 'TDP', value: 'up to 700 W', asOf: '2024-11', source: src },
  ],
  relations: [
    { kind: 'madeBy', target: 'nvidia' },
    { kind: 'fabbedBy', target: 'tsmc' },
  ],
});
export const H20 = entity({
  id: 'nvidia-h20',
  type: 'chip',
  name: 'NVIDIA H20',
  shortName: 'H20',
  relations: [
    { kind: 'madeBy', target: 'nvidia' },
    { kind: 'fabbedBy', target: 'tsmc' },
  ],
});
export const NVIDIA = entity({
  id: 'nvidia',
  type: 'company',
  name: 'NVIDIA Corporation',
  shortName: 'NVIDIA',
  nativeNames: { 'zh-Hans': '英伟达', 'zh-Hant': '輝達' },
  aliases: [{ text: '英伟达', locale: 'zh-Hans' }],
});
export const TSMC = entity({
  id: 'tsmc',
  type: 'company',
  name: 'Taiwan Semiconductor Manufacturing Company',
  shortName: 'TSMC',
});
export const BIS = entity({
  id: 'bis',
  type: 'agency',
  name: 'Bureau of Industry and Security',
  shortName: 'BIS',
  relations: [{ kind: 'administers', target: 'ai-diffusion-rule' }],
});
export const NDRC = entity({
  id: 'ndrc',
  type: 'agency',
  name: 'National Development and Reform Commission',
  shortName: 'NDRC',
  relations: [{ kind: 'regulates', target: 'nvidia', note: 'antitrust review' }],
});
export const RULE = entity({
  id: 'ai-diffusion-rule',
  type: 'policy',
  name: 'Framework for AI Diffusion',
  shortName: 'AI Diffusion Rule',
  relations: [
    { kind: 'restricts', target: 'nvidia-h200' },
    { kind: 'issuedBy', target: 'bis' },
  ],
});

export const ENTITIES = [H200, H20, NVIDIA, TSMC, BIS, NDRC, RULE];
export const ENTITY_MAP: ReadonlyMap<string, Entity> = new Map(ENTITIES.map((e) => [e.id, e]));

function mention(e: Entity, start: number): MentionInfo {
  return { entityId: e.id, entityType: e.type, text: e.shortName, start, end: start + e.shortName.length };
}

/** Document order: BIS, H200, NVIDIA, H200, RULE, NDRC, H200, NVIDIA, unknown-id. */
export const MENTIONS: MentionInfo[] = [
  mention(BIS, 10),
  mention(H200, 40),
  mention(NVIDIA, 80),
  mention(H200, 120),
  mention(RULE, 200),
  mention(NDRC, 260),
  mention(H200, 300),
  mention(NVIDIA, 350),
  { entityId: 'not-in-dataset', entityType: 'chip', text: 'X9', start: 400, end: 402 },
];

let seq = 0;
export function annotation(over: Partial<Annotation> = {}): Annotation {
  seq++;
  const id = over.id ?? `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return {
    id,
    pageKey: 'https://www.reuters.com/technology/h200-exports',
    url: 'https://www.reuters.com/technology/h200-exports?utm_source=x',
    title: 'US weighs H200 export licences',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'The Commerce Department is weighing licences for H200 shipments.',
      prefix: '',
      suffix: '',
    },
    position: { type: 'TextPositionSelector', start: 100, end: 160 },
    anchorVersion: 1,
    note: '',
    tags: [],
    color: 'yellow',
    entityIds: [],
    createdAt: '2025-05-01T10:00:00.000Z',
    updatedAt: '2025-05-01T10:00:00.000Z',
    ...over,
  };
}

export const ENTITY_OPTIONS = ENTITIES.map((e) => ({ id: e.id, name: e.name, shortName: e.shortName, type: e.type }));
