// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../lib/dataset/load';
import { compileMatcherData, createMatcher } from '../../../lib/detection';

const FIXTURES = join(__dirname, '../../fixtures/detection');
const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));

// Same path as the extension: compiled data through a JSON round trip, as the virtual module ships it.
const matcher = createMatcher(
  JSON.parse(JSON.stringify(compileMatcherData(loadDataset().entities, { prebuildAutomaton: true }))),
);

/** Visible text for now: body text without scripts and styles (lib/page/ will provide the real walker). */
function visibleText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
  return doc.body.textContent ?? '';
}

interface Pair {
  entityId: string;
  text: string;
}

function score(found: Pair[], expected: Pair[]) {
  const key = (p: Pair) => `${p.entityId}\u0000${p.text}`;
  const remaining = new Map<string, number>();
  for (const p of expected) remaining.set(key(p), (remaining.get(key(p)) ?? 0) + 1);
  let hits = 0;
  const falsePositives: Pair[] = [];
  for (const p of found) {
    const n = remaining.get(key(p)) ?? 0;
    if (n > 0) {
      hits++;
      remaining.set(key(p), n - 1);
    } else {
      falsePositives.push(p);
    }
  }
  const missed = expected.filter((p) => {
    const n = remaining.get(key(p)) ?? 0;
    if (n === 0) return false;
    remaining.set(key(p), n - 1);
    return true;
  });
  return { hits, found: found.length, expected: expected.length, falsePositives, missed };
}

describe('precision and recall on fixture pages', () => {
  const results = pages.map((page) => {
    const text = visibleText(readFileSync(join(FIXTURES, `${page}.html`), 'utf8'));
    const expected: Pair[] = JSON.parse(readFileSync(join(FIXTURES, `${page}.expected.json`), 'utf8'));
    const found = matcher.match(text).map((m) => ({ entityId: m.entityId, text: text.slice(m.start, m.end) }));
    return { page, ...score(found, expected) };
  });

  it('has at least 8 pages with expectations', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it('reaches 0.97 precision and recall overall', () => {
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
    const lines = results.map((r) => {
      const detail = [
        ...r.falsePositives.map((p) => `    false positive: ${p.entityId} ${JSON.stringify(p.text)}`),
        ...r.missed.map((p) => `    missed: ${p.entityId} ${JSON.stringify(p.text)}`),
      ];
      return [
        `${r.page.padEnd(24)} precision ${ratio(r.hits, r.found).toFixed(3)} recall ${ratio(r.hits, r.expected).toFixed(3)} (${r.hits} hits, ${r.found} found, ${r.expected} expected)`,
        ...detail,
      ].join('\n');
    });
    const hits = results.reduce((n, r) => n + r.hits, 0);
    const found = results.reduce((n, r) => n + r.found, 0);
    const expected = results.reduce((n, r) => n + r.expected, 0);
    const precision = ratio(hits, found);
    const recall = ratio(hits, expected);
    console.log(
      `${lines.join('\n')}\nOVERALL precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${hits}/${found} found, ${hits}/${expected} expected)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});
