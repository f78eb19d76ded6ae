/**
 * An ARIA tablist with automatic activation: Left/Right (and Up/Down) move to and select the previous/next tab,
 * Home/End the first/last; only the selected tab is in the Tab order, and the panel follows the list.
 */
import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

export interface TabItem<Id extends string = string> {
  id: Id;
  label: string;
}

export interface TabsProps<Id extends string = string> {
  tabs: readonly TabItem<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  /** Accessible name of the tablist, e.g. "Views". */
  label: string;
  /** Content of the selected tab's panel. */
  children?: ComponentChildren;
  class?: string;
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

/** Tablist plus the selected tab's panel. */
export function Tabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
  children,
  class: className,
}: TabsProps<Id>) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (id: string) => `${base}-tab-${id}`;
  const panelId = (id: string) => `${base}-panel-${id}`;

  function onKeyDown(e: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.id === selected);
    let next = -1;
    if (NEXT_KEYS.has(e.key)) next = (index + 1) % tabs.length;
    else if (PREV_KEYS.has(e.key)) next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const target = tabs[next]!;
    onSelect(target.id);
    // The DOM node exists already (every tab is always rendered), so focus can move before the re-render.
    listRef.current?.querySelector<HTMLElement>(`[id="${tabId(target.id)}"]`)?.focus();
  }

  return (
    <div class={className ? `clp-tabs ${className}` : 'clp-tabs'}>
      <div role="tablist" aria-label={label} class="clp-tablist" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            type="button"
            role="tab"
            key={t.id}
            id={tabId(t.id)}
            aria-selected={t.id === selected}
            aria-controls={panelId(t.id)}
            tabIndex={t.id === selected ? 0 : -1}
            class="clp-tab"
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: APG tabs: the panel is focusable when it may have no focusable content */}
      <div role="tabpanel" id={panelId(selected)} aria-labelledby={tabId(selected)} class="clp-tabpanel" tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
