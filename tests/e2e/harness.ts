/**
 * E2E harness: launches Debian's Chromium (or CHROME_PATH) with the built extension via playwright-core, serves
 * fixture pages from 127.0.0.1, and offers helpers to reach the extension (id, service worker, side panel for a tab)
 * and to collect console errors.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');

/** CHROME_PATH, else /usr/bin/chromium, else a clear error saying how to get one. */
export function findChrome(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  for (const p of candidates) if (existsSync(p)) return p;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a ' +
      'Chromium/Chrome binary. (`npx playwright install` is not needed and cannot work offline.)',
  );
}

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Errors printed by pages (page errors and console.error), including extension pages. */
  errors: string[];
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** Launch Chromium with the built extension. Pass a userDataDir to reuse a profile (persistence tests). */
export async function launchWithExtension(
  opts: { userDataDir?: string; headless?: boolean; extensionDir?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<ExtensionSession> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'chiplens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [...CHROME_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => errors.push(`[pageerror ${page.url()}] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`[console ${page.url()}] ${m.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    errors,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !opts.userDataDir)
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serve files under `roots` (first match wins) on 127.0.0.1. HTML is always sent as UTF-8; `.html.gz` files are
 * served decompressed. Any path ending in a query string is served as the file (so `?utm_source=x` variants work).
 */
const VENDOR: Record<string, string> = {
  '/vendor/react.js': join(ROOT, 'node_modules/react/umd/react.production.min.js'),
  '/vendor/react-dom.js': join(ROOT, 'node_modules/react-dom/umd/react-dom.production.min.js'),
};

export async function serveFixtures(roots: string[] = [FIXTURES_DIR]): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const vendor = VENDOR[path];
    if (vendor) {
      res.writeHead(200, { 'content-type': TYPES['.js']! });
      res.end(readFileSync(vendor));
      return;
    }
    for (const root of roots) {
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root)) break;
      if (existsSync(file) && statSync(file).isFile()) {
        let body = readFileSync(file);
        let ext = extname(file);
        if (ext === '.gz') {
          body = gunzipSync(body);
          ext = extname(file.slice(0, -3));
        }
        res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p: string) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The extension's tab id for a page (brings it to the front, then asks the service worker for the active tab). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('could not find the tab id');
  return id;
}

/** Open the side panel page as a tab, showing the context of `tabId` (the `?tab=` test seam). */
export async function openSidePanel(session: ExtensionSession, tabId: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  return page;
}

/** Ask a tab's content script something through the extension (from the service worker, like the side panel does). */
export async function askTab<T = unknown>(
  session: ExtensionSession,
  tabId: number,
  type: string,
  payload: unknown = {},
): Promise<T> {
  const reply = (await session.worker.evaluate(
    async ([id, t, p]) => chrome.tabs.sendMessage(id as number, { type: t, payload: p }, { frameId: 0 }),
    [tabId, type, payload] as const,
  )) as { ok: boolean; data?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`tab answered ${JSON.stringify(reply)}`);
  return reply.data as T;
}

/** Wait until the content script reports mentions (it scans after document_idle, in slices). */
export async function waitForMentions<T extends { mentions: unknown[] }>(
  session: ExtensionSession,
  tabId: number,
  predicate: (r: T) => boolean = (r) => r.mentions.length > 0,
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      last = await askTab<T>(session, tabId, 'page:mentions');
      if (predicate(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out waiting for mentions; last answer: ${JSON.stringify(last)?.slice(0, 500)} ${String(lastError ?? '')}`,
  );
}

/** Load a fixture page in a new tab; by default wait until ChipLens reports mentions there. */
export async function openFixture(
  session: ExtensionSession,
  server: FixtureServer,
  path: string,
  { waitForDetection = true } = {},
): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(server.url(path));
  const tabId = await tabIdOf(session, page);
  if (waitForDetection) await waitForMentions(session, tabId);
  return { page, tabId };
}

/**
 * For a test file: one browser with the extension and one fixture server for all its tests. `open(path)` loads a
 * fixture page in a new tab and waits until ChipLens reports mentions there.
 */
export function extensionSuite(opts: { userDataDir?: string } = {}) {
  const ctx = {
    session: undefined as unknown as ExtensionSession,
    server: undefined as unknown as FixtureServer,
    open: (path: string, options?: { waitForDetection?: boolean }) =>
      openFixture(ctx.session, ctx.server, path, options),
  };
  beforeAll(async () => {
    ctx.server = await serveFixtures();
    ctx.session = await launchWithExtension(opts);
  });
  afterAll(async () => {
    await ctx.session?.close();
    await ctx.server?.close();
  });
  return ctx;
}
