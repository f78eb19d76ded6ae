/**
 * The engine and PouchDB bundled by Vite for the browser (as WXT will bundle them: browser field, no Node built-ins)
 * and run in headless Chromium against the test server: IndexedDB mirrors, HTTP replication, errors in words.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_ARGS, findChrome } from '../e2e/harness';
import { startServer, type TestServer } from './server';

let server: TestServer;
let bundleSize = 0;

beforeAll(async () => {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(import.meta.dirname, '../..'),
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(import.meta.dirname, 'browser-entry.ts'), formats: ['es'], fileName: 'sync' },
    },
  })) as Rolldown.RolldownOutput[];
  const chunk = output[0]!.output.find((o) => o.type === 'chunk')!;
  const code = (chunk as { code: string }).code;
  bundleSize = code.length;
  server = await startServer({
    '/__test/sync.js': { type: 'text/javascript', body: code },
    '/__test/index.html': {
      type: 'text/html',
      body: '<!doctype html><script type="module" src="/__test/sync.js"></script>',
    },
  });
  await server.addUser('alice', 'alice-pw');
  await server.createDb('browser', { members: ['alice'] });
});
afterAll(async () => {
  await server?.dispose();
});

it('replicates between IndexedDB mirrors in Chromium through the server', async () => {
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/__test/index.html`);
    await page.waitForFunction(() => 'chiplensSyncScenario' in globalThis);
    const result = await page.evaluate(
      ([origin, db]) =>
        (
          globalThis as unknown as { chiplensSyncScenario: (o: string, d: string) => Promise<unknown> }
        ).chiplensSyncScenario(origin!, db!),
      [server.origin, 'browser'],
    );
    expect(errors).toEqual([]);
    expect(result).toEqual({ pushed: 1, applied: 1, arrived: true, wrong: 'unauthorized', mirrorAdapter: 'idb' });
    expect(bundleSize).toBeLessThan(200_000);
  } finally {
    await browser.close();
  }
});
