import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../lib/dataset/validate';
import { isBlockedHost, lookupSource, readSources } from '../../../lib/dataset/validate-sources';
import { entity, fact, SOURCE } from './rule-fixtures';

const errorsOf = (...entities: unknown[]) => validateDataset(entities).errors;

describe('a valid v2 entity', () => {
  it('passes, with ja/ko aliases, summaryI18n, relation asOf and the new relation kinds', () => {
    const policy = entity('rule', {
      type: 'policy',
      aliases: [
        { text: 'Rule', locale: 'en' },
        { text: '規則', locale: 'ja', requireContext: ['輸出'] },
        { text: '규칙', locale: 'ko' },
      ],
      summaryI18n: { 'zh-Hans': '测试规则。', 'zh-Hant': '測試規則。' },
      nativeNames: { ja: '規則', ko: '규칙' },
      relations: [
        { kind: 'permits', target: 'chip', note: 'licensed sales to approved customers', asOf: '2025-12' },
        { kind: 'amends', target: 'old-rule' },
        { kind: 'rescinds', target: 'old-rule' },
      ],
      editorNote: 'Anything, for editors: TODO check [sic?]',
    });
    const result = validateDataset([policy, entity('chip'), entity('old-rule')]);
    expect(result.errors).toEqual([]);
  });
});

describe('facts', () => {
  it('requires asOf', () => {
    const { asOf: _, ...undated } = fact();
    expect(errorsOf(entity('a', { facts: [undated as never] })).join('\n')).toMatch(/^a: facts\[0\]\.asOf: /m);
  });

  it('requires publisher and publication date on the source', () => {
    const errors = errorsOf(entity('a', { facts: [fact({ source: { title: 'T', url: SOURCE.url } as never })] }));
    expect(errors.join('\n')).toMatch(/^a: facts\[0\]\.source\.publisher: /m);
    expect(errors.join('\n')).toMatch(/^a: facts\[0\]\.source\.published: /m);
  });

  it('requires status.reviewBy after asOf', () => {
    const f = fact({ asOf: '2026-01', status: { reviewBy: '2025-12-31' } });
    expect(errorsOf(entity('a', { facts: [f] }))).toEqual([
      'a: facts[0].status.reviewBy: 2025-12-31 is not after asOf 2026-01',
    ]);
  });

  it('rejects a value that starts with its own asOf date', () => {
    const facts = [
      fact({ value: '8 Dec 2025: sales to approved customers allowed', asOf: '2025-12-08' }),
      fact({ value: 'Dec 2025 - sales allowed', asOf: '2025-12-08' }),
      fact({ value: 'December 8, 2025: sales allowed', asOf: '2025-12' }),
    ];
    expect(errorsOf(entity('a', { facts }))).toEqual([
      'a: facts[0].value: starts with its asOf date "8 Dec 2025" (the card prints the date once)',
      'a: facts[1].value: starts with its asOf date "Dec 2025" (the card prints the date once)',
      'a: facts[2].value: starts with its asOf date "December 8, 2025" (the card prints the date once)',
    ]);
  });

  it('accepts a value that is a date, or starts with a different date', () => {
    const facts = [
      fact({ label: 'Founded', value: '5 Apr 1993', asOf: '1993-04-05' }),
      fact({ value: '2024: 1 million units shipped', asOf: '2025-03' }),
    ];
    expect(errorsOf(entity('a', { facts }))).toEqual([]);
  });

  it('checks the calendar dates of asOf, reviewBy and published', () => {
    const f = fact({ asOf: '2025-02-30', source: { ...SOURCE, published: '2025-04-31' } });
    expect(errorsOf(entity('a', { facts: [f] }))).toEqual([
      'a: facts[0].asOf: "2025-02-30" is not a calendar date',
      'a: facts[0].source.published: "2025-04-31" is not a calendar date',
    ]);
  });
});

