// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationEditor } from '../../../../components/panel/annotation-editor';
import { AnnotationSchema } from '../../../../lib/messaging/protocol';
import { annotation, ENTITY_OPTIONS } from './fixtures';

afterEach(cleanup);

const NOW = new Date('2025-06-02T12:00:00.000Z');

function setup(a = annotation({ tags: ['export-controls'], entityIds: ['nvidia-h200'] })) {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  render(
    <AnnotationEditor
      annotation={a}
      tagSuggestions={['export-controls', 'entity-list', 'hbm']}
      entityOptions={ENTITY_OPTIONS}
      onSave={onSave}
      onCancel={onCancel}
      now={() => NOW}
    />,
  );
  return { onSave, onCancel, a };
}

describe('AnnotationEditor', () => {
  it('edits note, tags, colour and linked entities and saves a valid annotation', () => {
    const { onSave, a } = setup();
    const note = screen.getByRole('textbox', { name: /Note/ });
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: 'Check **BIS** wording' } });

    const tagBox = screen.getByRole('combobox', { name: 'Add tag' });
    fireEvent.input(tagBox, { target: { value: 'en' } });
    const listbox = screen.getByRole('listbox', { name: 'Add tag' });
    // Tags already on the note are not suggested again.
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['entity-list']);
    fireEvent.keyDown(tagBox, { key: 'ArrowDown' });
    fireEvent.keyDown(tagBox, { key: 'Enter' });
    fireEvent.input(tagBox, { target: { value: '  china   licences ' } });
    fireEvent.keyDown(tagBox, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag export-controls' }));

    fireEvent.click(screen.getByRole('radio', { name: 'Green' }));

    fireEvent.click(screen.getByRole('button', { name: 'Unlink NVIDIA H200' }));
    const entityBox = screen.getByRole('combobox', { name: 'Link an entity' });
    fireEvent.input(entityBox, { target: { value: 'bis' } });
    fireEvent.mouseDown(screen.getByRole('option', { name: /Bureau of Industry and Security/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledOnce();
    const saved = onSave.mock.calls[0]![0];
    expect(saved).toEqual({
      ...a,
      note: 'Check **BIS** wording',
      tags: ['entity-list', 'china licences'],
      color: 'green',
      entityIds: ['bis'],
      updatedAt: NOW.toISOString(),
    });
    expect(v.safeParse(AnnotationSchema, saved).success).toBe(true);
  });

  it('offers every colour as a named radio button', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Colour' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['Yellow', 'Green', 'Blue', 'Pink', 'Purple']);
    expect((screen.getByRole('radio', { name: 'Yellow' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps a typed tag when the field loses focus before saving', () => {
    const { onSave } = setup(annotation());
    const tagBox = screen.getByRole('combobox', { name: 'Add tag' });
    fireEvent.input(tagBox, { target: { value: 'hbm3e' } });
    fireEvent.blur(tagBox);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave.mock.calls[0]![0].tags).toEqual(['hbm3e']);
  });

  it('previews the note as safe Markdown', () => {
    setup(annotation({ note: '**Key** point <img src=x onerror=alert(1)> [x](javascript:alert(1))' }));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByRole('button', { name: 'Preview' }).getAttribute('aria-pressed')).toBe('true');
    const preview = document.querySelector('.clp-preview')!;
    expect(preview.querySelector('strong')!.textContent).toBe('Key');
    expect(preview.querySelector('img, a')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('cancels with Escape and with the Cancel button, without saving', () => {
    const { onSave, onCancel } = setup();
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Note/ }), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves with Ctrl+Enter', () => {
    const { onSave } = setup();
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Note/ }), { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledOnce();
  });
});
