import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import { AnnotationRepository } from '../../../lib/storage/annotation-repository';
import { openDb } from '../../../lib/storage/db';
import { PageNotesBatcher } from '../../../lib/storage/page-notes-batcher';
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

describe('PageNotesBatcher', () => {
  it('answers 1,900 asks for one page (a pushState loop) with one read', async () => {
    const { reads, load } = counting();
    const batcher = new PageNotesBatcher(load);
    const answers = await Promise.all(Array.from({ length: 1900 }, () => batcher.get('https://a.test/')));
    expect(reads).toEqual([['https://a.test/']]);
    expect(answers.every((a) => a.length === 1 && a[0]!.pageKey === 'https://a.test/')).toBe(true);
  });

  it('answers 1,900 asks for 1,900 different URLs (pushState with ?page=N) with one read', async () => {
    const { reads, load } = counting();
    const batcher = new PageNotesBatcher(load);
    const keys = Array.from({ length: 1900 }, (_, i) => `https://a.test/list?page=${i}`);
    const answers = await Promise.all(keys.map((k) => batcher.get(k)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(1900);
    expect(answers.map((a) => a[0]!.pageKey)).toEqual(keys);
  });

  it('keeps nothing: an ask after a read has started gets a read of its own, which sees later writes', async () => {
    const { reads, load } = counting();
    const batcher = new PageNotesBatcher(load);
    await batcher.get('p');
    await batcher.get('p');
    expect(reads).toEqual([['p'], ['p']]);
  });

  it('passes a failed read on to every ask in it, and the next ask reads again', async () => {
    let fail = true;
    const batcher = new PageNotesBatcher(async (keys) => {
      if (fail) throw new Error('disk');
      return new Map(keys.map((k) => [k, []]));
    });
    const failed = await Promise.allSettled([batcher.get('p'), batcher.get('q')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.get('p')).resolves.toEqual([]);
  });

  it('works over the repository: each page gets its own notes in document order, and pages without notes none', async () => {
    const repo = new AnnotationRepository(openDb(freshDbName('batch')));
    const late = makeAnnotation({ pageKey: 'a', position: { type: 'TextPositionSelector', start: 50, end: 60 } });
    const early = makeAnnotation({ pageKey: 'a', position: { type: 'TextPositionSelector', start: 5, end: 9 } });
    const other = makeAnnotation({ pageKey: 'b' });
    await repo.importAtomic({ add: [late, early, other], update: [] });
    const batcher = new PageNotesBatcher((keys) => repo.forPages(keys));
    const [a, b, c] = await Promise.all([batcher.get('a'), batcher.get('b'), batcher.get('c')]);
    expect(a!.map((x) => x.id)).toEqual([early.id, late.id]);
    expect(b).toEqual([other]);
    expect(c).toEqual([]);
  });
});
