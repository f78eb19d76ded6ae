/**
 * Helpers for hostile-page.e2e.ts: what a hostile page script can do (run in the page's MAIN world, as the page
 * itself would), plus set-up and checks that work the same on any ChipLens build (so each attack test can be run
 * against an older build and seen to fail there for the attack's sake, not for a missing test seam).
 */
import type { Page } from 'playwright-core';
import { askTab, type ExtensionSession } from './harness';
import { evaluateIsolated } from './isolated-world';

/** Everything a page script can read of any shadow root it can reach (open ones), anywhere in its DOM. */
export function readableShadowText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          out.push(el.shadowRoot.textContent ?? '');
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return out.join('\n');
  });
}

/** A page-made ("synthetic", untrusted) pointermove at a point, as a page script can dispatch. */
export function syntheticPointer(page: Page, p: { x: number; y: number }): Promise<void> {
  return page.evaluate(({ x, y }) => {
    for (let i = 0; i < 3; i++) {
      const target = document.elementFromPoint(x, y) ?? document.body;
      target.dispatchEvent(
        new PointerEvent('pointermove', {
          clientX: x,
          clientY: y + i,
          bubbles: true,
          composed: true,
          pointerType: 'mouse',
        }),
      );
    }
  }, p);
}

/** The page selects a passage itself and dispatches a mouseup, as if the reader had selected it. */
export function syntheticSelect(page: Page, paragraphId: string): Promise<void> {
  return page.evaluate((id) => {
    const p = document.getElementById(id)!;
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
  }, paragraphId);
}

/** The page clicks a button by its text in any shadow root it can reach. Returns whether it found one. */
export function pageClicksButton(page: Page, text: RegExp): Promise<boolean> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i]!.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (el instanceof HTMLButtonElement && re.test(el.textContent ?? '')) {
          el.click();
          return true;
        }
      }
    }
    return false;
  }, text.source);
}

/** Text of ChipLens's UI, read from its isolated world with chrome.dom (works on any build, open or closed root). */
export function ourUiText(page: Page): Promise<string> {
  return evaluateIsolated(page, () =>
    [...document.documentElement.children]
      .map((el) => chrome.dom.openOrClosedShadowRoot(el as HTMLElement)?.textContent ?? '')
      .join('\n'),
  );
}

/** Store a note for the page in `tabId` (or for another page key) as the side panel would. */
export async function storeNote(
  session: ExtensionSession,
  tabId: number,
  note: { exact: string; text: string; tags: string[]; pageKey?: string },
): Promise<void> {
  const { pageKey, url } = await askTab<{ pageKey: string; url: string }>(session, tabId, 'page:state');
  const now = new Date().toISOString();
  const annotation = {
    id: crypto.randomUUID(),
    pageKey: note.pageKey ?? pageKey,
    url: note.pageKey ?? url,
    title: 'test',
    quote: { type: 'TextQuoteSelector', exact: note.exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: note.exact.length },
    anchorVersion: 1,
    note: note.text,
    tags: note.tags,
    color: 'yellow',
    entityIds: [],
    createdAt: now,
    updatedAt: now,
  };
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  const r = await panel.evaluate(
    (a) => chrome.runtime.sendMessage({ type: 'annotation:save', payload: { annotation: a } }),
    annotation,
  );
  await panel.close();
  if (!r?.ok) throw new Error(`could not store the note: ${JSON.stringify(r)}`);
}

/** Every note the background has for a page key. */
export async function notesFor(session: ExtensionSession, tabId: number): Promise<{ note: string }[]> {
  const { pageKey } = await askTab<{ pageKey: string }>(session, tabId, 'page:state');
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  const r = await panel.evaluate(
    (k) => chrome.runtime.sendMessage({ type: 'annotations:forPage', payload: { pageKey: k } }),
    pageKey,
  );
  await panel.close();
  return r.data.annotations;
}
