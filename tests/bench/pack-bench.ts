/**
 * Pack benchmark (prints figures; not a test). Run: npx tsx tests/bench/pack-bench.ts [--names 50000]
 * 1. Parse + validate 50,000 generated parties as the CSL JSON, the CSL CSV, a CSV pack and a JSON pack.
 * 2. Compile the bundled dataset alone and with the pack's aliases into the matcher's data (lib/detection, read-only):
 *    time, heap, serialized size (what storage holds and a page would read).
 * 3. JSON.parse + createMatcher of each (what a page pays per load), and match() on a ~2,000-word and a ~100k-word
 *    text with and without the pack.
 * Wall times on a shared machine are noisy: CPU time of this process is printed beside them.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { loadDataset } from '../../lib/dataset/load';
import type { Entity } from '../../lib/dataset/types';
import { compileMatcherData, createMatcher } from '../../lib/detection';
import { parseCslCsv, parseCslJson, parseCsvPack, parseJsonPack } from '../../lib/packs';
import type { PackManifest, PackParseResult, ReaderEntity } from '../../lib/packs/types';
import { rng } from '../support/rng';
import { generateParties, toCslCsv, toCslJson, toPackCsv } from './names-gen';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const arg = process.argv.indexOf('--names');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 50_000;

const bytes = (s: string) => new TextEncoder().encode(s).byteLength;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

interface Timed<T> {
  value: T;
  wall: number;
  cpu: number;
}
/** Runs fn `runs` times; returns the last value and the median wall and CPU milliseconds. */
function timed<T>(fn: () => T, runs = 1): Timed<T> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    value = fn();
    walls.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpus.push((d.user + d.system) / 1000);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { value, wall: med(walls), cpu: med(cpus) };
}
const fmt = (t: Timed<unknown>) => `${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU`;
const fmtFine = (t: Timed<unknown>) => `${t.wall.toFixed(2)} ms wall, ${t.cpu.toFixed(2)} ms CPU`;

/** Heap growth while `fn`'s result stays alive (after full GCs). */
function retained<T>(fn: () => T): { value: T; heap: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = fn();
  gc();
  return { value, heap: process.memoryUsage().heapUsed - before };
}

/** The pack entity as the matcher's compiler reads it (only id, type and aliases are used). Integration will own this. */
function toMatcherEntity(e: ReaderEntity): Entity {
  const type = e.type === 'chip' || e.type === 'agency' || e.type === 'policy' ? e.type : 'company';
  return {
    id: e.id,
    type,
    aliases: e.aliases.map((a) => ({
      text: a.text,
      locale: 'en',
      ...(a.caseSensitive ? { caseSensitive: true } : {}),
      ...(a.requireContext ? { requireContext: a.requireContext } : {}),
    })),
  } as unknown as Entity;
}

const okPack = (r: PackParseResult) => {
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.pack;
};

// --- inputs ---------------------------------------------------------------------------------------------------
const parties = generateParties(N);
const cslJson = toCslJson(parties);
const cslCsv = toCslCsv(parties);
const packCsv = toPackCsv(parties);
const manifest: PackManifest = {
  id: 'bench',
  title: 'Bench',
  revision: 1,
  author: 'bench',
  license: 'CC0',
  date: '2026-12-01',
};
console.log(
  `${N} generated parties; CSL JSON ${mb(bytes(cslJson))}, CSL CSV ${mb(bytes(cslCsv))}, CSV pack ${mb(bytes(packCsv))}`,
);

// --- 1. parse + validate ----------------------------------------------------------------------------------------
const cslJsonParse = timed(() => okPack(parseCslJson(cslJson, { manifest: { date: '2026-12-01' } })));
const cslCsvParse = timed(() => okPack(parseCslCsv(cslCsv, { manifest: { date: '2026-12-01' } })));
const csvPackParse = timed(() => okPack(parseCsvPack(packCsv, { manifest })));
const jsonPack = JSON.stringify({
  format: 'chiplens-pack',
  version: 1,
  manifest,
  entities: parties.map((p) => ({
    name: p.name,
    type: p.type === 'Individual' ? 'person' : 'company',
    aliases: p.altNames,
    note: 'Synthetic.',
  })),
});
const jsonPackParse = timed(() => okPack(parseJsonPack(jsonPack)));
const screening = cslJsonParse.value.entities;
const aliasCount = screening.reduce((n, e) => n + e.aliases.length, 0);
console.log('\n1. parse + validate');
console.log(`CSL JSON -> ${screening.length} entities, ${aliasCount} aliases (name rules): ${fmt(cslJsonParse)}`);
console.log(`CSL CSV: ${fmt(cslCsvParse)}`);
console.log(`CSV pack (aliases as listed, no name rules): ${fmt(csvPackParse)}`);
console.log(`JSON pack (valibot per entity): ${fmt(jsonPackParse)}`);

