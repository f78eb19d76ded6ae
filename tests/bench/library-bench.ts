/**
 * Library search benchmark: 10,000 generated annotations with English and Chinese notes.
 * Run: npx vite-node tests/bench/library-bench.ts   (prints figures; not a test, asserts nothing)
 * Budget: every search under 50 ms.
 */
import type { Annotation } from '../../lib/annotations/types';
import { HIGHLIGHT_COLORS } from '../../lib/annotations/types';
import { buildIndex, facets, type LibraryQuery, searchLibrary } from '../../lib/library/search';
import { rng } from '../support/rng';

const COUNT = 10_000;
const RUNS = 60;

const random = rng(20250415);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list))),
];

const EN = [
  'Nvidia said the H20 licence requirement would cost it $5.5 billion in inventory charges.',
  'The Commerce Department’s Bureau of Industry and Security added 140 entities to the Entity List.',
  'TSMC will expand its Arizona fabs and bring CoWoS advanced packaging to the US.',
  'SMIC reportedly shipped 7nm chips for Huawei’s Kirin 9000S despite export controls.',
  'HBM supply from SK hynix and Samsung is the real bottleneck for AI accelerators.',
  'The AI diffusion rule splits countries into three tiers with compute caps per country.',
  'ASML cannot ship its most advanced DUV immersion tools to China without a Dutch licence.',
  'Analysts expect the Blackwell B200 to be replaced by the B300 within a year.',
  'Check whether the foreign direct product rule reaches this equipment.',
  'Résumé of the hearing: lawmakers want chip location verification on exported GPUs.',
  'AMD’s MI308 was also caught by the new licensing requirement.',
  'Good background on why export controls target compute thresholds (TPP) rather than product names.',
  'Follow up: does the rule cover cloud access to restricted chips?',
  'Huawei Ascend 910C clusters are said to approach H100 performance at scale.',
  'Micron was banned from critical infrastructure in China in 2023.',
];
const ZH = [
  '英伟达H20芯片受到新的出口管制，公司称将计提55亿美元费用。',
  '美国商务部工业与安全局将140家实体列入实体清单。',
  '华为正在与长鑫存储合作开发高带宽内存（HBM）。',
  '中芯国际据报道为华为麒麟9000S生产了7纳米芯片。',
  '台积电将在亚利桑那州扩建晶圆厂，并引入CoWoS先进封装。',
  '人工智能扩散规则把国家分为三个等级，并设定算力上限。',
  '荷兰政府要求阿斯麦出口先进DUV光刻机须申请许可证。',
  '分析师认为昇腾910C集群在规模上接近H100的性能。',
  '需要核实外国直接产品规则是否适用于该设备。',
  '议员要求对出口的GPU进行芯片位置验证。',
];
const TAGS = [
  'export-controls',
  'bis',
  'entity-list',
  'hbm',
  'tsmc',
  'nvidia',
  'huawei',
  'smic',
  'asml',
  'china',
  'us',
  'netherlands',
  'japan',
  'korea',
  'taiwan',
  'packaging',
  'cowos',
  'euv',
  'duv',
  'fdpr',
  'ai-diffusion',
  'cloud',
  'follow-up',
  'to-read',
  'quote',
  'numbers',
  'hearing',
  'lawsuit',
  'earnings',
  'supply-chain',
  '出口管制',
  '芯片',
  '华为',
  '存储',
  'policy',
  'gpu',
  'memory',
  'foundry',
  'equipment',
  'smuggling',
];
const ENTITIES = Array.from({ length: 150 }, (_, i) => `entity-${i}`);
const SITES = [
  'www.reuters.com',
  'www.ft.com',
  'www.bloomberg.com',
  'www.scmp.com',
  'www.caixin.com',
  'www.semianalysis.com',
  'www.bis.gov',
  'www.federalregister.gov',
  'www.nikkei.com',
  'www.theinformation.com',
  'www.tomshardware.com',
  'www.anandtech.com',
  'www.wsj.com',
  'www.nytimes.com',
  'www.36kr.com',
  'www.jiqizhixin.com',
  'digitimes.com',
  'www.trendforce.com',
  'www.csis.org',
  'cset.georgetown.edu',
];

