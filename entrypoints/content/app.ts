/**
 * The content script's wiring: settings -> detector (scan, match, mark) -> messages for the side panel; cards and
 * annotations hang on the detector. Everything starts inside main(), never at module top level.
 */

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageKey as computePageKey } from '../../lib/annotations/page-key';
import type { EntityType } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/detection';
import { Highlighter, highlightName } from '../../lib/highlight';
import { handleContentMessages, sendToBackground } from '../../lib/messaging';
import { yieldToPage } from '../../lib/page/scheduler';
import { isSiteDisabled, mentionFilter } from '../../lib/settings/rules';
import { watchSettings } from '../../lib/settings/store';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/types';
import { parseSettings } from '../../lib/settings/validate';
import type { Annotator } from './annotator';
import type { CardController } from './cards';
import { Detector } from './detector';
import { loadMatcherData } from './matcher-source';
import { watchUrlChanges } from './navigation';
import { PREFETCH_KEYS, takePrefetched } from './prefetch';
import { revealRange } from './reveal';
import { exposeTestSeam, inspectUi } from './test-seam';
import { sentenceAround } from './text-map';
import { UiRoot } from './ui-root';

export async function startApp(ctx: ContentScriptContext): Promise<void> {
  const host = location.hostname;
  // Settings and matcher data both come from one read of extension storage: the one made ahead at document_start (see
  // prefetch.ts) or, when that is missing, one made now. Parsing the data and building the matcher happen in tasks of
  // their own, not in the script's evaluation, and the page gets a turn between them and before the scan.
  const stored: Record<string, unknown> = (await takePrefetched()) ?? (await browser.storage.local.get(PREFETCH_KEYS));
  let settings: Settings = parseSettings(stored[SETTINGS_KEY]);
  const matcherData = await loadMatcherData(stored);
  const typeById = new Map<string, EntityType>();
  for (const [i, id] of matcherData.entityIds.entries()) typeById.set(id, matcherData.entityTypes[i]!);
  await yieldToPage();
  const matcher = createMatcher(matcherData);
  await yieldToPage();
  let skip = mentionFilter(settings, host, (id) => typeById.get(id));

  const ui = new UiRoot();
  exposeTestSeam(ui);
  const highlighter = new Highlighter({ [highlightName('flash')]: 10 });
  let pageKey = currentPageKey();
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  const notifyChanged = () => {
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => void sendToBackground('page:changed', { pageKey }).catch(() => {}), 250);
  };

  // Cards and notes (Preact, the card and editor UI, anchoring) are initialised after the first scan, each in a task of
  // its own: the script's evaluation then runs only the scanner and matcher modules (see loadUi below).
  let cards: CardController | null = null;
  let annotator: Annotator | null = null;
  const frames: Document[] = [];
  const detector = new Detector(document, {
    matcher,
    highlighter,
    isOwnUi: (el) => ui.owns(el),
    skip: () => skip,
    onDocument: (doc) => {
      frames.push(doc);
      cards?.listenTo(doc);
    },
    onUpdate: () => {
      if (document.documentElement !== pageRoot) pageRootChanged();
      annotator?.textChanged();
      cards?.mentionsChanged();
      notifyChanged();
    },
  });

  // The page may replace its whole document (document.open(), a new documentElement). document.open() also erases
  // every event listener on the document and its window: ours are added again, and the same-origin frames re-listened.
  let pageRoot = document.documentElement;
  const pageRootChanged = () => {
    pageRoot = document.documentElement;
    if (!active) return;
    annotator?.listenToPage();
    cards?.listenToPage();
    for (const doc of frames) if (doc !== document) cards?.listenTo(doc);
  };

  let active = false;
  const activate = async () => {
    if (active) return;
    active = true;
    cards?.start();
    annotator?.start();
    await detector.start();
    // Switched on for this site after the page loaded: cards and notes were not loaded yet.
    void uiReady().catch(() => undefined);
  };
  const deactivate = () => {
    if (!active) return;
    active = false;
    cards?.stop();
    annotator?.stop();
    detector.stop();
    // Off on this site: no marks and no highlight styles left in any of its documents.
    highlighter.release();
    notifyChanged();
  };

  const loadUi = async (): Promise<{ cards: CardController; annotator: Annotator }> => {
    await detector.scanner.ready;
    await yieldToPage();
    const { Annotator } = await import('./annotator');
    const a = new Annotator({ ui, highlighter, getPageKey: () => pageKey, onChange: notifyChanged });
    a.attachDetector(detector);
    await yieldToPage();
    const { CardController } = await import('./cards');
    const c = new CardController({ ui, detector, getSettings: () => settings, host, annotator: a });
    annotator = a;
    cards = c;
    if (active) {
      c.start();
      a.start();
      for (const doc of frames) c.listenTo(doc);
      // The first scan is done: load and anchor this page's notes.
      a.textChanged();
    }
    return { cards: c, annotator: a };
  };
  let uiLoading: Promise<{ cards: CardController; annotator: Annotator }> | null = null;
  /** Cards and notes, loaded on first need (after the first scan, or a message that needs them). */
  const uiReady = () => {
    uiLoading ??= loadUi();
    return uiLoading;
  };

  let previousDelay = settings.hoverDelayMs;
  let previousFilter = filterKey(settings, host);
  watchSettings((next) => {
    const wasDisabled = isSiteDisabled(settings, host);
    settings = next;
    skip = mentionFilter(settings, host, (id) => typeById.get(id));
    const disabled = isSiteDisabled(settings, host);
    if (active && cards && next.hoverDelayMs !== previousDelay) {
      cards.stop();
      cards.start();
    }
    previousDelay = next.hoverDelayMs;
    if (disabled && !wasDisabled) deactivate();
    else if (!disabled && wasDisabled) void activate();
    else if (active && filterKey(next, host) !== previousFilter) detector.refilter();
    previousFilter = filterKey(next, host);
  });

  const navAbort = new AbortController();
  ctx.onInvalidated(() => {
    navAbort.abort();
    deactivate();
  });
  let notesTimer: ReturnType<typeof setTimeout> | undefined;
  const onUrlChange = () => {
    pageKey = currentPageKey();
    cards?.close();
    // Rescans asked for before the queued one begins share it (scanner.ts).
    if (active) void detector.scanner.rescan();
    // Notes are looked up once the URL has settled: each lookup is a database round trip, and a page may change its
    // URL hundreds of times a second (pushState in a loop).
    clearTimeout(notesTimer);
    notesTimer = setTimeout(() => {
      if (active) void annotator?.reload();
    }, NOTES_SETTLE_MS);
    notifyChanged();
  };
  // Listening starts once the first scan is done (the Navigation API's first use costs a few ms); a navigation in
  // between is caught by comparing with the URL the scan began on.
  const scannedUrl = location.href;

  const revealed = new Map<string, number>();
  handleContentMessages({
    'page:inspectUi': (q) => inspectUi(ui, q),
    'page:mentions': async () => {
      // Answered once hovering works too, so a reader (or a test) acting on the answer finds the cards ready.
      if (active) await Promise.all([detector.scanner.ready, uiReady().catch(() => undefined)]);
      return { url: location.href, title: document.title, mentions: active ? detector.list() : [] };
    },
    'page:state': async () => {
      if (active) await detector.scanner.ready;
      const { annotator: a } = await uiReady();
      return { pageKey, url: location.href, title: document.title, anchors: a.reports() };
    },
    'page:revealEntity': ({ entityId }) => {
      const all = detector.all().filter((m) => m.mention.entityId === entityId);
      if (all.length === 0) return { found: false };
      const next = ((revealed.get(entityId) ?? -1) + 1) % all.length;
      revealed.set(entityId, next);
      const hit = all[next]!;
      revealRange(detector.rangeOf(hit.block, hit.mention), highlighter);
      return { found: true };
    },
    'page:sentences': ({ entityId }) => {
      const { text } = detector.scanner.joined();
      const sentences = detector
        .list()
        .map((m, mentionIndex) => ({ m, mentionIndex }))
        .filter(({ m }) => m.entityId === entityId)
        .slice(0, 200)
        .map(({ m, mentionIndex }) => {
          const s = sentenceAround(text, m.start, m.end);
          const clipped = clipSentence(s, m, 400);
          return {
            text: text.slice(clipped.start, clipped.end),
            mentionIndex,
            mark: { start: m.start - clipped.start, end: m.end - clipped.start },
          };
        });
      return { sentences };
    },
    'page:revealMention': ({ index }) => {
      const hit = detector.all()[index];
      if (!hit) return { found: false };
      revealRange(detector.rangeOf(hit.block, hit.mention), highlighter);
      return { found: true };
    },
    'page:revealAnnotation': async ({ id }) => {
      const range = (await uiReady()).annotator.rangeOf(id);
      if (!range) return { found: false };
      revealRange(range, highlighter);
      return { found: true };
    },
    'page:navigate': async ({ direction }) => ({ found: (await uiReady()).cards.navigate(direction) }),
    'page:annotateSelection': async () => ({ opened: (await uiReady()).annotator.openForSelection() }),
  });

  if (!isSiteDisabled(settings, host)) {
    await activate();
    await uiReady().catch((e: unknown) => console.warn('[ChipLens] cards and notes did not load', e));
  }
  await yieldToPage();
  if (!navAbort.signal.aborted) watchUrlChanges(onUrlChange, navAbort.signal, scannedUrl);
}

/** How long the URL must stay the same before this page's notes are looked up. */
const NOTES_SETTLE_MS = 300;

/** What decides which mentions show on this site: only a change to it needs a re-match. */
function filterKey(s: Settings, host: string): string {
  return JSON.stringify([s.enabledTypes, s.suppressions.filter((x) => x.site === host)]);
}

/** At most `max` characters of a sentence, keeping the mention inside. */
function clipSentence(s: { start: number; end: number }, m: { start: number; end: number }, max: number) {
  if (s.end - s.start <= max) return s;
  const start = Math.max(s.start, Math.min(m.start - max / 2, s.end - max));
  return { start, end: Math.min(s.end, start + max) };
}

function currentPageKey(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  const ogUrl = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content;
  return computePageKey({ url: location.href, canonical, ogUrl });
}
