/**
 * Matcher benchmark (prints figures; not a test). Run: npx tsx tests/bench/matcher-bench.ts [--no-cold]
 * Builds a ~100k-word news-like text (20% Chinese paragraphs, ~1% entity names) and reports match() throughput,
 * automaton build vs deserialise time (warm, and cold in fresh processes), and the compiled data size.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../lib/dataset/load';
import { compileMatcherData, createMatcher } from '../../lib/detection';

const EN_WORDS = (
  'the a of to and in that for on with said it was as at by from its this be has have are an more than which ' +
  'their year market chips would also but new company export government over after billion percent sales data ' +
  'demand rules officials analysts could report we quarter investors supply capacity according while last growth'
).split(' ');
const ZH_CHARS = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十' +
    '三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表' +
    '间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员',
);

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 0x100000000;
  };
}

function buildText(words: number): string {
  const { entities } = loadDataset();
  const en = entities.flatMap((e) => e.aliases.filter((a) => a.locale === 'en').map((a) => a.text));
  const zh = entities.flatMap((e) => e.aliases.filter((a) => a.locale !== 'en').map((a) => a.text));
  const rand = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const paragraphs: string[] = [];
  for (let count = 0; count < words; count += 80) {
    const chinese = rand() < 0.2;
    const parts: string[] = [];
    for (let i = 0; i < 80; i++) {
      if (chinese) parts.push(rand() < 0.01 ? pick(zh) : pick(ZH_CHARS) + pick(ZH_CHARS));
      else parts.push(rand() < 0.01 ? pick(en) : pick(EN_WORDS));
    }
    paragraphs.push(chinese ? `${parts.join('')}。` : `${parts.join(' ')}.`);
  }
  return paragraphs.join('\n');
}

/** Median and minimum of several timed runs (the machine is shared, so single runs are noisy). */
function time(runs: number, fn: () => void): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

const ms = (t: { median: number; min: number }) => `${t.median.toFixed(2)} ms (min ${t.min.toFixed(2)})`;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type ColdSample = { parse: number; create: number; firstMatch: number };

/**
 * Cold start in fresh processes (what a content script pays on each page load). Variants run interleaved so that
 * load from other processes on the machine hits both alike. Returns one summary line per variant.
 */
function coldStart(variants: Record<string, string>, runs: number): string[] {
  const files = Object.entries(variants).map(([name, json], i) => {
    const file = join(tmpdir(), `chiplens-matcher-${process.pid}-${i}.json`);
    writeFileSync(file, json);
    return { name, file, samples: [] as ColdSample[] };
  });
  for (let i = 0; i < runs; i++) {
    for (const v of files) {
      const out = spawnSync('npx', ['tsx', 'tests/bench/matcher-cold.ts', v.file], { encoding: 'utf8' });
      const line = out.stdout.trim().split('\n').pop() ?? '';
      if (line.startsWith('{')) v.samples.push(JSON.parse(line));
    }
  }
  return files.map(({ name, samples }) => {
    const med = (k: keyof ColdSample) => median(samples.map((s) => s[k])).toFixed(2);
    const sum = median(samples.map((s) => s.parse + s.create)).toFixed(2);
    return (
      `cold, ${name}: JSON.parse ${med('parse')} ms + createMatcher ${med('create')} ms (sum ${sum} ms), ` +
      `first match ${med('firstMatch')} ms; medians of ${samples.length} runs`
    );
  });
}

const { entities } = loadDataset();
const datasetJson = JSON.stringify({ entities });
const t0 = performance.now();
const data = compileMatcherData(entities);
const compileMs = performance.now() - t0;
const plainJson = JSON.stringify(data);
const prebuiltJson = JSON.stringify(compileMatcherData(entities, { prebuildAutomaton: true }));

const text = buildText(100_000);
const matcher = createMatcher(JSON.parse(plainJson));
for (let i = 0; i < 3; i++) matcher.match(text);
const matchTime = time(9, () => matcher.match(text));
const mentions = matcher.match(text).length;
const fullParse = time(15, () => JSON.parse(datasetJson));
const build = time(15, () => createMatcher(JSON.parse(plainJson)));
const deserialise = time(15, () => createMatcher(JSON.parse(prebuiltJson)));

const bytes = (s: string) => `${new TextEncoder().encode(s).length} bytes`;
const rate = (t: number) => `${((text.length / t) * 1e-3).toFixed(1)} M chars/s`;
console.log(
  `entities ${entities.length}, patterns ${data.patterns.length}, aliases ${data.aliases.length}, ` +
    `rules ${data.rules.length}, classes ${data.classes.length}`,
);
console.log(`text: ${text.length} chars (~100k words, 20% Chinese paragraphs), ${mentions} mentions`);
console.log(`match(): ${ms(matchTime)} -> ${rate(matchTime.median)} (best ${rate(matchTime.min)})`);
console.log(`compileMatcherData (build time only): ${compileMs.toFixed(1)} ms`);
console.log(`full dataset JSON: ${bytes(datasetJson)}, JSON.parse ${ms(fullParse)}`);
console.log(`compiled data: ${bytes(plainJson)}; with prebuilt automaton: ${bytes(prebuiltJson)}`);
console.log(`warm JSON.parse + createMatcher, building the automaton: ${ms(build)}`);
console.log(`warm JSON.parse + createMatcher, deserialising the automaton: ${ms(deserialise)}`);
if (!process.argv.includes('--no-cold')) {
  const variants = { 'building the automaton': plainJson, 'deserialising the automaton': prebuiltJson };
  for (const line of coldStart(variants, 9)) console.log(line);
}
