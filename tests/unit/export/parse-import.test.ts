import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseImport, toJsonBackup, toW3C } from '../../../lib/export';
import { AnnotationSchema } from '../../../lib/messaging/protocol';
import { annotationsArb, makeAnnotation, SETTINGS, settingsArb } from './arbitraries';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const opts = { maxBytes: 10 * 1024 * 1024, now: NOW };

describe('JSON backup', () => {
  it('writes a versioned envelope with the export time', () => {
    const doc = JSON.parse(toJsonBackup([makeAnnotation()], SETTINGS, NOW));
    expect(doc).toEqual({
      format: 'chiplens-backup',
      version: 1,
      exportedAt: '2026-11-29T12:00:00.000Z',
      annotations: [makeAnnotation()],
      settings: SETTINGS,
    });
  });

  it('round-trips: export then import gives identical annotations and settings', () => {
    fc.assert(
      fc.property(annotationsArb, settingsArb, (annotations, settings) => {
        const r = parseImport(toJsonBackup(annotations, settings, NOW), opts);
        expect(r).toEqual({ ok: true, format: 'chiplens-backup', annotations, settings, errors: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('reports each invalid record with its number, id and field, and imports the rest', () => {
    const doc = JSON.parse(toJsonBackup([makeAnnotation(), makeAnnotation(), makeAnnotation()], SETTINGS, NOW));
    doc.annotations[1].id = 'second';
    doc.annotations[1].color = 'orange';
    doc.annotations[1].position.start = -3;
    doc.annotations[2].quote = 'not a selector';
    const r = parseImport(JSON.stringify(doc), opts);
    expect(r.ok && r.annotations).toHaveLength(1);
    expect(r.ok && r.errors.map(({ record, id, field }) => ({ record, id, field }))).toEqual([
      { record: 2, id: 'second', field: 'position.start' },
      { record: 2, id: 'second', field: 'color' },
      { record: 3, id: makeAnnotation().id, field: 'quote' },
    ]);
    expect(r.ok && r.errors[1]!.message).toMatch(/yellow/);
  });

  it('refuses a backup from a newer version with a clear message', () => {
    const doc = { format: 'chiplens-backup', version: 2, annotations: [] };
    expect(parseImport(JSON.stringify(doc), opts)).toEqual({
      ok: false,
      error: 'This backup was made by a newer ChipLens (backup version 2); update ChipLens to import it.',
    });
  });

  it('falls back field by field for broken settings and leaves settings out when there are none', () => {
    const doc = {
      format: 'chiplens-backup',
      version: 1,
      annotations: [],
      settings: { theme: 'neon', hoverDelayMs: 500 },
    };
    const r = parseImport(JSON.stringify(doc), opts);
    expect(r.ok && r.settings).toMatchObject({ theme: 'system', hoverDelayMs: 500 });
    const none = parseImport(JSON.stringify({ format: 'chiplens-backup', version: 1, annotations: [] }), opts);
    expect(none.ok && 'settings' in none).toBe(false);
  });
});

describe('parseImport: files that are not what they should be', () => {
  it('refuses a file over the size limit, naming the limit, before parsing it', () => {
    const big = toJsonBackup(
      Array.from({ length: 50 }, () => makeAnnotation()),
      SETTINGS,
      NOW,
    );
    expect(parseImport(big, { maxBytes: 10 * 1024, now: NOW })).toEqual({
      ok: false,
      error: 'The file is too large to import: the limit is 10 KB.',
    });
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const cjk = JSON.stringify([{ note: '中'.repeat(400) }]); // ~1.2 KB in UTF-8, ~400 characters
    expect(parseImport(cjk, { maxBytes: 1000, now: NOW })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/limit is 1000 bytes/),
    });
  });

  it('says where JSON breaks: line and column, or a cut-short file', () => {
    const broken = '{\n  "format": "chiplens-backup",\n  "version": 1,,\n}';
    expect(parseImport(broken, opts)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not valid JSON at line 3, column \d+\.$/),
    });
    const truncated = toJsonBackup([makeAnnotation()], SETTINGS, NOW).slice(0, 200);
    expect(parseImport(truncated, opts)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not valid JSON/),
    });
  });

  it('rejects empty files and JSON that is neither format', () => {
    expect(parseImport('   ', opts)).toEqual({ ok: false, error: 'The file is empty.' });
    for (const doc of ['42', '"text"', 'null', '{"hello":"world"}', '{"format":"other-app"}']) {
      expect(parseImport(doc, opts)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not a ChipLens backup or a W3C/),
      });
    }
  });

  it('accepts a byte order mark in front of the JSON', () => {
    expect(parseImport(`\uFEFF${toJsonBackup([], SETTINGS, NOW)}`, opts)).toMatchObject({ ok: true });
  });

  it('treats numbers too large to be positions as invalid fields', () => {
    const doc = JSON.parse(toJsonBackup([makeAnnotation()], SETTINGS, NOW));
    const text = JSON.stringify(doc).replace('"start":120', '"start":1e400');
    const r = parseImport(text, opts);
    expect(r.ok && r.errors.map((e) => e.field)).toEqual(['position.start']);
  });

  it('is immune to prototype pollution through __proto__, constructor and prototype keys', () => {
    const record = JSON.stringify(makeAnnotation()).replace(
      /^\{/,
      '{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},',
    );
    const text = `{"__proto__":{"polluted":"yes"},"format":"chiplens-backup","version":1,"annotations":[${record}],"settings":{"__proto__":{"polluted":"yes"},"theme":"dark"}}`;
    const r = parseImport(text, opts);
    expect(r.ok && r.annotations).toHaveLength(1);
    const a = r.ok ? r.annotations[0]! : {};
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.keys(a)).not.toContain('__proto__');
    expect((a as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && r.settings?.theme).toBe('dark');
    const w3c = `[{"__proto__":{"target":"https://evil.test/"},"type":"Annotation","target":{"source":"https://a.test/","selector":{"type":"TextQuoteSelector","exact":"q","__proto__":{"exact":"x"}}}}]`;
    const w = parseImport(w3c, opts);
    expect(w.ok && w.annotations[0]!.quote.exact).toBe('q');
    expect(({} as Record<string, unknown>).target).toBeUndefined();
  });
});

