/** Chromium driver for the shared journeys (journeys.ts), on the playwright-core harness. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Driver, PageLike } from './driver';
import {
  askTab,
  type FixtureServer,
  launchWithExtension,
  openFixture,
  openSidePanel,
  waitForMentions,
} from './harness';

export async function launchChromium(server: FixtureServer): Promise<Driver> {
  const session = await launchWithExtension();
  const downloads = mkdtempSync(join(tmpdir(), 'chiplens-downloads-'));
  let control: Page | undefined;
  const extensionPage = async () => {
    if (!control) {
      control = await session.context.newPage();
      await control.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    }
    return control;
  };
  return {
    name: 'chromium',
    errors: session.errors,
    url: (path) => server.url(path),
    async open(path, options) {
      const { page, tabId } = await openFixture(session, server, path, options);
      return { page: page as unknown as PageLike, tabId };
    },
    async reload(page, tabId) {
      await (page as unknown as Page).reload();
      await waitForMentions(session, tabId);
    },
    askTab: (tabId, type, payload) => askTab(session, tabId, type, payload),
    async askBackground<T>(type: string, payload: unknown = {}) {
      const reply = await (await extensionPage()).evaluate(
        ([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }),
        [type, payload] as const,
      );
      if (!reply?.ok) throw new Error(`${type}: ${reply ? reply.error : 'no answer'}`);
      return reply.data as T;
    },
    async panel(tabId) {
      const page = await openSidePanel(session, tabId);
      await page.setViewportSize({ width: 400, height: 900 });
      return page as unknown as PageLike;
    },
    async exportFrom(panel, format) {
      const page = panel as unknown as Page;
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: format, exact: true }).click(),
      ]);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    },
    async chooseImportFile(panel, file) {
      await (panel as unknown as Page).locator('input[type="file"]').setInputFiles(file);
    },
    async close() {
      await session.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
