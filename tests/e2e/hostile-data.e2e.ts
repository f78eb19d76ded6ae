/**
 * The page is hostile (issue 19, data side): a page cannot reach the notes of another page. Two sites are served
 * from one server on 127.0.0.1 under sibling host names (Chromium resolves every *.localhost name to loopback):
 * alice.github.localhost has the article the reader annotated; mallory.github.localhost copies it and declares Alice's
 * URL as its canonical link. Under the old "last two host labels" rule both were the site github.localhost, so
 * Mallory's page loaded Alice's notes.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askTab, type ExtensionSession, launchWithExtension, openSidePanel, tabIdOf, waitForMentions } from './harness';

interface Reply<T> {
  ok: boolean;
  data?: T;
  error?: string;
}
interface Note {
  id: string;
  pageKey: string;
}

const PASSAGE = 'Nvidia may ship the H200 to approved customers in China';

function article(title: string, canonical?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${
    canonical ? `<link rel="canonical" href="${canonical}">` : ''
  }</head><body><article><h1>${title}</h1><p>${PASSAGE}, the Commerce Department said on Monday.</p>
<p>The BIS rule also covers the H20 and AMD's MI308.</p></article></body></html>`;
}

let server: Server;
let port = 0;
let session: ExtensionSession;
const aliceUrl = () => `http://alice.github.localhost:${port}/article/`;
const malloryUrl = () => `http://mallory.github.localhost:${port}/copy/`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const body =
      host === 'alice.github.localhost'
        ? article("Alice's article")
        : host === 'mallory.github.localhost'
          ? article("Mallory's copy", aliceUrl())
          : null;
    res.writeHead(body === null ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await new Promise<void>((ok) => server?.close(() => ok()));
});

async function openPage(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(session, page);
  await waitForMentions(session, tabId);
  return { page, tabId };
}

/** A note on Alice's article, saved through an extension page (as the side panel does). */
async function saveAliceNote(panel: Page, pageKey: string, note: string): Promise<Note> {
  const now = new Date().toISOString();
  const annotation = {
    id: crypto.randomUUID(),
    pageKey,
    url: aliceUrl(),
    title: "Alice's article",
    quote: { type: 'TextQuoteSelector', exact: PASSAGE, prefix: '', suffix: ', the Commerce' },
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
    anchorVersion: 1,
    note,
    tags: [],
    color: 'yellow',
    entityIds: [],
    createdAt: now,
    updatedAt: now,
  };
  const reply = (await panel.evaluate(
    (a) => chrome.runtime.sendMessage({ type: 'annotation:save', payload: { annotation: a } }),
    annotation,
  )) as Reply<{ annotation: Note }>;
  expect(reply.ok).toBe(true);
  return reply.data!.annotation;
}

async function notesFor(panel: Page, pageKey: string): Promise<Note[]> {
  const reply = (await panel.evaluate(
    (key) => chrome.runtime.sendMessage({ type: 'annotations:forPage', payload: { pageKey: key } }),
    pageKey,
  )) as Reply<{ annotations: Note[] }>;
  expect(reply.ok).toBe(true);
  return reply.data!.annotations;
}

