import { describe, expect, it } from 'vitest';
import { parseImport, toJsonBackup, toW3C } from '../../../lib/export';
import { makeAnnotation, SETTINGS } from './arbitraries';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const opts = { maxBytes: 10 * 1024 * 1024, now: NOW };

describe('parseImport: dates in the future', () => {
  it('sets created and modified dates after the import time to it, and counts those records', () => {
    const past = makeAnnotation({ id: 'past' });
    const future = makeAnnotation({
      id: 'future',
      createdAt: '2099-01-01T00:00:00.000Z',
      updatedAt: '2099-06-01T00:00:00Z',
    });
    const edited = makeAnnotation({ id: 'edited', updatedAt: '2026-11-29T12:00:00.001Z' });
    for (const text of [
      toJsonBackup([past, future, edited], SETTINGS, NOW),
      toW3C([past, future, edited], () => undefined, NOW),
    ]) {
      const r = parseImport(text, opts);
      if (!r.ok) throw new Error(r.error);
      expect(r.clampedDates).toBe(2);
      const byId = new Map(r.annotations.map((a) => [a.id, a]));
      expect(byId.get('past')).toEqual(past);
      expect(byId.get('future')).toMatchObject({ createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
      expect(byId.get('edited')).toMatchObject({ createdAt: edited.createdAt, updatedAt: NOW.toISOString() });
    }
  });

  it('catches a future instant written with an offset', () => {
    const a = makeAnnotation({ updatedAt: '2026-11-29T13:30:00+01:00' }); // 12:30 UTC
    const r = parseImport(toJsonBackup([a], SETTINGS, NOW), opts);
    expect(r.ok && r.clampedDates).toBe(1);
    expect(r.ok && r.annotations[0]!.updatedAt).toBe(NOW.toISOString());
  });

  it('says nothing when no date is in the future', () => {
    const r = parseImport(toJsonBackup([makeAnnotation()], SETTINGS, NOW), opts);
    expect(r.ok && 'clampedDates' in r).toBe(false);
  });
});

describe('parseImport: only http(s) pages are stored', () => {
  const schemes = [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome://settings/',
    'blob:https://a.test/uuid',
    'about:blank',
    'https:evil.test',
  ];

  it.each(schemes)('refuses a W3C target.source of %s with a clear error', (source) => {
    const w3c = JSON.parse(toW3C([makeAnnotation({ id: 'x' })], () => undefined, NOW));
    w3c.first.items[0].target.source = source;
    const r = parseImport(JSON.stringify(w3c), opts);
    if (!r.ok) throw new Error(r.error);
    expect(r.annotations).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        record: 1,
        field: 'target.source',
        message: expect.stringMatching(/http:\/\/ or https:\/\//),
      }),
    ]);
  });

  it.each(schemes)('refuses a backup record whose url is %s', (url) => {
    const r = parseImport(
      toJsonBackup([makeAnnotation({ id: 'y', url }), makeAnnotation({ id: 'ok' })], SETTINGS, NOW),
      opts,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.annotations.map((a) => a.id)).toEqual(['ok']);
    expect(r.errors).toEqual([expect.objectContaining({ record: 1, id: 'y', field: 'url' })]);
  });

  it('accepts http and https in any letter case', () => {
    const r = parseImport(
      toJsonBackup(
        [makeAnnotation({ url: 'HTTP://A.test/x' }), makeAnnotation({ url: 'https://b.test/' })],
        SETTINGS,
        NOW,
      ),
      opts,
    );
    expect(r.ok && r.annotations).toHaveLength(2);
  });
});
