// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotesHere } from '../../../../components/panel/notes-here';
import { afterBase, saveErrorText } from '../../../../components/panel/save-edit';
import type { AnchorReport } from '../../../../lib/messaging/protocol';
import { annotation, ENTITY_OPTIONS } from './fixtures';

afterEach(cleanup);

const later = annotation({
  id: 'a-later',
  quote: { type: 'TextQuoteSelector', exact: 'Shipments could resume within weeks.', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 900, end: 936 },
  note: 'Compare with **April** reporting',
  tags: ['timeline'],
  entityIds: ['nvidia'],
});
const earlier = annotation({
  id: 'a-earlier',
  quote: { type: 'TextQuoteSelector', exact: 'BIS added 12 entities to the Entity List.', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 50, end: 91 },
  color: 'blue',
});
const changed = annotation({
  id: 'a-changed',
  quote: { type: 'TextQuoteSelector', exact: 'Exports of H20 were halted in April.', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 400, end: 436 },
});
const orphan = annotation({
  id: 'a-orphan',
  quote: { type: 'TextQuoteSelector', exact: 'A paragraph the publisher later removed.', prefix: '', suffix: '' },
});
const ANCHORS: AnchorReport[] = [
  { id: 'a-later', status: 'anchored' },
  { id: 'a-earlier', status: 'anchored' },
  { id: 'a-changed', status: 'changed', currentText: 'Exports of H20 were paused in April.' },
  { id: 'a-orphan', status: 'orphan' },
];

function setup(annotations = [later, orphan, earlier, changed]) {
  const handlers = { onReveal: vi.fn(), onSave: vi.fn(), onDelete: vi.fn(), onUndoDelete: vi.fn() };
  render(
    <NotesHere
      annotations={annotations}
      anchors={ANCHORS}
      tagSuggestions={['timeline', 'export-controls']}
      entityOptions={ENTITY_OPTIONS}
      {...handlers}
    />,
  );
  return handlers;
}

const section = (name: RegExp) => screen.getByRole('heading', { name }).closest('section')!;

describe('NotesHere', () => {
  it('lists anchored notes in page order and orphans apart with their quote', () => {
    setup();
    const onPage = section(/On the page/);
    const quotes = [...onPage.querySelectorAll('q')].map((q) => q.textContent);
    expect(quotes).toEqual([
      'BIS added 12 entities to the Entity List.',
      'Exports of H20 were halted in April.',
      'Shipments could resume within weeks.',
    ]);
    const orphans = section(/Not found on the page/);
    expect(within(orphans).getByText('A paragraph the publisher later removed.')).toBeTruthy();
    expect(within(orphans).getByText('Not found on this page')).toBeTruthy();
  });

  it('marks a changed passage with its original quote and the current text', () => {
    setup();
    const item = screen.getByText('Passage changed').closest('li')!;
    expect(within(item).getByRole('button', { name: 'Original: Exports of H20 were halted in April.' })).toBeTruthy();
    expect(item.textContent).toContain('Now reads: Exports of H20 were paused in April.');
  });

  it('renders the note, tags and linked entity names', () => {
    setup();
    const item = screen.getByText('Shipments could resume within weeks.').closest('li')!;
    expect(item.querySelector('strong')!.textContent).toBe('April');
    expect(within(item).getByText('#timeline')).toBeTruthy();
    expect(within(item).getByText('NVIDIA Corporation')).toBeTruthy();
  });

  it('reveals a highlight on click', () => {
    const { onReveal } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'BIS added 12 entities to the Entity List.' }));
    expect(onReveal).toHaveBeenCalledWith('a-earlier');
  });

  it('edits inline and saves through onSave', () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note on “BIS added/ }));
    const note = screen.getByRole('textbox', { name: /Note/ });
    fireEvent.input(note, { target: { value: 'Twelve entities, mostly in Shenzhen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledOnce();
    expect(onSave.mock.calls[0]![0]).toMatchObject({ id: 'a-earlier', note: 'Twelve entities, mostly in Shenzhen' });
    expect(screen.queryByRole('region', { name: 'Edit note' })).toBeNull();
  });

  it('returns focus to the Edit button when the editor is cancelled', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /^Edit note on “Shipments/ }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Note/ }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Edit note' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Edit note on “Shipments/ }));
  });

  it('deletes with an Undo toast', () => {
    const { onDelete, onUndoDelete } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^Delete note on “A paragraph/ }));
    expect(onDelete).toHaveBeenCalledWith('a-orphan');
    expect(screen.getByRole('status').textContent).toBe('Note deleted');
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(onUndoDelete).toHaveBeenCalledWith('a-orphan');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('has an empty state', () => {
    setup([]);
    expect(screen.getByText(/No notes on this page yet/)).toBeTruthy();
  });
});

describe('NotesHere: no silent loss', () => {
  function setupWith(onSave: (a: unknown) => Promise<void>) {
    render(
      <NotesHere
        annotations={[earlier]}
        anchors={ANCHORS}
        tagSuggestions={[]}
        entityOptions={ENTITY_OPTIONS}
        onReveal={vi.fn()}
        onSave={onSave}
        onDelete={vi.fn()}
        onUndoDelete={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Edit note on “BIS added/ }));
    fireEvent.input(screen.getByRole('textbox', { name: /Note/ }), { target: { value: 'My long careful note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  }

  it('keeps the editor open until the save is confirmed', async () => {
    let confirm = () => {};
    setupWith(() => new Promise<void>((ok) => (confirm = ok)));
    await Promise.resolve();
    expect(screen.getByRole('region', { name: 'Edit note' })).toBeTruthy();
    expect(screen.getByText('Saving…')).toBeTruthy();
    confirm();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Edit note' })).toBeNull());
  });

  it('says the disk is full and keeps the text when the save fails with QuotaExceededError', async () => {
    setupWith(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/storage is full.*Your text is kept/);
    expect((screen.getByRole('textbox', { name: /Note/ }) as HTMLTextAreaElement).value).toBe('My long careful note');
  });

  it('recognises a quota error wrapped by Dexie (inner)', () => {
    const wrapped = Object.assign(new Error('AbortError'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    expect(saveErrorText(wrapped)).toMatch(/storage is full/);
  });

  it('shows a stale-write refusal instead of closing as if saved', async () => {
    setupWith(() => Promise.reject(Object.assign(new Error('stale'), { name: 'StaleWriteError' })));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed elsewhere/);
    expect(screen.getByRole('region', { name: 'Edit note' })).toBeTruthy();
  });
});

describe('afterBase', () => {
  it('dates an edit after the version it was made from, even one dated in the future', () => {
    const base = annotation({ updatedAt: '2099-01-01T00:00:00.000Z' });
    const edited = { ...base, note: 'x', updatedAt: '2026-11-29T12:00:00.000Z' };
    expect(afterBase(edited, base).updatedAt).toBe('2099-01-01T00:00:00.001Z');
    const normal = { ...edited, updatedAt: '2100-01-01T00:00:00.000Z' };
    expect(afterBase(normal, base)).toBe(normal);
  });
});
