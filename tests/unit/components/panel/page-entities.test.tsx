// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupPageEntities, PageEntities } from '../../../../components/panel/page-entities';
import { ENTITY_MAP, MENTIONS } from './fixtures';

afterEach(cleanup);

function setup() {
  const onReveal = vi.fn();
  const onOpenEntity = vi.fn();
  render(<PageEntities mentions={MENTIONS} entities={ENTITY_MAP} onReveal={onReveal} onOpenEntity={onOpenEntity} />);
  return { onReveal, onOpenEntity };
}

describe('groupPageEntities', () => {
  it('groups by type in a fixed order, entities in order of first appearance, with counts', () => {
    const groups = groupPageEntities(MENTIONS, ENTITY_MAP);
    expect(groups.map((g) => g.type)).toEqual(['chip', 'agency', 'company', 'policy']);
    expect(groups.map((g) => g.items.map((i) => [i.entity.shortName, i.count]))).toEqual([
      [['H200', 3]],
      [
        ['BIS', 1],
        ['NDRC', 1],
      ],
      [['NVIDIA', 2]],
      [['AI Diffusion Rule', 1]],
    ]);
  });
});

describe('PageEntities', () => {
  it('shows each type as a headed group with its entities and mention counts', () => {
    setup();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Chips 1', 'Agencies 2', 'Companies 1', 'Policies 1']);
    const agencies = screen.getByRole('heading', { name: /Agencies/ }).closest('section')!;
    const rows = within(agencies)
      .getAllByRole('button')
      .filter((b) => !b.getAttribute('aria-label')?.startsWith('Details'));
    expect(rows.map((r) => r.textContent)).toEqual([
      'Bureau of Industry and SecurityBIS, mentions: 1',
      'National Development and Reform CommissionNDRC, mentions: 1',
    ]);
    expect(screen.getByRole('status').textContent).toBe('5 entities');
  });

  it('reveals on the row and opens details from the secondary button', () => {
    const { onReveal, onOpenEntity } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^NVIDIA H200/ }));
    expect(onReveal).toHaveBeenCalledWith('nvidia-h200');
    fireEvent.click(screen.getByRole('button', { name: 'Details: NVIDIA Corporation' }));
    expect(onOpenEntity).toHaveBeenCalledWith('nvidia');
    expect(onReveal).toHaveBeenCalledTimes(1);
  });

  it('filters by name, short name and native name, hiding empty groups', () => {
    setup();
    const box = screen.getByRole('searchbox', { name: 'Filter entities on this page' });
    fireEvent.input(box, { target: { value: 'ndrc' } });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Agencies 1']);
    expect(screen.getByRole('status').textContent).toBe('1 of 5 entities');
    fireEvent.input(box, { target: { value: '英伟达' } });
    expect(screen.getByRole('button', { name: /^NVIDIA Corporation/ })).toBeTruthy();
    fireEvent.input(box, { target: { value: 'zzz' } });
    expect(screen.getByText('Nothing on this page matches “zzz”')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(4);
  });

  it('says so when nothing was found', () => {
    render(<PageEntities mentions={[]} entities={ENTITY_MAP} onReveal={() => {}} onOpenEntity={() => {}} />);
    expect(screen.getByText('No chips, agencies, companies or policies found on this page')).toBeTruthy();
  });
});