describe('source domains', () => {
  it('rejects a fact whose domain is not in sources.json', () => {
    const f = fact({ source: { ...SOURCE, url: 'https://unknown-blog.example/h200' } });
    expect(errorsOf(entity('a', { facts: [f] }))).toEqual([
      'a: facts[0].source.url: domain "unknown-blog.example" is not listed in lib/dataset/sources.json',
    ]);
  });

  it('rejects an event whose domain is not in sources.json', () => {
    const events = [{ date: '2025-12-08', text: 'Allowed', source: { ...SOURCE, url: 'https://www.nasdaq.com/x' } }];
    expect(errorsOf(entity('a', { events }))).toEqual([
      'a: events[0].source.url: domain "nasdaq.com" is not listed in lib/dataset/sources.json',
    ]);
  });

  it('matches a subdomain to its listed parent', () => {
    const f = fact({ source: { ...SOURCE, url: 'https://sanctionsnews.bakermckenzie.com/us-rule/' } });
    expect(errorsOf(entity('a', { facts: [f] }))).toEqual([]);
    expect(lookupSource('https://sanctionsnews.bakermckenzie.com/x', readSources().sources)).toEqual({
      domain: 'bakermckenzie.com',
      publisher: 'Baker McKenzie',
      class: 'law-firm',
    });
  });

  it('rejects wikis, AI wikis and mirrors even when sources.json lists them', () => {
    const sources = {
      domains: {
        'en.wikipedia.org': { publisher: 'Wikipedia', class: 'press' },
        'nvidia.com': { publisher: 'NVIDIA', class: 'primary' },
      },
    };
    const f = fact({ source: { ...SOURCE, url: 'https://en.wikipedia.org/wiki/Nvidia' } });
    expect(validateDataset([entity('a', { facts: [f] })], undefined, { sources }).errors).toEqual([
      'sources.json: domains.en.wikipedia.org: a wiki, AI wiki or mirror is never a source',
      'a: facts[0].source.url: domain "en.wikipedia.org" is a wiki, AI wiki or mirror, never a source',
    ]);
  });

  it.each([
    'en.wikipedia.org',
    'aiwiki.ai',
    'grokipedia.com',
    'www.wikiwand.com',
    'wikimili.com',
    'kiwix.haohe.fun',
    'wiki.hearn.me',
    'en.wikid.org',
    'vuink.com',
    'gokawiil.com',
    'iiab.live',
    'clawkipedia.org',
    'pinocchiopedia.com',
    'encyclopedia.datana.cloud',
    'legal-dictionary.thefreedictionary.com',
    'hubbry.com',
    'web.archive.org',
  ])('blocks %s', (host) => {
    expect(isBlockedHost(host)).toBe(true);
  });

  it.each(['nvidia.com', 'www.federalregister.gov', 'reuters.com'])('does not block %s', (host) => {
    expect(isBlockedHost(host)).toBe(false);
  });

  it('takes any https URL as via, and only https', () => {
    const ok = fact({ source: { ...SOURCE, via: 'https://web.archive.org/web/2025/https://nvidia.com/' } });
    expect(errorsOf(entity('a', { facts: [ok] }))).toEqual([]);
    const http = fact({ source: { ...SOURCE, via: 'http://mirror.example/' } });
    expect(errorsOf(entity('a', { facts: [http] }))).toEqual(['a: facts[0].source.via: must be an https URL']);
  });

  it('ships a sources.json that parses and lists no blocked domain', () => {
    const { sources, errors } = readSources();
    expect(errors).toEqual([]);
    expect(Object.keys(sources.domains).length).toBeGreaterThan(50);
    expect(lookupSource('https://www.federalregister.gov/documents/2026/01/15/x', sources)?.class).toBe('primary');
  });

  it('checks the shape of sources.json', () => {
    const sources = { domains: { 'Bad Domain': { publisher: 'X', class: 'blog' } } };
    expect(validateDataset([], undefined, { sources }).errors).toEqual([
      'sources.json: domains.Bad Domain: must be a lower-case domain name',
      'sources.json: domains.Bad Domain.class: must be primary, press, law-firm or analyst',
    ]);
  });
});

describe('what a reader never sees', () => {
  it('rejects editorial markers in every reader-facing field', () => {
    const e = entity('a', {
      name: 'Test chip (3p)',
      shortName: 'TBD',
      summary: 'A chip; specs conflict between sources.',
      summaryI18n: { 'zh-Hans': '测试芯片 [check]' },
      facts: [
        fact({ label: 'FIXME label' }),
        fact({ value: '141 GB (from a mirror)' }),
        fact({ value: 'Launched 2023?' }),
        fact({ source: { ...SOURCE, title: 'H200 datasheet [sic?]' } }),
        fact({ source: { ...SOURCE, publisher: 'NVIDIA XXX' } }),
      ],
      events: [{ date: '2025-12-08', text: 'Sales allowed TODO', source: SOURCE }],
      relations: [{ kind: 'madeBy', target: 'b', note: 'designer [to verify]' }],
    });
    expect(errorsOf(e, entity('b'))).toEqual([
      'a: name: editorial marker "(3p)" (put remarks in editorNote)',
      'a: shortName: editorial marker "TBD" (put remarks in editorNote)',
      'a: summary: editorial marker "specs conflict" (put remarks in editorNote)',
      'a: summaryI18n.zh-Hans: editorial marker "[check]" (put remarks in editorNote)',
      'a: relations[0].note: editorial marker "[to verify]" (put remarks in editorNote)',
      'a: facts[0].label: editorial marker "FIXME" (put remarks in editorNote)',
      'a: facts[1].value: editorial marker "mirror" (put remarks in editorNote)',
      'a: facts[2].value: editorial marker "3?" (put remarks in editorNote)',
      'a: facts[3].source.title: editorial marker "[sic?]" (put remarks in editorNote)',
      'a: facts[4].source.publisher: editorial marker "XXX" (put remarks in editorNote)',
      'a: events[0].text: editorial marker "TODO" (put remarks in editorNote)',
    ]);
  });

  it('lets a source title ask a question, and a document number carry its year in brackets', () => {
    const f = fact({ source: { ...SOURCE, title: 'Can China build its own H100?' } });
    const g = fact({ label: 'Announcement', value: 'MOFCOM Announcement [2023] No. 23' });
    expect(errorsOf(entity('a', { facts: [f, g] }))).toEqual([]);
  });
});

describe('relation kind and note', () => {
  it('rejects a restricts relation whose note says the sales are permitted', () => {
    const relations = [
      { kind: 'restricts' as const, target: 'b', note: 'licensed sales to approved customers' },
      { kind: 'restricts' as const, target: 'b', note: 'exports allowed with a 25% fee' },
      { kind: 'permits' as const, target: 'b', note: 'bans sales to military end users' },
    ];
    expect(errorsOf(entity('a', { relations }), entity('b'))).toEqual([
      'a: relations[0].note: kind "restricts" but the note says "licensed sales" (use permits or reword)',
      'a: relations[1].note: kind "restricts" but the note says "allowed" (use permits or reword)',
      'a: relations[2].note: kind "permits" but the note says "bans" (use restricts or reword)',
    ]);
  });

  it('accepts a restricts note that negates permission', () => {
    const relations = [{ kind: 'restricts' as const, target: 'b', note: 'exports not permitted without a licence' }];
    expect(errorsOf(entity('a', { relations }), entity('b'))).toEqual([]);
  });
});
