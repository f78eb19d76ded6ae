// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';

import { Markdown, safeHref } from '../../../../components/ui/markdown';

afterEach(cleanup);

function md(source: string) {
  return render(<Markdown source={source} />).container.querySelector('.clp-md')!;
}

describe('Markdown', () => {
  it('renders paragraphs, line breaks, bold, italic and code', () => {
    const el = md('First **bold** and *it* and `x<y`\nsecond line\n\nNext para _under_');
    const ps = el.querySelectorAll('p');
    expect(ps).toHaveLength(2);
    expect(ps[0]!.querySelector('strong')!.textContent).toBe('bold');
    expect(ps[0]!.querySelector('em')!.textContent).toBe('it');
    expect(ps[0]!.querySelector('code')!.textContent).toBe('x<y');
    expect(ps[0]!.querySelectorAll('br')).toHaveLength(1);
    expect(ps[1]!.querySelector('em')!.textContent).toBe('under');
  });

  it('renders bullet lists and blockquotes', () => {
    const el = md('- one\n- **two**\n\n> quoted\n> more');
    const items = el.querySelectorAll('ul > li');
    expect([...items].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(el.querySelector('blockquote p')!.textContent).toBe('quotedmore');
    expect(el.querySelectorAll('blockquote br')).toHaveLength(1);
  });

  it('makes http(s) links open safely in a new tab', () => {
    const a = md('See [BIS rule](https://www.bis.gov/rule?a=1&b=2).').querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.bis.gov/rule?a=1&b=2');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.textContent).toBe('BIS rule');
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](data:text/html,<script>alert(1)</script>)',
    '[click](vbscript:msgbox)',
    '[click](/relative/path)',
    '[click](//evil.example/x)',
  ])('never links %s', (source) => {
    const el = md(source);
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('click');
  });

  it('shows HTML tags as text instead of creating elements', () => {
    const el = md(
      '<img src=x onerror=alert(1)> <script>alert(1)</script> **<b>bold</b>** <a href="javascript:x">y</a>',
    );
    expect(el.querySelector('img, script, b, a, [onerror]')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.querySelector('strong')!.textContent).toBe('<b>bold</b>');
  });

  it('keeps literal asterisks that are not emphasis', () => {
    expect(md('2 * 3 * 4').textContent).toBe('2 * 3 * 4');
    expect(md('snake_case_name').querySelector('em')).toBeNull();
  });

  it('survives deeply nested quotes and very long input', () => {
    const el = md(`${'>'.repeat(200)} deep\n\n${'**a'.repeat(2000)}`);
    expect(el.textContent).toContain('deep');
    expect(el.querySelectorAll('blockquote').length).toBeLessThanOrEqual(4);
  });
});

describe('safeHref', () => {
  it('accepts only absolute http and https URLs', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/');
    expect(safeHref('http://example.com/a')).toBe('http://example.com/a');
    expect(safeHref('ftp://example.com')).toBeNull();
    expect(safeHref(' javascript:alert(1)')).toBeNull();
  });
});
