/**
 * Tells every tab that annotations changed: content scripts cannot read the extension's database, so writers bump a
 * small record in storage.local that they watch (the side panel uses Dexie liveQuery instead).
 */
import { browser } from 'wxt/browser';

export const ANNOTATIONS_REV_KEY = 'annotationsRev';

export interface AnnotationsRev {
  /** Pages whose annotations changed; `*` means any (e.g. after an import). */
  pageKeys: string[];
  at: number;
}

export async function announceAnnotationChange(pageKeys: string[]): Promise<void> {
  const rev: AnnotationsRev = { pageKeys: [...new Set(pageKeys)], at: Date.now() };
  await browser.storage.local.set({ [ANNOTATIONS_REV_KEY]: rev });
}
