// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../lib/page/blocks';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Node, opts = {}) => collectBlocks(root, { checkVisibility: false, ...opts }).map((b) => b.text);

afterEach(() => {
  document.designMode = 'off';
  delete (Element.prototype as { checkVisibility?: unknown }).checkVisibility;
});

describe('collectBlocks: the visible text of a page, block by block', () => {
  it('joins inline runs and splits at block elements and <br>', () => {
    const body = page('<h1>NVIDIA <b>H200</b></h1><p>Sold to <a href="#">China</a>.<br>Next line</p><div>Ascend</div>');
    expect(texts(body)).toEqual(['NVIDIA H200', 'Sold to China.', 'Next line', 'Ascend']);
    const [first] = collectBlocks(body, { checkVisibility: false });
    expect(first!.starts).toEqual([0, 7]);
    expect(first!.nodes.map((n) => n.data)).toEqual(['NVIDIA ', 'H200']);
  });

  it('skips scripts, styles, form fields, editable regions and hidden elements', () => {
    const body = page(
      '<p>kept</p><script>var NVIDIA</script><style>.x{}</style><textarea>typed NVIDIA</textarea>' +
        '<div contenteditable="true">my draft <b>AMD</b></div><div contenteditable="false">read only</div>' +
        '<p hidden>hidden</p><p aria-hidden="true">decor</p>',
    );
    expect(texts(body)).toEqual(['kept', 'read only']);
  });

  it('reads nothing of a document in design mode (the reader is editing it)', () => {
    const body = page('<p>NVIDIA</p>');
    document.designMode = 'on';
    expect(texts(body)).toEqual([]);
  });

  it('leaves out elements the page hides with CSS, inline ones with a class included', () => {
    // happy-dom has no layout: stand in for checkVisibility with a class the "page CSS" hides.
    (Element.prototype as { checkVisibility?: unknown }).checkVisibility = function (this: Element) {
      return !this.classList.contains('gone');
    };
    const body = page(
      '<p>Huawei <span class="gone">mobile-only</span>Ascend</p><p class="gone">menu</p><p><b>H20</b></p>',
    );
    expect(texts(body, { checkVisibility: true })).toEqual(['Huawei Ascend', 'H20']);
  });
});
