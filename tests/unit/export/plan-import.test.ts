import { describe, expect, it } from 'vitest';
import { exportFileName, planImport } from '../../../lib/export';
import { makeAnnotation } from './arbitraries';

const at = (id: string, updatedAt: string) => makeAnnotation({ id, updatedAt });

describe('planImport', () => {
  const stored = new Map([
    ['old', at('old', '2026-01-01T00:00:00.000Z')],
    ['same', at('same', '2026-01-01T00:00:00.000Z')],
    ['newer-here', at('newer-here', '2026-06-01T00:00:00.000Z')],
  ]);
  const existing = (id: string) => stored.get(id);

  it('adds new ids, updates when the file is newer, skips when equal or older', () => {
    const plan = planImport(existing, [
      at('new', '2025-01-01T00:00:00.000Z'),
      at('old', '2026-02-01T00:00:00.000Z'),
      at('same', '2026-01-01T00:00:00Z'),
      at('newer-here', '2026-03-01T00:00:00.000Z'),
    ]);
    expect(plan.add.map((a) => a.id)).toEqual(['new']);
    expect(plan.update.map((a) => a.id)).toEqual(['old']);
    expect(plan.skip.map((a) => a.id).sort()).toEqual(['newer-here', 'same']);
  });

  it('compares instants, not strings, across time zone offsets', () => {
    const plan = planImport(existing, [at('old', '2026-01-01T01:00:00+02:00')]);
    expect(plan.skip.map((a) => a.id)).toEqual(['old']);
  });

  it('settles duplicates inside the file by updatedAt before comparing with the store', () => {
    const older = { ...at('dup', '2026-01-01T00:00:00.000Z'), note: 'older' };
    const newer = { ...at('dup', '2026-05-01T00:00:00.000Z'), note: 'newer' };
    const plan = planImport(existing, [older, newer]);
    expect(plan.add).toEqual([newer]);
    expect(plan.skip).toEqual([older]);
  });
});

describe('exportFileName', () => {
  it.each([
    ['json', 'chiplens-2026-11-29.json'],
    ['jsonld', 'chiplens-2026-11-29.jsonld'],
    ['md', 'chiplens-2026-11-29.md'],
    ['csv', 'chiplens-2026-11-29.csv'],
  ] as const)('%s -> %s (local date)', (format, name) => {
    expect(exportFileName(format, new Date(2026, 10, 29, 23, 59))).toBe(name);
  });
});
