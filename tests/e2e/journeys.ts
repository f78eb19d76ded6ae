/**
 * The core journeys, written once and run in every browser ChipLens ships for (journeys.chromium.e2e.ts,
 * journeys.firefox.e2e.ts): detection on the demo and CJK pages, the page's DOM unchanged, a card by hover and by
 * keyboard, a note made in the page that comes back after a reload, the panel listing the page, and a backup that a
 * fresh profile imports and re-anchors. No error from the extension along the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, PageLike } from './driver';
import { type FixtureServer, serveFixtures } from './harness';
import { pageUi, ui } from './ui-probe';

interface Mentions {
  url: string;
  mentions: { entityId: string; text: string; start: number; end: number }[];
}
interface PageState {
  pageKey: string;
  anchors: { id: string; status: string }[];
}

const DEMO = '/demo/index.html';
const ARTICLE = '/pages/article.html';
const H200_STORY = ['nvidia', 'nvidia-h200', 'nvidia-h20', 'ndrc', 'miit', 'tencent', 'bytedance', 'alibaba', 'tsmc'];

/** Centre of the `nth` occurrence of `text` in the page, scrolled into view. */
function pointOf(page: PageLike, text: string, nth = 0) {
  return page.evaluate(
    ({ needle, n }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let i = data.indexOf(needle); i >= 0; i = data.indexOf(needle, i + 1)) {
          if (seen++ !== n) continue;
          (node.parentElement as Element).scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + needle.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      throw new Error(`not on the page: ${needle}`);
    },
    { needle: text, n: nth },
  );
}

/** Select `text` (within one text node, whitespace as in the source) and end with a Shift keyup, like a reader. */
async function select(page: PageLike, text: string) {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(needle);
      if (i < 0) continue;
      (n.parentElement as Element).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + needle.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`not on the page: ${needle}`);
  }, text);
  await page.keyboard.down('Shift');
  await page.keyboard.up('Shift');
}

/** Total ranges in every highlight the page's registry holds (names are ChipLens's business). */
const markCount = (page: PageLike) =>
  page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0), undefined);

