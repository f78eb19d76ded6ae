/**
 * The e2e tests' ways in to what the page cannot reach:
 * - in Chromium (tests/e2e/isolated-world.ts): one global of ChipLens's isolated world, the JavaScript world of our
 *   content script. Page scripts run in the main world and cannot see it; the tests evaluate code in this world through
 *   the DevTools protocol. It gives the closed shadow root of our UI and this page load's highlight names.
 * - in every browser (Firefox has no such protocol for content scripts): the `page:inspectUi` message, which only this
 *   extension's own pages can send, answered by {@link inspectUi}.
 */
import { highlightName } from '../../lib/highlight';
import type { Req, Res } from '../../lib/messaging';
import type { ContentProtocol } from '../../lib/messaging/protocol';
import type { UiRoot } from './ui-root';

export const TEST_SEAM_KEY = '__chiplensTestSeam';

export function exposeTestSeam(ui: UiRoot): void {
  (globalThis as Record<string, unknown>)[TEST_SEAM_KEY] = {
    root: () => ui.root(),
    highlightName: (...parts: string[]) => highlightName(...parts),
  };
}

/** Answers `page:inspectUi` from the closed shadow root. */
export function inspectUi(
  ui: UiRoot,
  q: Req<ContentProtocol, 'page:inspectUi'>,
): Res<ContentProtocol, 'page:inspectUi'> {
  const root = ui.root();
  const all = root?.host.isConnected ? [...root.querySelectorAll<HTMLElement>(q.selector)] : [];
  const els = q.text === undefined ? all : all.filter((el) => el.textContent?.trim() === q.text);
  const el = els[0];
  let box = null;
  if (q.op === 'box' && el) {
    // Measured where it is: a probe must not scroll the page (that moves or closes the card it measures).
    const r = el.getBoundingClientRect();
    box = { x: r.x, y: r.y, width: r.width, height: r.height };
  }
  return {
    count: els.length,
    text: q.op === 'text' ? (el?.textContent ?? null) : null,
    box,
    focused:
      q.op === 'focused' &&
      el !== undefined &&
      (el === root?.activeElement || el.contains(root?.activeElement ?? null)),
  };
}
