/**
 * Benchmark: export and import 10,000 annotations in every format (target < 2 s each).
 * Run: npx jiti tests/bench/export-bench.ts
 */
import type { Annotation } from '../../lib/annotations/types';
import { parseImport, planImport, toCsv, toJsonBackup, toMarkdown, toW3C } from '../../lib/export';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';

const N = 10_000;
const NOW = new Date('2026-11-29T12:00:00.000Z');
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const annotations: Annotation[] = Array.from({ length: N }, (_, i) => ({
  id: `${(i + 1).toString(16).padStart(8, '0')}-9a4d-4e7b-8c21-5d6f7a8b9c0d`,
  pageKey: `https://news.example.com/story/${i % 400}`,
  url: `https://news.example.com/story/${i % 400}?utm_source=feed`,
  title: `Story ${i % 400}: export controls, chips and "thresholds"`,
  quote: {
    type: 'TextQuoteSelector',
    exact: `Passage ${i}: the H20 had been designed to stay under the previous thresholds, officials said.`,
    prefix: 'Washington tightened the rules. ',
    suffix: ' Analysts expect Huawei to gain.',
  },
  position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 90 },
  anchorVersion: 1,
  note: i % 3 === 0 ? '' : `Note ${i} with **Markdown**, a list:\n- one\n- two`,
  tags: i % 2 ? ['export-controls', 'h20'] : ['nvidia'],
  color: COLORS[i % 5]!,
  entityIds: ['nvidia-h20', 'bis'],
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 0, 2) + i * 60_000).toISOString(),
}));
const name = (id: string) => ({ 'nvidia-h20': 'NVIDIA H20', bis: 'Bureau of Industry and Security' })[id];
const info = (id: string) => {
  const n = name(id);
  return n ? { name: n, context: 'context line' } : undefined;
};

function time<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  const size = typeof out === 'string' ? ` (${(out.length / 1024 / 1024).toFixed(1)} MB)` : '';
  console.log(`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms${size}${ms > 2000 ? '  OVER TARGET' : ''}`);
  return out;
}

const opts = { maxBytes: 200 * 1024 * 1024, now: NOW };
console.log(`${N.toLocaleString()} annotations`);
const json = time('export JSON backup', () => toJsonBackup(annotations, DEFAULT_SETTINGS, NOW));
const jsonld = time('export W3C JSON-LD', () => toW3C(annotations, name, NOW));
time('export Markdown', () => toMarkdown(annotations, info));
time('export CSV', () => toCsv(annotations, name));
const a = time('import JSON backup', () => parseImport(json, opts));
const b = time('import W3C JSON-LD', () => parseImport(jsonld, opts));
const stored = new Map(annotations.slice(0, N / 2).map((x) => [x.id, x]));
time('plan import (half stored)', () => planImport((id) => stored.get(id), a.ok ? a.annotations : []));
if (!a.ok || !b.ok || a.annotations.length !== N || b.annotations.length !== N) throw new Error('import lost records');
