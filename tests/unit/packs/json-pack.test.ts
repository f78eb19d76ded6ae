import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseJsonPack } from '../../../lib/packs/json-pack';
import { isUnsourced, ReaderEntitySchema } from '../../../lib/packs/types';

const manifest = {
  id: 'fab-watch',
  title: 'Fab watchlist',
  revision: 2,
  author: 'A. Reader',
  url: 'https://example.org/fab-watch',
  license: 'CC-BY-4.0',
  attribution: 'A. Reader',
  date: '2026-11-01',
};
const entity = {
  name: 'Lanxin Microelectronics',
  shortName: 'Lanxin',
  type: 'company',
  aliases: ['蓝芯微电子', { text: 'LXME', caseSensitive: true }],
  summary: 'A synthetic fab.',
  facts: [
    { label: 'Listed', value: 'Entity List', asOf: '2025-03', source: { url: 'https://example.org/fr', title: 'FR' } },
    { label: 'Founded', value: '2011' },
  ],
};
const pack = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'chiplens-pack', version: 1, manifest, entities: [entity], ...over });

describe('parseJsonPack', () => {
  it('reads a valid pack into reader entities with pack origin and sourced facts', () => {
    const r = parseJsonPack(pack());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [e] = r.pack.entities;
    expect(e).toEqual({
      id: 'fab-watch:lanxin-microelectronics',
      name: 'Lanxin Microelectronics',
      type: 'company',
      aliases: [
        { text: 'Lanxin Microelectronics' },
        { text: 'Lanxin' },
        { text: '蓝芯微电子' },
        { text: 'LXME', caseSensitive: true },
      ],
      note: 'A synthetic fab.',
      facts: [
        { label: 'Listed', value: 'Entity List', date: '2025-03', sourceUrl: 'https://example.org/fr' },
        { label: 'Founded', value: '2011' },
      ],
      origin: { kind: 'pack', packId: 'fab-watch', revision: 2 },
    });
    expect(v.safeParse(ReaderEntitySchema, e).success).toBe(true);
    expect(e!.facts!.map(isUnsourced)).toEqual([false, true]);
  });

  it('accepts "licence" for "license" in the manifest', () => {
    const { license, ...rest } = manifest;
    const r = parseJsonPack(pack({ manifest: { ...rest, licence: license } }));
    expect(r.ok && r.pack.manifest.license).toBe('CC-BY-4.0');
  });

  it.each([
    ['not JSON', '{', [{ message: expect.stringMatching(/^not JSON/) }]],
    ['wrong format', pack({ format: 'other' }), [{ field: 'format', message: 'must be "chiplens-pack"' }]],
    ['wrong version', pack({ version: 2 }), [{ field: 'version', message: expect.stringMatching(/^must be 1/) }]],
    ['no entities', pack({ entities: 'x' }), [{ field: 'entities', message: 'must be a list' }]],
    [
      'bad revision',
      pack({ manifest: { ...manifest, revision: 0 } }),
      [{ field: 'manifest.revision', message: 'must be >= 1' }],
    ],
    [
      'missing name',
      pack({ entities: [entity, { type: 'company' }] }),
      [{ index: 1, field: 'name', message: expect.any(String) }],
    ],
    [
      'bad type',
      pack({ entities: [{ ...entity, type: 'fab' }] }),
      [{ index: 0, name: 'Lanxin Microelectronics', field: 'type', message: expect.stringMatching(/^must be one of/) }],
    ],
    [
      'bad fact date',
      pack({ entities: [{ ...entity, facts: [{ label: 'x', value: 'y', asOf: '3 May 2025' }] }] }),
      [{ index: 0, name: 'Lanxin Microelectronics', field: 'facts.0.asOf', message: expect.stringMatching(/YYYY/) }],
    ],
    [
      'non-http source',
      pack({ entities: [{ ...entity, facts: [{ label: 'x', value: 'y', source: { url: 'javascript:alert(1)' } }] }] }),
      [{ index: 0, name: 'Lanxin Microelectronics', field: 'facts.0.source.url', message: expect.any(String) }],
    ],
    [
      'unknown field',
      pack({ entities: [{ ...entity, colour: 'red' }] }),
      [{ index: 0, name: 'Lanxin Microelectronics', field: 'colour', message: expect.any(String) }],
    ],
    [
      'duplicate id',
      pack({ entities: [entity, { ...entity, aliases: [] }] }),
      [{ index: 1, name: 'Lanxin Microelectronics', field: 'name', message: expect.stringMatching(/duplicate id/) }],
    ],
    [
      'nothing matchable',
      pack({ entities: [{ ...entity, name: '—', shortName: undefined, aliases: [] }] }),
      [{ index: 0, name: '—', field: 'aliases', message: expect.any(String) }],
    ],
  ])('fails as a whole on %s, naming the record and field', (_case, input, errors) => {
    const r = parseJsonPack(input);
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('pack');
    expect(!r.ok && r.errors).toEqual(errors);
  });

  it('refuses a file over the byte limit and over the entity limit before reading records', () => {
    const big = parseJsonPack(pack(), { limits: { maxBytes: 100 } });
    expect(!big.ok && big.errors[0]!.message).toMatch(/too large/);
    const bytes = parseJsonPack(new TextEncoder().encode(pack()), { limits: { maxBytes: 100 } });
    expect(!bytes.ok && bytes.errors[0]!.message).toMatch(/too large/);
    const many = parseJsonPack(pack({ entities: [entity, entity, entity] }), { limits: { maxEntities: 2 } });
    expect(!many.ok && many.errors).toEqual([{ message: 'file has 3 records; the limit is 2' }]);
  });
});
