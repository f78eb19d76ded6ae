import { describe, expect, it } from 'vitest';
import { normalizeAlias } from '../../../lib/detection/normalize';
import { findCollisions, planRevision, previewImport } from '../../../lib/packs/preview';
import type { PackManifest, PackParseResult, ParsedPack, ReaderEntity } from '../../../lib/packs/types';

const manifest = (revision: number): PackManifest => ({
  id: 'fab-watch',
  title: 'Fab watch',
  revision,
  author: 'Me',
  license: 'CC0',
  date: '2026-12-01',
});
const entity = (id: string, name: string, revision: number, note?: string): ReaderEntity => ({
  id: `fab-watch:${id}`,
  name,
  aliases: [{ text: name }],
  type: 'company',
  origin: { kind: 'pack', packId: 'fab-watch', revision },
  ...(note ? { note } : {}),
});
const v1 = {
  manifest: manifest(1),
  entities: [entity('a', 'Alpha Fab', 1), entity('b', 'Beta Fab', 1), entity('c', 'Gamma Fab', 1)],
};
const v2: ParsedPack = {
  manifest: manifest(2),
  entities: [entity('a', 'Alpha Fab', 2), entity('b', 'Beta Fab', 2, 'now listed'), entity('d', 'Delta Fab', 2)],
  skipped: 4,
};
const dataset = new Map([[normalizeAlias('NVIDIA'), ['nvidia']]]);
const datasetLookup = (key: string) => dataset.get(key) ?? [];

describe('planRevision', () => {
  it('lists what a new revision adds, updates and removes (the revision number alone is no change)', () => {
    expect(planRevision(v1, v2)).toEqual({
      packId: 'fab-watch',
      from: 1,
      to: 2,
      notNewer: false,
      add: ['fab-watch:d'],
      update: ['fab-watch:b'],
      remove: ['fab-watch:c'],
      unchanged: 1,
    });
    expect(planRevision({ ...v1, manifest: manifest(3) }, v2).notNewer).toBe(true);
  });
});

describe('findCollisions', () => {
  it('reports names claimed by the dataset, by another pack and twice within the pack', () => {
    const pack: ParsedPack = {
      manifest: manifest(1),
      entities: [
        { ...entity('n', 'Nvidia', 1), aliases: [{ text: 'Nvidia' }, { text: 'NVIDIA' }] },
        entity('x', 'Xfab', 1),
        { ...entity('y', 'XFAB Holdings', 1), aliases: [{ text: 'XFAB Holdings' }, { text: 'xfab' }] },
      ],
      skipped: 0,
    };
    const packLookup = (key: string) =>
      key === 'xfab holdings'
        ? [
            { packId: 'other', entityId: 'other:xh' },
            { packId: 'fab-watch', entityId: 'fab-watch:y' },
          ]
        : [];
    expect(findCollisions(pack, { datasetLookup, packLookup })).toEqual([
      {
        aliasKey: 'nvidia',
        alias: 'Nvidia',
        entityId: 'fab-watch:n',
        entityName: 'Nvidia',
        claimedBy: { kind: 'dataset', entityIds: ['nvidia'] },
      },
      {
        aliasKey: 'xfab holdings',
        alias: 'XFAB Holdings',
        entityId: 'fab-watch:y',
        entityName: 'XFAB Holdings',
        claimedBy: { kind: 'pack', packId: 'other', entityId: 'other:xh' },
      },
      {
        aliasKey: 'xfab',
        alias: 'xfab',
        entityId: 'fab-watch:y',
        entityName: 'XFAB Holdings',
        claimedBy: { kind: 'pack', packId: 'fab-watch', entityId: 'fab-watch:x' },
      },
    ]);
  });
});

describe('previewImport', () => {
  it('counts new, updated, unchanged and skipped against the installed revision', () => {
    const p = previewImport({ ok: true, pack: v2, warnings: [] }, { installed: v1, datasetLookup });
    expect(p.counts).toEqual({ new: 1, updated: 1, unchanged: 1, skipped: 4, total: 3 });
    expect(p.replaces?.remove).toEqual(['fab-watch:c']);
  });

  it('counts everything as new when no revision of the pack is installed', () => {
    const other = { ...v1, manifest: { ...manifest(1), id: 'other' } };
    const p = previewImport({ ok: true, pack: v2, warnings: [] }, { installed: other, datasetLookup });
    expect(p.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 4, total: 3 });
    expect(p.replaces).toBeUndefined();
  });

  it('lists the first 100 errors and says how many more', () => {
    const errors = Array.from({ length: 250 }, (_, i) => ({ index: i, field: 'name', message: 'must not be empty' }));
    const result: PackParseResult = { ok: false, errors };
    const p = previewImport(result, { datasetLookup });
    expect(p.ok).toBe(false);
    expect(p.errors).toHaveLength(100);
    expect(p.errors[99]).toEqual(errors[99]);
    expect(p.moreErrors).toBe(150);
    expect(p.counts.total).toBe(0);
  });
});

describe('collisions with the bundled dataset', () => {
  it('finds a pack name the dataset already claims, through a lookup built from its aliases', async () => {
    const { loadDataset } = await import('../../../lib/dataset/load');
    const owners = new Map<string, string[]>();
    for (const e of loadDataset().entities) {
      for (const a of e.aliases) {
        const key = normalizeAlias(a.text);
        owners.set(key, [...(owners.get(key) ?? []), e.id]);
      }
    }
    const pack: ParsedPack = {
      manifest: manifest(1),
      entities: [entity('h', 'H200', 1), entity('z', 'Zzyzx Fab', 1)],
      skipped: 0,
    };
    const collisions = findCollisions(pack, { datasetLookup: (k) => owners.get(k) ?? [] });
    expect(collisions.map((c) => [c.alias, c.claimedBy.kind])).toEqual([['H200', 'dataset']]);
  });
});
