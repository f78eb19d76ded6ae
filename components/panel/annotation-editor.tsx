/**
 * Editor for one annotation: note (Markdown, with a safe preview), tags (autocomplete from tags in use, new tags with
 * Enter or comma), highlight colour (named radio buttons) and linked entities (removable chips, added through a
 * search). Self-contained so the content script can render it in the page for new annotations. Escape cancels;
 * Ctrl/Cmd+Enter saves.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type Annotation, HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/annotations/types';
import { Combobox } from '../ui/combobox';
import { Markdown } from '../ui/markdown';
import { COLOR_NAMES, excerpt, TYPE_SINGULAR } from './format';
import type { EntityOption } from './types';

export interface AnnotationEditorProps {
  /** The annotation to edit, or a new draft (with quote/position filled in and an empty note). */
  annotation: Annotation;
  /** Tags in use, most used first. */
  tagSuggestions: readonly string[];
  /** Entities that can be linked (also used to name linked ones). */
  entityOptions: readonly EntityOption[];
  /** Receives the edited annotation with a fresh updatedAt. */
  onSave(annotation: Annotation): void;
  onCancel(): void;
  /** Save button label. Default "Save". */
  saveLabel?: string;
  /** Show the quoted passage above the fields. Default true. */
  showQuote?: boolean;
  /** Focus the note field on mount. Default true. */
  autoFocus?: boolean;
  /** Clock seam for tests. */
  now?: () => Date;
}

const MAX_TAGS = 100;
/** The longest note the background accepts (lib/messaging/protocol.ts). */
export const NOTE_MAX_LENGTH = 100_000;
const MAX_TAG_LENGTH = 100;

/** Trims and collapses a typed tag; empty when nothing is left. */
export function normaliseTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
}

/** The annotation editor form. */
export function AnnotationEditor(props: AnnotationEditorProps) {
  const { annotation, tagSuggestions, entityOptions, onSave, onCancel, now = () => new Date() } = props;
  const base = useId();
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState<string[]>(annotation.tags);
  const [color, setColor] = useState<HighlightColor>(annotation.color);
  const [entityIds, setEntityIds] = useState<string[]>(annotation.entityIds);
  const [preview, setPreview] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, on mount
  useEffect(() => {
    if (props.autoFocus !== false) noteRef.current?.focus();
  }, []);

  const optionById = new Map(entityOptions.map((o) => [o.id, o]));

  function addTag(raw: string) {
    const tag = normaliseTag(raw);
    if (tag === '') return;
    setTags((ts) =>
      ts.length >= MAX_TAGS || ts.some((t) => t.toLowerCase() === tag.toLowerCase()) ? ts : [...ts, tag],
    );
  }

  function save() {
    onSave({ ...annotation, note, tags, color, entityIds, updatedAt: now().toISOString() });
  }

  const tagOptions = tagSuggestions
    .filter((t) => !tags.some((x) => x.toLowerCase() === t.toLowerCase()))
    .map((t) => ({ id: t, label: t }));
  const entityChoices = entityOptions
    .filter((o) => !entityIds.includes(o.id))
    .map((o) => ({
      id: o.id,
      label: o.name,
      detail: TYPE_SINGULAR[o.type],
      keywords: [...(o.shortName ? [o.shortName] : []), ...(o.keywords ?? [])],
    }));

  return (
    // Not a <form>: Chromium's Autofill looks at forms (and may ask its service about them); nothing here is autofill.
    <section
      class="clp-editor"
      aria-label="Edit note"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
    >
      {props.showQuote !== false && <blockquote class="clp-quote">{excerpt(annotation.quote.exact, 280)}</blockquote>}

      <div class="clp-field">
        <div class="clp-field-head">
          <label for={`${base}-note`} class="clp-label">
            Note <span class="clp-muted">(Markdown)</span>
          </label>
          <button
            type="button"
            class="clp-btn clp-btn-small"
            aria-pressed={preview}
            onClick={() => setPreview((p) => !p)}
          >
            Preview
          </button>
        </div>
        <textarea
          id={`${base}-note`}
          ref={noteRef}
          rows={4}
          maxLength={NOTE_MAX_LENGTH}
          autocomplete="off"
          value={note}
          hidden={preview}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {preview &&
          (note.trim() === '' ? (
            <p class="clp-empty">Nothing to preview.</p>
          ) : (
            <Markdown source={note} class="clp-preview" />
          ))}
      </div>

      <div class="clp-field">
        {tags.length > 0 && (
          <ul class="clp-chips" aria-label="Tags">
            {tags.map((t) => (
              <li key={t} class="clp-chip">
                {t}
                <button
                  type="button"
                  class="clp-chip-x"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => setTags((ts) => ts.filter((x) => x !== t))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <Combobox
          label="Add tag"
          placeholder="Type a tag, Enter to add"
          options={tagOptions}
          match="prefix"
          onPick={(o) => addTag(o.label)}
          onCommitText={addTag}
          commitOnBlur
        />
      </div>

      <fieldset class="clp-field clp-colors">
        <legend class="clp-label">Colour</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <label key={c} class="clp-color">
            <input type="radio" name={`${base}-color`} value={c} checked={color === c} onChange={() => setColor(c)} />
            <span class={`clp-swatch clp-swatch-${c}`} aria-hidden="true" />
            {COLOR_NAMES[c]}
          </label>
        ))}
      </fieldset>

      <div class="clp-field">
        {entityIds.length > 0 && (
          <ul class="clp-chips" aria-label="Linked entities">
            {entityIds.map((id) => {
              const name = optionById.get(id)?.name ?? id;
              return (
                <li key={id} class="clp-chip">
                  {name}
                  <button
                    type="button"
                    class="clp-chip-x"
                    aria-label={`Unlink ${name}`}
                    onClick={() => setEntityIds((ids) => ids.filter((x) => x !== id))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <Combobox
          label="Link an entity"
          placeholder="Search chips, agencies, companies…"
          options={entityChoices}
          onPick={(o) => setEntityIds((ids) => (ids.includes(o.id) ? ids : [...ids, o.id]))}
        />
      </div>

      <div class="clp-actions">
        <button type="button" class="clp-btn clp-btn-primary" onClick={() => save()}>
          {props.saveLabel ?? 'Save'}
        </button>
        <button type="button" class="clp-btn" onClick={() => onCancel()}>
          Cancel
        </button>
      </div>
    </section>
  );
}
