import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImport, toW3C } from '../../../lib/export';
import { annotationsArb, makeAnnotation } from './arbitraries';
import { validateW3C } from './w3c-schema';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const names: Record<string, string> = { 'nvidia-h20': 'NVIDIA H20', bis: 'Bureau of Industry and Security' };
const entityName = (id: string) => names[id];
const importOpts = { maxBytes: 50 * 1024 * 1024, now: NOW };

describe('toW3C', () => {
  const doc = JSON.parse(toW3C([makeAnnotation()], entityName, NOW));
  const anno = doc.first.items[0];

  it('writes an AnnotationCollection with an embedded first page, valid against the model schema', () => {
    expect(validateW3C(doc), JSON.stringify(validateW3C.errors)).toBe(true);
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage' } });
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
  });

  it('maps the note, tags and linked entities onto bodies with the right purposes', () => {
    expect(anno.id).toBe('urn:uuid:3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d');
    expect(anno.body).toEqual([
      {
        type: 'TextualBody',
        value: 'Check the **thresholds** against the 2023 rule.',
        format: 'text/markdown',
        purpose: 'commenting',
      },
      { type: 'TextualBody', value: 'export-controls', purpose: 'tagging' },
      { type: 'TextualBody', value: 'h20', purpose: 'tagging' },
      {
        type: 'SpecificResource',
        source: { id: 'https://chiplens.dev/entity/nvidia-h20', 'skos:prefLabel': 'NVIDIA H20' },
        purpose: 'identifying',
      },
      {
        type: 'SpecificResource',
        source: { id: 'https://chiplens.dev/entity/bis', 'skos:prefLabel': 'Bureau of Industry and Security' },
        purpose: 'identifying',
      },
    ]);
  });

  it('targets the page URL with a quote and a position selector, colour as a style class', () => {
    expect(anno.target).toMatchObject({
      source: 'https://www.reuters.com/technology/nvidia-h20/?utm_source=x',
      styleClass: 'chiplens-yellow',
      selector: [
        { type: 'TextQuoteSelector', exact: makeAnnotation().quote.exact },
        { type: 'TextPositionSelector', start: 120, end: 183 },
      ],
    });
    expect(anno.stylesheet.value).toContain('.chiplens-yellow');
    expect(anno).toMatchObject({ created: '2026-11-20T09:15:00.000Z', modified: '2026-11-21T10:00:00.000Z' });
  });

  it('writes an empty collection that is still valid', () => {
    expect(validateW3C(JSON.parse(toW3C([], entityName, NOW)))).toBe(true);
  });

  it('is valid against the schema for any annotations', () => {
    fc.assert(
      fc.property(annotationsArb, (annotations) => {
        const out = JSON.parse(toW3C(annotations, entityName, NOW));
        expect(validateW3C(out), JSON.stringify(validateW3C.errors)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips: export then import gives identical annotations', () => {
    fc.assert(
      fc.property(annotationsArb, (annotations) => {
        const r = parseImport(toW3C(annotations, entityName, NOW), importOpts);
        expect(r).toMatchObject({ ok: true, format: 'w3c', errors: [] });
        expect(r.ok && r.annotations).toEqual(annotations);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the W3C schema itself', () => {
  const good = () => JSON.parse(toW3C([makeAnnotation()], entityName, NOW));
  // biome-ignore lint/suspicious/noExplicitAny: each case breaks a different part of a parsed JSON document
  it.each<[string, (d: any) => void]>([
    ['no @context', (d) => delete d['@context']],
    ['a foreign @context', (d) => (d['@context'] = 'https://schema.org/')],
    ['an annotation without a target', (d) => delete d.first.items[0].target],
    ['an annotation without an id', (d) => delete d.first.items[0].id],
    ['a wrong annotation type', (d) => (d.first.items[0].type = 'Note')],
    ['a TextQuoteSelector without exact', (d) => delete d.first.items[0].target.selector[0].exact],
    ['a negative TextPositionSelector start', (d) => (d.first.items[0].target.selector[1].start = -1)],
    ['a TextualBody without value', (d) => delete d.first.items[0].body[0].value],
    [
      'purpose on an External Web Resource body',
      (d) => d.first.items[0].body.push({ id: 'https://x.test/', purpose: 'tagging' }),
    ],
    ['an unknown motivation', (d) => (d.first.items[0].motivation = 'liking')],
    ['a created date that is not a date-time', (d) => (d.first.items[0].created = 'yesterday')],
    ['a styleClass without a stylesheet', (d) => delete d.first.items[0].stylesheet],
    ['total > 0 without a first page', (d) => delete d.first],
    ['a non-IRI id', (d) => (d.first.items[0].id = 'not an iri')],
  ])('rejects %s', (_name, breakIt) => {
    const d = good();
    expect(validateW3C(d)).toBe(true);
    breakIt(d);
    expect(validateW3C(d)).toBe(false);
  });
});

describe('importing W3C files from other tools', () => {
  const hypothesisLike = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'https://hypothes.is/a/AbC123xyz',
    created: '2025-04-16T09:59:48.102934+00:00',
    modified: '2025-04-16T10:03:01.000000+00:00',
    body: [
      { type: 'TextualBody', value: 'Important for **H20** sales', format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'nvidia' },
    ],
    target: [
      {
        source: 'https://www.reuters.com/technology/nvidia-h20/?utm_medium=social#x',
        selector: [
          { type: 'RangeSelector', startContainer: '/div[1]/p[2]', endContainer: '/div[1]/p[2]' },
          { type: 'TextQuoteSelector', exact: 'H20 chips', prefix: 'export of ', suffix: ' to China' },
        ],
      },
    ],
  };

  it('accepts a Hypothesis-like annotation with only a TextQuoteSelector, filling the rest', () => {
    const r = parseImport(JSON.stringify(hypothesisLike), importOpts);
    expect(r.ok && r.errors).toEqual([]);
    const a = r.ok ? r.annotations[0]! : undefined;
    expect(a).toMatchObject({
      pageKey: 'https://www.reuters.com/technology/nvidia-h20/',
      url: 'https://www.reuters.com/technology/nvidia-h20/?utm_medium=social#x',
      title: '',
      quote: { exact: 'H20 chips', prefix: 'export of ', suffix: ' to China' },
      position: { start: 0, end: 0 },
      note: 'Important for **H20** sales',
      tags: ['nvidia'],
      color: 'yellow',
      entityIds: [],
      createdAt: '2025-04-16T09:59:48.102934+00:00',
    });
    expect(a?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives a foreign id the same UUID on every import, so re-importing does not duplicate', () => {
    const a = parseImport(JSON.stringify(hypothesisLike), importOpts);
    const b = parseImport(JSON.stringify({ ...hypothesisLike, body: [] }), importOpts);
    expect(a.ok && b.ok && a.annotations[0]!.id === b.annotations[0]!.id).toBe(true);
  });

  it('accepts a bare array, a single body object, bodyValue, a target object and dates without seconds', () => {
    const items = [
      {
        type: 'Annotation',
        target: { source: 'https://a.test/1', selector: { type: 'TextQuoteSelector', exact: 'one' } },
        body: { type: 'TextualBody', value: 'a note' },
      },
      {
        type: 'Annotation',
        bodyValue: 'plain note',
        created: '2025-01-02T03:04Z',
        target: { source: { id: 'https://a.test/2' }, selector: [{ type: 'TextQuoteSelector', exact: 'two' }] },
      },
    ];
    const r = parseImport(JSON.stringify(items), importOpts);
    expect(r.ok && r.errors).toEqual([]);
    expect(r.ok && r.annotations.map((a) => [a.url, a.quote.exact, a.note, a.createdAt, a.updatedAt])).toEqual([
      ['https://a.test/1', 'one', 'a note', NOW.toISOString(), NOW.toISOString()],
      ['https://a.test/2', 'two', 'plain note', '2025-01-02T03:04:00.000Z', '2025-01-02T03:04:00.000Z'],
    ]);
  });

  it('reads an AnnotationPage and follows embedded next pages of a collection', () => {
    const item = (n: number) => ({
      type: 'Annotation',
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
      target: { source: 'https://a.test/', selector: { type: 'TextQuoteSelector', exact: `q${n}` } },
    });
    const page = { type: 'AnnotationPage', id: 'https://a.test/p1', items: [item(1), item(2)] };
    const coll = {
      type: 'AnnotationCollection',
      id: 'https://a.test/c',
      first: { ...page, next: { type: 'AnnotationPage', id: 'https://a.test/p2', items: [item(3)] } },
    };
    const p = parseImport(JSON.stringify(page), importOpts);
    const c = parseImport(JSON.stringify(coll), importOpts);
    expect(p.ok && p.annotations.map((a) => a.quote.exact)).toEqual(['q1', 'q2']);
    expect(c.ok && c.annotations.map((a) => a.id.slice(-1))).toEqual(['1', '2', '3']);
  });

  it('explains that a collection whose pages are only linked cannot be imported', () => {
    const r = parseImport(
      JSON.stringify({ type: 'AnnotationCollection', id: 'x', first: 'https://a.test/page1' }),
      importOpts,
    );
    expect(r).toEqual({ ok: false, error: 'This annotation collection links to its pages instead of including them.' });
  });

  it('reports records it cannot use, by record number and field, and keeps the good ones', () => {
    const items = [
      { type: 'Annotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000001', target: 'https://a.test/' },
      {
        type: 'Annotation',
        target: { source: 'https://a.test/', selector: { type: 'TextQuoteSelector', exact: 'fine' } },
      },
      {
        type: 'Annotation',
        created: 'last tuesday',
        target: { source: 'https://a.test/', selector: { type: 'TextQuoteSelector', exact: 'x' } },
      },
      {
        type: 'Annotation',
        target: {
          source: 'https://a.test/',
          selector: { type: 'TextQuoteSelector', exact: 'y' },
          styleClass: 'chiplens-green',
        },
        body: { type: 'TextualBody', purpose: 'tagging', value: 't'.repeat(101) },
      },
      'not an object',
    ];
    const r = parseImport(JSON.stringify(items), importOpts);
    expect(r.ok && r.annotations.map((a) => a.quote.exact)).toEqual(['fine']);
    expect(r.ok && r.errors.map((e) => [e.record, e.field])).toEqual([
      [1, 'quote'],
      [3, 'createdAt'],
      [4, 'tags.0'],
      [5, '(record)'],
    ]);
    expect(r.ok && r.errors[0]).toMatchObject({ id: 'urn:uuid:00000000-0000-4000-8000-000000000001' });
  });
});
