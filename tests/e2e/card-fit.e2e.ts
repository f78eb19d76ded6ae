/**
 * The whole card, its action bar included, is inside the viewport for every mention of the demo article: at a laptop
 * size, at a larger one, at 200% zoom (half the CSS pixels), and with CSS zoom on the page. Cards are opened by the
 * keyboard command, one mention after another.
 */
import { describe, expect, it } from 'vitest';
import { askTab, extensionSuite, waitForMentions } from './harness';

const ext = extensionSuite();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Inspect = { box: Box | null; text: string | null };

const SIZES = [
  { name: '1366x650', width: 1366, height: 650 },
  { name: '1280x900', width: 1280, height: 900 },
  { name: '200% zoom of 1366x650', width: 683, height: 325 },
  { name: '1280x900 with CSS zoom 1.5 on the page', width: 1280, height: 900, cssZoom: '1.5' },
];

describe('the card fits', () => {
  for (const size of SIZES) {
    it(`inside the viewport at ${size.name}, actions included, for every mention`, async () => {
      const { page, tabId } = await ext.open('/demo/index.html');
      // Load the page at this size, so what is visible (and so scanned) is what a reader at this size sees.
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.reload();
      const { mentions } = await waitForMentions<{ mentions: unknown[] }>(ext.session, tabId);
      if (size.cssZoom) await page.evaluate((z) => (document.documentElement.style.zoom = z), size.cssZoom);
      const inspect = (selector: string) =>
        askTab<Inspect>(ext.session, tabId, 'page:inspectUi', { selector, op: 'box' });
      const outside: string[] = [];
      let previous: string | null = null;
      for (let i = 0; i < mentions.length; i++) {
        await askTab(ext.session, tabId, 'page:navigate', { direction: 'next' });
        // This mention's card, drawn with its actions (placement settles within a frame or two).
        await page.waitForTimeout(50);
        const both = async () => {
          const [c, a] = [(await inspect('[role="dialog"]')).box, (await inspect('.cl-actions')).box];
          return c && a ? { card: c, actions: a } : null;
        };
        await expect.poll(both, { timeout: 3000, message: `mention ${i}: no card` }).not.toBeNull();
        const { card, actions } = (await both())!;
        const heading = (await askTab<Inspect>(ext.session, tabId, 'page:inspectUi', { selector: 'h2', op: 'text' }))
          .text;
        for (const [what, b] of [
          ['card', card],
          ['actions', actions],
        ] as const) {
          const inside =
            b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= size.width + 0.5 && b.y + b.height <= size.height + 0.5;
          if (!inside) outside.push(`mention ${i} (${heading}): ${what} ${JSON.stringify(b)}`);
        }
        previous = heading;
      }
      expect(previous).not.toBeNull();
      expect(outside).toEqual([]);
      await page.close();
    });
  }
});
