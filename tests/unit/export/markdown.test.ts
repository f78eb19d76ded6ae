import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/export';
import { makeAnnotation } from './arbitraries';

const info = (id: string) =>
  ({ 'nvidia-h20': { name: 'NVIDIA H20', context: 'GPU cut down from the H100 for the Chinese market' } })[id];

describe('toMarkdown', () => {
  it('groups by page with title and link, quote as blockquote, then note, tags and entities', () => {
    const md = toMarkdown([makeAnnotation()], info);
    expect(md).toBe(
      [
        '# ChipLens annotations',
        '',
        '## US curbs Nvidia H20 exports to China',
        '',
        '<https://www.reuters.com/technology/nvidia-h20/?utm_source=x>',
        '',
        '> the H20 had been designed to stay under the previous thresholds',
        '',
        'Check the **thresholds** against the 2023 rule.',
        '',
        'Tags: `export-controls`, `h20`',
        '',
        '- **NVIDIA H20** -- GPU cut down from the H100 for the Chinese market',
        '- **bis**',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('keeps multi-line quotes inside one blockquote and escapes text that would become Markdown', () => {
    const md = toMarkdown(
      [
        makeAnnotation({
          quote: {
            type: 'TextQuoteSelector',
            exact: '# Not a heading\n\n1. not a list\n*stars* and <b>tags</b> [link](x)\n    indented\n---',
            prefix: '',
            suffix: '',
          },
          note: '',
          tags: [],
          entityIds: [],
        }),
      ],
      info,
    );
    expect(md).toContain(
      [
        '> \\# Not a heading',
        '>',
        '> 1\\. not a list',
        '> \\*stars\\* and \\<b\\>tags\\</b\\> \\[link\\](x)',
        '> indented',
        '> \\---',
      ].join('\n'),
    );
  });

  it('orders pages by their first annotation and passages by their place in the page', () => {
    const a = makeAnnotation({
      id: 'a',
      pageKey: 'p1',
      title: 'Page one',
      position: { type: 'TextPositionSelector', start: 500, end: 510 },
      quote: { type: 'TextQuoteSelector', exact: 'later passage', prefix: '', suffix: '' },
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const b = makeAnnotation({ id: 'b', pageKey: 'p2', title: 'Page two', createdAt: '2026-01-02T00:00:00.000Z' });
    const c = makeAnnotation({
      id: 'c',
      pageKey: 'p1',
      title: 'Page one',
      position: { type: 'TextPositionSelector', start: 5, end: 10 },
      quote: { type: 'TextQuoteSelector', exact: 'earlier passage', prefix: '', suffix: '' },
      createdAt: '2026-01-03T00:00:00.000Z',
    });
    const md = toMarkdown([b, c, a], info);
    expect(md.indexOf('## Page one')).toBeLessThan(md.indexOf('## Page two'));
    expect(md.indexOf('earlier passage')).toBeLessThan(md.indexOf('later passage'));
    expect(md.match(/## Page one/g)).toHaveLength(1);
  });

  it('falls back to the URL when a page has no title, and keeps a URL with spaces a working link', () => {
    const md = toMarkdown([makeAnnotation({ title: '  ', url: 'https://a.test/some page' })], info);
    expect(md).toContain('## https://a.test/some page');
    expect(md).toContain('<https://a.test/some%20page>');
  });
});