// --- 2. compile -----------------------------------------------------------------------------------------------
const { entities: dataset } = loadDataset();
const withPack = [...dataset, ...screening.map(toMatcherEntity)];
const compileBase = timed(() => compileMatcherData(dataset), 3);
const compilePack = timed(() => retained(() => compileMatcherData(withPack)));
const compilePackPrebuilt = timed(() => compileMatcherData(withPack, { prebuildAutomaton: true }));
const json = {
  base: JSON.stringify(compileMatcherData(dataset)),
  basePrebuilt: JSON.stringify(compileMatcherData(dataset, { prebuildAutomaton: true })),
  pack: JSON.stringify(compilePack.value.value),
  packPrebuilt: JSON.stringify(compilePackPrebuilt.value),
};
const data = compilePack.value.value;
console.log('\n2. compile into matcher data');
console.log(`dataset alone (${dataset.length} entities): ${fmt(compileBase)}`);
console.log(
  `dataset + pack (${withPack.length} entities, ${data.patterns.length} patterns, ${data.terms.length} context terms, ` +
    `${data.rules.length} rules, ${data.classes.length} char classes): ${fmt(compilePack)}; ` +
    `x${(compilePack.cpu / compileBase.cpu).toFixed(0)} CPU; result retains ${mb(compilePack.value.heap)} heap`,
);
console.log(`  with prebuilt automaton: ${fmt(compilePackPrebuilt)}`);
for (const [name, s] of Object.entries(json)) {
  console.log(`  serialized ${name}: ${kb(bytes(s))} (gzip ${kb(gzipSync(s).byteLength)})`);
}
console.log(`  pack JSON / dataset JSON: x${(bytes(json.pack) / bytes(json.base)).toFixed(0)}`);
console.log(
  `parse + compile, CSL JSON at ${N}: ${(cslJsonParse.wall + compilePack.wall).toFixed(0)} ms wall, ` +
    `${(cslJsonParse.cpu + compilePack.cpu).toFixed(0)} ms CPU (target <= 3000 ms)`,
);

// --- 3. per page load, and matching -----------------------------------------------------------------------------
console.log('\n3. per page load: JSON.parse + createMatcher (median of 5)');
const load = (s: string) => timed(() => createMatcher(JSON.parse(s)), 5);
const loads = Object.fromEntries(Object.entries(json).map(([k, s]) => [k, load(s)]));
for (const [k, t] of Object.entries(loads)) console.log(`  ${k}: ${fmtFine(t)}`);
console.log(`  pack / dataset (building): x${(loads.pack!.cpu / loads.base!.cpu).toFixed(0)} CPU`);
const matcherHeap = retained(() => createMatcher(JSON.parse(json.pack)));
const baseHeap = retained(() => createMatcher(JSON.parse(json.base)));
console.log(`  matcher heap: dataset ${mb(baseHeap.heap)}, dataset + pack ${mb(matcherHeap.heap)}`);

const EN = (
  'the a of to and in that for on with said it was as at by from its this be has have are an more than which ' +
  'their year market chips would also but new company export government over after billion percent sales data ' +
  'demand rules officials analysts could report we quarter investors supply capacity according while last growth'
).split(' ');
function buildText(words: number, seed: number): string {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const datasetNames = dataset.flatMap((e) => e.aliases.map((a) => a.text));
  const packNames = screening.slice(0, 2000).map((e) => e.aliases[0]!.text);
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = rand();
    out.push(r < 0.01 ? pick(datasetNames) : r < 0.013 ? pick(packNames) : pick(EN));
    if (i % 80 === 79) out.push('.\n');
  }
  return out.join(' ');
}
const base = createMatcher(JSON.parse(json.base));
const full = createMatcher(JSON.parse(json.pack));
console.log('\nmatch() (median of 7)');
for (const [label, words] of [
  ['~2,000-word article', 2_000],
  ['~100k-word text', 100_000],
] as const) {
  const text = buildText(words, words);
  for (let i = 0; i < 3; i++) {
    base.match(text);
    full.match(text);
  }
  const a = timed(() => base.match(text), 7);
  const b = timed(() => full.match(text), 7);
  console.log(
    `  ${label} (${text.length} chars): dataset ${fmtFine(a)} (${a.value.length} mentions); ` +
      `dataset + pack ${fmtFine(b)} (${b.value.length} mentions); x${(b.cpu / Math.max(a.cpu, 0.01)).toFixed(1)}`,
  );
}
