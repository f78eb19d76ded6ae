import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTab,
  type ExtensionSession,
  type FixtureServer,
  launchWithExtension,
  openFixture,
  openSidePanel,
  serveFixtures,
} from './harness';
import { highlightCount } from './ui';

const work = mkdtempSync(join(tmpdir(), 'chiplens-export-'));
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const openArticle = (session: ExtensionSession) => openFixture(session, server, '/pages/article.html');

function annotation(pageKey: string, url: string, exact: string, prefix: string, note: string, tags: string[]) {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    pageKey,
    url,
    title: 'Chip curbs: what changed this week',
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
    anchorVersion: 1,
    note,
    tags,
    color: 'blue',
    entityIds: ['nvidia-h200'],
    createdAt: now,
    updatedAt: now,
  };
}

async function settingsOf(panel: Page) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  return panel;
}

describe('export and import', () => {
  it('exports W3C JSON-LD from the side panel; a fresh profile imports it and re-anchors the notes', async () => {
    const first = await launchWithExtension();
    const { page, tabId } = await openArticle(first);
    const { pageKey } = await askTab<{ pageKey: string }>(first, tabId, 'page:state');
    const panel = await openSidePanel(first, tabId);
    const notes = [
      annotation(
        pageKey,
        page.url(),
        'Nvidia may ship H200 accelerators',
        'Washington said on Monday that ',
        'Licence terms?',
        ['h200'],
      ),
      annotation(
        pageKey,
        page.url(),
        'constrained by its access to lithography tools',
        'SMIC, which makes the Ascend chips, is ',
        '中芯国际的瓶颈',
        ['smic', 'tools'],
      ),
    ];
    for (const a of notes) {
      const r = await panel.evaluate(
        (ann) => chrome.runtime.sendMessage({ type: 'annotation:save', payload: { annotation: ann } }),
        a,
      );
      expect(r.ok).toBe(true);
    }
    await expect.poll(() => highlightCount(page, ['note', 'blue'])).toBe(2);
    await settingsOf(panel);
    await panel.getByLabel('Notes to export').selectOption('all');
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'W3C JSON-LD', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^chiplens-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    // The CSV export opens in spreadsheets: BOM first, Chinese intact.
    const [csv] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'CSV', exact: true }).click(),
    ]);
    const csvPath = join(work, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const csvText = readFileSync(csvPath, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('中芯国际的瓶颈');
    await first.close();

    const second = await launchWithExtension();
    const fresh = await openArticle(second);
    expect(await highlightCount(fresh.page, ['note', 'blue'])).toBe(0);
    const panel2 = await settingsOf(await openSidePanel(second, fresh.tabId));
    await panel2.getByLabel(/Choose a ChipLens JSON backup/).setInputFiles(file);
    await expect.poll(() => panel2.locator('.clp-import-preview').textContent()).toMatch(/New\s*2/);
    await panel2.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => panel2.getByRole('status').textContent()).toMatch(/Imported: 2 new/);
    await expect.poll(() => highlightCount(fresh.page, ['note', 'blue'])).toBe(2);
    const state = await askTab<{ anchors: { status: string }[] }>(second, fresh.tabId, 'page:state');
    expect(state.anchors.map((a) => a.status)).toEqual(['anchored', 'anchored']);

    // A malformed file is refused with a clear error and changes nothing.
    const bad = join(work, 'broken.json');
    writeFileSync(bad, '{"format": "chiplens-backup", "version": 1, "annotations": [');
    await panel2.getByLabel(/Choose a ChipLens JSON backup/).setInputFiles(bad);
    await expect.poll(() => panel2.getByRole('alert').textContent()).toMatch(/broken\.json.*Nothing was imported/);
    expect(await panel2.locator('.clp-import-preview').count()).toBe(0);
    const after = await askTab<{ anchors: unknown[] }>(second, fresh.tabId, 'page:state');
    expect(after.anchors.length).toBe(2);
    await second.close();
  });
});
