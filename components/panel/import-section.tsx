/**
 * Settings > Import: the file input, then a preview of what the file would do (counts, dates set back from the
 * future, errors) and Import / Cancel. A file can hold hundreds of thousands of broken records: only the first
 * {@link MAX_ERRORS_SHOWN} errors are listed (rendering 500,000 froze the panel for 145 s), then how many more.
 */
import { useId } from 'preact/hooks';
import { plural } from './format';
import type { ImportPreview } from './types';

/** Errors listed in the preview at most. */
export const MAX_ERRORS_SHOWN = 100;

export interface ImportSectionProps {
  preview: ImportPreview | null;
  busy?: boolean | undefined;
  onChooseFile(file: File): void;
  onConfirm(): void;
  onCancel(): void;
}

export function ImportSection({ preview: p, busy, onChooseFile, onConfirm, onCancel }: ImportSectionProps) {
  const id = useId();
  const shown = p ? p.errors.slice(0, MAX_ERRORS_SHOWN) : [];
  const more = p ? p.errors.length - shown.length : 0;
  return (
    <section class="clp-settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} class="clp-group-heading">
        Import
      </h2>
      <label for={`${id}-file`} class="clp-label">
        Choose a ChipLens JSON backup or W3C JSON-LD file
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={busy}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (file) onChooseFile(file);
          // Clearing lets the same file be chosen again after Cancel.
          input.value = '';
        }}
      />
      {p && (
        <section class="clp-import-preview" aria-labelledby={`${id}-ph`}>
          <h3 id={`${id}-ph`} class="clp-label">
            {p.fileName ? `Preview of ${p.fileName}` : 'Preview'}
          </h3>
          <dl class="clp-import-counts">
            <div>
              <dt>New</dt>
              <dd>{p.add}</dd>
            </div>
            <div>
              <dt>Updated</dt>
              <dd>{p.update}</dd>
            </div>
            <div>
              <dt>Skipped</dt>
              <dd>{p.skip}</dd>
            </div>
            <div>
              <dt>Errors</dt>
              <dd>{p.errors.length}</dd>
            </div>
          </dl>
          {p.clampedDates ? (
            <p class="clp-hint clp-import-clamped">
              {plural(p.clampedDates, 'note')} had a date in the future;{' '}
              {p.clampedDates === 1 ? 'its date' : 'their dates'} will be set to now, so later edits are not lost to{' '}
              {p.clampedDates === 1 ? 'it' : 'them'}.
            </p>
          ) : null}
          {p.errors.length > 0 && (
            <>
              <p class="clp-hint">Records with errors are not imported:</p>
              <ul class="clp-import-errors">
                {shown.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity of their own and never reorder
                  <li key={i}>
                    Record {e.record}
                    {e.id ? ` (${e.id})` : ''}, field <code>{e.field}</code>: {e.message}
                  </li>
                ))}
              </ul>
              {more > 0 && <p class="clp-hint clp-import-more">…and {more.toLocaleString('en-US')} more.</p>}
            </>
          )}
          <div class="clp-actions">
            <button
              type="button"
              class="clp-btn clp-btn-primary"
              disabled={busy || p.add + p.update === 0}
              onClick={() => onConfirm()}
            >
              Import
            </button>
            <button type="button" class="clp-btn" disabled={busy} onClick={() => onCancel()}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
