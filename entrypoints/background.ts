import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundMessages } from '../lib/messaging';

export default defineBackground(() => {
  handleBackgroundMessages({
    ping: () => ({ version: browser.runtime.getManifest().version }),
    'entities:get': () => ({ entities: [] }),
    'annotations:forPage': () => ({ annotations: [] }),
    'annotation:save': ({ annotation }) => ({ annotation }),
    'annotation:delete': () => ({ deleted: null }),
    'tags:list': () => ({ tags: [] }),
    'sidepanel:open': () => ({ opened: false }),
    'anchors:report': () => ({ ok: true }),
  });
});
