// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp, type PanelTab } from '../../../../components/panel/panel-app';
import type { Theme } from '../../../../lib/settings/types';

afterEach(cleanup);

function Harness({ theme = 'system' as Theme }) {
  const [tab, setTab] = useState<PanelTab>('page');
  return (
    <PanelApp
      pageTitle="US weighs H200 export licences"
      pageUrl="https://www.reuters.com/technology/h200"
      theme={theme}
      tab={tab}
      onTabChange={setTab}
    >
      <p>view: {tab}</p>
    </PanelApp>
  );
}

describe('PanelApp', () => {
  it('shows the page title and site, and the five views as tabs', () => {
    render(<Harness />);
    expect(screen.getByRole('heading', { level: 1, name: 'US weighs H200 export licences' })).toBeTruthy();
    expect(screen.getByText('reuters.com')).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'This page',
      'Connections',
      'Notes',
      'Library',
      'Settings',
    ]);
    expect(screen.getByRole('tabpanel').textContent).toBe('view: page');
  });

  it('switches views with the arrow keys', () => {
    render(<Harness />);
    const first = screen.getByRole('tab', { name: 'This page' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('view: notes');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Notes' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toBe('view: settings');
  });

  it('applies the theme through data-theme', () => {
    const { container } = render(<Harness theme="dark" />);
    expect(container.querySelector('[data-theme]')!.getAttribute('data-theme')).toBe('dark');
  });
});
