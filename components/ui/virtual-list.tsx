/**
 * A virtualised listbox with fixed-height rows: only the rows in view (plus a few either side) are in the DOM, so
 * 10,000 items cost the same as 20. Keyboard: Up/Down, PageUp/PageDown, Home/End move the active row (announced
 * through aria-activedescendant, with aria-setsize/aria-posinset so a screen reader knows the real size);
 * Enter or Space activates it. Clicking a row activates it too.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Row height in CSS px; every row has exactly this height. */
  rowHeight: number;
  /** Stable key for an item. */
  getKey(item: T): string;
  renderRow(item: T, state: { active: boolean; index: number }): ComponentChildren;
  onActivate(item: T, index: number): void;
  /** Accessible name of the list. */
  label: string;
  /** Viewport height used until the element can be measured (and in tests). Default 480. */
  initialHeight?: number;
  /** Rows rendered beyond each edge of the viewport. Default 4. */
  overscan?: number;
  class?: string;
}

/** Visible slice [start, end) for a scroll position. */
export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
  overscan: number,
): [number, number] {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + height) / rowHeight);
  return [Math.max(0, first - overscan), Math.min(count, last + overscan)];
}

/** Virtualised, keyboard-navigable listbox. */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, getKey, renderRow, onActivate, label, initialHeight = 480, overscan = 4 } = props;
  const base = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  const [active, setActive] = useState(-1);

  // Track the viewport's real size where layout exists (not in happy-dom, where clientHeight is 0).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new result set starts at the top with nothing active.
  // biome-ignore lint/correctness/useExhaustiveDependencies: items identity is the trigger
  useEffect(() => {
    setActive(-1);
    setScrollTop(0);
    if (ref.current) ref.current.scrollTop = 0;
  }, [items]);

  function moveTo(index: number) {
    if (items.length === 0) return;
    const i = Math.max(0, Math.min(items.length - 1, index));
    setActive(i);
    const el = ref.current;
    const top = i * rowHeight;
    let next = scrollTop;
    if (top < scrollTop) next = top;
    else if (top + rowHeight > scrollTop + height) next = top + rowHeight - height;
    if (next !== scrollTop) {
      if (el) el.scrollTop = next;
      setScrollTop(next);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active < 0 ? 0 : active - 1);
        break;
      case 'PageDown':
        moveTo(active + page);
        break;
      case 'PageUp':
        moveTo(active - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (active >= 0 && active < items.length) onActivate(items[active]!, active);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  const [start, end] = visibleRange(items.length, rowHeight, scrollTop, height, overscan);
  const rowId = (i: number) => `${base}-row-${i}`;
  const rows: ComponentChildren[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard goes through the listbox's aria-activedescendant
      // biome-ignore lint/a11y/useFocusableInteractive: options are reached via aria-activedescendant, not focus
      <div
        key={getKey(item)}
        id={rowId(i)}
        role="option"
        aria-selected={i === active}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        class={i === active ? 'clp-vrow clp-vrow-active' : 'clp-vrow'}
        style={{ position: 'absolute', top: `${i * rowHeight}px`, left: 0, right: 0, height: `${rowHeight}px` }}
        onClick={() => {
          setActive(i);
          onActivate(item, i);
        }}
      >
        {renderRow(item, { active: i === active, index: i })}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      role="listbox"
      aria-label={label}
      aria-activedescendant={active >= 0 && active < items.length ? rowId(active) : undefined}
      tabIndex={0}
      class={props.class ? `clp-vlist ${props.class}` : 'clp-vlist'}
      style={{ overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (active < 0 && items.length > 0) moveTo(Math.floor(scrollTop / rowHeight));
      }}
    >
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
