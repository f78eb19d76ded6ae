/**
 * Benchmark: anchorAll with 200 annotations on a 100k-word article that was edited since they were made (half
 * unchanged, some moved by inserted/reordered text, some edited inside, some removed).
 * Run: npx jiti tests/bench/anchor-bench.ts
 */
import { type AnchorTarget, anchorAll, anchorPrepared, describe, prepareText } from '../../lib/anchoring';
import { rng } from '../support/rng';
import { fakeArticle } from '../unit/anchoring/fake-article';

const original = fakeArticle(100_000, 42);
const next = rng(7);
const N = 200;
const kinds = ['unchanged', 'moved', 'edited', 'removed'] as const;
const counts = { unchanged: 100, moved: 40, edited: 40, removed: 20 };

// Non-overlapping passages of 20..300 characters spread over the text.
const slot = Math.floor(original.length / N);
const passages = Array.from({ length: N }, (_, i) => {
  const len = 20 + Math.floor(next() * 280);
  const start = i * slot + Math.floor(next() * (slot - len - 200)) + 100;
  return { start, end: start + len };
});
const kindOf = passages.map((_, i) => {
  const k = i % 10;
  // Deterministic mix matching `counts`: 0-4 unchanged, 5-6 moved, 7-8 edited, 9 removed.
  return k < 5 ? kinds[0] : k < 7 ? kinds[1] : k < 9 ? kinds[2] : kinds[3];
});
const targets: AnchorTarget[] = passages.map((p) => describe(original, p.start, p.end));

// Build the edited page: edit/remove from the end backwards so earlier offsets stay valid, then insert text near
// the moved passages (shifting everything after them) and a new lead paragraph at the top.
let edited = original;
for (let i = N - 1; i >= 0; i--) {
  const { start, end } = passages[i]!;
  const kind = kindOf[i]!;
  if (kind === 'edited') {
    const mid = start + Math.floor((end - start) / 2);
    edited = `${edited.slice(0, mid)} (updated) ${edited.slice(mid + 3)}`;
  } else if (kind === 'removed') {
    edited = edited.slice(0, start - 60) + edited.slice(end + 60);
  } else if (kind === 'moved') {
    edited = `${edited.slice(0, start - 80)}\n\nA new paragraph of ${'inserted text '.repeat(300)}\n\n${edited.slice(start - 80)}`;
  }
}
edited = `Editor's note: this story has been updated.\n\n${edited}`;

const t0 = performance.now();
const results = anchorAll(edited, targets);
const total = performance.now() - t0;

// Per-call worst case: single anchorPrepared calls (text prepared once) without the shift anchorAll learns from
// neighbours, so every passage below an insertion is first looked for in the wrong place.
const prepared = prepareText(edited);
void prepared.stripped;
let max = 0;
let maxKind = '';
for (let i = 0; i < N; i++) {
  const s = performance.now();
  anchorPrepared(prepared, targets[i]!);
  const d = performance.now() - s;
  if (d > max) {
    max = d;
    maxKind = kindOf[i]!;
  }
}

const outcome: Record<string, Record<string, number>> = {};
results.forEach((r, i) => {
  const k = kindOf[i]!;
  outcome[k] ??= {};
  outcome[k][r.status] = (outcome[k][r.status] ?? 0) + 1;
});
console.log(`text: ${edited.length.toLocaleString()} chars (~100k words), ${N} annotations`, counts);
console.log(`anchorAll total: ${total.toFixed(1)} ms (${(total / N).toFixed(2)} ms/annotation)`);
console.log(`single-call max (no learnt shift): ${max.toFixed(1)} ms (${maxKind})`);
console.log('outcomes by kind:', JSON.stringify(outcome));
