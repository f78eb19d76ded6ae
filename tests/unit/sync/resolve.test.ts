import { describe, expect, it } from 'vitest';
import { annotationToDoc, parseIncomingDoc, tombstoneDoc } from '../../../lib/sync/mapping';
import type { PouchDoc } from '../../../lib/sync/pouch-types';
import { resolveLeaves } from '../../../lib/sync/resolve';
import { chooseWinner } from '../../../lib/sync/winner';
import { makeAnnotation } from '../storage/make-annotation';

// The fields these tests read, on the shared test annotation.
const base = makeAnnotation({
  id: 'a1',
  pageKey: 'https://example.com/story',
  url: 'https://example.com/story',
  title: 'Story',
  quote: { type: 'TextQuoteSelector', exact: 'H200', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 4 },
  note: '',
  color: 'yellow',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

function edit(rev: string, updatedAt: string, note: string, editor = 'x'): PouchDoc {
  return { ...annotationToDoc({ ...base, note, updatedAt }, 'team', 'x', editor), _rev: rev };
}
function deletion(rev: string, updatedAt: string): PouchDoc {
  return { ...tombstoneDoc('a1', 'team', 'x', updatedAt), _rev: rev };
}
const NOW = '2026-12-09T00:00:00.000Z';

describe('chooseWinner', () => {
  const leaf = (doc: PouchDoc) => ({ rev: doc._rev, parsed: parseIncomingDoc(doc) });
  it('newer updatedAt wins, whatever the revision depth', () => {
    const w = chooseWinner([
      leaf(edit('5-a', '2026-12-02T00:00:00Z', 'old')),
      leaf(edit('2-b', '2026-12-03T00:00:00Z', 'new')),
    ]);
    expect(w.winner?.rev).toBe('2-b');
  });
  it('compares instants, not strings', () => {
    const w = chooseWinner([
      leaf(edit('2-a', '2026-12-02T10:00:00.000+02:00', 'a')),
      leaf(edit('2-b', '2026-12-02T09:00:00.000Z', 'b')),
    ]);
    expect(w.winner?.rev).toBe('2-b');
  });
  it('on a tie an edit beats a deletion, then the order is deterministic', () => {
    const t = '2026-12-02T00:00:00.000Z';
    expect(chooseWinner([leaf(deletion('3-z', t)), leaf(edit('2-a', t, 'a'))]).winner?.rev).toBe('2-a');
    const one = chooseWinner([leaf(edit('2-a', t, 'a')), leaf(edit('2-b', t, 'b'))]).winner?.rev;
    const two = chooseWinner([leaf(edit('2-b', t, 'b')), leaf(edit('2-a', t, 'a'))]).winner?.rev;
    expect(one).toBe(two);
  });
  it('an invalid leaf never wins', () => {
    const bad = { _id: 'note:a1', _rev: '9-q', type: 'note', updatedAt: '2099-01-01T00:00:00.000Z' };
    const w = chooseWinner([leaf(bad), leaf(edit('2-a', '2026-12-02T00:00:00Z', 'a'))]);
    expect(w.winner?.rev).toBe('2-a');
    expect(w.invalid.map((l) => l.rev)).toEqual(['9-q']);
  });
});

describe('resolveLeaves', () => {
  it('retires the older live edit, no newer than itself, and keeps it as a copy', () => {
    const r = resolveLeaves(
      [edit('2-a', '2026-12-02T00:00:00.000Z', 'old', 'Ann'), edit('2-b', '2026-12-03T00:00:00.000Z', 'new')],
      'team',
      NOW,
    );
    expect(r.writes).toEqual([
      { ...tombstoneDoc('a1', 'team', 'Ann', '2026-12-02T00:00:00.000Z'), retired: true, _rev: '2-a' },
    ]);
    expect(r.copies).toMatchObject([
      { noteId: 'a1', rev: '2-a', editor: 'Ann', winnerUpdatedAt: '2026-12-03T00:00:00.000Z' },
    ]);
    expect(r.copies[0]?.annotation?.note).toBe('old');
  });
  it('a newer deletion retires every live edit with its own time', () => {
    const r = resolveLeaves(
      [edit('2-a', '2026-12-02T00:00:00.000Z', 'kept'), deletion('2-d', '2026-12-04T00:00:00.000Z')],
      'team',
      NOW,
    );
    expect(r.writes).toHaveLength(1);
    expect(r.writes[0]).toMatchObject({ _rev: '2-a', _deleted: true, updatedAt: '2026-12-04T00:00:00.000Z' });
    expect(r.copies[0]?.annotation?.note).toBe('kept');
  });
  it('an older deletion leaves the edit alone', () => {
    const r = resolveLeaves(
      [edit('2-a', '2026-12-05T00:00:00.000Z', 'kept'), deletion('2-d', '2026-12-04T00:00:00.000Z')],
      'team',
      NOW,
    );
    expect(r.writes).toEqual([]);
    expect(r.copies).toEqual([]);
  });
  it('is settled after its own writes (no loop)', () => {
    const first = resolveLeaves(
      [edit('2-a', '2026-12-02T00:00:00.000Z', 'old'), edit('2-b', '2026-12-03T00:00:00.000Z', 'new')],
      'team',
      NOW,
    );
    const retired = { ...first.writes[0], _rev: '3-r' } as PouchDoc;
    expect(resolveLeaves([retired, edit('2-b', '2026-12-03T00:00:00.000Z', 'new')], 'team', NOW).writes).toEqual([]);
  });
  it('retires a live invalid leaf and reports it, without keeping it', () => {
    const bad = { _id: 'note:a1', _rev: '4-q', type: 'note', annotation: { id: 'a1' } };
    const r = resolveLeaves([bad, edit('2-b', '2026-12-03T00:00:00.000Z', 'new')], 'team', NOW);
    expect(r.invalid.map((i) => i.rev)).toEqual(['4-q']);
    expect(r.writes.map((w) => w._rev)).toEqual(['4-q']);
    expect(r.copies).toEqual([]);
  });
});