function sentences(max: number): string {
  const n = Math.floor(random() * (max + 1));
  return Array.from({ length: n }, () => (random() < 0.6 ? pick(EN) : pick(ZH))).join(random() < 0.5 ? ' ' : '\n\n');
}

function generate(i: number): Annotation {
  const created = Date.UTC(2023, 0, 1) + Math.floor(random() * 2.5 * 365 * 86_400_000);
  const updated = created + (random() < 0.4 ? Math.floor(random() * 30 * 86_400_000) : 0);
  const exact = (random() < 0.6 ? pick(EN) : pick(ZH)).slice(0, 40 + Math.floor(random() * 200));
  const site = pick(SITES);
  return {
    id: `ann-${i.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
    pageKey: `https://${site}/article/${i % 2000}`,
    url: `https://${site}/article/${i % 2000}?utm_source=feed`,
    title: `Article ${i % 2000}`,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: i, end: i + exact.length },
    anchorVersion: 1,
    note: random() < 0.2 ? '' : sentences(6),
    tags: some(TAGS, 4),
    color: pick(HIGHLIGHT_COLORS),
    entityIds: some(ENTITIES, 5),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time<T>(fn: () => T, runs: number): { p50: number; p95: number; max: number; result: T } {
  let result = fn(); // warm-up (JIT, caches)
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)!, result };
}

const fmt = (ms: number) => `${ms.toFixed(2).padStart(7)} ms`;

const annotations = Array.from({ length: COUNT }, (_, i) => generate(i));
const chars = annotations.reduce((n, a) => n + a.note.length + a.quote.exact.length, 0);
console.log(`${COUNT} annotations, ${(chars / 1e6).toFixed(2)} M chars of quote+note`);

const build = time(() => buildIndex(annotations), 5);
console.log(`buildIndex                         p50 ${fmt(build.p50)}  max ${fmt(build.max)}`);
const index = build.result;

const queries: [string, LibraryQuery][] = [
  ['empty query, sort updated-desc', { sort: 'updated-desc' }],
  ['empty query, sort site', { sort: 'site' }],
  ['"nvidia"', { text: 'nvidia', sort: 'updated-desc' }],
  ['"export controls" (2 words)', { text: 'export controls', sort: 'updated-desc' }],
  ['phrase "\\"export controls\\""', { text: '"export controls"', sort: 'updated-desc' }],
  ['"a" (1 letter, many hits)', { text: 'a', sort: 'updated-desc' }],
  ['"出口管制" (CJK)', { text: '出口管制', sort: 'updated-desc' }],
  ['"h20 芯片" (mixed)', { text: 'h20 芯片', sort: 'created-desc' }],
  ['"resume" (accent-folded)', { text: 'resume', sort: 'updated-desc' }],
  ['"zzqxj" (no hit, full scan)', { text: 'zzqxj', sort: 'updated-desc' }],
  ['4 words, 2 scripts', { text: 'huawei 910c 昇腾 scale', sort: 'updated-desc' }],
  ['tag + entity filter', { tags: ['hbm'], entityIds: ['entity-7'], sort: 'site' }],
  [
    'site + date range + text',
    { site: 'www.ft.com', from: '2024-01-01', to: '2024-06-30', text: 'chip', sort: 'updated-asc' },
  ],
];

for (const [label, query] of queries) {
  const r = time(() => searchLibrary(index, query), RUNS);
  console.log(
    `search ${label.padEnd(34)} p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  hits ${String(r.result.length).padStart(5)}`,
  );
}

const all = time(() => facets(index), 20);
console.log(`facets (all)                              p50 ${fmt(all.p50)}  p95 ${fmt(all.p95)}`);
const hits = searchLibrary(index, { text: 'export', sort: 'updated-desc' });
const some2 = time(() => facets(index, hits), 20);
console.log(`facets (${hits.length} results)                    p50 ${fmt(some2.p50)}  p95 ${fmt(some2.p95)}`);
