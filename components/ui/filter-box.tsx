/** A labelled search field; Escape clears it. */
import { useId } from 'preact/hooks';

export interface FilterBoxProps {
  value: string;
  onInput(value: string): void;
  /** Visible label, e.g. "Filter entities". */
  label: string;
  placeholder?: string;
  /** Hide the label visually (it stays the accessible name). Default true. */
  hideLabel?: boolean;
  class?: string;
}

/** Controlled search input with a label. */
export function FilterBox({ value, onInput, label, placeholder, hideLabel = true, class: className }: FilterBoxProps) {
  const id = useId();
  return (
    <div class={className ? `clp-filter ${className}` : 'clp-filter'}>
      <label for={id} class={hideLabel ? 'clp-sr-only' : 'clp-label'}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            e.stopPropagation();
            onInput('');
          }
        }}
      />
    </div>
  );
}
