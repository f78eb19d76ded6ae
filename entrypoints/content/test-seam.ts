/**
 * The e2e tests' way in (tests/e2e/isolated-world.ts): one global of ChipLens's isolated world, the JavaScript world
 * of our content script. Page scripts run in the main world and cannot see it; the tests evaluate code in this world
 * through the DevTools protocol. It gives the closed shadow root of our UI and this page load's highlight names.
 */
import { highlightName } from '../../lib/highlight';
import type { UiRoot } from './ui-root';

export const TEST_SEAM_KEY = '__chiplensTestSeam';

export function exposeTestSeam(ui: UiRoot): void {
  (globalThis as Record<string, unknown>)[TEST_SEAM_KEY] = {
    root: () => ui.root(),
    highlightName: (...parts: string[]) => highlightName(...parts),
  };
}
