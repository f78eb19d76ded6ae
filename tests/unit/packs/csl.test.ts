import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseCslCsv, parseCslJson, sourceAbbreviation } from '../../../lib/packs/csl';
import { type ParsedPack, ReaderEntitySchema } from '../../../lib/packs/types';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/packs', name), 'utf8');
const json = fixture('csl-sample.json');
const csv = fixture('csl-sample.csv');
const manifest = { revision: 7, date: '2026-11-30' };
const ok = (r: ReturnType<typeof parseCslJson>): ParsedPack => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
};
const byName = (pack: ParsedPack, name: string) => pack.entities.find((e) => e.name === name);

describe('CSL import', () => {
  it('reads the JSON and the CSV download to the same entities (addresses aside)', () => {
    const a = ok(parseCslJson(json, { manifest }));
    const b = ok(parseCslCsv(csv, { manifest }));
    expect(a.entities).toHaveLength(27);
    const strip = (p: ParsedPack) => p.entities.map((e) => ({ ...e, screening: { ...e.screening, addresses: [] } }));
    expect(strip(b)).toEqual(strip(a));
    for (const e of a.entities) expect(v.safeParse(ReaderEntitySchema, e).issues).toBeUndefined();
    expect(a.manifest).toMatchObject({
      id: 'us-csl',
      revision: 7,
      date: '2026-11-30',
      title: 'US Consolidated Screening List',
    });
  });

  it('merges a party listed twice and keeps each listing', () => {
    const lanxin = byName(ok(parseCslJson(json, { manifest })), 'Lanxin Microelectronics Co., Ltd')!;
    expect(lanxin.screening?.lists.map((l) => sourceAbbreviation(l.source))).toEqual(['EL', 'MEU']);
    expect(lanxin.screening?.lists[0]).toEqual({
      source: 'Entity List (EL) - Bureau of Industry and Security',
      startDate: '2024-12-02',
      frNotice: '99 FR 10001',
      licenseRequirement: 'For all items subject to the EAR. (See §744.11 of the EAR)',
      licensePolicy: 'Presumption of denial.',
      sourceListUrl: 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list',
    });
    expect(lanxin.origin).toEqual({ kind: 'screening', packId: 'us-csl', list: lanxin.screening!.lists[0]!.source });
    expect(lanxin.screening?.country).toBe('CN');
    expect(lanxin.aliases.map((a) => a.text)).toContain('蓝芯微电子');
  });

  it('maps party types: individuals to people by full name, vessels and aircraft to other', () => {
    const pack = ok(parseCslJson(json, { manifest }));
    const zhang = pack.entities.find((e) => e.name === 'Weiming ZHANG')!;
    expect(zhang.type).toBe('person');
    expect(zhang.aliases.map((a) => a.text)).toEqual([
      'Weiming ZHANG',
      'ZHANG Weiming',
      'Wei-ming CHANG',
      'CHANG Wei-ming',
    ]);
    expect(zhang.note).toMatch(/^General Manager/);
    expect(byName(pack, 'OCEAN LOTUS 7')?.type).toBe('other');
    expect(byName(pack, 'EP-SYN')?.type).toBe('other');
  });

  it('keeps only the chosen source lists (full name or abbreviation) and types, counting the rest', () => {
    const el = ok(
      parseCslJson(json, {
        manifest,
        sources: ['EL', 'Military End User (MEU) List - Bureau of Industry and Security'],
      }),
    );
    expect(el.entities.every((e) => e.screening!.lists.every((l) => /\((EL|MEU)\)/.test(l.source)))).toBe(true);
    expect(el.entities).toHaveLength(16); // 17 records, Lanxin on both lists
    expect(el.skipped).toBe(11);
    const people = ok(parseCslCsv(csv, { manifest, types: ['Individual'] }));
    expect(people.entities.map((e) => e.type)).toEqual(['person', 'person', 'person']);
    expect(people.skipped).toBe(25);
  });

  it('reads records with no type as Entity', () => {
    const pack = ok(parseCslJson(json, { manifest, types: ['Entity'] }));
    expect(byName(pack, 'Kunpeng Star Semiconductor Equipment Co., Ltd')?.aliases.map((a) => a.text)).toEqual([
      'Kunpeng Star Semiconductor Equipment Co., Ltd',
      'Kunpeng Star Semiconductor Equipment',
      'Kunpeng Star Semi',
      'KPS Equipment',
    ]);
  });

  it('fails as a whole on malformed records, naming index, name and field', () => {
    const results = JSON.parse(json).results;
    results[3].type = 'Company';
    results[5].alt_names = 'x';
    delete results[8].name;
    results[9] = 'row';
    const r = parseCslJson(JSON.stringify({ results }), { manifest });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      {
        index: 3,
        name: 'Phoenix Co., Ltd.',
        field: 'type',
        message: 'must be one of Entity, Individual, Vessel, Aircraft (or empty)',
      },
      {
        index: 5,
        name: 'Xinghe Intelligent Computing Center',
        field: 'alt_names',
        message: 'must be a list of strings',
      },
      { index: 8, field: 'name', message: 'must be a non-empty string' },
      { index: 9, message: 'record is not an object' },
    ]);
  });

  it('drops malformed dates and URLs with a warning, and warns about parties with no usable name', () => {
    const results = JSON.parse(json).results;
    results[0].start_date = '12/02/2024';
    results[1].source_list_url = 'www.bis.doc.gov';
    const r = parseCslJson(JSON.stringify({ results }));
    expect(r.ok && r.warnings).toEqual([
      {
        index: 0,
        name: 'Lanxin Microelectronics Co., Ltd.',
        field: 'start_date',
        message: '"12/02/2024" is not a YYYY-MM-DD date; left out',
      },
      {
        index: 1,
        name: 'Huaqin Advanced Computing Technology Co., Ltd. (HACT)',
        field: 'source_list_url',
        message: 'is not an http(s) URL; left out',
      },
      { field: 'manifest.date', message: 'no date given; using the latest start date (2026-05-20)' },
    ]);
    const single = parseCslJson(JSON.stringify({ results: [{ source: 'SDN', type: 'Individual', name: 'ZHANG' }] }));
    expect(single.ok && single.pack.entities).toEqual([]);
    expect(single.ok && single.warnings[0]).toMatchObject({ index: 0, name: 'ZHANG', field: 'name' });
  });

  it('rejects files that are not the CSL', () => {
    expect(parseCslJson('{"items": []}')).toEqual({
      ok: false,
      errors: [{ field: 'results', message: 'expected { "results": [...] } or a list of records' }],
    });
    expect(parseCslCsv('name,aliases\nAcme,A\n')).toEqual({
      ok: false,
      errors: [{ message: 'not the CSL CSV: the header row has no source column' }],
    });
    const big = parseCslCsv(csv, { limits: { maxBytes: 1000 } });
    expect(!big.ok && big.errors[0]!.message).toMatch(/too large/);
    const many = parseCslJson(json, { limits: { maxEntities: 10 } });
    expect(!many.ok && many.errors).toEqual([{ message: 'file has 28 records; the limit is 10' }]);
  });
});
