// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../../../components/entity/entity-card';
import { EntityHeader } from '../../../../components/entity/entity-header';
import { EventList } from '../../../../components/entity/event-list';
import { FactList } from '../../../../components/entity/fact-list';
import { RelationList } from '../../../../components/entity/relation-list';
import { buildRelationIndex, relatedOf } from '../../../../lib/dataset/relations';
import type { Fact } from '../../../../lib/dataset/types';
import { ALL, bis, h200, makeEntity, nvidia } from '../../cards/fixtures';
import { fact, SOURCE } from '../../dataset/rule-fixtures';

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

  it('shows Japanese and Korean native names with their language', () => {
    const e = makeEntity('x', { nativeNames: { 'zh-Hans': '英伟达', ja: 'エヌビディア', ko: '엔비디아' } });
    const { container } = render(<EntityHeader entity={e} />);
    expect([...container.querySelectorAll('[lang]')].map((el) => el.getAttribute('lang'))).toEqual([
      'zh-Hans',
      'ja',
      'ko',
    ]);
  });

  it('shows a native name once when simplified and traditional are the same', () => {
    const e = makeEntity('x', { nativeNames: { 'zh-Hans': '华为', 'zh-Hant': '华为' } });
    const { container } = render(<EntityHeader entity={e} />);
    expect(container.querySelectorAll('[lang]')).toHaveLength(1);
  });
});

