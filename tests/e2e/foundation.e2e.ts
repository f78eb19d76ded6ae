import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  type ExtensionSession,
  type FixtureServer,
  launchWithExtension,
  serveFixtures,
  tabIdOf,
  waitForMentions,
} from './harness';

let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the built extension in Chromium', () => {
  it('has a least-privilege manifest', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'sidePanel', 'storage']);
    expect(manifest.host_permissions).toBeUndefined();
    for (const cs of manifest.content_scripts) expect(cs.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
  });

  it('the service worker answers a typed message and rejects malformed ones', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const replies = await page.evaluate(async () => ({
      ping: await chrome.runtime.sendMessage({ type: 'ping', payload: {} }),
      unknown: await chrome.runtime.sendMessage({ type: 'db:drop', payload: {} }),
      malformed: await chrome.runtime.sendMessage({ type: 'entities:get', payload: { ids: 'nvidia' } }),
      card: await chrome.runtime.sendMessage({ type: 'entity:card', payload: { id: 'nvidia-h200' } }),
    }));
    expect(replies.ping).toEqual({ ok: true, data: { version: '0.1.0' } });
    expect(replies.unknown).toEqual({ ok: false, error: 'unknown message type "db:drop"' });
    expect(replies.malformed.ok).toBe(false);
    expect(replies.malformed.error).toMatch(/^invalid "entities:get" message: ids/);
    expect(replies.card.ok).toBe(true);
    expect(replies.card.data.entity.name).toMatch(/H200/);
    await page.close();
  });

  it('runs the content script on a served page and answers page:mentions', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/demo/index.html'));
    const tabId = await tabIdOf(session, page);
    const result = await waitForMentions<{ url: string; title: string; mentions: { entityId: string }[] }>(
      session,
      tabId,
    );
    expect(result.url).toBe(server.url('/demo/index.html'));
    expect(result.title).toContain('H200');
    expect(result.mentions.map((m) => m.entityId)).toContain('nvidia-h200');
    expect(session.errors).toEqual([]);
    await page.close();
  });
});
