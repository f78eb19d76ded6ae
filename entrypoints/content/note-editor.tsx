/**
 * The in-page note editor: the shared AnnotationEditor plus what the page needs on top. It stays open, with everything
 * typed, until the background confirms the save, and says why when a save fails; a paste longer than a note may be is
 * cut by the text field, and the editor says so.
 */
import { useState } from 'preact/hooks';
import { AnnotationEditor, NOTE_MAX_LENGTH } from '../../components/panel/annotation-editor';
import type { EntityOption } from '../../components/panel/types';
import type { Annotation } from '../../lib/annotations/types';

export interface NoteEditorProps {
  draft: Annotation;
  tagSuggestions: readonly string[];
  entityOptions: readonly EntityOption[];
  /** Resolves once the background has stored the note; rejects with the reason it did not. */
  save(annotation: Annotation): Promise<void>;
  onSaved(): void;
  onCancel(): void;
}

type Status = { kind: 'editing' } | { kind: 'saving' } | { kind: 'failed'; reason: string };

export function NoteEditor(props: NoteEditorProps) {
  const [status, setStatus] = useState<Status>({ kind: 'editing' });
  const [cut, setCut] = useState(false);

  const onSave = (a: Annotation) => {
    if (status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    props.save(a).then(
      () => props.onSaved(),
      (e: unknown) => setStatus({ kind: 'failed', reason: reasonOf(e) }),
    );
  };

  const onPaste = (e: ClipboardEvent) => {
    const field = e.target;
    if (!(field instanceof HTMLTextAreaElement) || field.maxLength <= 0) return;
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    const room = field.maxLength - (field.value.length - (field.selectionEnd - field.selectionStart));
    setCut(pasted.length > room);
  };

  return (
    <div onPaste={onPaste}>
      <AnnotationEditor
        annotation={props.draft}
        tagSuggestions={props.tagSuggestions}
        entityOptions={props.entityOptions}
        saveLabel={status.kind === 'saving' ? 'Saving…' : 'Save note'}
        onSave={onSave}
        onCancel={props.onCancel}
      />
      <div role="status" class="cl-editor-status">
        {cut && (
          <p class="cl-editor-cut">
            The pasted text was cut to fit: a note holds at most {NOTE_MAX_LENGTH.toLocaleString('en-US')} characters.
          </p>
        )}
        {status.kind === 'failed' && (
          <p class="cl-editor-error" role="alert">
            Not saved: {status.reason}. Your note is still here; try again, or copy it somewhere safe.
          </p>
        )}
      </div>
    </div>
  );
}

function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/context invalidated|receiving end does not exist/i.test(text)) {
    return 'ChipLens was updated or restarted; reload the page';
  }
  const invalid = /^invalid "[^"]+" message: (.*)$/s.exec(text);
  const reason = invalid ? `it does not fit what ChipLens can store (${invalid[1]})` : text;
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
}
