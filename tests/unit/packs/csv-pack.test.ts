import { describe, expect, it } from 'vitest';
import { detectHeader, parseCsvPack } from '../../../lib/packs/csv-pack';
import type { PackManifest } from '../../../lib/packs/types';

const manifest: PackManifest = {
  id: 'my-list',
  title: 'My list',
  revision: 1,
  author: 'Me',
  license: 'private',
  date: '2026-12-01',
};
const parse = (text: string | Uint8Array) => parseCsvPack(text, { manifest });

describe('CSV pack header detection', () => {
  it.each([
    ['comma', 'name,aliases,type,note,source_url,date\nAcme Fab,Acme|AF,company,Note,https://e.org,2026-01\n'],
    [
      'semicolon, upper case, spaces',
      ' NAME ; Aliases ;Type;Note;Source URL;Date\nAcme Fab;"Acme;AF";company;Note;https://e.org;2026-01\n',
    ],
    [
      'tab and BOM',
      '\uFEFFName\tAliases\tType\tNote\tsource-url\tdate\nAcme Fab\tAcme;AF\tcompany\tNote\thttps://e.org\t2026-01\n',
    ],
    [
      'columns in another order',
      'type,date,name,source_url,note,aliases\ncompany,2026-01,Acme Fab,https://e.org,Note,Acme | AF\n',
    ],
  ])('%s', (_case, text) => {
    const r = parse(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.entities).toEqual([
      {
        id: 'my-list:acme-fab',
        name: 'Acme Fab',
        type: 'company',
        aliases: [{ text: 'Acme Fab' }, { text: 'Acme' }, { text: 'AF' }],
        facts: [{ label: 'Note', value: 'Note', date: '2026-01', sourceUrl: 'https://e.org' }],
        origin: { kind: 'pack', packId: 'my-list', revision: 1 },
      },
    ]);
  });

  it('reads bytes with a BOM, and quoted notes with newlines and quotes', () => {
    const text = '\uFEFFname,note\r\n"Acme, Inc.","He said ""no"".\nTwice."\r\n';
    const r = parse(new TextEncoder().encode(text));
    expect(r.ok && r.pack.entities[0]).toMatchObject({
      name: 'Acme, Inc.',
      note: 'He said "no".\nTwice.',
      type: 'other',
    });
  });

  it('is not a header without a name column', () => {
    expect(detectHeader(['Acme', 'company'])).toBeNull();
    expect(parse('Acme,company\nBeta,company\n')).toEqual({
      ok: false,
      errors: [{ message: expect.stringMatching(/^no header row/) }],
    });
  });

  it('warns about unknown columns', () => {
    const r = parse('name,colour\nAcme,red\n');
    expect(r.ok && r.warnings).toEqual([{ field: 'colour', message: 'unknown column; ignored' }]);
  });
});

describe('CSV pack errors', () => {
  it.each([
    ['empty name', 'name,type\n,company\n', [{ index: 0, field: 'name', message: expect.stringMatching(/line 2/) }]],
    [
      'bad type',
      'name,type\nAcme,fab\n',
      [{ index: 0, name: 'Acme', field: 'type', message: expect.stringMatching(/line 2/) }],
    ],
    [
      'bad date',
      'name,note,date\nAcme,x,May 2025\n',
      [{ index: 0, name: 'Acme', field: 'date', message: expect.stringMatching(/YYYY.*line 2/) }],
    ],
    [
      'bad URL',
      'name,note,source_url\nAcme,x,ftp://e.org\n',
      [{ index: 0, name: 'Acme', field: 'source_url', message: expect.stringMatching(/http/) }],
    ],
    [
      'source without note',
      'name,source_url\nAcme,https://e.org\n',
      [{ index: 0, name: 'Acme', field: 'source_url', message: expect.stringMatching(/note is empty/) }],
    ],
    [
      'duplicate name',
      'name\nAcme\n"a\nb"\nACME\n',
      [{ index: 2, name: 'ACME', field: 'name', message: 'same name as row 0 (line 5)' }],
    ],
    ['unterminated quote', 'name\n"Acme\n', [{ message: 'a quoted field starting on line 2 never ends' }]],
  ])('%s fails the whole file', (_case, text, errors) => {
    const r = parse(text);
    expect(r).toMatchObject({ ok: false, errors });
    expect(r).not.toHaveProperty('pack');
  });

  it('checks the manifest it is given', () => {
    const r = parseCsvPack('name\nAcme\n', { manifest: { ...manifest, date: 'today' } });
    expect(!r.ok && r.errors).toEqual([{ field: 'manifest.date', message: expect.stringMatching(/YYYY/) }]);
  });

  it('enforces the entity limit', () => {
    const r = parseCsvPack('name\na1\na2\na3\n', { manifest, limits: { maxEntities: 2 } });
    expect(!r.ok && r.errors).toEqual([{ message: 'file has 3 records; the limit is 2' }]);
  });
});
