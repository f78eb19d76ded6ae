/**
 * The service worker: owns the database (extension origin), serves dataset cards, routes typed messages, opens the
 * side panel, and turns context-menu clicks and keyboard commands into messages to the active tab.
 */

import { MATCHER_BUILD, MATCHER_JSON } from 'virtual:chiplens-matcher';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getCatalog } from '../lib/dataset/catalog';
import { MATCHER_STORAGE_KEY, type StoredMatcher } from '../lib/detection/stored';
import {
  handleBackgroundMessages,
  mayUsePageKey,
  PANEL_FOCUS_KEY,
  PageScopeError,
  type SenderInfo,
  senderScope,
  sendToTab,
} from '../lib/messaging';
import { AnnotationRepository } from '../lib/storage/annotation-repository';
import { announceAnnotationChange } from '../lib/storage/changes';
import { openDb } from '../lib/storage/db';
import { PageNotesBatcher } from '../lib/storage/page-notes-batcher';

const MENU_ANNOTATE = 'chiplens-annotate';

export default defineBackground(() => {
  const repo = new AnnotationRepository(openDb());
  const pageNotes = new PageNotesBatcher((keys) => repo.forPages(keys));
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  /** Page keys this sender may use: all for extension pages, its own page's origin for a content script. */
  const allowFor = (sender: SenderInfo) => {
    const scope = senderScope(sender, extensionOrigin);
    return (pageKey: string) => mayUsePageKey(scope, pageKey);
  };
  void storeMatcherData();

  // Chrome: the toolbar button opens the side panel. Firefox: the toolbar button (MV2 `browserAction`) toggles the
  // sidebar (sidebar_action); that click is a user action, the only place Firefox lets an extension open it.
  const sidePanel = (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  if (!sidePanel) {
    (browser.action ?? browser.browserAction)?.onClicked.addListener(() => {
      void firefoxSidebar()?.toggle();
    });
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ANNOTATE,
      title: 'Annotate with ChipLens',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ANNOTATE && tab?.id !== undefined) {
      void sendToTab(tab.id, 'page:annotateSelection', {}).catch(() => {});
    }
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    if (command === 'next-mention' || command === 'prev-mention') {
      await sendToTab(tabId, 'page:navigate', { direction: command === 'next-mention' ? 'next' : 'prev' }).catch(
        () => {},
      );
    } else if (command === 'annotate-selection') {
      await sendToTab(tabId, 'page:annotateSelection', {}).catch(() => {});
    }
  });

  handleBackgroundMessages({
    ping: () => ({ version: browser.runtime.getManifest().version }),
    'matcher:data': () => ({ build: MATCHER_BUILD, json: MATCHER_JSON }),
    'entity:card': ({ id }) => {
      const catalog = getCatalog();
      const entity = catalog.get(id);
      if (!entity) return null;
      return {
        entity,
        related: catalog.related(id),
        datasetAsOf: catalog.meta.asOf,
        datasetVersion: catalog.meta.version,
      };
    },
    'entities:options': () => ({ options: getCatalog().options() }),
    'entities:get': ({ ids }) => {
      const catalog = getCatalog();
      return { entities: ids.map((id) => catalog.get(id)).filter((e) => e !== undefined) };
    },
    'annotations:forPage': async ({ pageKey }, sender) => {
      if (!allowFor(sender)(pageKey)) throw new PageScopeError('annotations:forPage');
      return { annotations: await pageNotes.get(pageKey) };
    },
    'annotation:save': async ({ annotation }, sender) => {
      const stored = await repo.saveEdit(annotation, allowFor(sender));
      await announceAnnotationChange([stored.pageKey]);
      return { annotation: stored };
    },
    'annotation:delete': async ({ id }, sender) => {
      const deleted = await repo.delete(id, allowFor(sender));
      if (deleted) await announceAnnotationChange([deleted.pageKey]);
      return { deleted };
    },
    'tags:list': async () => ({ tags: await repo.tags() }),
    'sidepanel:open': async ({ entityId }, sender) => {
      const tabId = sender.tab?.id;
      if (entityId && tabId !== undefined) {
        await browser.storage.session.set({ [PANEL_FOCUS_KEY]: { tabId, entityId, at: Date.now() } }).catch(() => {});
      }
      // Firefox refuses sidebarAction.open() outside a user action, and a message is not one: the card says how
      // to show the sidebar, which then opens on the entity stored above.
      if (!sidePanel || tabId === undefined) return { opened: false };
      try {
        await sidePanel.open({ tabId });
        return { opened: true };
      } catch {
        return { opened: false };
      }
    },
    'page:changed': () => ({ ok: true }),
  });
});

/** Firefox's sidebar_action API (not in the polyfill's Chrome-shaped types). */
function firefoxSidebar(): { toggle(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
}

interface ChromeSidePanel {
  setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void>;
  open(o: { tabId: number }): Promise<void>;
}

/**
 * Keeps this build's matcher data in storage, where the content script reads it instead of carrying it in its own
 * script. Written only when the stored build differs: every tab's storage listener sees a write.
 */
async function storeMatcherData(): Promise<void> {
  try {
    const stored = (await browser.storage.local.get(MATCHER_STORAGE_KEY))[MATCHER_STORAGE_KEY] as
      | Partial<StoredMatcher>
      | undefined;
    if (stored?.build === MATCHER_BUILD) return;
    const record: StoredMatcher = { build: MATCHER_BUILD, json: MATCHER_JSON };
    await browser.storage.local.set({ [MATCHER_STORAGE_KEY]: record });
  } catch (e) {
    // Content scripts then ask for the data with 'matcher:data'.
    console.warn('ChipLens: could not store the matcher data', e);
  }
}
