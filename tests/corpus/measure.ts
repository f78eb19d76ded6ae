/**
 * Opens one corpus page in two browsers at once, one with the extension and one without, and measures what the
 * corpus check reports. Two passes per page:
 * - live: the page's scripts run (errors, long tasks, mentions, time to mentions); both sides snapshot after the same
 *   time since navigation start;
 * - static: script execution disabled in both through CDP `Emulation.setScriptExecutionDisabled` (content scripts
 *   still run: checked by the mention count), so the DOM comparison is not blurred by the page's own timers and
 *   random ids.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { MentionInfo } from '../../lib/messaging/protocol';
import { type Attribution, startAttribution } from './attribution';
import type { PageErrorRecord } from './errors';

export const LOAD_TIMEOUT_MS = 15_000;
/** Mentions count as settled once the count has not changed for this long. */
const STABLE_MS = 400;
const POLL_MS = 100;
const MENTIONS_TIMEOUT_MS = 10_000;
/** The live pass gives the page's own scripts at least this long after `load` to throw. */
const MIN_SETTLE_AFTER_LOAD_MS = 500;

export interface LongTasks {
  max: number;
  total: number;
  count: number;
}

/** Registered in every page of both browsers; records long tasks of the page's main thread (content scripts too). */
export const LONG_TASK_INIT = `(() => {
  const lt = { max: 0, total: 0, count: 0 };
  Object.defineProperty(window, '__corpusLongTasks', { value: lt });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { lt.count++; lt.total += e.duration; if (e.duration > lt.max) lt.max = e.duration; }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export interface Side {
  context: BrowserContext;
}

export interface ExtSide extends Side {
  worker: Worker;
  extensionId: string;
}

export interface MentionContext {
  entityId: string;
  text: string;
  before: string;
  after: string;
}

export interface SideResult {
  /** ms from navigation start to `load`; null when `load` did not come within LOAD_TIMEOUT_MS. */
  loadMs: number | null;
  errors: PageErrorRecord[];
  crashed: boolean;
  finalUrl: string;
}

export interface LiveResult extends SideResult {
  longTasks: LongTasks | null;
  body: string;
}

export interface ExtLiveResult extends LiveResult {
  /** null when the content script never answered. */
  mentions: MentionInfo[] | null;
  /** The count kept changing until MENTIONS_TIMEOUT_MS. */
  mentionsUnstable: boolean;
  timeToMentionsMs: number | null;
  title: string;
  contexts: MentionContext[];
  /** ms from navigation start at which both sides took their snapshot. */
  settleMs: number;
  /** ChipLens's share of the main thread's tasks (trace + CPU samples); null when it could not be measured. */
  attribution: Attribution | null;
}

export interface StaticResult extends SideResult {
  body: string;
  /** documentElement.outerHTML with our own UI host removed. */
  html: string;
  mentionCount?: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** A page stuck in its own script never answers evaluate(): give up after a while instead of hanging the run. */
const within = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([p.catch(() => fallback), sleep(ms).then(() => fallback)]);

/** A page with error collection, dialogs dismissed, and (for static passes) scripts disabled before navigation. */
async function preparePage(side: Side, scriptsDisabled: boolean) {
  const page = await side.context.newPage();
  const errors: PageErrorRecord[] = [];
  const state = { crashed: false };
  page.on('pageerror', (e) => errors.push({ kind: 'pageerror', text: e.message, where: e.stack ?? '' }));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push({ kind: 'console', text: m.text(), where: m.location().url ?? '' });
  });
  page.on('dialog', (d) => void d.dismiss().catch(() => {}));
  page.on('popup', (p) => void p.close().catch(() => {}));
  page.on('crash', () => {
    state.crashed = true;
  });
  if (scriptsDisabled) {
    const cdp = await side.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
  return { page, errors, state };
}

async function navigate(page: Page, url: string): Promise<{ navStart: number; loadMs: number | null }> {
  const navStart = Date.now();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    return { navStart, loadMs: Date.now() - navStart };
  } catch {
    // Timed out, or the page's own script navigated away before `load` (finalUrl in the report says which).
    return { navStart, loadMs: null };
  }
}

/** Asks every tab's content script for its mentions and returns the first answer (only one corpus tab is open). */
async function askMentions(
  worker: Worker,
  tabId: number | null,
): Promise<{ tabId: number; data: { title: string; mentions: MentionInfo[] } } | null> {
  const ask = worker.evaluate(async (known) => {
    const ids = known !== null ? [known] : (await chrome.tabs.query({})).map((t) => t.id!);
    for (const id of ids) {
      const reply = await Promise.race([
        chrome.tabs.sendMessage(id, { type: 'page:mentions', payload: {} }, { frameId: 0 }).catch(() => null),
        new Promise((r) => setTimeout(() => r(null), 2_000)),
      ]);
      const r = reply as { ok: boolean; data: { title: string; mentions: MentionInfo[] } } | null;
      if (r?.ok) return { tabId: id, data: r.data };
    }
    return null;
  }, tabId);
  return Promise.race([ask, sleep(3_000).then(() => null)]).catch(() => null);
}

/** Polls until the mention count holds still for STABLE_MS; the time is when the final count first appeared. */
async function settleMentions(worker: Worker, navStart: number, stableMs = STABLE_MS) {
  const deadline = Date.now() + MENTIONS_TIMEOUT_MS;
  let tabId: number | null = null;
  let last: { title: string; mentions: MentionInfo[] } | null = null;
  let since = 0;
  let firstAt = 0;
  while (Date.now() < deadline) {
    const r = await askMentions(worker, tabId);
    const now = Date.now();
    if (r) {
      tabId = r.tabId;
      if (!last || r.data.mentions.length !== last.mentions.length) {
        since = now;
        firstAt = now;
      }
      last = r.data;
      if (now - since >= stableMs) return { tabId, last, unstable: false, timeToMentionsMs: firstAt - navStart };
    }
    await sleep(POLL_MS);
  }
  return { tabId, last, unstable: last !== null, timeToMentionsMs: last ? firstAt - navStart : null };
}

/** About 60 characters either side of each mention, from the sentences the content script gives the side panel. */
async function mentionContexts(worker: Worker, tabId: number, mentions: MentionInfo[]): Promise<MentionContext[]> {
  const ids = [...new Set(mentions.map((m) => m.entityId))];
  const replies = await within(
    worker.evaluate(
      async ([id, entityIds]) =>
        Promise.all(
          (entityIds as string[]).map((entityId) =>
            chrome.tabs
              .sendMessage(id as number, { type: 'page:sentences', payload: { entityId } }, { frameId: 0 })
              .catch(() => null),
          ),
        ),
      [tabId, ids] as const,
    ),
    5_000,
    [],
  );
  const out: MentionContext[] = [];
  for (const reply of replies as ({
    ok: boolean;
    data?: { sentences: { text: string; mentionIndex: number; mark: { start: number; end: number } }[] };
  } | null)[]) {
    for (const s of reply?.data?.sentences ?? []) {
      const m = mentions[s.mentionIndex];
      if (!m) continue;
      out.push({
        entityId: m.entityId,
        text: m.text,
        before: s.text.slice(Math.max(0, s.mark.start - 60), s.mark.start),
        after: s.text.slice(s.mark.end, s.mark.end + 60),
      });
    }
  }
  return out;
}

const readLongTasks = (page: Page) =>
  within(
    page.evaluate(() => (window as unknown as { __corpusLongTasks?: LongTasks }).__corpusLongTasks ?? null),
    5_000,
    null,
  );
export const UNREADABLE = '<unreadable>';
const readBody = (page: Page) =>
  within(
    page.evaluate(() => document.body?.outerHTML ?? ''),
    5_000,
    UNREADABLE,
  );
const readHtml = (page: Page) =>
  within(
    page.evaluate(() => {
      const root = document.documentElement.cloneNode(true) as Element;
      for (const own of root.querySelectorAll('chiplens-ui')) own.remove();
      return root.outerHTML;
    }),
    5_000,
    UNREADABLE,
  );

/**
 * Live pass with the extension. `onSettled` is called with the snapshot time (ms since navigation start) as soon as it
 * is known, so the side without the extension can snapshot after the same time.
 */
export async function liveWithExtension(
  side: ExtSide,
  url: string,
  onSettled: (ms: number) => void,
): Promise<ExtLiveResult> {
  const { page, errors, state } = await preparePage(side, false);
  try {
    const cdp = await side.context.newCDPSession(page);
    const stopAttribution = await startAttribution(cdp, side.extensionId);
    const { navStart, loadMs } = await navigate(page, url);
    const loadedAt = Date.now();
    const settled = await settleMentions(side.worker, navStart);
    const snapshotAt = Math.max(Date.now(), loadedAt + MIN_SETTLE_AFTER_LOAD_MS);
    const settleMs = snapshotAt - navStart;
    onSettled(settleMs);
    await sleep(snapshotAt - Date.now());
    const attribution = await within(stopAttribution(), 20_000, null);
    await cdp.detach().catch(() => {});
    const [longTasks, body] = [await readLongTasks(page), await readBody(page)];
    const mentions = settled.last?.mentions ?? null;
    const contexts =
      settled.tabId !== null && mentions && mentions.length > 0
        ? await mentionContexts(side.worker, settled.tabId, mentions)
        : [];
    return {
      loadMs,
      errors: [...errors],
      crashed: state.crashed,
      finalUrl: page.url(),
      longTasks,
      body,
      mentions,
      mentionsUnstable: settled.unstable,
      timeToMentionsMs: settled.timeToMentionsMs,
      title: settled.last?.title ?? '',
      contexts,
      settleMs,
      attribution,
    };
  } finally {
    onSettled(0);
    await page.close().catch(() => {});
  }
}

/** Live pass without the extension, snapshotting `settleMs()` after navigation start. */
export async function liveWithout(side: Side, url: string, settleMs: Promise<number>): Promise<LiveResult> {
  const { page, errors, state } = await preparePage(side, false);
  try {
    const { navStart, loadMs } = await navigate(page, url);
    const ms = await settleMs;
    await sleep(navStart + ms - Date.now());
    const [longTasks, body] = [await readLongTasks(page), await readBody(page)];
    return { loadMs, errors: [...errors], crashed: state.crashed, finalUrl: page.url(), longTasks, body };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Static pass (scripts disabled). With the extension it waits for the content script's mentions to settle first. */
export async function staticPass(
  side: Side | ExtSide,
  url: string,
  settleMs?: Promise<number>,
  onSettled?: (ms: number) => void,
): Promise<StaticResult> {
  const { page, errors, state } = await preparePage(side, true);
  try {
    const { navStart, loadMs } = await navigate(page, url);
    let mentionCount: number | null | undefined;
    if ('worker' in side) {
      // No page script runs to change the text, so the first answer (after the initial scan) is final.
      const settled = await settleMentions(side.worker, navStart, 0);
      mentionCount = settled.last?.mentions.length ?? null;
      onSettled?.(Date.now() - navStart);
    } else if (settleMs) {
      const ms = await settleMs;
      await sleep(navStart + ms - Date.now());
    }
    const [body, html] = [await readBody(page), await readHtml(page)];
    return { loadMs, errors: [...errors], crashed: state.crashed, finalUrl: page.url(), body, html, mentionCount };
  } finally {
    onSettled?.(0);
    await page.close().catch(() => {});
  }
}
