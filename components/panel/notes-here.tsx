/**
 * "Notes": this page's annotations, the ones found on the page apart from the ones that were not. An orphan shows its
 * quote; a passage found but edited shows "Passage changed" with the original quote. A note reveals its highlight on
 * the page; Edit opens the editor in place; Delete removes it and offers Undo. The editor closes only once the save
 * is confirmed: when it fails (a full disk, a newer version saved elsewhere) it stays open with the reader's text
 * and says why.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AnchorStatus, Annotation } from '../../lib/annotations/types';
import type { AnchorReport } from '../../lib/messaging/protocol';
import { Markdown } from '../ui/markdown';
import { Toast } from '../ui/toast';
import { AnnotationEditor } from './annotation-editor';
import { COLOR_NAMES, excerpt, formatDate } from './format';
import { afterBase, saveErrorText } from './save-edit';
import type { EntityOption } from './types';

export interface NotesHereProps {
  /** The page's annotations (from `annotations:forPage`). */
  annotations: readonly Annotation[];
  /**
   * Anchoring outcomes from the content script. An annotation without a report yet is listed with the anchored ones
   * (the content script reports every annotation it tried, so this only lasts until the first report).
   */
  anchors: readonly AnchorReport[];
  tagSuggestions: readonly string[];
  entityOptions: readonly EntityOption[];
  /** Scroll the page to the highlight and flash it. */
  onReveal(id: string): void;
  /** Saves an edit; the editor stays open until the promise settles, and shows why when it rejects. */
  onSave(annotation: Annotation): Promise<void> | void;
  onDelete(id: string): void;
  /** Restore the annotation deleted last (the id is passed for convenience). */
  onUndoDelete(id: string): void;
}

interface Row {
  annotation: Annotation;
  status: AnchorStatus;
  currentText?: string;
}

/** Splits annotations into those on the page (document order) and those not found (newest first). */
export function splitByAnchoring(
  annotations: readonly Annotation[],
  anchors: readonly AnchorReport[],
): { onPage: Row[]; orphans: Row[] } {
  const reports = new Map(anchors.map((r) => [r.id, r]));
  const onPage: Row[] = [];
  const orphans: Row[] = [];
  for (const annotation of annotations) {
    const r = reports.get(annotation.id);
    const row: Row = { annotation, status: r?.status ?? 'anchored' };
    if (r?.currentText !== undefined) row.currentText = r.currentText;
    (row.status === 'orphan' ? orphans : onPage).push(row);
  }
  onPage.sort((a, b) => a.annotation.position.start - b.annotation.position.start);
  orphans.sort((a, b) => b.annotation.createdAt.localeCompare(a.annotation.createdAt));
  return { onPage, orphans };
}

interface NoteRowProps {
  row: Row;
  names: ReadonlyMap<string, string>;
  onReveal(id: string): void;
  onEdit(): void;
  onDelete(): void;
}

function NoteBody({ a, names }: { a: Annotation; names: ReadonlyMap<string, string> }) {
  return (
    <>
      {a.note.trim() !== '' && <Markdown source={a.note} class="clp-note-md" />}
      {(a.tags.length > 0 || a.entityIds.length > 0) && (
        <ul class="clp-chips clp-chips-static" aria-label="Tags and linked entities">
          {a.tags.map((t) => (
            <li key={`t:${t}`} class="clp-chip">
              #{t}
            </li>
          ))}
          {a.entityIds.map((id) => (
            <li key={`e:${id}`} class="clp-chip clp-chip-entity">
              {names.get(id) ?? id}
            </li>
          ))}
        </ul>
      )}
      <p class="clp-meta">{formatDate(a.updatedAt)}</p>
    </>
  );
}

