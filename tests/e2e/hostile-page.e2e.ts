/**
 * Issue 19, "the page is hostile": every test is an attack a page script can make, run in the page's MAIN world (as
 * the page's own code), and checks it gets nowhere. Each failed on the build before the fix (see the commit message).
 * Checks of ChipLens's own state go through its isolated world or the background, never through the page.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { askTab, extensionSuite, tabIdOf, waitForMentions } from './harness';
import {
  notesFor,
  ourUiText,
  pageClicksButton,
  readableShadowText,
  storeNote,
  syntheticPointer,
  syntheticSelect,
} from './hostile-helpers';
import { pointOfText } from './page-helpers';
import { ui } from './ui';

const ext = extensionSuite();
const ARTICLE = '/hostile/article.html';
const settings = () =>
  ext.session.worker.evaluate(
    async () => ((await chrome.storage.local.get('settings')).settings ?? null) as { suppressions?: unknown[] } | null,
  );
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
  await ext.session.worker.evaluate(() => chrome.storage.local.remove('settings'));
});

/** Open a hostile fixture; `before` runs in the page's main world before any of its scripts (and before ChipLens). */
async function openHostile(path: string, before?: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.session.context.newPage();
  if (before) await page.addInitScript(before);
  await page.goto(ext.server.url(path));
  const tabId = await tabIdOf(ext.session, page);
  await waitForMentions(ext.session, tabId);
  return { page, tabId };
}

