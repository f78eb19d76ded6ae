import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, extensionSuite, tabIdOf, waitForMentions } from './harness';

const ext = extensionSuite();

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
    const page = await ext.session.context.newPage();
    await page.goto(`chrome-extension://${ext.session.extensionId}/sidepanel.html`);
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
    const page = await ext.session.context.newPage();
    await page.goto(ext.server.url('/demo/index.html'));
    const tabId = await tabIdOf(ext.session, page);
    const result = await waitForMentions<{ url: string; title: string; mentions: { entityId: string }[] }>(
      ext.session,
      tabId,
    );
    expect(result.url).toBe(ext.server.url('/demo/index.html'));
    expect(result.title).toContain('H200');
    expect(result.mentions.map((m) => m.entityId)).toContain('nvidia-h200');
    expect(ext.session.errors).toEqual([]);
    await page.close();
  });
});
