// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard, type HoverCardProps } from '../../../../components/card/hover-card';
import { buildRelationIndex, relatedOf } from '../../../../lib/dataset/relations';
import { ALL, h200, huawei, makeEntity } from '../../cards/fixtures';

afterEach(cleanup);
const index = buildRelationIndex(ALL);

function setup(over: Partial<HoverCardProps> = {}) {
  const props: HoverCardProps = {
    entity: h200,
    related: relatedOf(h200.id, index),
    mentionCount: 2,
    onPage: new Set(['nvidia-h200', 'nvidia']),
    datasetAsOf: '2025-11-01',
    loadEntity: vi.fn(async (id: string) => ({
      entity: index.byId.get(id)!,
      related: relatedOf(id, index),
      mentionCount: id === 'nvidia' ? 5 : undefined,
    })),
    onOpenPanel: vi.fn(async () => true),
    onAnnotate: vi.fn(),
    onNotThis: vi.fn(),
    onUndoNotThis: vi.fn(),
    onClose: vi.fn(),
    pinned: false,
    onTogglePin: vi.fn(),
    ...over,
  };
  const utils = render(<HoverCard {...props} />);
  return { props, ...utils };
}

describe('HoverCard', () => {
  it('says how to show the sidebar when the browser would not open it (Firefox), and nothing when it opened', async () => {
    setup({ onOpenPanel: vi.fn(async () => false) });
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Show the ChipLens sidebar (toolbar button or Alt+Shift+L); it opens on H200.',
      ),
    );
    cleanup();
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('is a dialog named by the entity heading and described by its summary, never aria-hidden', () => {
    const { container } = setup();
    const dialog = screen.getByRole('dialog', { name: 'H200' });
    const describedBy = dialog.getAttribute('aria-describedby')!;
    expect(container.querySelector(`[id="${describedBy}"]`)?.textContent).toBe(h200.summary);
    expect(container.querySelector('[aria-hidden]')).toBeNull();
  });

  it('is a compact preview: short name first, full name second, three key facts; More shows everything in place', () => {
    setup();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('H200');
    expect(screen.getByText('NVIDIA H200')).toBeTruthy();
    expect(screen.getByText('2 mentions on this page')).toBeTruthy();
    expect(screen.getByText('Data as of 1 Nov 2025')).toBeTruthy();
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual([
      'Memory',
      'Memory bandwidth',
      'FP8 Tensor (dense)',
    ]);
    expect(screen.getAllByRole('link', { name: /^NVIDIA, Nov 2024/ })).toHaveLength(3);
    const more = screen.getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(screen.getAllByRole('term')).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('says where the entity stands now: its latest status fact, dated once, or else its latest event', () => {
    const status = {
      label: 'China sales',
      value: 'Licensed case by case',
      asOf: '2026-01-15',
      status: { reviewBy: '2027-01-15' },
      source: {
        publisher: 'Federal Register',
        title: 'Rule',
        url: 'https://www.federalregister.gov/d/1',
        published: '2026-01-15',
      },
    };
    setup({ entity: { ...h200, facts: [...h200.facts, status] } });
    const now = screen.getByText('Now').parentElement!;
    expect(now.textContent).toMatch(/^Now China sales: Licensed case by case · as of 15 Jan 2026/);
    // The status is the "now" line, not a key fact as well.
    expect(screen.getAllByRole('term').map((t) => t.textContent)).not.toContain('China sales');
  });

  it('follows a relation in place and Back returns to the mentioned entity', async () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'NVIDIA on this page' }));
    await screen.findByRole('dialog', { name: 'NVIDIA' });
    expect(props.loadEntity).toHaveBeenCalledWith('nvidia');
    expect(screen.getByText('5 mentions on this page')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('NVIDIA');
    // Annotate / Not this concern the mention, so they are only offered on its own card.
    expect(screen.queryByRole('button', { name: 'Not this' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(props.onOpenPanel).toHaveBeenCalledWith('nvidia');

    fireEvent.click(screen.getByRole('button', { name: 'H20' }));
    await screen.findByRole('dialog', { name: 'H20' });
    fireEvent.click(screen.getByRole('button', { name: 'Back to NVIDIA' }));
    expect(screen.getByRole('dialog', { name: 'NVIDIA' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to NVIDIA H200' }));
    expect(screen.getByRole('dialog', { name: 'H200' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Back/ })).toBeNull();
    expect(screen.getByText('2 mentions on this page')).toBeTruthy();
  });

  it('says so when a related entity cannot be loaded, and stays on the card', async () => {
    setup({ loadEntity: vi.fn(() => Promise.reject(new Error('gone'))) });
    fireEvent.click(screen.getByRole('button', { name: 'TSMC' }));
    await screen.findByText('Couldn’t load TSMC.');
    expect(screen.getByRole('dialog', { name: 'H200' })).toBeTruthy();
  });

  it('"Not this" hides the alias and Undo brings the card back', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Not this' }));
    expect(props.onNotThis).toHaveBeenCalledWith('nvidia-h200');
    expect(screen.getByRole('status').textContent).toContain('Hidden on this site.');
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(screen.getByRole('dialog', { name: 'H200' })).toBeTruthy();
    fireEvent.click(undo);
    expect(props.onUndoNotThis).toHaveBeenCalledWith('nvidia-h200');
    expect(screen.getByText(h200.summary)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Not this' })).toBeTruthy();
  });

  it('Escape anywhere in the card calls onClose; so does the close button', () => {
    const { props } = setup();
    fireEvent.keyDown(screen.getByRole('button', { name: 'TSMC' }), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close card' }));
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('annotate and pin report to the caller; the pin shows its state', () => {
    const { props, rerender } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Annotate' }));
    expect(props.onAnnotate).toHaveBeenCalledWith('nvidia-h200');
    const pin = screen.getByRole('button', { name: 'Pin' });
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(pin);
    expect(props.onTogglePin).toHaveBeenCalled();
    rerender(<HoverCard {...props} pinned />);
    expect(screen.getByRole('button', { name: 'Pinned' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('moves focus to the heading when opened from the keyboard, and not otherwise', () => {
    setup({ autoFocus: true });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'H200' }));
    cleanup();
    (document.activeElement as HTMLElement | null)?.blur();
    setup();
    expect(document.activeElement).toBe(document.body);
  });

  it('starts fresh when it is given another mention’s entity', async () => {
    const { props, rerender } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Not this' }));
    rerender(<HoverCard {...props} entity={huawei} related={relatedOf('huawei', index)} />);
    expect(screen.getByRole('dialog', { name: 'Huawei' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Not this' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'NVIDIA on this page' }));
    await screen.findByRole('dialog', { name: 'NVIDIA' });
    expect(screen.getByRole('button', { name: 'Back to Huawei' })).toBeTruthy();
  });

  it('shows hostile data as literal text', () => {
    const evil = makeEntity('evil', { name: 'Evil', summary: '<img src=x onerror=alert(1)>' });
    const { container } = setup({ entity: evil, related: [] });
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('keeps a very long name and summary intact as text', () => {
    const long = `${'Extraordinarily'.repeat(40)} ${'长'.repeat(300)}`;
    setup({ entity: makeEntity('long', { name: long, summary: long }), related: [] });
    expect(screen.getByRole('dialog').getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(long);
  });
});

it('ignores a slow load that finishes after the card moved to another mention', async () => {
  let resolve!: (v: Awaited<ReturnType<HoverCardProps['loadEntity']>>) => void;
  const { props, rerender } = setup({ loadEntity: () => new Promise((r) => (resolve = r)) });
  fireEvent.click(screen.getByRole('button', { name: 'TSMC' }));
  rerender(<HoverCard {...props} entity={huawei} related={relatedOf('huawei', index)} />);
  resolve({ entity: index.byId.get('tsmc')!, related: [] });
  await waitFor(() => expect(screen.getByRole('dialog', { name: 'Huawei' })).toBeTruthy());
  await new Promise((r) => setTimeout(r, 0));
  expect(screen.getByRole('dialog', { name: 'Huawei' })).toBeTruthy();
});
