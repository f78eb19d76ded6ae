// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { VirtualList, visibleRange } from '../../../../components/ui/virtual-list';

afterEach(cleanup);

const ITEMS = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, text: `Item ${i}` }));

function renderList(onActivate = vi.fn()) {
  render(
    <VirtualList
      items={ITEMS}
      rowHeight={40}
      initialHeight={400}
      getKey={(it) => it.id}
      renderRow={(it) => <span>{it.text}</span>}
      onActivate={onActivate}
      label="Notes"
    />,
  );
  return { list: screen.getByRole('listbox', { name: 'Notes' }), onActivate };
}

describe('VirtualList', () => {
  it('keeps fewer than 100 rows in the DOM for 10,000 items and reports the real size', () => {
    const { list } = renderList();
    const rows = list.querySelectorAll('[role="option"]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
  });

  it('renders the rows for the scroll position', () => {
    const { list } = renderList();
    list.scrollTop = 40 * 5000;
    fireEvent.scroll(list);
    expect(screen.getByText('Item 5000')).toBeTruthy();
    expect(screen.queryByText('Item 0')).toBeNull();
    expect(list.querySelectorAll('[role="option"]').length).toBeLessThan(100);
  });

  it('navigates with the keyboard and activates with Enter', () => {
    const { list, onActivate } = renderList();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const activeId = list.getAttribute('aria-activedescendant')!;
    expect(document.getElementById(activeId)!.textContent).toBe('Item 1');
    fireEvent.keyDown(list, { key: 'End' });
    const lastId = list.getAttribute('aria-activedescendant')!;
    expect(document.getElementById(lastId)!.textContent).toBe('Item 9999');
    expect(list.querySelectorAll('[role="option"]').length).toBeLessThan(100);
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledWith(ITEMS[9999], 9999);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(document.getElementById(list.getAttribute('aria-activedescendant')!)!.textContent).toBe('Item 0');
  });

  it('activates a row on click', () => {
    const { onActivate } = renderList();
    fireEvent.click(screen.getByText('Item 3'));
    expect(onActivate).toHaveBeenCalledWith(ITEMS[3], 3);
  });
});

describe('visibleRange', () => {
  it('clamps to the list and adds overscan', () => {
    expect(visibleRange(100, 10, 0, 50, 2)).toEqual([0, 7]);
    expect(visibleRange(100, 10, 500, 50, 2)).toEqual([48, 57]);
    expect(visibleRange(100, 10, 990, 50, 2)).toEqual([97, 100]);
    expect(visibleRange(0, 10, 0, 50, 2)).toEqual([0, 0]);
  });
});