describe('a hostile page', () => {
  it('cannot read a note (text or tags) by moving a synthetic pointer over it', async () => {
    const { page, tabId } = await openHostile(ARTICLE);
    await storeNote(ext.session, tabId, {
      exact: 'expect the first shipments',
      text: 'PRIVATE-NOTE-TEXT',
      tags: ['private-tag'],
    });
    await expect
      .poll(async () => (await askTab<{ anchors: unknown[] }>(ext.session, tabId, 'page:state')).anchors.length)
      .toBe(1);
    const p = await pointOfText(page, 'expect the first shipments');
    await syntheticPointer(page, p);
    await pause(600);
    const stolen = await readableShadowText(page);
    expect(stolen).not.toMatch(/PRIVATE-NOTE-TEXT|private-tag/);
    // A real hover shows the note to the reader, and still nothing of it is readable from the page's DOM.
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await expect.poll(() => ourUiText(page)).toMatch(/PRIVATE-NOTE-TEXT/);
    expect(await readableShadowText(page)).not.toMatch(/PRIVATE-NOTE-TEXT|private-tag/);
    expect(await page.evaluate(() => document.documentElement.textContent)).not.toMatch(/PRIVATE-NOTE-TEXT/);
    await page.close();
  });

  it('cannot open the note editor and read every tag through its autocomplete', async () => {
    const { page, tabId } = await openHostile(ARTICLE);
    await storeNote(ext.session, tabId, {
      exact: 'Elsewhere',
      text: 'a note on another site',
      tags: ['secret-elsewhere'],
      pageKey: 'https://other.example/secret',
    });
    await syntheticSelect(page, 'p2');
    await pause(300);
    await pageClicksButton(page, /Annotate/);
    await pause(800);
    const tags = await page.evaluate(async () => {
      const found = new Set<string>();
      const roots = [...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
      for (const root of roots) {
        const box = root.querySelector<HTMLInputElement>('input[role="combobox"]');
        if (!box) continue;
        for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
          box.focus();
          box.value = letter;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 20));
          for (const o of root.querySelectorAll('[role="option"]')) found.add(o.textContent ?? '');
        }
      }
      return [...found];
    });
    expect(tags).not.toContain('secret-elsewhere');
    expect(await readableShadowText(page)).not.toMatch(/secret-elsewhere/);
    await page.close();
  });

  it('cannot write a note (a phishing link) through synthetic selection, clicks and input', async () => {
    const { page, tabId } = await openHostile(ARTICLE);
    await syntheticSelect(page, 'p1');
    await pause(300);
    await pageClicksButton(page, /Annotate/);
    await pause(800);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        const area = el.shadowRoot?.querySelector('textarea');
        if (!area) continue;
        area.value = 'Your account is locked: [verify it here](https://phish.example/login)';
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await pause(100);
    await pageClicksButton(page, /Save note/);
    await pause(1500);
    expect((await notesFor(ext.session, tabId)).map((n) => n.note).join()).not.toMatch(/phish\.example/);
    await page.close();
  });

  it('cannot press "Not this" (a stored setting) by hovering a mention with synthetic events', async () => {
    const { page, tabId } = await openHostile(ARTICLE);
    await syntheticPointer(page, await pointOfText(page, 'SMIC'));
    await pause(900);
    await pageClicksButton(page, /^Not this$/);
    await pause(800);
    expect((await settings())?.suppressions ?? []).toEqual([]);
    const { mentions } = await askTab<{ mentions: { entityId: string }[] }>(ext.session, tabId, 'page:mentions');
    expect(mentions.map((m) => m.entityId)).toContain('smic');
    await page.close();
  });

  it('cannot tell ChipLens is installed from a guessed highlight name or injected styles, in any frame', async () => {
    await ext.session.worker.evaluate(() => chrome.storage.local.set({ settings: { disabledSites: ['127.0.0.1'] } }));
    const page = await ext.session.context.newPage();
    await page.goto(ext.server.url('/hostile/frame-host.html'));
    await page.waitForTimeout(1500);
    const probe = () => {
      const p = document.querySelector('p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const seen: string[] = [];
      for (const name of ['chiplens-chip', 'chiplens-company', 'chiplens-note-yellow', 'chiplens-flash']) {
        CSS.highlights.set(name, new Highlight(range));
        const bg = getComputedStyle(p, `::highlight(${name})`).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)') seen.push(`${name}: ${bg}`);
        CSS.highlights.delete(name);
      }
      return { seen, sheets: document.styleSheets.length + document.adoptedStyleSheets.length };
    };
    // Off on this site: nothing at all, in the top frame and in the frame.
    expect(await page.evaluate(probe)).toEqual({ seen: [], sheets: 0 });
    const frame = page.frames().find((f) => f.url().includes('article.html'))!;
    expect(await frame.evaluate(probe)).toEqual({ seen: [], sheets: 0 });
    await page.close();
    // On: names in the shared registry (the platform shows them) are random, not ChipLens's, and change per load.
    await ext.session.worker.evaluate(() => chrome.storage.local.remove('settings'));
    const names: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const { page: p } = await openHostile(ARTICLE);
      await expect.poll(() => p.evaluate(() => [...CSS.highlights.keys()].length)).toBeGreaterThan(0);
      names.push(await p.evaluate(() => [...CSS.highlights.keys()]));
      expect(await p.evaluate(probe)).toMatchObject({ seen: [] });
      await p.close();
    }
    expect(names.flat().join()).not.toMatch(/chip|lens|note|company/i);
    expect(names[0]!.filter((n) => names[1]!.includes(n))).toEqual([]);
  });

  it('hears no WXT start event, and forging one does not switch ChipLens off', async () => {
    const id = ext.session.extensionId;
    const type = `${id}:content:wxt:content-script-started`;
    const { page, tabId } = await openHostile(
      ARTICLE,
      `window.__heard = []; document.addEventListener(${JSON.stringify(type)}, (e) => window.__heard.push(e.type));`,
    );
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
    await page.evaluate((t) => {
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(t, { detail }));
    }, type);
    await page.waitForTimeout(300);
    const { mentions } = await askTab<{ mentions: unknown[] }>(ext.session, tabId, 'page:mentions');
    expect(mentions.length).toBeGreaterThan(0);
    const p = await pointOfText(page, 'SMIC');
    await page.mouse.move(p.x - 40, p.y - 40);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await expect.poll(() => ourUiText(page)).toMatch(/Not this/);
    await page.close();
  });

  it('cannot disable cards and the editor by defining our element name first', async () => {
    const { page } = await openHostile(
      ARTICLE,
      `customElements.define('chiplens-ui', class extends HTMLElement {
         constructor() { super(); this.attachShadow({ mode: 'open' }); }
       });`,
    );
    const p = await pointOfText(page, 'SMIC');
    await page.mouse.move(p.x - 40, p.y - 40);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await expect.poll(() => ourUiText(page)).toMatch(/Not this/);
    expect(await readableShadowText(page)).not.toMatch(/Not this/);
    await page.close();
  });

  for (const how of ['document.open()', 'a new documentElement'] as const) {
    it(`survives ${how} without an error, and keeps working on the new document`, async () => {
      const { page, tabId } = await openHostile(ARTICLE);
      const errorsBefore = ext.session.errors.length;
      await page.evaluate((kind) => {
        const html = '<p id="fresh">Fresh copy: SMIC and Nvidia, new paragraph.</p>';
        if (kind === 'document.open()') {
          document.open();
          document.write(`<!doctype html><html><head><title>Rewritten</title></head><body>${html}</body></html>`);
          document.close();
        } else {
          const root = document.createElement('html');
          const body = document.createElement('body');
          body.insertAdjacentHTML('beforeend', html);
          root.appendChild(body);
          document.replaceChild(root, document.documentElement);
        }
      }, how);
      await page.waitForTimeout(1000);
      expect(ext.session.errors.slice(errorsBefore)).toEqual([]);
      await waitForMentions(ext.session, tabId, (r) => r.mentions.length > 0);
      const p = await pointOfText(page, 'SMIC');
      await page.mouse.move(p.x - 40, p.y - 40);
      await page.mouse.move(p.x, p.y, { steps: 3 });
      await expect.poll(() => ourUiText(page)).toMatch(/Not this/);
      expect(ext.session.errors.slice(errorsBefore)).toEqual([]);
      await page.close();
    });
  }
});

describe('the in-page note editor', () => {
  it('keeps a note the background refused, with the reason, instead of closing', async () => {
    // A URL longer than a stored annotation may carry: the background rejects the save.
    const { page } = await openHostile(`${ARTICLE}?${'q'.repeat(9000)}`);
    const p = await pointOfText(page, 'Analysts expect');
    await page.mouse.move(p.x - 5, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 200, p.y, { steps: 4 });
    await page.mouse.up();
    await ui(page).click('.cl-annotate-btn');
    await ui(page).fill('.clp-editor textarea', 'my unsaved thought');
    await ui(page).click('.clp-editor button', '^Save note$');
    await ui(page).waitFor('[role="alert"]', 'Not saved');
    expect(await ui(page).count('.clp-editor')).toBe(1);
    expect(await ui(page).value('.clp-editor textarea')).toBe('my unsaved thought');
    expect(await ui(page).text('[role="alert"]')).toMatch(
      /Not saved: it does not fit what ChipLens can store \(annotation\./,
    );
    await page.close();
  });
});
