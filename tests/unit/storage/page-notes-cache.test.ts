import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import { PageNotesCache } from '../../../lib/storage/page-notes-cache';
import { makeAnnotation } from './make-annotation';

function counting() {
  const calls: string[] = [];
  const load = async (key: string): Promise<Annotation[]> => {
    calls.push(key);
    return [makeAnnotation({ pageKey: key })];
  };
  return { calls, load };
}

describe('PageNotesCache', () => {
  it('answers 1,900 asks for one page (a pushState loop) with one read', async () => {
    const { calls, load } = counting();
    const cache = new PageNotesCache(load);
    const answers = await Promise.all(Array.from({ length: 1900 }, () => cache.get('https://a.test/')));
    expect(calls).toHaveLength(1);
    expect(answers.every((a) => a.length === 1)).toBe(true);
  });

  it('reads again after a change is announced for the page, or for every page, and after the time limit', async () => {
    const { calls, load } = counting();
    let t = 0;
    const cache = new PageNotesCache(load, { ttlMs: 1000, now: () => t });
    await cache.get('p');
    cache.invalidate(['other']);
    await cache.get('p');
    expect(calls).toHaveLength(1);
    cache.invalidate(['p']);
    await cache.get('p');
    cache.invalidate(['*']);
    await cache.get('p');
    t = 1000;
    await cache.get('p');
    expect(calls).toHaveLength(4);
  });

  it('does not keep a failed read, and keeps at most maxEntries pages', async () => {
    let fail = true;
    const calls: string[] = [];
    const cache = new PageNotesCache(
      async (key) => {
        calls.push(key);
        if (fail) throw new Error('disk');
        return [];
      },
      { maxEntries: 2 },
    );
    await expect(cache.get('p')).rejects.toThrow('disk');
    fail = false;
    await expect(cache.get('p')).resolves.toEqual([]);
    await cache.get('q');
    await cache.get('r');
    await cache.get('p'); // dropped as the oldest
    expect(calls).toEqual(['p', 'p', 'q', 'r', 'p']);
  });
});
