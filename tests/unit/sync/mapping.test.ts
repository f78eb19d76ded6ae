import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import {
  annotationIdOf,
  annotationToDoc,
  isWebUrl,
  noteDocId,
  parseIncomingDoc,
  sameAnnotation,
  tombstoneDoc,
} from '../../../lib/sync/mapping';
import { makeAnnotation } from '../storage/make-annotation';

// The fields these tests read, on the shared test annotation.
const note = makeAnnotation({
  id: 'a1',
  pageKey: 'https://example.com/story',
  url: 'https://example.com/story?x=1',
  title: 'Story',
  quote: { type: 'TextQuoteSelector', exact: 'H200', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 4 },
  note: 'n',
  color: 'blue',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-02T00:00:00.000Z',
});

describe('Annotation ⇄ doc', () => {
  it('round-trips through JSON with a stable id', () => {
    const doc = annotationToDoc(note, 'my-notes', 'Ann', 'Ben');
    expect(doc._id).toBe('note:a1');
    expect(annotationIdOf(doc._id)).toBe('a1');
    expect(annotationIdOf('_design/x')).toBeNull();
    const parsed = parseIncomingDoc(JSON.parse(JSON.stringify({ ...doc, _rev: '1-x' })));
    expect(parsed).toEqual({ kind: 'note', doc: { ...doc, _rev: '1-x' } });
  });

  it('a tombstone keeps its time and parses back', () => {
    const t = tombstoneDoc('a1', 'my-notes', 'Ann', '2026-12-03T00:00:00.000Z');
    expect(parseIncomingDoc({ ...t, _rev: '3-y' })).toEqual({
      kind: 'tombstone',
      id: noteDocId('a1'),
      updatedAt: '2026-12-03T00:00:00.000Z',
      editor: 'Ann',
    });
  });

  it('drops unknown fields', () => {
    const parsed = parseIncomingDoc({ ...annotationToDoc(note, 'n', 'a', 'b'), extra: 1 });
    expect(parsed.kind === 'note' && 'extra' in parsed.doc).toBe(false);
  });

  it('compares annotations by content, not key order', () => {
    const reordered = Object.fromEntries(Object.entries(note).reverse()) as unknown as Annotation;
    expect(sameAnnotation(note, reordered)).toBe(true);
    expect(sameAnnotation(note, { ...note, tags: ['x'] })).toBe(false);
  });
});

describe('incoming documents are validated like an import', () => {
  const doc = annotationToDoc(note, 'n', 'a', 'b');
  const reason = (raw: unknown) => {
    const r = parseIncomingDoc(raw);
    return r.kind === 'invalid' ? r.reason : r.kind;
  };

  it('refuses what is not a note', () => {
    expect(reason(null)).toBe('not an object');
    expect(reason({ _id: '_design/x' })).toBe('other');
    expect(reason({})).toBe('no document id');
  });
  it('refuses oversized documents', () => {
    expect(reason({ ...doc, pad: 'x'.repeat(1_000_001) })).toMatch(/too large/);
  });
  it('refuses a wrong shape with the field path', () => {
    expect(reason({ ...doc, annotation: { ...note, color: 'red' } })).toMatch(/^annotation\.color/);
  });
  it('refuses an id that does not match', () => {
    expect(reason({ ...doc, _id: 'note:other' })).toMatch(/_id does not match/);
  });
  it('refuses updatedAt out of step with the annotation', () => {
    expect(reason({ ...doc, updatedAt: '2030-01-01T00:00:00.000Z' })).toMatch(/updatedAt does not match/);
  });
  it('refuses URLs other than http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url']) {
      expect(reason({ ...doc, annotation: { ...note, url } })).toMatch(/http\(s\)/);
    }
    expect(isWebUrl('http://127.0.0.1/x')).toBe(true);
  });
  it('refuses a time far ahead of the clock (it would win every conflict)', () => {
    const now = new Date('2026-12-02T00:00:00.000Z');
    const at = '2026-12-04T00:00:00.000Z';
    const ahead = { ...doc, updatedAt: at, annotation: { ...note, updatedAt: at } };
    expect(parseIncomingDoc(ahead, now)).toMatchObject({ kind: 'invalid', reason: 'updatedAt is in the future' });
    expect(parseIncomingDoc(ahead, new Date('2026-12-03T12:00:00.000Z')).kind).toBe('note');
    expect(parseIncomingDoc({ ...tombstoneDoc('a1', 'n', 'e', at), _rev: '2-x' }, now).kind).toBe('invalid');
  });
  it('refuses a deletion without a valid time', () => {
    expect(reason({ _id: 'note:a1', _rev: '2-z', _deleted: true })).toMatch(/deletion without a valid time/);
  });
});
