import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { askTab, extensionSuite, openSidePanel, tabIdOf, waitForMentions } from './harness';
import { highlightCount } from './ui';

interface Mentions {
  mentions: { entityId: string; entityType: string; text: string }[];
}

const ext = extensionSuite();

async function setup(path = '/demo/index.html') {
  const page = await ext.session.context.newPage();
  await page.goto(ext.server.url(path));
  const tabId = await tabIdOf(ext.session, page);
  const found = await waitForMentions<Mentions>(ext.session, tabId);
  const panel = await openSidePanel(ext.session, tabId);
  return { page, tabId, found, panel };
}

const row = (panel: Page, name: RegExp) => panel.locator('button.clp-row-main').filter({ hasText: name });

describe('side panel', () => {
  it('lists the entities on the page grouped by type, with counts that match the page', async () => {
    const { page, found, panel } = await setup();
    const h200 = found.mentions.filter((m) => m.entityId === 'nvidia-h200').length;
    await row(panel, /NVIDIA H200/)
      .first()
      .waitFor();
    expect(
      await row(panel, /NVIDIA H200/)
        .first()
        .locator('.clp-badge')
        .textContent(),
    ).toContain(String(h200));
    const headings = await panel.locator('.clp-group h2').allTextContents();
    expect(headings.join(' ')).toMatch(/Chips.*Agencies.*Companies.*Policies/s);
    const distinct = new Set(found.mentions.map((m) => m.entityId)).size;
    expect(await panel.locator('button.clp-row-main').count()).toBe(distinct);
    // The filter box narrows the list.
    await panel.getByLabel('Filter entities on this page').fill('huawei');
    await expect.poll(() => panel.locator('button.clp-row-main').count()).toBeLessThan(distinct);
    expect(await panel.locator('button.clp-row-main').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Huawei/)]),
    );
    await page.close();
    await panel.close();
  });

  it('clicking an entity scrolls the page to its next mention', async () => {
    const { page, panel } = await setup();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await row(panel, /Foreign Direct Product Rule/).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await page.close();
    await panel.close();
  });

  it('an entity view shows all facts, relations and the sentences that mention it', async () => {
    const { page, panel } = await setup();
    await panel.getByRole('button', { name: 'Details: NVIDIA H200' }).click();
    await expect.poll(() => panel.locator('body').textContent()).toMatch(/141 GB/);
    await expect.poll(() => panel.locator('body').textContent()).toMatch(/units they would buy/);
    await page.close();
    await panel.close();
  });

  it('shows how the entities on the page connect', async () => {
    const { page, panel } = await setup();
    await panel.getByRole('tab', { name: 'Connections' }).click();
    await expect.poll(() => panel.locator('body').textContent()).toMatch(/made by|makes/i);
    await page.close();
    await panel.close();
  });

  it('turning a type off removes its marks from the page live, and back on restores them', async () => {
    const { page, tabId, panel } = await setup();
    const chipMarks = () => highlightCount(page, ['chip']);
    expect(await chipMarks()).toBeGreaterThan(0);
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('checkbox', { name: 'Chips' }).uncheck();
    await expect.poll(chipMarks).toBe(0);
    const r = await askTab<Mentions>(ext.session, tabId, 'page:mentions');
    expect(r.mentions.some((m) => m.entityType === 'chip')).toBe(false);
    await panel.getByRole('tab', { name: 'This page' }).click();
    await expect.poll(() => panel.locator('.clp-group--chip').count()).toBe(0);
    expect(await panel.locator('.clp-group--company').count()).toBe(1);
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('checkbox', { name: 'Chips' }).check();
    await expect.poll(chipMarks).toBeGreaterThan(0);
    await page.close();
    await panel.close();
  });

  it('switching ChipLens off on the site clears the page; back on, it marks and follows changes again', async () => {
    const { page, tabId, panel } = await setup('/pages/editable.html');
    const marks = () => highlightCount(page, ['company']);
    expect(await marks()).toBeGreaterThan(0);
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('button', { name: 'Turn off on 127.0.0.1' }).click();
    await expect.poll(marks).toBe(0);
    expect((await askTab<Mentions>(ext.session, tabId, 'page:mentions')).mentions).toEqual([]);
    await panel.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(marks).toBeGreaterThan(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: Cambricon shipped more chips.';
      document.body.appendChild(p);
    });
    await expect
      .poll(async () => (await askTab<Mentions>(ext.session, tabId, 'page:mentions')).mentions.map((m) => m.entityId))
      .toContain('cambricon');
    await page.close();
    await panel.close();
  });

  it('library search finds a note', async () => {
    const { page, panel } = await setup();
    const now = new Date().toISOString();
    const saved = await panel.evaluate(
      async ([url, ts]) =>
        chrome.runtime.sendMessage({
          type: 'annotation:save',
          payload: {
            annotation: {
              id: crypto.randomUUID(),
              pageKey: 'https://silicon-ledger.example/2025/12/h200-china-demand-meetings',
              url,
              title: 'Demo article',
              quote: {
                type: 'TextQuoteSelector',
                exact: 'gauge demand',
                prefix: 'internet companies this week to ',
                suffix: " for Nvidia's H200",
              },
              position: { type: 'TextPositionSelector', start: 0, end: 0 },
              anchorVersion: 1,
              note: 'Compare with **Huawei Ascend** availability',
              tags: ['demand-check'],
              color: 'green',
              entityIds: ['nvidia-h200'],
              createdAt: ts,
              updatedAt: ts,
            },
          },
        }),
      [ext.server.url('/demo/index.html'), now] as const,
    );
    expect(saved.ok).toBe(true);
    await panel.getByRole('tab', { name: 'Library' }).click();
    await panel.getByLabel('Search notes').fill('ascend availability');
    await expect.poll(() => panel.locator('.clp-library').textContent()).toMatch(/gauge demand/);
    await panel.getByLabel('Search notes').fill('nothing like this anywhere');
    await expect.poll(() => panel.locator('.clp-library').textContent()).not.toMatch(/gauge demand/);
    await page.close();
    await panel.close();
  });
});
