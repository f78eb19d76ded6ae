import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../lib/dataset/types';
import { buildReport } from '../../../lib/dataset-build/report';
import { entity, fact, SOURCE } from '../dataset/rule-fixtures';

const META = { version: 'test', asOf: '2026-11-29' };
const SOURCES = {
  domains: {
    'nvidia.com': { publisher: 'NVIDIA', class: 'primary' },
    'reuters.com': { publisher: 'Reuters', class: 'press' },
  },
};
const report = (entities: Entity[], today = '2026-12-04') =>
  buildReport(entities, entities, META, { today, sources: SOURCES });

/** The lines of the section starting with `heading` up to the next blank line. */
function section(lines: string[], heading: string | RegExp): string[] {
  const start = lines.findIndex((l) => (typeof heading === 'string' ? l.startsWith(heading) : heading.test(l)));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('buildReport', () => {
  const press = { ...SOURCE, publisher: 'Reuters', url: 'https://www.reuters.com/technology/x' };
  const a = entity('a', {
    aliases: [
      { text: 'Alias a', locale: 'en' },
      { text: 'エーチップ', locale: 'ja' },
      { text: '에이칩', locale: 'ko' },
      { text: '甲芯片', locale: 'zh-Hans' },
    ],
    facts: [
      fact(),
      fact({ label: 'Press', source: press }),
      fact({ label: 'Status', value: 'Licensed', asOf: '2025-06', status: { reviewBy: '2026-06-01' } }),
      fact({ label: 'Due', value: 'Pending', asOf: '2026-06', status: { reviewBy: '2026-12-01' } }),
    ],
  });
  const b = entity('b', { facts: [fact()], events: [] });
  const { lines, ok } = report([a, b]);

  it('counts entities by type and aliases by locale, with ja/ko/zh coverage', () => {
    expect(lines[0]).toBe('ChipLens dataset test (as of 2026-11-29): 2 entities');
    expect(section(lines, 'Entities by type:')).toContain('  chip        2  (minimum 70: FAIL)');
    expect(section(lines, 'Aliases by locale')).toEqual([
      'Aliases by locale (aliases / entities having one):',
      '  en           2 / 2',
      '  zh-Hans      1 / 1',
      '  zh-Hant      0 / 0',
      '  ja           1 / 1',
      '  ko           1 / 1',
    ]);
    expect(section(lines, 'Alias coverage')).toEqual(
      expect.arrayContaining([
        '  zh           1 / 2 (50%)',
        '  ja           1 / 2 (50%)',
        '  ko           1 / 2 (50%)',
      ]),
    );
  });

  it('shares facts by source class', () => {
    expect(section(lines, 'Facts: 5')).toEqual([
      'Facts: 5, by source class:',
      '  primary       4  80%',
      '  press         1  20%',
      '  law-firm      0  0%',
      '  analyst       0  0%',
      '  unlisted      0  0%',
    ]);
  });

  it('lists entities under 3 facts, without a status fact, and status facts past review', () => {
    expect(section(lines, 'Facts without asOf')).toEqual(['Facts without asOf: 0 of 5']);
    expect(section(lines, 'Entities with fewer than 3 facts')).toEqual(['Entities with fewer than 3 facts: 1', '  b']);
    expect(section(lines, 'Entities without a status fact')).toEqual(['Entities without a status fact: 1', '  b']);
    expect(section(lines, 'Status facts past review')).toEqual([
      'Status facts past review (before 2026-12-04 or the dataset asOf 2026-11-29): 2',
      '  a: Status (review by 2026-06-01)',
      '  a: Due (review by 2026-12-01)',
    ]);
  });

  it('takes the dataset asOf as the review line when it is later than today', () => {
    expect(section(report([a], '2026-01-01').lines, 'Status facts past review')).toEqual([
      'Status facts past review (before 2026-01-01 or the dataset asOf 2026-11-29): 1',
      '  a: Status (review by 2026-06-01)',
    ]);
  });

  it('counts events and lists editorial markers', () => {
    expect(section(lines, 'Events:')).toEqual(['Events: 1 on 1 entities']);
    const marked = entity('m', { summary: 'A chip (3p).' });
    expect(section(report([marked]).lines, 'Editorial markers')).toEqual([
      'Editorial markers: 1',
      '  m: summary: "(3p)"',
    ]);
  });

  it('fails on any validation error and lists it', () => {
    expect(ok).toBe(false);
    const bad = entity('x', { facts: [fact({ source: { ...SOURCE, url: 'https://aiwiki.ai/wiki/x' } })] });
    const result = report([bad]);
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(
      '  ERROR x: facts[0].source.url: domain "aiwiki.ai" is a wiki, AI wiki or mirror, never a source',
    );
    expect(result.lines.at(-1)).toBe('RESULT: FAIL (minimums not met)');
  });
});
