// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../../../components/entity/entity-card';
import { EntityHeader } from '../../../../components/entity/entity-header';
import { FactList } from '../../../../components/entity/fact-list';
import { RelationList } from '../../../../components/entity/relation-list';
import { buildRelationIndex, relatedOf } from '../../../../lib/dataset/relations';
import type { Fact } from '../../../../lib/dataset/types';
import { ALL, bis, h200, makeEntity, nvidia } from '../../cards/fixtures';

afterEach(cleanup);
const index = buildRelationIndex(ALL);

describe('EntityHeader', () => {
  it('shows the name as a heading, type, kind, country and native names with their language', () => {
    const { container } = render(<EntityHeader entity={nvidia} headingLevel={3} headingId="n" />);
    const h = screen.getByRole('heading', { level: 3, name: 'NVIDIA' });
    expect(h.id).toBe('n');
    expect(screen.getByText('Company')).toBeTruthy();
    expect(screen.getByText('chip designer')).toBeTruthy();
    expect(screen.getByText('United States')).toBeTruthy();
    expect(container.querySelector('[lang="zh-Hans"]')?.textContent).toBe('英伟达');
    expect(container.querySelector('[lang="zh-Hant"]')?.textContent).toBe('輝達');
  });

  it('adds the short name when the full name does not contain it', () => {
    render(<EntityHeader entity={bis} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Bureau of Industry and Security (BIS)');
  });

  it('shows a native name once when simplified and traditional are the same', () => {
    const e = makeEntity('x', { nativeNames: { 'zh-Hans': '华为', 'zh-Hant': '华为' } });
    const { container } = render(<EntityHeader entity={e} />);
    expect(container.querySelectorAll('[lang]')).toHaveLength(1);
  });
});

describe('FactList', () => {
  it('shows label, value, as-of date and the source title as a safe new-tab link', () => {
    render(<FactList facts={h200.facts} />);
    const row = screen.getByText('FP8 Tensor (dense)').closest('.cl-fact') as HTMLElement;
    expect(within(row).getByText('1,979 TFLOPS')).toBeTruthy();
    expect(row.textContent).toContain('as of Nov 2024');
    const link = within(row).getByRole('link', { name: /NVIDIA H200 product page/ });
    expect(link.getAttribute('href')).toBe('https://www.nvidia.com/en-us/data-center/h200/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows at most `limit` facts and says how many more there are', () => {
    render(<FactList facts={h200.facts} limit={3} />);
    expect(screen.getAllByRole('term')).toHaveLength(3);
    expect(screen.getByText('2 more facts')).toBeTruthy();
  });

  it('never renders a link for a missing, non-https or malformed source', () => {
    const facts = [
      { label: 'A', value: '1', source: { title: 'Plain http', url: 'http://example.com/' } },
      { label: 'B', value: '2', source: { title: 'Script', url: 'javascript:alert(1)' } },
      { label: 'C', value: '3', source: { title: 'Broken', url: 'not a url' } },
      { label: 'D', value: '4', source: { title: '', url: '' } },
      { label: 'E', value: '5' } as unknown as Fact,
    ];
    const { container } = render(<FactList facts={facts} />);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(screen.getByText('Source: Plain http')).toBeTruthy();
    expect(screen.getAllByRole('definition')).toHaveLength(5);
  });

  it('renders nothing for an entity without facts', () => {
    const { container } = render(<FactList facts={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('RelationList', () => {
  it('lists related entities as buttons under their relation, marking those on the page', () => {
    const onFollow = vi.fn();
    render(<RelationList related={relatedOf('nvidia-h200', index)} onPage={new Set(['nvidia'])} onFollow={onFollow} />);
    const button = screen.getByRole('button', { name: 'NVIDIA on this page' });
    expect(button.closest('li')?.textContent).toMatch(/^Made by:/);
    expect(screen.getByRole('button', { name: 'TSMC' }).closest('li')?.textContent).toContain('(TSMC 4N)');
    fireEvent.click(screen.getByRole('button', { name: 'TSMC' }));
    expect(onFollow).toHaveBeenCalledWith('tsmc');
  });

  it('groups entries that share a label', () => {
    render(<RelationList related={relatedOf('nvidia', index)} onFollow={() => {}} />);
    const makes = screen.getByText('Makes:').closest('li') as HTMLElement;
    expect(
      within(makes)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['H100', 'H20', 'H200']);
  });
});

describe('EntityCard', () => {
  const base = { related: relatedOf('nvidia-h200', index), datasetAsOf: '2025-11-01', onFollow: () => {} };

  it('composes header, summary, facts, related entities and provenance', () => {
    render(<EntityCard entity={h200} {...base} mentionCount={3} factLimit={4} />);
    expect(screen.getByRole('heading', { level: 2, name: 'NVIDIA H200' })).toBeTruthy();
    expect(screen.getByText(h200.summary)).toBeTruthy();
    expect(screen.getAllByRole('term')).toHaveLength(4);
    expect(screen.getByRole('heading', { level: 3, name: 'Related' })).toBeTruthy();
    expect(screen.getByText('3 mentions on this page')).toBeTruthy();
    expect(screen.getByText('Data as of 1 Nov 2025')).toBeTruthy();
  });

  it('says "1 mention" and leaves the count out when unknown', () => {
    const { rerender } = render(<EntityCard entity={h200} {...base} mentionCount={1} />);
    expect(screen.getByText('1 mention on this page')).toBeTruthy();
    rerender(<EntityCard entity={h200} {...base} />);
    expect(screen.queryByText(/on this page$/)).toBeNull();
  });

  it('renders markup in data as literal text', () => {
    const evil = makeEntity('evil', {
      name: '<b>Bold</b> Corp',
      summary: 'Summary <img src=x onerror=alert(1)>',
      facts: [
        {
          label: '<i>L</i>',
          value: '<script>alert(1)</script>',
          source: { title: '<u>t</u>', url: 'https://a.example/' },
        },
      ],
      nativeNames: { 'zh-Hans': '<svg onload=alert(1)>' },
    });
    const { container } = render(
      <EntityCard entity={evil} related={[]} datasetAsOf="2025-11-01" onFollow={() => {}} />,
    );
    expect(screen.getByText('Summary <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByRole('heading').textContent).toBe('<b>Bold</b> Corp');
    expect(container.querySelectorAll('img, script, svg, b, i, u')).toHaveLength(0);
  });

  it('keeps very long unbroken text inside the card as text', () => {
    const long = 'X'.repeat(2000);
    const e = makeEntity('long', {
      name: long,
      summary: long,
      facts: [{ label: long, value: long, source: { title: long, url: `https://a.example/${long}` } }],
    });
    render(<EntityCard entity={e} related={relatedOf('huawei', index)} datasetAsOf="2025-11" onFollow={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(long);
    expect(screen.getByRole('link').textContent).toContain(long);
  });
});
