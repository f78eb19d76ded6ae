/** Finding the block elements on screen, for the pre-pass that marks the viewport before the rest of the page. */
import { compareComposed, isInsideSkipped, nearestBlock, type WalkOptions } from './blocks';

/**
 * Block elements in the viewport, in document order, found from a grid of points. A tall container hit between its
 * paragraphs (an <article>) is narrowed to its children that intersect the viewport, so the pre-pass walks about
 * one screen of text, not the page.
 */
export function viewportContainers(doc: Document, opts: WalkOptions): Node[] {
  const win = doc.defaultView;
  if (!win || typeof doc.elementFromPoint !== 'function') return [];
  const h = win.innerHeight;
  const w = win.innerWidth;
  const found = new Set<Element>();
  // A coarse grid: each probe is a hit test, and one screen of text needs only a few of them to be found.
  for (let y = 0.1; y < 1; y += 0.2) {
    for (let x = 0.2; x < 1; x += 0.3) {
      const el = doc.elementFromPoint(w * x, h * y);
      if (!el || el === doc.body || el === doc.documentElement) continue;
      const block = nearestBlock(el);
      if (block.nodeType !== 1 || isInsideSkipped(block, opts)) continue;
      for (const b of narrowToViewport(block as Element, h)) found.add(b);
    }
  }
  const list = [...found].filter((n) => ![...found].some((m) => m !== n && m.contains(n)));
  // A few elements: sorting them is cheap, and walking each in turn then yields blocks in document order.
  return list.sort((a, b) => compareComposed(a, b));
}

/** Children of a tall element that intersect the viewport (recursively), found by binary search on their position. */
function narrowToViewport(el: Element, viewportHeight: number, depth = 0): Element[] {
  const r = el.getBoundingClientRect();
  if (r.height <= viewportHeight * 1.5 || depth > 6 || el.children.length === 0) return [el];
  const kids = el.children;
  // Children of a block container are laid out top to bottom: find the first one that ends below the viewport top.
  let lo = 0;
  let hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kids[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: Element[] = [];
  for (let i = lo; i < kids.length && out.length < 100; i++) {
    const kr = kids[i]!.getBoundingClientRect();
    if (kr.top > viewportHeight) break;
    if (kr.height === 0 && kr.width === 0) continue;
    out.push(...narrowToViewport(kids[i]!, viewportHeight, depth + 1));
  }
  return out.length > 0 ? out : [el];
}
