/**
 * How the shared journeys see and press ChipLens's UI, in either browser: in the page (the card, the selection button,
 * the editor, inside ChipLens's closed shadow root, read through the `page:inspectUi` message that only the
 * extension's own pages can send) and in the side panel page. Clicks are real mouse clicks at the
 * element's centre, so they go through the same input path as a reader's.
 */
import type { Driver, PageLike } from './driver';

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

/** ChipLens's UI in a page (a closed shadow root), read through the `page:inspectUi` message. */
export function pageUi(driver: Driver, tabId: number, page: PageLike) {
  type Op = 'count' | 'text' | 'box' | 'focused';
  const inspect = (selector: string, op: Op, text?: string) =>
    driver.askTab<{
      count: number;
      text: string | null;
      box: (Point & { width: number; height: number }) | null;
      focused: boolean;
    }>(tabId, 'page:inspectUi', { selector, op, ...(text === undefined ? {} : { text }) });
  const centre = async (selector: string, text?: string): Promise<Point | null> => {
    const { box } = await inspect(selector, 'box', text);
    return box && box.width > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
  };
  return {
    /** The open card's text, or null. */
    cardText: async () => (await inspect('[role="dialog"]', 'text')).text,
    /** Whether focus is inside the open card. */
    focusInCard: async () => (await inspect('[role="dialog"]', 'focused')).focused,
    exists: async (selector: string) => (await inspect(selector, 'count')).count > 0,
    /** Click the first element matching `selector`. */
    click: (selector: string) => clickWhenShown(page, () => centre(selector), selector),
    /** Click a button by its exact text. */
    clickButton: (label: string) => clickWhenShown(page, () => centre('button', label), `button ${label}`),
  };
}

export const ui = {
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