describe('FactList', () => {
  it('shows label, value, the as-of date once and the source as publisher and date, linking to the original', () => {
    render(<FactList facts={h200.facts} />);
    const row = screen.getByText('FP8 Tensor (dense)').closest('.cl-fact') as HTMLElement;
    expect(within(row).getByText('1,979 TFLOPS')).toBeTruthy();
    expect(row.textContent).toContain('as of Nov 2024');
    expect(row.textContent?.match(/Nov 2024/g)).toHaveLength(2); // asOf, and the source's publication date
    const link = within(row).getByRole('link', { name: /^NVIDIA, Nov 2024/ });
    expect(link.getAttribute('href')).toBe('https://www.nvidia.com/en-us/data-center/h200/');
    expect(link.getAttribute('title')).toBe('NVIDIA H200 product page');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('never links the via copy', () => {
    const source = { ...SOURCE, via: 'https://mirror.example/copy' };
    const { container } = render(<FactList facts={[fact({ source })]} />);
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.querySelector('a')?.getAttribute('href')).toBe(SOURCE.url);
    expect(container.textContent).not.toContain('mirror.example');
  });

  it('says a status fact older than 12 months may be out of date', () => {
    const facts = [
      fact({ label: 'Old', asOf: '2025-11-30', status: { reviewBy: '2026-05-30' } }),
      fact({ label: 'Recent', asOf: '2025-12-04', status: { reviewBy: '2026-06-04' } }),
      fact({ label: 'Old spec', asOf: '2020' }),
    ];
    render(<FactList facts={facts} today="2026-12-04" />);
    const row = (label: string) => screen.getByText(label).closest('.cl-fact')?.textContent ?? '';
    expect(row('Old')).toContain('may be out of date');
    expect(row('Recent')).not.toContain('may be out of date');
    expect(row('Old spec')).not.toContain('may be out of date');
  });

  it('shows at most `limit` facts and says how many more there are', () => {
    render(<FactList facts={h200.facts} limit={3} />);
    expect(screen.getAllByRole('term')).toHaveLength(3);
    expect(screen.getByText('2 more facts')).toBeTruthy();
  });

  it('never renders a link for a missing, non-https or malformed source', () => {
    const src = (publisher: string, url: string) => ({ ...SOURCE, publisher, url, published: '2024' });
    const facts = [
      fact({ label: 'A', source: src('Plain http', 'http://example.com/') }),
      fact({ label: 'B', source: src('Script', 'javascript:alert(1)') }),
      fact({ label: 'C', source: src('Broken', 'not a url') }),
      fact({ label: 'D', source: { publisher: '', title: '', url: '', published: '' } }),
      { label: 'E', value: '5' } as unknown as Fact,
    ];
    const { container } = render(<FactList facts={facts} />);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(screen.getByText('Source: Plain http, 2024')).toBeTruthy();
    expect(screen.getAllByRole('definition')).toHaveLength(5);
  });

  it('renders nothing for an entity without facts', () => {
    const { container } = render(<FactList facts={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('EventList', () => {
  const event = (date: string, text: string) => ({ date, text, source: SOURCE });

  it('shows a Timeline, latest first, each with its date and source', () => {
    const events = [
      event('2023-11', 'Announced'),
      event('2025-12-08', 'China sales allowed'),
      event('2024', 'Shipped'),
    ];
    render(<EventList events={events} headingLevel={3} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Timeline' })).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items.map((t) => t.split('Source:')[0])).toEqual([
      '8 Dec 2025 China sales allowed',
      '2024 Shipped',
      'Nov 2023 Announced',
    ]);
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });

  it('shows the latest `limit` events and renders nothing without events', () => {
    const events = [event('2023', 'A'), event('2024', 'B'), event('2025', 'C')];
    render(<EventList events={events} limit={2} headingLevel={3} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('1 earlier event')).toBeTruthy();
    cleanup();
    const { container } = render(<EventList events={[]} headingLevel={3} />);
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

  it('shows the date a time-bound relation held, and labels the new kinds both ways', () => {
    const rule = makeEntity('rule', {
      type: 'policy',
      relations: [{ kind: 'permits', target: 'nvidia-h200', note: 'licensed sales', asOf: '2025-12' }],
    });
    const idx = buildRelationIndex([...ALL, rule]);
    render(<RelationList related={relatedOf('rule', idx)} onFollow={() => {}} />);
    expect(screen.getByText('Permits:').closest('li')?.textContent).toContain('(licensed sales, as of Dec 2025)');
    cleanup();
    render(<RelationList related={relatedOf('nvidia-h200', idx)} onFollow={() => {}} />);
    expect(screen.getByText('Permitted by:')).toBeTruthy();
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

  it('shows the summary in Chinese for a Chinese locale, Traditional falling back to Simplified', () => {
    const e = makeEntity('x', {
      summary: 'English.',
      summaryI18n: { 'zh-Hans': '简体摘要。', 'zh-Hant': '繁體摘要。' },
    });
    const simplifiedOnly = makeEntity('y', { summary: 'English.', summaryI18n: { 'zh-Hans': '简体摘要。' } });
    const summary = (entity: typeof e, locale?: string) => {
      cleanup();
      const { container } = render(<EntityCard entity={entity} {...base} related={[]} locale={locale} />);
      const p = container.querySelector('.cl-summary');
      return [p?.textContent, p?.getAttribute('lang') ?? null];
    };
    expect(summary(e, 'zh-CN')).toEqual(['简体摘要。', 'zh-Hans']);
    expect(summary(e, 'zh')).toEqual(['简体摘要。', 'zh-Hans']);
    expect(summary(e, 'zh-TW')).toEqual(['繁體摘要。', 'zh-Hant']);
    expect(summary(e, 'zh-Hant-HK')).toEqual(['繁體摘要。', 'zh-Hant']);
    expect(summary(simplifiedOnly, 'zh-HK')).toEqual(['简体摘要。', 'zh-Hans']);
    expect(summary(e, 'en-US')).toEqual(['English.', null]);
    expect(summary(e)).toEqual(['English.', null]);
  });

  it('shows the timeline and never the editor notes', () => {
    const e = makeEntity('x', {
      editorNote: 'Entity note for editors',
      facts: [fact({ editorNote: 'Fact note for editors' })],
      events: [{ date: '2025-12-08', text: 'Sales allowed', source: SOURCE }],
    });
    const { container } = render(<EntityCard entity={e} {...base} related={[]} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Timeline' })).toBeTruthy();
    expect(container.textContent).toContain('Sales allowed');
    expect(container.textContent).not.toMatch(/for editors/);
  });

  it('renders markup in data as literal text', () => {
    const evil = makeEntity('evil', {
      name: '<b>Bold</b> Corp',
      summary: 'Summary <img src=x onerror=alert(1)>',
      facts: [
        fact({
          label: '<i>L</i>',
          value: '<script>alert(1)</script>',
          source: { ...SOURCE, publisher: '<u>t</u>', url: 'https://a.example/' },
        }),
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
      facts: [
        fact({ label: long, value: long, source: { ...SOURCE, publisher: long, url: `https://a.example/${long}` } }),
      ],
    });
    render(<EntityCard entity={e} related={relatedOf('huawei', index)} datasetAsOf="2025-11" onFollow={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(long);
    expect(screen.getByRole('link').textContent).toContain(long);
  });
});