/** Runs `expression` in ChipLens' content-script world of the page's main frame (what a compromised one could do). */
async function inContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { isDefault?: boolean; type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${session.extensionId}`,
  );
  if (!world) throw new Error(`no ChipLens content-script world among ${JSON.stringify(contexts)}`);
  const result = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
  return result.result.value as T;
}

const sendFromContent = <T>(page: Page, type: string, payload: unknown) =>
  inContentScript<Reply<T>>(page, `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`);

describe('hostile data: one page cannot reach the notes of another', () => {
  it("a sibling subdomain whose canonical link names another page does not load that page's notes", async () => {
    const alice = await openPage(aliceUrl());
    const aliceKey = (await askTab<{ pageKey: string }>(session, alice.tabId, 'page:state')).pageKey;
    expect(aliceKey).toBe(aliceUrl());
    const panel = await openSidePanel(session, alice.tabId);
    const note = await saveAliceNote(panel, aliceKey, 'private: call the source back on Tuesday');
    await expect
      .poll(async () => (await askTab<{ anchors: unknown[] }>(session, alice.tabId, 'page:state')).anchors.length)
      .toBe(1);

    const mallory = await openPage(malloryUrl());
    // Give the content script the time it takes to load and anchor notes (Alice's page needed this much).
    await new Promise((r) => setTimeout(r, 1_000));
    const state = await askTab<{ pageKey: string; anchors: { id: string }[] }>(session, mallory.tabId, 'page:state');
    expect(state.pageKey).toBe(malloryUrl());
    expect(state.anchors).toEqual([]);
    // Asked directly from Mallory's tab, the background refuses Alice's page key.
    const asked = await sendFromContent<{ annotations: Note[] }>(mallory.page, 'annotations:forPage', {
      pageKey: aliceKey,
    });
    expect(asked.ok).toBe(false);
    expect(asked.data).toBeUndefined();
    expect((await notesFor(panel, aliceKey)).map((n) => n.id)).toEqual([note.id]);
    await Promise.all([alice.page.close(), mallory.page.close(), panel.close()]);
  });

  it('a content script cannot delete, overwrite or take over a note of another page key', async () => {
    const alice = await openPage(aliceUrl());
    const panel = await openSidePanel(session, alice.tabId);
    const note = await saveAliceNote(panel, aliceUrl(), 'keep me');
    const mallory = await openPage(malloryUrl());

    const deleted = await sendFromContent<{ deleted: Note | null }>(mallory.page, 'annotation:delete', { id: note.id });
    expect(deleted.ok).toBe(false);
    const stored = await notesFor(panel, aliceUrl());
    expect(stored.map((n) => n.id)).toContain(note.id);

    const takeover = await sendFromContent<{ annotation: Note }>(mallory.page, 'annotation:save', {
      annotation: {
        ...stored.find((n) => n.id === note.id),
        pageKey: malloryUrl(),
        updatedAt: '2099-01-01T00:00:00.000Z',
      },
    });
    expect(takeover.ok).toBe(false);
    expect((await notesFor(panel, aliceUrl())).map((n) => n.id)).toContain(note.id);
    expect(await notesFor(panel, malloryUrl())).toEqual([]);

    // Alice's own tab may delete it (the scope is the page's origin, not a ban on deleting).
    const own = await sendFromContent<{ deleted: Note | null }>(alice.page, 'annotation:delete', { id: note.id });
    expect(own.ok).toBe(true);
    expect(own.data?.deleted?.id).toBe(note.id);
    await Promise.all([alice.page.close(), mallory.page.close(), panel.close()]);
  });

  it('the Library opens only http(s) pages: a stored data:, file: or chrome: URL is refused out loud', async () => {
    const alice = await openPage(aliceUrl());
    const panel = await openSidePanel(session, alice.tabId);
    const urls = ['data:text/html,<h1>phish</h1>', 'file:///etc/passwd', 'chrome://settings/'];
    for (const [i, url] of urls.entries()) {
      const now = new Date(Date.now() + i).toISOString();
      const reply = (await panel.evaluate(
        (a) => chrome.runtime.sendMessage({ type: 'annotation:save', payload: { annotation: a } }),
        {
          id: crypto.randomUUID(),
          pageKey: `https://library.example/${i}`,
          url,
          title: `Hostile ${i}`,
          quote: { type: 'TextQuoteSelector', exact: `hostile quote ${i}`, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 0 },
          anchorVersion: 1,
          note: '',
          tags: [],
          color: 'yellow',
          entityIds: [],
          createdAt: now,
          updatedAt: now,
        },
      )) as Reply<unknown>;
      expect(reply.ok).toBe(true);
    }
    const tabCount = () => session.worker.evaluate(async () => (await chrome.tabs.query({})).length);
    const before = await tabCount();
    await panel.getByRole('tab', { name: 'Library' }).click();
    for (const i of urls.keys()) {
      await panel.getByLabel('Search notes').fill(`hostile quote ${i}`);
      await panel.locator('.clp-lib-row', { hasText: `hostile quote ${i}` }).click();
      await expect
        .poll(() => panel.locator('.clp-library .clp-error').textContent())
        .toMatch(/opens only http and https/);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await tabCount()).toBe(before);
    await Promise.all([alice.page.close(), panel.close()]);
  });
});
