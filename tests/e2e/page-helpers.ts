/** Helpers that run in the page under test (main world), e.g. to find where a word is drawn. */
import type { Frame, Page } from 'playwright-core';

/** Viewport centre of the `nth` occurrence of `text` in the page's visible text, scrolled into view first. */
export async function pointOfText(page: Page | Frame, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([needle, n]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let i = data.indexOf(needle as string); i >= 0; i = data.indexOf(needle as string, i + 1)) {
          if (seen++ !== n) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + (needle as string).length);
          (node.parentElement as Element).scrollIntoView({ block: 'center' });
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    [text, nth] as const,
  );
  if (!p) throw new Error(`text not found on the page: ${text}`);
  return p;
}
