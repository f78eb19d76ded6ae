/**
 * The side panel's layout shell: a header with the page title, the five view tabs (an ARIA tablist with arrow-key
 * navigation) and the selected view's content. The theme is applied through `data-theme` on the root, which the
 * panel stylesheet reads ("system" follows prefers-color-scheme).
 */
import type { ComponentChildren } from 'preact';
import type { Theme } from '../../lib/settings/types';
import { Tabs } from '../ui/tabs';
import { siteOf } from './format';

export type PanelTab = 'page' | 'connections' | 'notes' | 'library' | 'settings';

export const PANEL_TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'page', label: 'This page' },
  { id: 'connections', label: 'Connections' },
  { id: 'notes', label: 'Notes' },
  { id: 'library', label: 'Library' },
  { id: 'settings', label: 'Settings' },
];

export interface PanelAppProps {
  /** Title of the active tab's page; empty when the tab has no readable page. */
  pageTitle: string;
  /** URL of the active tab's page (its site is shown under the title). */
  pageUrl?: string;
  theme: Theme;
  tab: PanelTab;
  onTabChange(tab: PanelTab): void;
  /** A line under the header, e.g. "ChipLens is off on this site" or "This page can't be read". */
  notice?: ComponentChildren;
  /** The selected view. */
  children?: ComponentChildren;
}

/** Header, tabs and the current view. */
export function PanelApp({ pageTitle, pageUrl, theme, tab, onTabChange, notice, children }: PanelAppProps) {
  const site = pageUrl ? siteOf(pageUrl) : '';
  return (
    <div class="clp-app" data-theme={theme}>
      <header class="clp-header">
        <h1 class="clp-title" title={pageTitle || undefined}>
          {pageTitle || 'No page'}
        </h1>
        {site && <p class="clp-site-line">{site}</p>}
        {notice && <p class="clp-notice">{notice}</p>}
      </header>
      <Tabs tabs={PANEL_TABS} selected={tab} onSelect={onTabChange} label="ChipLens views" class="clp-main-tabs">
        {children}
      </Tabs>
    </div>
  );
}
