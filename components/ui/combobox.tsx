/**
 * A small autocomplete combobox (ARIA 1.2 pattern: input + listbox via aria-activedescendant). It suggests from a
 * given option list; picking calls onPick. Free text can be committed with Enter or comma when onCommitText is set
 * (used for new tags).
 */
import { useId, useState } from 'preact/hooks';

export interface ComboOption {
  id: string;
  label: string;
  /** Secondary text shown after the label, e.g. the entity type. */
  detail?: string;
  /** Extra strings that match the query (aliases, short names). */
  keywords?: readonly string[];
}

export interface ComboboxProps {
  /** Visible label. */
  label: string;
  options: readonly ComboOption[];
  onPick(option: ComboOption): void;
  /** When set, Enter or "," with no highlighted option commits the typed text (trimmed, non-empty). */
  onCommitText?(text: string): void;
  placeholder?: string;
  /** Commit typed text when the field loses focus (so a tag typed before pressing Save is kept). */
  commitOnBlur?: boolean;
  /** Maximum suggestions shown. Default 8. */
  limit?: number;
  /**
   * 'prefix': suggest only options that start with what was typed (tags: a typed letter shows the tags starting with
   * it, never the whole list). 'contains' (default): prefix matches first, then any option containing the text.
   */
  match?: MatchMode;
  class?: string;
}

export type MatchMode = 'prefix' | 'contains';

/**
 * Options matching a query, in the given order: prefix matches first, then (mode 'contains') substring matches.
 * An empty query matches nothing.
 */
export function matchOptions(
  options: readonly ComboOption[],
  query: string,
  limit: number,
  mode: MatchMode = 'contains',
): ComboOption[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const prefix: ComboOption[] = [];
  const inner: ComboOption[] = [];
  for (const o of options) {
    const texts = [o.label, ...(o.keywords ?? [])].map((t) => t.toLowerCase());
    if (texts.some((t) => t.startsWith(q))) prefix.push(o);
    else if (mode === 'contains' && texts.some((t) => t.includes(q))) inner.push(o);
    if (prefix.length >= limit) break;
  }
  return [...prefix, ...inner].slice(0, limit);
}

/** Text input with a suggestion listbox. */
export function Combobox(props: ComboboxProps) {
  const { label, options, onPick, onCommitText, placeholder, limit = 8, match = 'contains', class: className } = props;
  const base = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = open ? matchOptions(options, text, limit, match) : [];
  const listId = `${base}-list`;
  const optionId = (i: number) => `${base}-opt-${i}`;

  function pick(o: ComboOption) {
    onPick(o);
    setText('');
    setActive(-1);
    setOpen(false);
  }

  function commit() {
    const t = text.trim();
    if (t === '' || !onCommitText) return;
    onCommitText(t);
    setText('');
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matchOptions(options, text, limit, match).length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if (e.key === 'Enter') {
      const chosen = matches[active];
      if (chosen) {
        e.preventDefault();
        pick(chosen);
      } else if (onCommitText && text.trim() !== '') {
        e.preventDefault();
        commit();
      }
    } else if (e.key === ',' && onCommitText) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && open && matches.length > 0) {
      // Closing the list is Escape's first job; a second Escape reaches the surrounding editor.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  const expanded = matches.length > 0;
  const inputId = `${base}-input`;
  return (
    <div class={className ? `clp-combo ${className}` : 'clp-combo'}>
      <label for={inputId} class="clp-label">
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autocomplete="off"
        value={text}
        placeholder={placeholder}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          if (props.commitOnBlur) commit();
        }}
      />
      <div id={listId} role="listbox" aria-label={label} class="clp-combo-list" hidden={!expanded}>
        {matches.map((o, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached via aria-activedescendant, not focus
          <div
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'clp-combo-opt clp-combo-opt-active' : 'clp-combo-opt'}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
          >
            {o.label}
            {o.detail && <span class="clp-muted"> {o.detail}</span>}
          </div>
        ))}
      </div>
    </div>
  );
}
