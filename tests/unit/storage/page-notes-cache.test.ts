import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import { AnnotationRepository } from '../../../lib/storage/annotation-repository';
import { openDb } from '../../../lib/storage/db';
import { PageNotesCache } from '../../../lib/storage/page-notes-cache';
import { freshDbName, makeAnnotation } from './make-annotation';

/** A loader that counts its reads (each one database round trip) and gives every page one note. */
function counting() {
  const reads: string[][] = [];
  const load = async (keys: string[]) => {
    reads.push(keys);
    return new Map<string, Annotation[]>(keys.map((k) => [k, [makeAnnotation({ pageKey: k })]]));
  };
  return { reads, load };
}

describe('PageNotesCache', () => {
  it('answers 1,900 asks for one page (a pushState loop) with one read', async () => {
    const { reads, load } = counting();
    const cache = new PageNotesCache(load);
    const answers = await Promise.all(Array.from({ length: 1900 }, () => cache.get('https://a.test/')));
    expect(reads).toHaveLength(1);
    expect(answers.every((a) => a.length === 1 && a[0]!.pageKey === 'https://a.test/')).toBe(true);
  });

  it('answers 1,900 asks for 1,900 different URLs (pushState with ?page=N) with one read', async () => {
    const { reads, load } = counting();
    const cache = new PageNotesCache(load);
    const keys = Array.from({ length: 1900 }, (_, i) => `https://a.test/list?page=${i}`);
    const answers = await Promise.all(keys.map((k) => cache.get(k)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(1900);
    expect(answers.map((a) => a[0]!.pageKey)).toEqual(keys);
  });

  it('reads again after a change is announced for the page, or for every page, and after the time limit', async () => {
    const { reads, load } = counting();
    let t = 0;
    const cache = new PageNotesCache(load, { ttlMs: 1000, now: () => t });
    await cache.get('p');
    cache.invalidate(['other']);
    await cache.get('p');
    expect(reads).toHaveLength(1);
    cache.invalidate(['p']);
    await cache.get('p');
    cache.invalidate(['*']);
    await cache.get('p');
    t = 1000;
    await cache.get('p');
    expect(reads).toHaveLength(4);
  });

  it('does not keep a failed read, and keeps at most maxEntries pages', async () => {
    let fail = true;
    const reads: string[][] = [];
    const cache = new PageNotesCache(
      async (keys) => {
        reads.push(keys);
        if (fail) throw new Error('disk');
        return new Map(keys.map((k) => [k, []]));
      },
      { maxEntries: 2 },
    );
    await expect(cache.get('p')).rejects.toThrow('disk');
    fail = false;
    await expect(cache.get('p')).resolves.toEqual([]);
    await cache.get('q');
    await cache.get('r');
    await cache.get('p'); // dropped as the oldest
    expect(reads).toEqual([['p'], ['p'], ['q'], ['r'], ['p']]);
  });

  it('works over the repository: each page gets its own notes in document order, and pages without notes none', async () => {
    const repo = new AnnotationRepository(openDb(freshDbName('cache')));
    const late = makeAnnotation({ pageKey: 'a', position: { type: 'TextPositionSelector', start: 50, end: 60 } });
    const early = makeAnnotation({ pageKey: 'a', position: { type: 'TextPositionSelector', start: 5, end: 9 } });
    const other = makeAnnotation({ pageKey: 'b' });
    await repo.importAtomic({ add: [late, early, other], update: [] });
    const cache = new PageNotesCache((keys) => repo.forPages(keys));
    const [a, b, c] = await Promise.all([cache.get('a'), cache.get('b'), cache.get('c')]);
    expect(a!.map((x) => x.id)).toEqual([early.id, late.id]);
    expect(b).toEqual([other]);
    expect(c).toEqual([]);
  });
});
