// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, matchOptions } from '../../../../components/ui/combobox';
import { FilterBox } from '../../../../components/ui/filter-box';
import { Toast } from '../../../../components/ui/toast';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Toast', () => {
  it('runs its action and dismisses on timeout', () => {
    vi.useFakeTimers();
    const onAction = vi.fn();
    const onDismiss = vi.fn();
    render(
      <Toast message="Note deleted" actionLabel="Undo" onAction={onAction} onDismiss={onDismiss} timeoutMs={5000} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Note deleted');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenCalledOnce();
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('does not time out while focused', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    render(<Toast message="Saved" actionLabel="Undo" onAction={() => {}} onDismiss={onDismiss} timeoutMs={1000} />);
    fireEvent.focusIn(screen.getByRole('button', { name: 'Undo' }));
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(onDismiss).not.toHaveBeenCalled();
  });
});

const OPTIONS = [
  { id: 'nvidia', label: 'NVIDIA', keywords: ['英伟达'] },
  { id: 'h200', label: 'NVIDIA H200', keywords: ['H200'] },
  { id: 'bis', label: 'Bureau of Industry and Security', keywords: ['BIS'] },
];

describe('Combobox', () => {
  it('matches prefixes before substrings and keywords', () => {
    expect(matchOptions(OPTIONS, 'h2', 8).map((o) => o.id)).toEqual(['h200']);
    expect(matchOptions(OPTIONS, 'nvidia', 8).map((o) => o.id)).toEqual(['nvidia', 'h200']);
    expect(matchOptions(OPTIONS, 'industry', 8).map((o) => o.id)).toEqual(['bis']);
    expect(matchOptions(OPTIONS, '  ', 8)).toEqual([]);
  });

  it('picks with arrow keys and Enter, and commits free text with a comma', () => {
    const onPick = vi.fn();
    const onCommitText = vi.fn();
    render(<Combobox label="Tags" options={OPTIONS} onPick={onPick} onCommitText={onCommitText} />);
    const input = screen.getByRole('combobox', { name: 'Tags' });
    fireEvent.input(input, { target: { value: 'bi' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(document.getElementById(input.getAttribute('aria-activedescendant')!)!.textContent).toContain('Bureau');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(OPTIONS[2]);
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.input(input, { target: { value: 'export controls' } });
    fireEvent.keyDown(input, { key: ',' });
    expect(onCommitText).toHaveBeenCalledWith('export controls');
  });
});

describe('FilterBox', () => {
  it('reports input and clears on Escape', () => {
    const onInput = vi.fn();
    render(<FilterBox label="Filter" value="abc" onInput={onInput} />);
    const box = screen.getByRole('searchbox', { name: 'Filter' });
    fireEvent.input(box, { target: { value: 'abcd' } });
    expect(onInput).toHaveBeenLastCalledWith('abcd');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onInput).toHaveBeenLastCalledWith('');
  });
});

describe('matchOptions in prefix mode (tags)', () => {
  const TAGS = [
    { id: 'export', label: 'export' },
    { id: 'supply', label: 'supply chain' },
    { id: 'reexport', label: 're-export' },
  ];
  it('offers only options starting with the typed text, and nothing for an empty field', () => {
    expect(matchOptions(TAGS, 'ex', 8, 'prefix').map((o) => o.id)).toEqual(['export']);
    expect(matchOptions(TAGS, 'port', 8, 'prefix')).toEqual([]);
    expect(matchOptions(TAGS, '', 8, 'prefix')).toEqual([]);
    expect(matchOptions(TAGS, 'port', 8).map((o) => o.id)).toEqual(['export', 'reexport']);
  });
});