describe('parseImport: fuzzing', () => {
  const isValid = (a: unknown) => v.safeParse(AnnotationSchema, a).success;
  const check = (text: string) => {
    const r = parseImport(text, opts);
    if (r.ok) {
      expect(r.annotations.every(isValid)).toBe(true);
      for (const e of r.errors) {
        expect(Number.isInteger(e.record) && e.record >= 1).toBe(true);
        expect(typeof e.field === 'string' && typeof e.message === 'string').toBe(true);
      }
    } else expect(r.error).toMatch(/\S/);
  };

  it('never throws on random JSON, and only ever returns valid annotations', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => check(JSON.stringify(doc))),
      { numRuns: 500 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 300 });
  });

  it('never throws on truncated exports of either format', () => {
    fc.assert(
      fc.property(annotationsArb, fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), (annotations, w3c, cut) => {
        const full = w3c ? toW3C(annotations, () => undefined, NOW) : toJsonBackup(annotations, SETTINGS, NOW);
        check(full.slice(0, Math.floor(full.length * cut)));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when any field of an export is replaced with a value of the wrong type', () => {
    const paths = (x: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      x && typeof x === 'object'
        ? Object.entries(x).flatMap(([k, val]) => [
            [...prefix, k],
            ...paths(val, [...prefix, Array.isArray(x) ? Number(k) : k]),
          ])
        : [];
    fc.assert(
      fc.property(
        annotationsArb.filter((as) => as.length > 0),
        fc.boolean(),
        fc.nat(),
        fc.jsonValue(),
        (annotations, w3c, pick, replacement) => {
          const doc = JSON.parse(
            w3c ? toW3C(annotations, () => 'Name', NOW) : toJsonBackup(annotations, SETTINGS, NOW),
          );
          const all = paths(doc);
          const path = all[pick % all.length]!;
          let parent = doc;
          for (const k of path.slice(0, -1)) parent = parent[k];
          parent[path[path.length - 1]!] = replacement;
          check(JSON.stringify(doc));
        },
      ),
      { numRuns: 400 },
    );
  });
});
