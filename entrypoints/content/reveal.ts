/** Scrolling a range into view and flashing it (side panel "show me", keyboard navigation). */
import type { Highlighter } from '../../lib/highlight';
import { highlightName } from '../../lib/highlight';

const FLASH = highlightName('flash');
const FLASH_MS = 1600;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Scroll so the range is in the middle of the viewport (instantly under reduced motion) and flash it. */
export function revealRange(range: Range, highlighter: Highlighter): void {
  const el = range.startContainer.parentElement;
  const reduce = el?.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  highlighter.set(FLASH, [{ name: FLASH, range }]);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => highlighter.remove(FLASH), FLASH_MS);
}

/** Is any part of the range inside the viewport? */
export function isRangeVisible(range: Range): boolean {
  const win = range.startContainer.ownerDocument?.defaultView;
  if (!win) return false;
  const r = range.getBoundingClientRect();
  return r.bottom > 0 && r.top < win.innerHeight && r.right > 0 && r.left < win.innerWidth && r.height > 0;
}
