import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/export';
import { safeNote } from '../../../lib/export/markdown';
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

describe('toMarkdown: hostile notes and URLs', () => {
  it('writes no raw HTML and no entity from a note, showing the text as written', () => {
    const note = 'Look: <img src=x onerror=alert(1)> <script>alert(2)</script> <!-- c --> a &amp; b, R&D';
    expect(safeNote(note)).toBe(
      'Look: &lt;img src=x onerror=alert(1)> &lt;script>alert(2)&lt;/script> &lt;!-- c --> a &amp;amp; b, R&amp;D',
    );
    const md = toMarkdown([makeAnnotation({ note })], info);
    expect(md).not.toMatch(/<(img|script|!--)/);
  });

  it.each([
    ['[click](javascript:alert(1))', '[click]&#40;javascript:alert(1))'],
    ['[click](  JaVaScRiPt:alert(1))', '[click]&#40;  JaVaScRiPt:alert(1))'],
    ['![i](data:image/svg+xml,x)', '![i]&#40;data:image/svg+xml,x)'],
    ['[x](<javascript:alert(1)>)', '[x]&#40;&lt;javascript:alert(1)>)'],
    ['[x](java&#115;cript:alert(1))', '[x]&#40;java&amp;#115;cript:alert(1))'],
    ['[x](\njavascript:alert(1))', '[x]&#40;\njavascript:alert(1))'],
    ['[x][r]\n\n[r]: javascript:alert(1)', '[x][r]\n\n[r]&#58; javascript:alert(1)'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)>'],
    ['[x](file:///etc/passwd) [y](/relative)', '[x]&#40;file:///etc/passwd) [y]&#40;/relative)'],
  ])('never writes a link to anything but http(s): %j', (note, expected) => {
    expect(safeNote(note)).toBe(expected);
  });

  it('keeps http(s) links and ordinary Markdown as written', () => {
    const note = '**Bold** and [the rule](https://www.bis.gov/rule "BIS") and [r]\n\n[r]: http://a.test/x';
    expect(safeNote(note)).toBe(note);
  });

  it('writes the page URL as a link only when it is http(s)', () => {
    const md = toMarkdown([makeAnnotation({ title: 'T', url: 'javascript:alert(1)//' })], info);
    expect(md).not.toContain('<javascript:');
    expect(md).toContain('javascript:alert(1)//');
    expect(toMarkdown([makeAnnotation({ title: 'T', url: 'https://a.test/x' })], info)).toContain('<https://a.test/x>');
  });
});
