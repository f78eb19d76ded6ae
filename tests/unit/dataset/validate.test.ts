import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_FILES, loadDataset } from '../../../lib/dataset/load';
import type { Entity, EntityType } from '../../../lib/dataset/types';
import { validateDataset } from '../../../lib/dataset/validate';

const FIXTURES = join(__dirname, '../../fixtures/dataset');

function fixture(name: string): { type: EntityType; entities: unknown[] } {
  return JSON.parse(readFileSync(join(FIXTURES, `broken-${name}.json`), 'utf8'));
}

function errorsOf(name: string): string[] {
  return validateDataset([fixture(name)]).errors;
}

describe('the bundled dataset', () => {
  it('validates without errors', () => {
    const { meta } = loadDataset();
    const files = DATASET_FILES.map((f) => ({ type: f.type, entities: f.file.entities }));
    expect(validateDataset(files, meta).errors).toEqual([]);
  });
});

describe('broken datasets', () => {
  it.each([
    ['duplicate-id', 'test-a100: id: duplicate id'],
    ['dangling-relation', 'test-h20: relations[0].target: unknown entity "no-such-company"'],
    ['http-url', 'test-h200: facts[0].source.url: must be an https URL'],
    [
      'undeclared-shared-alias',
      'test-ampere: aliases[0].text: "ampere" is also an alias of test-ampere-computing (aliases[0]): both sides must declare sharedWith',
    ],
    [
      'shared-alias-without-context',
      'test-x1: aliases[0].text: "falcon" is also an alias of test-x2 (aliases[0]): at least one side needs requireContext or forbidContext',
    ],
    ['empty-alias', 'test-l20: aliases[1].text: " \u200b\u00ad " is empty after normalisation'],
    ['bad-type', 'test-nvidia: type: "company" in the chip file'],
    ['unknown-relation-kind', 'test-b200: relations[0].kind: unknown relation kind'],
    ['bad-id', 'Test H100: id: must be a lowercase slug (a-z, 0-9, hyphens)'],
    ['bad-asof', 'test-mi300x: facts[0].asOf: must be YYYY-MM-DD, YYYY-MM or YYYY'],
    ['empty-summary', 'test-gaudi-3: summary: must not be empty'],
  ])('%s', (name, error) => {
    expect(errorsOf(name)).toContain(error);
  });

  it('rejects unknown fields such as a misspelt rule name', () => {
    expect(errorsOf('unknown-field').join('\n')).toMatch(/^test-tpu: aliases\[0\]\.requiredContext: /m);
  });

  it('names the entity by position when it has no usable id', () => {
    expect(validateDataset([{ type: 'chip', entities: [{ type: 'chip' }] }]).errors[0]).toMatch(/^entity #0: /);
  });
});

describe('rules on valid data', () => {
  const base = (id: string, aliases: Entity['aliases']): Entity => ({
    id,
    type: 'chip',
    name: id,
    shortName: id,
    summary: 'Test entity.',
    aliases,
    facts: [],
    relations: [],
    updated: '2026-11-01',
  });

  it('accepts a shared alias declared on both sides with context on one', () => {
    const result = validateDataset([
      base('a', [{ text: 'Falcon', locale: 'en', sharedWith: ['b'], requireContext: ['Intel'] }]),
      base('b', [{ text: 'falcon', locale: 'en', sharedWith: ['a'] }]),
    ]);
    expect(result.errors).toEqual([]);
  });

  it('accepts case-sensitive aliases that differ only in case', () => {
    const result = validateDataset([
      base('a', [{ text: 'TEL', locale: 'en', caseSensitive: true }]),
      base('b', [{ text: 'Tel', locale: 'en', caseSensitive: true }]),
    ]);
    expect(result.errors).toEqual([]);
  });

  it('checks the meta file and warns about a short Han alias without context', () => {
    const result = validateDataset([base('a', [{ text: '美光', locale: 'zh-Hans' }])], {
      version: '1',
      asOf: '2026-13-01',
    });
    expect(result.errors).toEqual(['meta: asOf: must be YYYY-MM-DD']);
    expect(result.warnings).toContain(
      'a: aliases[0].text: short Han alias "美光" without requireContext (a default applies)',
    );
  });
});
