import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import { buildIndex, facets, type LibraryQuery, searchLibrary, siteOf } from '../../../lib/library/search';
import { foldText, parseTerms } from '../../../lib/library/text-match';
import { makeAnnotation } from '../storage/make-annotation';

function quote(exact: string): Annotation['quote'] {
  return { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' };
}

const h20 = makeAnnotation({
  id: 'h20',
  url: 'https://www.reuters.com/technology/nvidia-h20?x=1',
  quote: quote('Nvidia said the H20 licence requirement would cost it $5.5 billion'),
  note: 'Écrit-off of inventory; see **BIS** rule. 英伟达H20芯片出口管制',
  tags: ['export-controls', 'nvidia'],
  entityIds: ['nvidia', 'nvidia-h20', 'bis'],
  createdAt: '2025-04-15T09:00:00.000Z',
  updatedAt: '2025-04-20T09:00:00.000Z',
});
const hbm = makeAnnotation({
  id: 'hbm',
  url: 'https://www.scmp.com/tech/big-tech/article/3300000/hbm',
  quote: quote('华为正在与长鑫存储合作开发高带宽内存（HBM）'),
  note: 'CXMT HBM3 timeline — résumé of the supply chain',
  tags: ['hbm', 'china'],
  entityIds: ['huawei', 'cxmt'],
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-02T12:00:00.000Z',
});
const tsmc = makeAnnotation({
  id: 'tsmc',
  url: 'https://www.reuters.com/technology/tsmc-arizona',
  quote: quote('TSMC will expand its Arizona fabs'),
  note: 'Said to include advanced packaging (CoWoS). Export licences not needed.',
  tags: ['tsmc', 'export-controls'],
  entityIds: ['tsmc'],
  createdAt: '2025-05-10T08:00:00.000Z',
  updatedAt: '2025-05-10T08:00:00.000Z',
});
const all = [h20, hbm, tsmc];
const index = buildIndex(all);

function ids(query: Partial<LibraryQuery>): string[] {
  return searchLibrary(index, { sort: 'updated-desc', ...query }).map((a) => a.id);
}

describe('text search', () => {
  it('returns everything, newest edit first, for an empty query', () => {
    expect(ids({})).toEqual(['tsmc', 'h20', 'hbm']);
    expect(ids({ text: '   ' })).toEqual(['tsmc', 'h20', 'hbm']);
  });

  it('searches quote, note and tags, case-insensitively', () => {
    expect(ids({ text: 'NVIDIA' })).toEqual(['h20']);
    expect(ids({ text: 'cowos' })).toEqual(['tsmc']);
    expect(ids({ text: 'china' })).toEqual(['hbm']);
  });

  it('does not search the title or URL', () => {
    const idx = buildIndex([makeAnnotation({ title: 'Arizona', url: 'https://example.com/arizona', note: '' })]);
    expect(searchLibrary(idx, { text: 'arizona', sort: 'site' })).toEqual([]);
  });

  it('requires every word (AND)', () => {
    expect(ids({ text: 'export billion' })).toEqual(['h20']);
    expect(ids({ text: 'export licences' })).toEqual(['tsmc']);
    expect(ids({ text: 'export licence' })).toEqual(['tsmc', 'h20']); // a word also matches as a word prefix
    expect(ids({ text: 'export' })).toEqual(['tsmc', 'h20']);
    expect(ids({ text: 'export nonexistent' })).toEqual([]);
  });

  it('matches word starts in spaced scripts, so a short word does not hit inside another', () => {
    expect(ids({ text: 'said' })).toEqual(['tsmc', 'h20']);
    expect(ids({ text: 'aid' })).toEqual([]);
    expect(ids({ text: 'licen' })).toEqual(['tsmc', 'h20']);
    expect(ids({ text: 'controls' })).toEqual(['tsmc', 'h20']); // inside the tag "export-controls"
  });

  it('ignores accents in both directions', () => {
    expect(ids({ text: 'resume' })).toEqual(['hbm']);
    expect(ids({ text: 'écrit' })).toEqual(['h20']);
    expect(ids({ text: 'ecrit' })).toEqual(['h20']);
    expect(ids({ text: 'LICÉNCE requirement' })).toEqual(['h20']);
  });

  it('finds Chinese substrings without word splitting', () => {
    expect(ids({ text: '出口管制' })).toEqual(['h20']);
    expect(ids({ text: '管制' })).toEqual(['h20']);
    expect(ids({ text: '长鑫' })).toEqual(['hbm']);
    expect(ids({ text: '带宽内存' })).toEqual(['hbm']);
    expect(ids({ text: '出口 长鑫' })).toEqual([]);
  });

  it('matches Latin terms right after Chinese characters, and full-width forms', () => {
    expect(ids({ text: 'h20芯片' })).toEqual(['h20']); // in "英伟达H20芯片"
    expect(ids({ text: 'ＨＢＭ' })).toEqual(['hbm']);
    expect(ids({ text: '英伟达，芯片' })).toEqual(['h20']); // full-width comma separates words
  });

  it('keeps a quoted phrase together', () => {
    expect(ids({ text: '"arizona fabs"' })).toEqual(['tsmc']);
    expect(ids({ text: '"fabs arizona"' })).toEqual([]);
    expect(ids({ text: '"expand its" tsmc' })).toEqual(['tsmc']);
  });

  it('ignores punctuation around words', () => {
    expect(ids({ text: 'nvidia, (cowos)' })).toEqual([]);
    expect(ids({ text: '(cowos).' })).toEqual(['tsmc']);
    expect(ids({ text: '"' })).toEqual(['tsmc', 'h20', 'hbm']); // a phrase being typed
    expect(ids({ text: '"arizona f' })).toEqual(['tsmc']);
  });
});

describe('filters', () => {
  it('filters by all given tags and entities', () => {
    expect(ids({ tags: ['export-controls'] })).toEqual(['tsmc', 'h20']);
    expect(ids({ tags: ['export-controls', 'nvidia'] })).toEqual(['h20']);
    expect(ids({ tags: ['Export-Controls'] })).toEqual([]);
    expect(ids({ entityIds: ['nvidia-h20', 'bis'] })).toEqual(['h20']);
    expect(ids({ entityIds: ['huawei', 'tsmc'] })).toEqual([]);
  });

  it('filters by site (hostname)', () => {
    expect(ids({ site: 'www.reuters.com' })).toEqual(['tsmc', 'h20']);
    expect(ids({ site: 'WWW.SCMP.COM' })).toEqual(['hbm']);
    expect(ids({ site: 'reuters.com' })).toEqual([]);
  });

  it('filters by creation date, a bare "to" date including its whole day', () => {
    expect(ids({ from: '2025-04-01' })).toEqual(['tsmc', 'h20']);
    expect(ids({ to: '2025-04-15' })).toEqual(['h20', 'hbm']);
    expect(ids({ to: '2025-04-14' })).toEqual(['hbm']);
    expect(ids({ from: '2025-04-15T09:00:00.001Z', to: '2025-05-10T08:00:00Z' })).toEqual(['tsmc']);
    expect(ids({ from: 'not a date' })).toEqual(['tsmc', 'h20', 'hbm']);
  });

  it('combines text and filters', () => {
    expect(ids({ text: 'export', site: 'www.reuters.com', tags: ['nvidia'] })).toEqual(['h20']);
  });
});

describe('sorting', () => {
  it('sorts by update, creation and site', () => {
    expect(ids({ sort: 'updated-asc' })).toEqual(['hbm', 'h20', 'tsmc']);
    expect(ids({ sort: 'created-desc' })).toEqual(['tsmc', 'h20', 'hbm']);
    // Same site: most recently updated first.
    expect(ids({ sort: 'site' })).toEqual(['tsmc', 'h20', 'hbm']);
  });

  it('orders by instant, not by string, and breaks ties by id', () => {
    const a = makeAnnotation({ id: 'b', updatedAt: '2025-01-01T10:00:00+02:00' }); // 08:00Z
    const b = makeAnnotation({ id: 'a', updatedAt: '2025-01-01T09:00:00Z' });
    const c = makeAnnotation({ id: 'c', updatedAt: '2025-01-01T09:00:00.000Z' });
    const result = searchLibrary(buildIndex([a, b, c]), { sort: 'updated-desc' });
    expect(result.map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('facets', () => {
  it('counts tags, entities and sites, most frequent first', () => {
    const f = facets(index);
    expect(f.tags).toEqual([
      { value: 'export-controls', count: 2 },
      { value: 'china', count: 1 },
      { value: 'hbm', count: 1 },
      { value: 'nvidia', count: 1 },
      { value: 'tsmc', count: 1 },
    ]);
    expect(f.entities[0]).toEqual({ value: 'bis', count: 1 });
    expect(f.entities).toHaveLength(6);
    expect(f.sites).toEqual([
      { value: 'www.reuters.com', count: 2 },
      { value: 'www.scmp.com', count: 1 },
    ]);
  });

  it('counts within a result set, each annotation once per value', () => {
    const dup = makeAnnotation({ tags: ['x', 'x'], url: 'not a url' });
    const idx = buildIndex([...all, dup]);
    expect(facets(idx, searchLibrary(idx, { text: 'nvidia', sort: 'site' })).sites).toEqual([
      { value: 'www.reuters.com', count: 1 },
    ]);
    const f = facets(idx, [dup]);
    expect(f.tags).toEqual([{ value: 'x', count: 1 }]);
    expect(f.sites).toEqual([]);
  });
});

describe('text folding', () => {
  it('folds case, accents, compatibility forms and ß, but keeps kana voicing', () => {
    expect(foldText('Ｎｖｉｄｉａ Çà İstanbul Straße ﬁnfet')).toBe('nvidia ca istanbul strasse finfet');
    expect(foldText('ガ')).not.toBe(foldText('カ'));
    expect(foldText('한국')).toBe('한국');
  });

  it('parses words, phrases and CJK terms', () => {
    expect(parseTerms('  "Export  Controls" 出口，H20 ')).toEqual([
      { text: 'export controls', anywhere: false },
      { text: '出口', anywhere: true },
      { text: 'h20', anywhere: false },
    ]);
  });

  it('reads the hostname from a URL', () => {
    expect(siteOf('https://WWW.FT.com/content/1')).toBe('www.ft.com');
    expect(siteOf('nonsense')).toBe('');
  });
});