function NoteRow({ row, names, onReveal, onEdit, onDelete }: NoteRowProps) {
  const a = row.annotation;
  const quote = excerpt(a.quote.exact, 240);
  return (
    <li class={`clp-note clp-note-${row.status}`}>
      <span class={`clp-swatch clp-swatch-${a.color}`} role="img" aria-label={`${COLOR_NAMES[a.color]} highlight`} />
      <div class="clp-note-main">
        {row.status === 'orphan' ? (
          <>
            <p class="clp-flag">Not found on this page</p>
            <blockquote class="clp-quote">{quote}</blockquote>
          </>
        ) : (
          <>
            {row.status === 'changed' && <p class="clp-flag">Passage changed</p>}
            <button type="button" class="clp-row-main clp-quote-btn" onClick={() => onReveal(a.id)}>
              {row.status === 'changed' && <span class="clp-sr-only">Original: </span>}
              <q>{quote}</q>
            </button>
            {row.status === 'changed' && row.currentText !== undefined && (
              <p class="clp-now-reads">
                <span class="clp-muted">Now reads: </span>
                {excerpt(row.currentText, 240)}
              </p>
            )}
          </>
        )}
        <NoteBody a={a} names={names} />
        <div class="clp-row-actions">
          <button
            type="button"
            class="clp-btn clp-btn-small"
            data-edit-for={a.id}
            onClick={onEdit}
            aria-label={`Edit note on “${excerpt(a.quote.exact, 40)}”`}
          >
            Edit
          </button>
          <button
            type="button"
            class="clp-btn clp-btn-small clp-btn-danger"
            onClick={onDelete}
            aria-label={`Delete note on “${excerpt(a.quote.exact, 40)}”`}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}

/** The "Notes" view for the current page. */
export function NotesHere(props: NotesHereProps) {
  const { annotations, anchors, onReveal, onSave, onDelete, onUndoDelete } = props;
  const uid = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const listRef = useRef<HTMLElement>(null);
  // When the editor closes, focus goes back to that note's Edit button instead of being lost with the editor.
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (!refocus) return;
    listRef.current?.querySelector<HTMLElement>(`[data-edit-for="${CSS.escape(refocus)}"]`)?.focus();
    setRefocus(null);
  }, [refocus]);
  const closeEditor = (id: string) => {
    setEditing(null);
    setSaveError(null);
    setRefocus(id);
  };
  const openEditor = (id: string) => {
    setSaveError(null);
    setEditing(id);
  };
  const saveEdit = (base: Annotation, edited: Annotation) => {
    if (saving) return;
    const id = base.id;
    const a = afterBase(edited, base);
    setSaveError(null);
    let result: Promise<void> | void;
    try {
      result = onSave(a);
    } catch (e) {
      setSaveError(saveErrorText(e));
      return;
    }
    if (!result) {
      closeEditor(id);
      return;
    }
    setSaving(true);
    result.then(
      () => {
        setSaving(false);
        // Only if the reader is still on that editor (Cancel and another Edit may have come first).
        setEditing((current) => {
          if (current !== id) return current;
          setSaveError(null);
          setRefocus(id);
          return null;
        });
      },
      (e: unknown) => {
        setSaving(false);
        setSaveError(saveErrorText(e));
      },
    );
  };
  const { onPage, orphans } = splitByAnchoring(annotations, anchors);
  const names = new Map(props.entityOptions.map((o) => [o.id, o.name]));

  const renderRow = (row: Row) =>
    editing === row.annotation.id ? (
      <li key={row.annotation.id} class="clp-note clp-note-editing">
        <AnnotationEditor
          annotation={row.annotation}
          tagSuggestions={props.tagSuggestions}
          entityOptions={props.entityOptions}
          onSave={(a) => saveEdit(row.annotation, a)}
          onCancel={() => closeEditor(row.annotation.id)}
        />
        {saving && (
          <p class="clp-hint" role="status">
            Saving…
          </p>
        )}
        {saveError && (
          <p class="clp-error clp-save-error" role="alert">
            {saveError}
          </p>
        )}
      </li>
    ) : (
      <NoteRow
        key={row.annotation.id}
        row={row}
        names={names}
        onReveal={onReveal}
        onEdit={() => openEditor(row.annotation.id)}
        onDelete={() => {
          onDelete(row.annotation.id);
          setDeleted(row.annotation.id);
          if (editing === row.annotation.id) setEditing(null);
        }}
      />
    );

  return (
    <section class="clp-notes" aria-label="Notes on this page" ref={listRef}>
      {annotations.length === 0 ? (
        <p class="clp-empty">No notes on this page yet. Select text on the page to highlight it and add a note.</p>
      ) : (
        <>
          <section aria-labelledby={`${uid}-on-page`}>
            <h2 id={`${uid}-on-page`} class="clp-group-heading">
              On the page <span class="clp-badge">{onPage.length}</span>
            </h2>
            {onPage.length === 0 ? (
              <p class="clp-empty">None of this page's notes could be placed.</p>
            ) : (
              <ul class="clp-notes-list">{onPage.map(renderRow)}</ul>
            )}
          </section>
          {orphans.length > 0 && (
            <section aria-labelledby={`${uid}-orphans`}>
              <h2 id={`${uid}-orphans`} class="clp-group-heading">
                Not found on the page <span class="clp-badge">{orphans.length}</span>
              </h2>
              <p class="clp-hint">
                {orphans.length === 1
                  ? 'The text this note quotes is no longer on the page.'
                  : 'The text these notes quote is no longer on the page.'}
              </p>
              <ul class="clp-notes-list">{orphans.map(renderRow)}</ul>
            </section>
          )}
        </>
      )}
      {deleted && (
        <Toast
          message="Note deleted"
          actionLabel="Undo"
          autoFocus
          onAction={() => {
            onUndoDelete(deleted);
            setDeleted(null);
          }}
          onDismiss={() => setDeleted(null)}
        />
      )}
    </section>
  );
}
