import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { askTab, extensionSuite, launchWithExtension, openSidePanel, waitForMentions } from './harness';
import { highlightCount, ui } from './ui';

interface PageState {
  pageKey: string;
  anchors: { id: string; status: 'anchored' | 'changed' | 'orphan'; currentText?: string }[];
}

const profile = mkdtempSync(join(tmpdir(), 'chiplens-annotations-'));
const ext = extensionSuite({ userDataDir: profile });
afterAll(() => {
  // Chromium can still be writing to the profile as it exits: retry rather than fail the file.
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

const open = (path: string) => ext.open(path);

/** Select `text` in the page like a reader would (keyboard selection ends with a Shift keyup). */
async function select(page: Page, text: string) {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.replace(/\s+/g, ' ').indexOf(needle);
      if (i < 0) continue;
      const data = (n as Text).data;
      // Map the collapsed-whitespace index back to the raw text.
      let raw = 0;
      for (let c = 0; raw < data.length && c < i; raw++)
        if (!(/\s/.test(data[raw]!) && /\s/.test(data[raw + 1] ?? ''))) c++;
      const range = document.createRange();
      range.setStart(n, raw);
      let end = raw;
      for (let c = 0; end < data.length && c < needle.length; end++)
        if (!(/\s/.test(data[end]!) && /\s/.test(data[end + 1] ?? ''))) c++;
      range.setEnd(n, end);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error(`not found: ${needle}`);
  }, text);
  await page.keyboard.down('Shift');
  await page.keyboard.up('Shift');
}

async function annotateSelection(page: Page, text: string, note: string, tag?: string) {
  await select(page, text);
  // The button and the editor are in ChipLens's closed shadow root: driven through its isolated world (ui.ts).
  await ui(page).click('.cl-annotate-btn');
  await ui(page).waitFor('.clp-editor');
  await ui(page).fill('.clp-editor textarea', note);
  if (tag) {
    await ui(page).fill('.clp-editor input[role="combobox"]', tag);
    await page.keyboard.press('Enter');
  }
  await ui(page).click('.clp-editor button', '^Save note$');
  await expect.poll(() => ui(page).count('.clp-editor')).toBe(0);
}

const noteMarks = (page: Page, color = 'yellow') => highlightCount(page, ['note', color]);

async function anchors(tabId: number): Promise<PageState> {
  return askTab<PageState>(ext.session, tabId, 'page:state');
}

describe('annotations', () => {
  it('created through the selection UI, highlighted, linked to the entities in it', async () => {
    const { page, tabId } = await open('/pages/article.html');
    await annotateSelection(
      page,
      'asking Tencent, ByteDance and Alibaba to justify their orders',
      'Who asked *whom*?',
      'demand',
    );
    await expect.poll(() => noteMarks(page)).toBe(1);
    const state = await anchors(tabId);
    expect(state.anchors).toEqual([{ id: expect.any(String), status: 'anchored' }]);
    // Read what was stored through an extension page, as the side panel does.
    const panel = await openSidePanel(ext.session, tabId);
    const saved = await panel.evaluate(
      (pageKey) => chrome.runtime.sendMessage({ type: 'annotations:forPage', payload: { pageKey } }),
      state.pageKey,
    );
    expect(saved.ok).toBe(true);
    const a = saved.data.annotations[0];
    expect(a.quote.exact).toBe('asking Tencent, ByteDance and Alibaba to justify their orders');
    expect(a.note).toBe('Who asked *whom*?');
    expect(a.tags).toEqual(['demand']);
    expect([...a.entityIds].sort()).toEqual(['alibaba', 'bytedance', 'tencent']);
    // The side panel lists it under "My notes here".
    await panel.getByRole('tab', { name: 'Notes' }).click();
    await expect.poll(() => panel.locator('.clp-notes').textContent()).toMatch(/justify their orders/);
    await panel.close();
    await annotateSelection(page, 'Analysts expect the first shipments before the Lunar New Year', 'timing');
    await expect.poll(() => noteMarks(page)).toBe(2);
    // Reload: still there.
    await page.reload();
    await waitForMentions(ext.session, tabId);
    await expect.poll(() => noteMarks(page)).toBe(2);
    await page.close();
  });

  it('survives closing and relaunching the browser with the same profile', async () => {
    await ext.session.close({ keepProfile: true });
    ext.session = await launchWithExtension({ userDataDir: profile });
    const { page, tabId } = await open('/pages/article.html');
    await expect.poll(() => noteMarks(page)).toBe(2);
    expect((await anchors(tabId)).anchors.map((a) => a.status)).toEqual(['anchored', 'anchored']);
    await page.close();
  });

  it('finds the notes on the same article under a URL with tracking parameters', async () => {
    const { page, tabId } = await open('/pages/article.html?utm_source=newsletter&utm_medium=email&fbclid=abc#top');
    await expect.poll(() => noteMarks(page)).toBe(2);
    expect((await anchors(tabId)).anchors.map((a) => a.status)).toEqual(['anchored', 'anchored']);
    await page.close();
  });

  it('an edited article: "passage changed" for the edited passage, orphan for the removed one', async () => {
    const { page, tabId } = await open('/pages/article-edited.html');
    await expect.poll(async () => (await anchors(tabId)).anchors.length).toBe(2);
    const state = await anchors(tabId);
    const statuses = state.anchors.map((a) => a.status).sort();
    expect(statuses).toEqual(['changed', 'orphan']);
    expect(state.anchors.find((a) => a.status === 'changed')?.currentText).toMatch(/explain their orders/);
    await expect.poll(() => noteMarks(page)).toBe(1);
    const panel = await openSidePanel(ext.session, tabId);
    await panel.getByRole('tab', { name: 'Notes' }).click();
    await expect.poll(() => panel.locator('.clp-notes').textContent()).toMatch(/Passage changed/);
    await expect.poll(() => panel.locator('.clp-notes').textContent()).toMatch(/Lunar New Year/);
    await panel.close();
    await page.close();
  });

  it('two tabs see an edit live', async () => {
    const a = await open('/pages/article.html');
    const b = await open('/pages/article.html');
    await expect.poll(() => noteMarks(b.page)).toBe(2);
    const panel = await openSidePanel(ext.session, a.tabId);
    const { pageKey } = await anchors(a.tabId);
    const list = await panel.evaluate(
      (key) => chrome.runtime.sendMessage({ type: 'annotations:forPage', payload: { pageKey: key } }),
      pageKey,
    );
    const first = list.data.annotations[0];
    const edited = { ...first, color: 'green', updatedAt: new Date().toISOString() };
    const r = await panel.evaluate(
      (ann) => chrome.runtime.sendMessage({ type: 'annotation:save', payload: { annotation: ann } }),
      edited,
    );
    expect(r.ok).toBe(true);
    await expect.poll(() => noteMarks(a.page, 'green')).toBe(1);
    await expect.poll(() => noteMarks(b.page, 'green')).toBe(1);
    expect(await noteMarks(b.page, 'yellow')).toBe(1);
    await panel.close();
    await a.page.close();
    await b.page.close();
  });
});
