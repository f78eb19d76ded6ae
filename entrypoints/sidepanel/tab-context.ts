/**
 * Which tab the side panel shows, and what that tab's content script reports. Follows the active tab and its
 * navigations live; `?tab=<id>` pins the panel to one tab (test seam, documented in the README).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageKey as computePageKey, pageKeyOrigin } from '../../lib/annotations/page-key';
import { type AnchorReport, type PageMentions, sendToTab } from '../../lib/messaging';

export interface TabContext {
  tabId: number | null;
  /** null while loading or when the tab has no content script (chrome:// pages, the store, PDFs...). */
  page: (PageMentions & { pageKey: string; anchors: AnchorReport[] }) | null;
  status: 'loading' | 'ready' | 'unavailable';
  refresh(): void;
}

export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The page key a tab's content script reported, if it is on the tab's own origin; else the key of the tab's URL. A
 * page steers its content script (and a compromised one can say anything): the panel must not list another origin's
 * notes as this page's. When the tab's URL is not visible to the extension, the reported key stands.
 */
export async function checkedPageKey(tabId: number, reported: string): Promise<string> {
  const url = await browser.tabs.get(tabId).then(
    (t) => t.url,
    () => undefined,
  );
  if (!url) return reported;
  let origin: string | null = null;
  try {
    origin = new URL(url).origin;
  } catch {
    return reported;
  }
  return pageKeyOrigin(reported) === origin ? reported : computePageKey({ url });
}

export function useTabContext(): TabContext {
  const pinned = pinnedTabId(location.search);
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [page, setPage] = useState<TabContext['page']>(null);
  const [status, setStatus] = useState<TabContext['status']>('loading');
  const request = useRef(0);

  // Follow the active tab unless pinned.
  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    const pick = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    };
    void pick();
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);

  const load = useCallback(async (id: number | null) => {
    const n = ++request.current;
    if (id === null) {
      setPage(null);
      setStatus('unavailable');
      return;
    }
    // The content script may still be starting (document_idle): retry briefly before saying "unavailable".
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const [mentions, state] = await Promise.all([
          sendToTab(id, 'page:mentions', {}),
          sendToTab(id, 'page:state', {}),
        ]);
        const pageKey = await checkedPageKey(id, state.pageKey);
        if (n !== request.current) return;
        setPage({ ...mentions, pageKey, anchors: state.anchors });
        setStatus('ready');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
        if (n !== request.current) return;
      }
    }
    setPage(null);
    setStatus('unavailable');
  }, []);

  useEffect(() => {
    setStatus('loading');
    void load(tabId);
  }, [tabId, load]);

  // Live: the content script announces changes (mutations, SPA navigation, anchoring); tab loads restart it.
  useEffect(() => {
    if (tabId === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(tabId), 150);
    };
    const onMessage = (msg: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      if (sender.id !== browser.runtime.id || sender.tab?.id !== tabId) return undefined;
      if ((msg as { type?: string } | null)?.type === 'page:changed') soon();
      return undefined;
    };
    const onUpdated = (id: number, info: { status?: string; url?: string }) => {
      if (id === tabId && (info.status === 'complete' || info.url)) soon();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, load]);

  return { tabId, page, status, refresh: () => void load(tabId) };
}
