/**
 * Firefox driver for the shared journeys: Debian's Firefox ESR (FIREFOX, else /usr/bin/firefox-esr) driven over
 * WebDriver BiDi by puppeteer-core (which downloads no browser), with the Firefox build (.output/firefox-mv2) installed
 * as a temporary add-on. The extension gets a fixed UUID through a pref, so its pages have known URLs; they are opened
 * in tabs (BiDi navigates to moz-extension:// only with --remote-allow-system-access) and reach the background and
 * the content scripts the way the sidebar does. Script errors of the extension's own pages (the background page
 * included) only show on Firefox's stdout/stderr, so both are read.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Driver, PageLike } from './driver';
import { type FixtureServer, ROOT } from './harness';
import { ui } from './ui-probe';

// Callbacks passed to evaluate() run in the page: they reach the extension page's own promise-based `browser` global
// through globalThis (module-level names do not exist there).

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'chiplens@chiplens.dev'; // browser_specific_settings.gecko.id in wxt.config.ts
const UUID = '0c7e3f0a-1d2b-4c5d-8e9f-a0b1c2d3e4f5';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/** FIREFOX, else Debian's firefox-esr; undefined when neither is installed. */
export function findFirefox(): string | undefined {
  return [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (p): p is string => Boolean(p) && existsSync(p as string),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value (errors count as "not yet"); the last answer is in the timeout error. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000) {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  const said = last instanceof Error ? last.message : JSON.stringify(last);
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${said?.slice(0, 400)}`);
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: string } | undefined;

function unwrap<T>(type: string, reply: Reply<T>): T {
  if (!reply?.ok) throw new Error(`${type}: ${reply ? reply.error : 'no answer'}`);
  return reply.data;
}

/** The Firefox driver, plus Firefox's own sidebar. */
export interface FirefoxDriver extends Driver {
  /**
   * Show the ChipLens sidebar as the toolbar button would; once its text matches `ready`, its text and how many rows
   * its tabs take at Firefox's default sidebar width.
   */
  showSidebar(ready: RegExp): Promise<{ text: string; tabRows: number }>;
  /** Screenshot of the browser window (tabs and sidebar included). */
  windowShot(file: string): Promise<void>;
}

const SIDEBAR_WIDGET = `${ADDON_ID.replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

/** Launch Firefox with the extension. Each launch is a fresh profile (a fresh IndexedDB). */
export async function launchFirefox(server: FixtureServer): Promise<FirefoxDriver> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: `sudo apt-get install -y firefox-esr`, or set FIREFOX.');
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const downloads = mkdtempSync(join(tmpdir(), 'chiplens-ff-downloads-'));
  const firefox: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // Downloads go straight to a folder the test reads.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const errors: string[] = [];
  let closing = false;
  for (const stream of [firefox.process()?.stdout, firefox.process()?.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!closing && /^JavaScript error/.test(line) && line.includes(FIREFOX_EXTENSION_ORIGIN)) {
          errors.push(`[firefox] ${line}`);
        }
      }
    });
  }
  const watch = (page: Page, tag: string) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`[console ${tag}] ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`[pageerror ${tag}] ${(e as Error).message ?? e}`));
  };

  const installed = await firefox.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);

  /** puppeteer's goto() never settles for moz-extension:// pages: start it, then poll the page's own location. */
  async function openExtensionPage(path: string): Promise<Page> {
    const page = await firefox.newPage();
    watch(page, path);
    const url = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
    page.goto(url, { timeout: 15_000 }).catch(() => {});
    await until(`${url} to load`, () =>
      page.evaluate((u) => location.href === u && document.readyState === 'complete', url),
    );
    return page;
  }
  const control = await openExtensionPage('sidepanel.html');

  const askTab = async <T>(tabId: number, type: string, payload: unknown = {}): Promise<T> =>
    unwrap<T>(
      type,
      await control.evaluate(
        (id, t, p) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.tabs.sendMessage(
            id,
            { type: t, payload: p },
            { frameId: 0 },
          ),
        tabId,
        type,
        payload,
      ),
    );

  /** The tab showing `url`: the extension has no `tabs` permission, so tab URLs come from the content scripts. */
  const tabOf = (url: string) =>
    until(`the content script of ${url} to answer`, () =>
      control.evaluate(async (u) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const tabs = await api.tabs.query({});
        for (const tab of tabs.sort((a, b) => (b.id ?? 0) - (a.id ?? 0))) {
          if (tab.id === undefined) continue;
          const r = await api.tabs
            .sendMessage(tab.id, { type: 'page:mentions', payload: {} }, { frameId: 0 })
            .catch(() => undefined);
          if (r?.ok && r.data.url === u) return { tabId: tab.id, count: r.data.mentions.length as number };
        }
        return null;
      }, url),
    );

  /** Evaluate in the browser window's chrome (needs --remote-allow-system-access). */
  async function inChrome(expression: string): Promise<unknown> {
    const connection = (firefox as unknown as { connection: { send(m: string, p: object): Promise<never> } })
      .connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const win = (tree as { result: { contexts: { url: string; context: string }[] } }).result.contexts.find(
      (c) => c.url === 'chrome://browser/content/browser.xhtml',
    );
    if (!win) throw new Error('no browser window in chrome scope');
    const r = (await connection.send('script.evaluate', {
      expression,
      target: { context: win.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown } };
    if (r.result.type === 'exception') throw new Error(JSON.stringify(r.result.exceptionDetails).slice(0, 400));
    return r.result.result?.value;
  }

  const driver: FirefoxDriver = {
    name: 'firefox',
    async showSidebar(ready) {
      await inChrome(`SidebarController.show(${JSON.stringify(SIDEBAR_WIDGET)})`);
      return until('the sidebar', () =>
        control.evaluate((pattern) => {
          const api = (globalThis as unknown as { browser: { extension: typeof chrome.extension } }).browser;
          const doc = api.extension.getViews({ type: 'sidebar' } as never)[0]?.document;
          const text = doc?.body.textContent ?? '';
          if (!doc || !new RegExp(pattern).test(text)) return null;
          const tops = [...doc.querySelectorAll('[role="tab"]')].map((t) => t.getBoundingClientRect().top);
          return { text, tabRows: new Set(tops).size };
        }, ready.source),
      );
    },
    async windowShot(file) {
      const data = await inChrome(`(async () => {
        const bmp = await window.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bmp.width; canvas.height = bmp.height;
        canvas.getContext('2d').drawImage(bmp, 0, 0);
        return canvas.toDataURL('image/png');
      })()`);
      writeFileSync(file, Buffer.from(String(data).split(',')[1] ?? '', 'base64'));
    },
    errors,
    url: (path) => server.url(path),
    async open(path, { waitForDetection = true } = {}) {
      const page = await firefox.newPage();
      watch(page, path);
      await page.setViewport({ width: 1280, height: 900 });
      const response = await page.goto(server.url(path));
      if (response && response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
      await page.bringToFront();
      const url = page.url();
      const { tabId } = await (waitForDetection
        ? until(`mentions on ${path}`, async () => {
            const t = await tabOf(url);
            return t.count > 0 ? t : null;
          })
        : tabOf(url));
      return { page: page as unknown as PageLike, tabId };
    },
    async reload(page, tabId) {
      await (page as unknown as Page).reload();
      await until('mentions after the reload', async () => {
        const r = await askTab<{ mentions: unknown[] }>(tabId, 'page:mentions');
        return r.mentions.length > 0;
      });
    },
    askTab,
    askBackground: async <T>(type: string, payload: unknown = {}) =>
      unwrap<T>(
        type,
        await control.evaluate(
          (t, p) =>
            (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: t, payload: p }),
          type,
          payload,
        ),
      ),
    async panel(tabId) {
      const page = await openExtensionPage(`sidepanel.html?tab=${tabId}`);
      await page.setViewport({ width: 400, height: 900 });
      return page as unknown as PageLike;
    },
    async exportFrom(panel, format) {
      const before = new Set(readdirSync(downloads));
      await ui.clickPanelButton(panel, format);
      const name = await until(`the ${format} download`, async () => {
        const fresh = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));
        const file = fresh[0];
        if (!file) return null;
        const size = statSync(join(downloads, file)).size;
        await sleep(200);
        return size > 0 && statSync(join(downloads, file)).size === size ? file : null;
      });
      return join(downloads, name);
    },
    async chooseImportFile(panel, file) {
      const input = await (panel as unknown as Page).$('input[type="file"]');
      if (!input) throw new Error('no file input in the panel');
      await (input as unknown as { uploadFile(...f: string[]): Promise<void> }).uploadFile(file);
    },
    async close() {
      closing = true;
      await firefox.close().catch(() => {});
      rmSync(downloads, { recursive: true, force: true });
    },
  };
  return driver;
}
