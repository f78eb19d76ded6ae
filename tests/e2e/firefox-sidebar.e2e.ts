/**
 * Firefox only: its sidebar (sidebar_action) opens from the toolbar button or the shortcut, never from a card, so the
 * card says how to show it and the sidebar then opens on the card's entity.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxDriver, findFirefox, launchFirefox } from './firefox-harness';
import { type FixtureServer, ROOT, serveFixtures } from './harness';
import { pageUi } from './ui-probe';

if (!findFirefox()) throw new Error('Firefox is not installed: `sudo apt-get install -y firefox-esr`, or set FIREFOX.');

const shots = join(ROOT, 'test-results', 'firefox');
let server: FixtureServer;
let ff: FirefoxDriver;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serveFixtures();
  ff = await launchFirefox(server);
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('Firefox sidebar', () => {
  it('"Open in side panel" on a card says how to show the sidebar, which then opens on that entity', async () => {
    const { page, tabId } = await ff.open('/demo/index.html');
    const card = pageUi(ff, tabId, page);
    await ff.askTab(tabId, 'page:navigate', { direction: 'next' });
    await expect.poll(() => card.cardText()).toBeTruthy();
    const heading = (
      await ff.askTab<{ text: string }>(tabId, 'page:inspectUi', { selector: '[role="dialog"] h2', op: 'text' })
    ).text;
    await card.clickButton('Open in side panel');
    await expect.poll(() => card.cardText()).toMatch(/Show the ChipLens sidebar \(toolbar button or Alt\+Shift\+L\)/);
    const sidebar = await ff.showSidebar(/Facts|Connections|sentences/i);
    expect(sidebar.text).toContain(heading);
    expect(sidebar.tabRows, 'the panel tabs fit on one row at the default sidebar width').toBe(1);
    await ff.windowShot(join(shots, 'sidebar-entity.png'));
    expect(ff.errors).toEqual([]);
  });
});
