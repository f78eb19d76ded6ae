/** Small hand-written entities for card and relation tests (shapes as in lib/dataset/data). */
import type { Entity, Relation } from '../../../lib/dataset/types';

const SRC = {
  publisher: 'NVIDIA',
  title: 'NVIDIA H200 product page',
  url: 'https://www.nvidia.com/en-us/data-center/h200/',
  published: '2024-11',
};

/** A minimal valid entity; override what the test is about. */
export function makeEntity(id: string, over: Partial<Entity> = {}): Entity {
  const name = over.name ?? id;
  return {
    id,
    type: 'company',
    name,
    shortName: name,
    summary: `${id} summary.`,
    aliases: [{ text: id, locale: 'en' }],
    facts: [],
    relations: [],
    updated: '2025-10-01',
    ...over,
  };
}

const rel = (kind: Relation['kind'], target: string, note?: string): Relation =>
  note ? { kind, target, note } : { kind, target };

export const nvidia = makeEntity('nvidia', {
  name: 'NVIDIA',
  shortName: 'NVIDIA',
  kind: 'chip designer',
  country: 'US',
  nativeNames: { 'zh-Hans': '英伟达', 'zh-Hant': '輝達' },
  summary: 'US designer of GPUs and AI accelerators.',
  facts: [
    {
      label: 'Founded',
      value: '5 Apr 1993',
      asOf: '1993-04-05',
      source: {
        publisher: 'NVIDIA',
        title: 'NVIDIA corporate timeline',
        url: 'https://www.nvidia.com/en-us/about-nvidia/corporate-timeline/',
        published: '2024',
      },
    },
  ],
  relations: [rel('competesWith', 'huawei')],
});

export const h200 = makeEntity('nvidia-h200', {
  type: 'chip',
  name: 'NVIDIA H200',
  shortName: 'H200',
  kind: 'GPU',
  country: 'US',
  summary: 'Hopper data-centre GPU with 141 GB of HBM3e.',
  facts: [
    { label: 'Memory', value: '141 GB HBM3e', asOf: '2024-11', source: SRC },
    { label: 'Memory bandwidth', value: '4.8 TB/s', asOf: '2024-11', source: SRC },
    { label: 'FP8 Tensor (dense)', value: '1,979 TFLOPS', asOf: '2024-11', source: SRC },
    { label: 'TDP', value: 'up to 700 W', asOf: '2024-11', source: SRC },
    { label: 'Launch', value: 'Nov 2023', asOf: '2023-11-13', source: SRC },
  ],
  relations: [
    rel('madeBy', 'nvidia'),
    rel('architecture', 'hopper'),
    rel('fabbedBy', 'tsmc', 'TSMC 4N'),
    rel('successorOf', 'nvidia-h100'),
  ],
});

export const h100 = makeEntity('nvidia-h100', {
  type: 'chip',
  name: 'NVIDIA H100',
  shortName: 'H100',
  relations: [rel('madeBy', 'nvidia'), rel('architecture', 'hopper')],
});

export const h20 = makeEntity('nvidia-h20', {
  type: 'chip',
  name: 'NVIDIA H20',
  shortName: 'H20',
  relations: [rel('madeBy', 'nvidia'), rel('variantOf', 'nvidia-h100', 'China-market cut-down')],
});

export const hopper = makeEntity('hopper', { type: 'chip', name: 'Hopper', kind: 'architecture' });
export const tsmc = makeEntity('tsmc', { name: 'TSMC', kind: 'foundry', country: 'TW' });

export const huawei = makeEntity('huawei', {
  name: 'Huawei',
  country: 'CN',
  nativeNames: { 'zh-Hans': '华为' },
  relations: [
    rel('listedOn', 'entity-list', 'since 16 May 2019'),
    rel('competesWith', 'nvidia'),
    rel('parentOf', 'hisilicon'),
  ],
});

export const hisilicon = makeEntity('hisilicon', {
  name: 'HiSilicon',
  relations: [rel('subsidiaryOf', 'huawei'), rel('listedOn', 'entity-list')],
});

export const entityList = makeEntity('entity-list', {
  type: 'policy',
  name: 'Entity List',
  kind: 'list',
  country: 'US',
  relations: [rel('issuedBy', 'bis'), rel('restricts', 'huawei'), rel('restricts', 'missing-id')],
});

export const bis = makeEntity('bis', {
  type: 'agency',
  name: 'Bureau of Industry and Security',
  shortName: 'BIS',
  country: 'US',
  relations: [rel('administers', 'entity-list'), rel('parentOf', 'no-such-body')],
});

export const ALL: Entity[] = [nvidia, h200, h100, h20, hopper, tsmc, huawei, hisilicon, entityList, bis];
