// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';

import { Tabs } from '../../../../components/ui/tabs';

afterEach(cleanup);

const TABS = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
  { id: 'c', label: 'Gamma' },
];

function Harness() {
  const [sel, setSel] = useState('a');
  return (
    <Tabs tabs={TABS} selected={sel} onSelect={setSel} label="Views">
      <p>Panel {sel}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('exposes a tablist whose selected tab controls the panel', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy();
    const tab = screen.getByRole('tab', { name: 'Alpha' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(panel.id).toBe(tab.getAttribute('aria-controls'));
    expect(panel.getAttribute('aria-labelledby')).toBe(tab.id);
    expect(screen.getByRole('tab', { name: 'Beta' }).tabIndex).toBe(-1);
  });

  it('moves and selects with arrow keys, wrapping, and Home/End', () => {
    render(<Harness />);
    const alpha = screen.getByRole('tab', { name: 'Alpha' });
    alpha.focus();
    fireEvent.keyDown(alpha, { key: 'ArrowRight' });
    const beta = screen.getByRole('tab', { name: 'Beta' });
    expect(beta.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(beta);
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel b');
    fireEvent.keyDown(beta, { key: 'ArrowLeft' });
    fireEvent.keyDown(alpha, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Gamma' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Alpha' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Gamma' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Gamma' }).tabIndex).toBe(0);
  });

  it('selects on click', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: 'Gamma' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel c');
  });
});
