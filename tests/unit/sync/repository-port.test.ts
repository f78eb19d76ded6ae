import { describe, expect, it } from 'vitest';
import { AnnotationRepository } from '../../../lib/storage/annotation-repository';
import { openDb } from '../../../lib/storage/db';
import { repositoryNotesPort } from '../../../lib/sync/repository-port';
import type { NoteOrigin } from '../../../lib/sync/types';
import { makeAnnotation } from '../storage/make-annotation';

// The fields these tests read, on the shared test annotation.
const note = makeAnnotation({
  id: 'r1',
  pageKey: 'https://example.com/a',
  url: 'https://example.com/a',
  title: 'A',
  quote: { type: 'TextQuoteSelector', exact: 'H20', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 3 },
  note: 'x',
  color: 'green',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-02T00:00:00.000Z',
});
const origin: NoteOrigin = { notebook: 'team', author: 'Ann', editor: 'Ben' };

describe('repositoryNotesPort (Dexie through lib/storage)', () => {
  it('lists, puts and deletes through the repository, announcing changed pages and origins', async () => {
    const repository = new AnnotationRepository(openDb(`sync-port-${Math.random()}`));
    const changed: string[][] = [];
    const origins: [string, NoteOrigin][] = [];
    const port = repositoryNotesPort(repository, {
      onChanged: (keys) => {
        changed.push(keys);
      },
      onOrigin: (id, o) => origins.push([id, o]),
    });
    await port.put(note, origin);
    expect(await port.list()).toEqual([note]);
    expect(origins).toEqual([['r1', origin]]);
    // An older version does not replace a newer stored one, and announces nothing.
    await port.put({ ...note, note: 'old', updatedAt: '2026-12-01T00:00:00.000Z' }, origin);
    expect((await port.list())[0]?.note).toBe('x');
    expect(origins).toHaveLength(1);
    await port.delete('r1');
    await port.delete('r1');
    expect(await port.list()).toEqual([]);
    expect(changed).toEqual([['https://example.com/a'], ['https://example.com/a']]);
  });
});
