// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../entrypoints/content/note-editor';
import { annotation, ENTITY_OPTIONS } from '../components/panel/fixtures';

afterEach(cleanup);

function setup(save: () => Promise<void>) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  render(
    <NoteEditor
      draft={annotation()}
      tagSuggestions={['export-controls', 'entity-list']}
      entityOptions={ENTITY_OPTIONS}
      save={save}
      onSaved={onSaved}
      onCancel={onCancel}
    />,
  );
  const note = screen.getByRole('textbox', { name: /Note/ }) as HTMLTextAreaElement;
  return { onSaved, onCancel, note };
}

describe('the in-page note editor', () => {
  it('stays open with the note until the background confirms the save', async () => {
    let confirm!: () => void;
    const save = vi.fn(() => new Promise<void>((r) => (confirm = r)));
    const { onSaved, note } = setup(save);
    fireEvent.input(note, { target: { value: 'keep me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(save).toHaveBeenCalledOnce();
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeTruthy();
    confirm();
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
  });

  it('says why a save failed and keeps everything typed', async () => {
    const save = vi.fn(() => Promise.reject(new Error('invalid "annotation:save" message: url too long')));
    const { onSaved, note } = setup(save);
    fireEvent.input(note, { target: { value: 'do not lose me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Not saved: it does not fit what ChipLens can store \(url too long\)/);
    expect(onSaved).not.toHaveBeenCalled();
    expect(note.value).toBe('do not lose me');
    expect(screen.getByRole('button', { name: 'Save note' })).toBeTruthy();
  });

  it('says when a paste was cut to the note limit', () => {
    const { note } = setup(() => Promise.resolve());
    expect(note.getAttribute('autocomplete')).toBe('off');
    const big = 'x'.repeat(1_000_000);
    fireEvent.paste(note, { clipboardData: { getData: () => big } });
    expect(screen.getByRole('status').textContent).toMatch(/cut to fit: a note holds at most 100,000 characters/);
    fireEvent.paste(note, { clipboardData: { getData: () => 'short' } });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('is not a <form> (no Autofill), and tag suggestions only start with what was typed', () => {
    setup(() => Promise.resolve());
    expect(document.querySelector('form')).toBeNull();
    const tagBox = screen.getByRole('combobox', { name: 'Add tag' });
    fireEvent.focus(tagBox);
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    fireEvent.input(tagBox, { target: { value: 'list' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    fireEvent.input(tagBox, { target: { value: 'ent' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['entity-list']);
  });
});
