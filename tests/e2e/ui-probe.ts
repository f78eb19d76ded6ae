/**
 * How the shared journeys see and press ChipLens's UI, in either browser: in the page (the card, the selection button,
 * the editor, inside ChipLens's shadow root) and in the side panel page. Clicks are real mouse clicks at the
 * element's centre, so they go through the same input path as a reader's.
 */
import type { PageLike } from './driver';

type Point = { x: number; y: number };

/** Click the centre that `find` reports, once it reports one (UI appears after a frame or an animation). */
async function clickWhenShown(page: PageLike, find: () => Promise<Point | null>, what: string, timeoutMs = 5_000) {
  const start = Date.now();
  for (;;) {
    const box = await find();
    if (box) return page.mouse.click(box.x, box.y);
    if (Date.now() - start > timeoutMs) throw new Error(`${what} was not shown within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const ui = {
  /** The open card's text, or null. */
  cardText: (page: PageLike) =>
    page.evaluate(
      () => document.querySelector('chiplens-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? null,
      undefined,
    ),

  /** Whether focus is inside the open card. */
  focusInCard: (page: PageLike) =>
    page.evaluate(
      () => Boolean(document.querySelector('chiplens-ui')?.shadowRoot?.activeElement?.closest('[role="dialog"]')),
      undefined,
    ),

  exists: (page: PageLike, selector: string) =>
    page.evaluate((s) => Boolean(document.querySelector('chiplens-ui')?.shadowRoot?.querySelector(s)), selector),

  /** Click the first element matching `selector` in ChipLens's UI. */
  async click(page: PageLike, selector: string) {
    const find = () =>
      page.evaluate((s) => {
        const r = document.querySelector('chiplens-ui')?.shadowRoot?.querySelector(s)?.getBoundingClientRect();
        return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }, selector);
    await clickWhenShown(page, find, selector);
  },

  /** Click a button of ChipLens's UI in the page by its exact text. */
  async clickButton(page: PageLike, label: string) {
    const find = () =>
      page.evaluate((l) => {
        const root = document.querySelector('chiplens-ui')?.shadowRoot;
        const el = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === l);
        const r = el?.getBoundingClientRect();
        return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }, label);
    await clickWhenShown(page, find, `button ${label}`);
  },

  /** Click a tab of the side panel by its label. */
  async clickPanelTab(panel: PageLike, label: string) {
    await clickWhenShown(panel, () => centreOf(panel, '[role="tab"]', label), `tab ${label}`);
  },

  /** Click a button of the side panel by its exact text. */
  async clickPanelButton(panel: PageLike, label: string) {
    await clickWhenShown(panel, () => centreOf(panel, 'button:not([disabled])', label), `button ${label}`);
  },

  /** Click the side panel's form field whose placeholder is `placeholder` (to type into it next). */
  async clickPanelField(panel: PageLike, placeholder: string) {
    await clickWhenShown(panel, () => centreOf(panel, `[placeholder="${placeholder}"]`, null), `field ${placeholder}`);
  },

  panelText: (panel: PageLike, selector: string) =>
    panel.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
};

/** Centre of the first element matching `selector` whose text is `label` (any text when null), scrolled into view. */
function centreOf(panel: PageLike, selector: string, label: string | null): Promise<Point | null> {
  return panel.evaluate(
    ({ s, l }) => {
      const el = [...document.querySelectorAll(s)].find((e) => l === null || e.textContent?.trim() === l);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { s: selector, l: label },
  );
}
