import type { Alias, Entity, EntityType } from '../../../lib/dataset/types';

/** A minimal entity for matcher mechanics: only aliases matter to the matcher. */
function entity(id: string, type: EntityType, aliases: (string | (Partial<Alias> & { text: string }))[]): Entity {
  return {
    id,
    type,
    name: id,
    shortName: id,
    summary: `${id} (test entity)`,
    aliases: aliases.map((a) => (typeof a === 'string' ? { text: a, locale: 'en' } : { locale: 'en', ...a })),
    facts: [],
    relations: [],
    updated: '2026-11-29',
  };
}

/** Small hand-made dataset exercising each matching rule; the real dataset is tested separately. */
export const INLINE_ENTITIES: Entity[] = [
  entity('nvidia', 'company', [
    'NVIDIA',
    '英伟达',
    '輝達',
    { text: 'エヌビディア', locale: 'ja' },
    { text: '엔비디아', locale: 'ko' },
  ]),
  entity('intel', 'company', [
    { text: 'Intel', caseSensitive: true },
    '英特尔',
    { text: 'インテル', locale: 'ja' },
    { text: '인텔', locale: 'ko' },
  ]),
  entity('apple', 'company', [
    { text: 'Apple', caseSensitive: true },
    { text: 'アップル', locale: 'ja' },
    { text: '애플', locale: 'ko' },
  ]),
  entity('samsung', 'company', [
    { text: 'Samsung Electronics', locale: 'en' },
    { text: '삼성전자', locale: 'ko' },
    { text: 'サムスン電子', locale: 'ja' },
  ]),
  entity('h20', 'chip', [{ text: 'H20', caseSensitive: true }]),
  entity('h200', 'chip', [{ text: 'H200', caseSensitive: true }, '英伟达H200']),
  entity('gh200', 'chip', [
    { text: 'GH200', caseSensitive: true },
    { text: 'Grace Hopper', caseSensitive: true, requireContext: ['NVIDIA', 'GPU', 'superchip'] },
  ]),
  entity('gb200', 'chip', [{ text: 'GB200', caseSensitive: true }]),
  entity('b30a', 'chip', [{ text: 'B30A', caseSensitive: true }]),
  entity('b300', 'chip', [{ text: 'B300', caseSensitive: true }]),
  entity('rtx-pro-6000d', 'chip', ['RTX Pro 6000D']),
  entity('rtx-pro-6000', 'chip', ['RTX Pro 6000']),
  entity('mi300x', 'chip', [{ text: 'MI300X', caseSensitive: true }]),
  entity('mi300a', 'chip', [{ text: 'MI300A', caseSensitive: true }]),
  entity('hopper', 'chip', [{ text: 'Hopper', caseSensitive: true, requireContext: ['NVIDIA', 'GPU', 'H100'] }]),
  entity('ampere', 'chip', [{ text: 'Ampere', caseSensitive: true, requireContext: ['NVIDIA', 'GPU', 'A100'] }]),
  entity('bis', 'agency', [
    'Bureau of Industry and Security',
    {
      text: 'BIS',
      caseSensitive: true,
      requireContext: ['export', 'Commerce', 'Entity List'],
      forbidContext: ['Bank for International Settlements', 'Basel'],
    },
  ]),
  entity('cac', 'agency', [
    { text: 'CAC', caseSensitive: true, requireContext: ['China', 'Nvidia'], forbidContext: ['CAC 40', 'Euronext'] },
    '网信办',
  ]),
  entity('us-commerce', 'agency', [
    'Commerce Department',
    { text: '美国商务部', locale: 'zh-Hans' },
    { text: '商务部', locale: 'zh-Hans', sharedWith: ['mofcom'], requireContext: ['美国', '华盛顿'] },
  ]),
  entity('mofcom', 'agency', [
    'MOFCOM',
    { text: '商务部', locale: 'zh-Hans', sharedWith: ['us-commerce'] },
    { text: '商務部', locale: 'zh-Hant' },
  ]),
  entity('entity-list', 'policy', [{ text: 'Entity List', caseSensitive: true }]),
  entity('alibaba', 'company', ['Alibaba', 'Alibaba.com', '阿里巴巴']),
  entity('alibaba-cloud', 'company', ['Alibaba Cloud', '阿里云']),
  entity('ascend-910c', 'chip', ['Ascend 910C', { text: '昇腾910C', locale: 'zh-Hans' }]),
  entity('micron', 'company', [
    { text: 'Micron', caseSensitive: true, requireContext: ['memory', 'HBM'] },
    { text: '美光', locale: 'zh-Hans' },
  ]),
  entity('bytedance', 'company', [{ text: '字节跳动', locale: 'zh-Hans' }, 'ByteDance']),
  entity('moore-threads', 'company', [{ text: '摩尔线程', locale: 'zh-Hans' }]),
  entity('cambricon', 'company', [
    'Cambricon',
    { text: '寒武纪', locale: 'zh-Hans', requireContext: ['芯片', 'AI', '股'] },
  ]),
  entity('huawei-ascend', 'chip', [{ text: '昇腾', locale: 'zh-Hans', requireContext: ['华为', '芯片'] }]),
];