export function coreJourneys(launch: (server: FixtureServer) => Promise<Driver>) {
  let server: FixtureServer;
  let driver: Driver;
  let backup = '';
  const noted = { quote: 'asking Tencent, ByteDance and Alibaba to justify their orders', note: 'Who asked whom' };

  beforeAll(async () => {
    server = await serveFixtures();
    driver = await launch(server);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  describe('core journeys', () => {
    it('finds the H200 story on the demo article in document order, and marks it', async () => {
      const { page, tabId } = await driver.open(DEMO);
      const r = await driver.askTab<Mentions>(tabId, 'page:mentions');
      const ids = new Set(r.mentions.map((m) => m.entityId));
      for (const id of H200_STORY) expect(ids, id).toContain(id);
      for (let i = 1; i < r.mentions.length; i++) {
        expect(r.mentions[i]!.start).toBeGreaterThanOrEqual(r.mentions[i - 1]!.end);
      }
      expect(r.mentions.some((m) => m.text === '英伟达H200' || m.text === '英伟达')).toBe(true);
      await expect.poll(() => markCount(page)).toBe(r.mentions.length);
      await page.close();
    });

    it('finds the entities of a Chinese page without false friends', async () => {
      const { page, tabId } = await driver.open('/pages/cjk.html');
      const r = await driver.askTab<Mentions>(tabId, 'page:mentions');
      const ids = new Set(r.mentions.map((m) => m.entityId));
      for (const id of ['nvidia', 'ndrc', 'miit', 'tencent', 'huawei-ascend-910c', 'smic', 'tsmc']) {
        expect(ids, id).toContain(id);
      }
      expect(r.mentions.map((m) => m.text)).not.toContain('字节');
      expect(ids).not.toContain('moore-threads');
      await page.close();
    });

    it("leaves the page's DOM as the parser made it", async () => {
      const { page } = await driver.open(DEMO);
      const same = await page.evaluate(async (url) => {
        const source = await (await fetch(url)).text();
        const parsed = new DOMParser().parseFromString(source, 'text/html');
        return parsed.body.outerHTML === document.body.outerHTML;
      }, page.url());
      expect(same).toBe(true);
      await page.close();
    });

    it('hovering a mention opens its card', async () => {
      const { page, tabId } = await driver.open(DEMO);
      const card = pageUi(driver, tabId, page);
      const p = await pointOf(page, 'H200', 1);
      await page.mouse.move(p.x - 60, p.y - 60);
      await page.mouse.move(p.x, p.y, { steps: 4 });
      await expect.poll(() => card.cardText()).toMatch(/NVIDIA H200/);
      await page.keyboard.press('Escape');
      await expect.poll(() => card.cardText()).toBe(null);
      await page.close();
    });

    it('the keyboard command goes to the next mention and opens its card with focus', async () => {
      const { page, tabId } = await driver.open(DEMO);
      const r = await driver.askTab<{ found: boolean }>(tabId, 'page:navigate', { direction: 'next' });
      expect(r.found).toBe(true);
      const card = pageUi(driver, tabId, page);
      await expect.poll(() => card.cardText()).toBeTruthy();
      expect(await card.focusInCard()).toBe(true);
      await page.close();
    });

    it('a note made from a selection is saved, and anchored again after a reload', async () => {
      const { page, tabId } = await driver.open(ARTICLE);
      const inPage = pageUi(driver, tabId, page);
      await select(page, noted.quote);
      await inPage.click('.cl-annotate-btn');
      await inPage.click('textarea');
      await page.keyboard.type(noted.note);
      await inPage.clickButton('Save note');
      await expect.poll(() => inPage.exists('textarea')).toBe(false);
      await expect
        .poll(async () => (await driver.askTab<PageState>(tabId, 'page:state')).anchors.map((a) => a.status))
        .toEqual(['anchored']);
      const before = await markCount(page);
      await driver.reload(page, tabId);
      await expect
        .poll(async () => (await driver.askTab<PageState>(tabId, 'page:state')).anchors.map((a) => a.status))
        .toEqual(['anchored']);
      await expect.poll(() => markCount(page)).toBe(before);
      const { pageKey } = await driver.askTab<PageState>(tabId, 'page:state');
      const stored = await driver.askBackground<{ annotations: { note: string; quote: { exact: string } }[] }>(
        'annotations:forPage',
        { pageKey },
      );
      expect(stored.annotations.map((a) => [a.quote.exact, a.note])).toEqual([[noted.quote, noted.note]]);
      await page.close();
    });

    it("the side panel lists the page's entities, finds the note in the library, and exports it", async () => {
      const { page, tabId } = await driver.open(ARTICLE);
      const panel = await driver.panel(tabId);
      await expect.poll(() => panel.evaluate(() => document.body.textContent, undefined)).toMatch(/NVIDIA H200/);
      await ui.clickPanelTab(panel, 'Library');
      await ui.clickPanelField(panel, 'Search quotes, notes and tags');
      await panel.keyboard.type('whom');
      await expect.poll(() => ui.panelText(panel, '.clp-library')).toMatch(/justify their orders/);
      await ui.clickPanelTab(panel, 'Settings');
      backup = await driver.exportFrom(panel, 'JSON backup');
      await panel.close();
      await page.close();
    });

    it('a fresh profile imports the backup and re-anchors the note', async () => {
      expect(backup, 'the export journey ran first').not.toBe('');
      const fresh = await launch(server);
      try {
        const { tabId } = await fresh.open(ARTICLE);
        expect((await fresh.askTab<PageState>(tabId, 'page:state')).anchors).toEqual([]);
        const panel = await fresh.panel(tabId);
        await ui.clickPanelTab(panel, 'Settings');
        await fresh.chooseImportFile(panel, backup);
        await expect.poll(() => ui.panelText(panel, '.clp-import-preview')).toMatch(/New\s*1/);
        await ui.clickPanelButton(panel, 'Import');
        await expect
          .poll(async () => (await fresh.askTab<PageState>(tabId, 'page:state')).anchors.map((a) => a.status))
          .toEqual(['anchored']);
        expect(fresh.errors).toEqual([]);
      } finally {
        await fresh.close();
      }
    });

    it('the extension reported no error', () => {
      expect(driver.errors).toEqual([]);
    });
  });
}
