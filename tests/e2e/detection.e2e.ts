import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROME_ARGS, extensionSuite, findChrome, tabIdOf, waitForMentions } from './harness';
import { highlightCount, highlightNameOf } from './ui';

interface Mentions {
  url: string;
  title: string;
  mentions: { entityId: string; entityType: string; text: string; start: number; end: number }[];
}

const ext = extensionSuite();

const open = (path: string) => ext.open(path, { waitForDetection: false });

const ids = (r: Mentions) => new Set(r.mentions.map((m) => m.entityId));

/** body.outerHTML of a page in a browser without the extension, after the same settling time. */
async function bodyWithoutExtension(path: string, settle: (p: import('playwright-core').Page) => Promise<void>) {
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(ext.server.url(path));
    await settle(page);
    return await page.evaluate(() => document.body.outerHTML);
  } finally {
    await browser.close();
  }
}

describe('detection on pages in Chromium', () => {
  it('finds the demo article entities in document order, with the page text at each offset', async () => {
    const { page, tabId } = await open('/demo/index.html');
    const r = await waitForMentions<Mentions>(ext.session, tabId);
    const found = ids(r);
    for (const id of [
      'nvidia',
      'nvidia-h200',
      'ndrc',
      'miit',
      'tencent',
      'bytedance',
      'alibaba',
      'tsmc',
      'nvidia-h20',
    ]) {
      expect(found, id).toContain(id);
    }
    for (const id of ['huawei-ascend-910c', 'smic', 'sk-hynix', 'cambricon', 'entity-list', 'cac', 'bis', 'samr']) {
      expect(found, id).toContain(id);
    }
    // Offsets are in document order and non-overlapping.
    for (let i = 1; i < r.mentions.length; i++)
      expect(r.mentions[i]!.start).toBeGreaterThanOrEqual(r.mentions[i - 1]!.end);
    // The Chinese paragraph is found too.
    expect(r.mentions.some((m) => m.text === '英伟达H200' || m.text === '英伟达')).toBe(true);
    expect(r.mentions.some((m) => m.text === '台積電')).toBe(true);
    // Traps in the aside: the CAC 40 index, the Bank for International Settlements, fish and chips.
    // "(BIS)" after the Bureau's name counts; "(BIS)" after the Bank's name does not. Same for CAC vs the CAC 40.
    expect(r.mentions.filter((m) => m.text === 'BIS').length).toBe(1);
    expect(r.mentions.filter((m) => m.text === 'CAC').length).toBe(1);
    expect(r.mentions.some((m) => m.text.toLowerCase() === 'chips')).toBe(false);
    // Highlights are registered under this page load's random names, visible to the page's own registry.
    const sizes = Object.fromEntries(
      await Promise.all(
        ['chip', 'company', 'agency', 'policy'].map(async (t) => [t, await highlightCount(page, [t])] as const),
      ),
    );
    expect(sizes.chip).toBeGreaterThan(5);
    expect(sizes.company).toBeGreaterThan(10);
    expect(sizes.agency).toBeGreaterThan(3);
    await page.close();
  });

  it('leaves the DOM of the page exactly as it is without the extension', async () => {
    const { page, tabId } = await open('/demo/index.html');
    await waitForMentions<Mentions>(ext.session, tabId);
    const withExt = await page.evaluate(() => document.body.outerHTML);
    const without = await bodyWithoutExtension('/demo/index.html', async () => {});
    expect(withExt).toBe(without);
    await page.close();
  });

  it('keeps a React app working: no errors, state kept, re-rendered text rescanned', async () => {
    const { page, tabId } = await open('/pages/react-app.html');
    await waitForMentions<Mentions>(ext.session, tabId, (r) => ids(r).has('nvidia-h200'));
    for (let i = 0; i < 3; i++) await page.click('#inc');
    await page.fill('#field', 'Huawei');
    await expect.poll(() => page.textContent('#inc')).toBe('Clicked 3 times');
    expect(await page.textContent('#echo')).toBe('You typed: Huawei');
    const r = await waitForMentions<Mentions>(ext.session, tabId, (x) => ids(x).has('miit') && ids(x).has('bytedance'));
    expect(ids(r)).toContain('smic');
    // The ticker re-renders every 50 ms; mentions are still right afterwards.
    await page.waitForTimeout(500);
    const again = await waitForMentions<Mentions>(ext.session, tabId);
    expect(again.mentions.filter((m) => m.entityId === 'smic').length).toBe(1);
    expect(ext.session.errors.filter((e) => e.includes('react-app'))).toEqual([]);
    await page.close();
  });

  it('follows infinite scroll', async () => {
    const { page, tabId } = await open('/pages/infinite-scroll.html');
    await waitForMentions<Mentions>(ext.session, tabId, (r) => ids(r).has('nvidia-h200'));
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(150);
    }
    const r = await waitForMentions<Mentions>(ext.session, tabId, (x) => ids(x).has('asml'));
    expect(ids(r)).toContain('sk-hynix');
    expect(ids(r)).toContain('huawei');
    await page.close();
  });

  it('rescans after an SPA route change and drops removed text', async () => {
    const { page, tabId } = await open('/pages/spa.html');
    const first = await waitForMentions<Mentions>(ext.session, tabId, (r) => ids(r).has('amd'));
    expect(ids(first)).not.toContain('tencent');
    await page.click('a[data-route="1"]');
    const second = await waitForMentions<Mentions>(ext.session, tabId, (r) => ids(r).has('tencent'));
    expect(second.url).toContain('story=1');
    expect(ids(second)).toContain('ndrc');
    expect(ids(second)).not.toContain('amd');
    await page.close();
  });

  it('reads same-origin iframes and marks text inside them', async () => {
    const { page, tabId } = await open('/pages/iframe-host.html');
    const r = await waitForMentions<Mentions>(ext.session, tabId, (x) => ids(x).has('entity-list'));
    expect(ids(r)).toContain('intel-gaudi-3');
    expect(ids(r)).toContain('smic');
    // Document order: the frame's text comes between the paragraphs around it.
    const order = r.mentions.map((m) => m.entityId);
    expect(order.indexOf('smic')).toBeGreaterThan(order.indexOf('intel-gaudi-3'));
    expect(order.indexOf('smic')).toBeLessThan(order.indexOf('micron'));
    const frame = page.frames().find((f) => f.url().includes('iframe-child'))!;
    expect(await highlightCount(page, ['company'], frame)).toBeGreaterThan(0);
    await page.close();
  });

  it('on a page with thousands of mentions, marks those near the viewport and follows scrolling', async () => {
    const { page, tabId } = await open('/pages/many-mentions.html');
    const r = await waitForMentions<Mentions>(ext.session, tabId, (x) => x.mentions.length === 3000);
    expect(r.mentions.at(-1)!.text).toBe('H200');
    /** Registered ChipLens ranges, and whether one lies in paragraph `id`. */
    const ours = await Promise.all(['chip', 'company', 'agency', 'policy'].map((t) => highlightNameOf(page, t)));
    const marks = (id: string) =>
      page.evaluate(
        ([pid, names]) => {
          let count = 0;
          let inside = false;
          for (const [name, h] of CSS.highlights) {
            if (!(names as string[]).includes(name)) continue;
            for (const range of h as Set<AbstractRange>) {
              count++;
              if ((range.startContainer.parentElement as Element | null)?.closest('p')?.id === pid) inside = true;
            }
          }
          return { count, inside };
        },
        [id, ours] as const,
      );
    await expect.poll(() => marks('p0')).toMatchObject({ inside: true });
    const top = await marks('p1499');
    expect(top.inside).toBe(false);
    expect(top.count).toBeLessThan(1000);
    await page.evaluate(() => document.getElementById('p1499')!.scrollIntoView());
    await expect.poll(() => marks('p1499')).toMatchObject({ inside: true });
    expect((await marks('p0')).inside).toBe(false);
    await page.close();
  });

  it('finds mentions when the stored matcher data is missing (asks the service worker)', async () => {
    await ext.session.worker.evaluate(() => chrome.storage.local.remove('matcherData'));
    const { page, tabId } = await open('/pages/article.html');
    const r = await waitForMentions<Mentions>(ext.session, tabId);
    expect(ids(r)).toContain('nvidia');
    await page.close();
  });

  it('on a site switched off before the page loads, marks nothing; switched back on, marks the page', async () => {
    // Read at document_start by the prefetch script, so this is the path every page load takes.
    await ext.session.worker.evaluate(() => chrome.storage.local.set({ settings: { disabledSites: ['127.0.0.1'] } }));
    try {
      const { page, tabId } = await open('/pages/article.html');
      const marks = () => highlightCount(page, ['company']);
      const first = await waitForMentions<Mentions>(ext.session, tabId, () => true);
      await page.waitForTimeout(500);
      expect(first.mentions).toEqual([]);
      expect(await marks()).toBe(0);
      await ext.session.worker.evaluate(() => chrome.storage.local.set({ settings: { disabledSites: [] } }));
      const r = await waitForMentions<Mentions>(ext.session, tabId);
      expect(ids(r)).toContain('nvidia');
      await expect.poll(marks).toBeGreaterThan(0);
      await page.close();
    } finally {
      await ext.session.worker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });

  it('sends the page no message: nothing a page script can read announces ChipLens', async () => {
    const page = await ext.session.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __messages: string[] }).__messages = seen;
      addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    await page.goto(ext.server.url('/pages/article.html'));
    const r = await waitForMentions<Mentions>(ext.session, await tabIdOf(ext.session, page));
    expect(ids(r)).toContain('nvidia');
    expect(await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages)).toEqual([]);
    await page.close();
  });

  it('handles a CJK page without false friends', async () => {
    const { page, tabId } = await open('/pages/cjk.html');
    const r = await waitForMentions<Mentions>(ext.session, tabId, (x) => ids(x).has('intel'));
    const found = ids(r);
    for (const id of [
      'nvidia',
      'ndrc',
      'miit',
      'tencent',
      'bytedance',
      'alibaba',
      'huawei-ascend-910c',
      'smic',
      'tsmc',
    ]) {
      expect(found, id).toContain(id);
    }
    const texts = r.mentions.map((m) => m.text);
    expect(texts).toContain('NVIDIA');
    expect(texts).not.toContain('字节');
    expect(texts).not.toContain('摩尔');
    expect(texts).not.toContain('阿里');
    expect(found).not.toContain('moore-threads');
    await page.close();
  });

  it('never reads or touches form fields and editable regions', async () => {
    const { page, tabId } = await open('/pages/editable.html');
    const r = await waitForMentions<Mentions>(ext.session, tabId, (x) => ids(x).has('smic'));
    expect([...ids(r)].sort()).toEqual(['nvidia', 'nvidia-h200', 'smic']);
    expect(await page.inputValue('#ta')).toBe('Nvidia and Huawei inside a textarea must not be touched.');
    expect(await page.textContent('#ce')).toBe('Draft: AMD and Intel in an editable region.');
    const withExt = await page.evaluate(() => document.body.outerHTML);
    expect(withExt).toBe(await bodyWithoutExtension('/pages/editable.html', async () => {}));
    await page.close();
  });
});
