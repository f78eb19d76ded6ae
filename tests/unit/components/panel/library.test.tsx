// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useMemo, useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../../../components/panel/library';
import type { Annotation } from '../../../../lib/annotations/types';
import { buildIndex, facets, type LibraryQuery, searchLibrary } from '../../../../lib/library/search';
import { annotation } from './fixtures';

afterEach(cleanup);

const SITES = ['https://www.reuters.com/a', 'https://www.scmp.com/b', 'https://www.ft.com/c'];
const TAGS = ['export-controls', 'hbm', 'entity-list', 'china'];

function library(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) =>
    annotation({
      id: `note-${i}`,
      url: `${SITES[i % 3]}/${i}`,
      quote: { type: 'TextQuoteSelector', exact: `Quote number ${i} about H200 exports`, prefix: '', suffix: '' },
      note: i % 2 ? `Note ${i}: check the BIS rule` : '',
      tags: [TAGS[i % 4]!],
      entityIds: i % 5 === 0 ? ['bis'] : [],
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    }),
  );
}

const rows = () => screen.getByRole('listbox', { name: 'Notes in the library' }).querySelectorAll('[role="option"]');

const NAMES = new Map([['bis', 'Bureau of Industry and Security']]);

/** What the lead does: keep the query, run searchLibrary and facets on change. */
function Harness({ all, onOpen, openError }: { all: Annotation[]; onOpen(a: Annotation): void; openError?: string }) {
  const index = useMemo(() => buildIndex(all), [all]);
  const [query, setQuery] = useState<LibraryQuery>({ sort: 'updated-desc' });
  const results = useMemo(() => searchLibrary(index, query), [index, query]);
  return (
    <Library
      results={results}
      total={all.length}
      facets={facets(index, results)}
      query={query}
      onQueryChange={setQuery}
      onOpen={onOpen}
      entityNames={NAMES}
      openError={openError}
    />
  );
}

describe('Library', () => {
  it('keeps fewer than 100 rows in the DOM with 10,000 notes', () => {
    render(<Harness all={library(10_000)} onOpen={() => {}} />);
    const list = screen.getByRole('listbox', { name: 'Notes in the library' });
    const rows = list.querySelectorAll('[role="option"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByRole('status').textContent).toBe('10,000 notes');
  });

  it('shows quote, note, site, date and tags in a row', () => {
    render(<Harness all={library(3)} onOpen={() => {}} />);
    const row = rows()[0]!; // newest first: note-2
    expect(row.textContent).toContain('“Quote number 2 about H200 exports”');
    expect(row.textContent).toContain('ft.com');
    expect(row.textContent).toContain('1 Jan 2025');
    expect(row.textContent).toContain('#entity-list');
  });

  it('searches and reports the count', () => {
    render(<Harness all={library(200)} onOpen={() => {}} />);
    const box = screen.getByRole('searchbox', { name: 'Search notes' });
    fireEvent.input(box, { target: { value: 'number 17' } });
    // Words match at word starts: 17 and 170-179.
    expect(screen.getByRole('status').textContent).toBe('11 of 200 notes');
    fireEvent.input(box, { target: { value: '"number 17 about"' } });
    expect(screen.getByRole('status').textContent).toBe('1 of 200 notes');
    expect(rows()).toHaveLength(1);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), {
      target: { value: 'nothing-like-this' },
    });
    expect(screen.getByText('No notes match.')).toBeTruthy();
  });

  it('filters by tag, entity and site, shows active filters and clears them', () => {
    render(<Harness all={library(200)} onOpen={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'hbm' } });
    expect(screen.getByRole('status').textContent).toBe('50 of 200 notes');
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'www.scmp.com' } });
    // i % 4 === 1 and i % 3 === 1: i ≡ 1 (mod 12) -> 17 of 0..199
    expect(screen.getByRole('status').textContent).toBe('17 of 200 notes');
    fireEvent.change(screen.getByRole('combobox', { name: 'Entity' }), { target: { value: 'bis' } });
    expect(screen.getByRole('list', { name: 'Active filters' }).textContent).toContain(
      'Entity: Bureau of Industry and Security',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Tag: hbm' }));
    expect(screen.queryByRole('button', { name: 'Remove filter Tag: hbm' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('status').textContent).toBe('200 notes');
  });

  it('filters by date range and sorts', () => {
    render(<Harness all={library(200)} onOpen={() => {}} />);
    fireEvent.change(screen.getByLabelText('Created from'), { target: { value: '2025-01-02' } });
    fireEvent.change(screen.getByLabelText('Created to'), { target: { value: '2025-01-02' } });
    expect(screen.getByRole('status').textContent).toBe('24 of 200 notes');
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'updated-asc' } });
    expect(rows()[0]!.textContent).toContain('Quote number 24 ');
  });

  it('opens a note with the keyboard or a click', () => {
    const onOpen = vi.fn();
    const all = library(50);
    render(<Harness all={all} onOpen={onOpen} />);
    const list = screen.getByRole('listbox', { name: 'Notes in the library' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(all[48]);
    fireEvent.click(screen.getByText(/Quote number 45 /));
    expect(onOpen).toHaveBeenLastCalledWith(all[45]);
  });

  it('has an empty state for an empty library', () => {
    render(<Harness all={[]} onOpen={() => {}} />);
    expect(screen.getByText(/Your library is empty/)).toBeTruthy();
  });

  it('says why a note could not be opened', () => {
    render(
      <Harness all={library(3)} onOpen={() => {}} openError="Not opened: ChipLens opens only http and https pages" />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Not opened: ChipLens opens only http and https pages');
  });
});
