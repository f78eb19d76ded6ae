/** From DOM mutation records to the regions to scan again, and back into the ordered list of blocks. */
import { type Block, compareComposed, isBlockElement, nearestBlock } from './blocks';

/**
 * Adds to `dirty` the regions `records` changed: the block around changed text or inline content, or an appended
 * block element itself (infinite scroll, new paragraphs). Changes inside our own UI are left out. Returns true if
 * nodes were removed (their blocks are to be dropped even when no region needs reading again).
 */
export function addDirtyRegions(
  records: readonly MutationRecord[],
  dirty: Set<Node>,
  isOwnUi?: (el: Element) => boolean,
): boolean {
  let removed = false;
  for (const r of records) {
    if (r.type === 'characterData') {
      const p = r.target.parentNode;
      if (p) dirty.add(nearestBlock(p));
      continue;
    }
    if (isOwnUi && r.target.nodeType === 1 && isOwnUi(r.target as Element)) continue;
    // A removed block element takes its blocks with it (the flush drops blocks whose nodes left the page); the
    // surrounding block changes only if text or inline content now runs together across the gap.
    let inlineChange = false;
    r.removedNodes.forEach((n) => {
      removed = true;
      if (
        n.nodeType !== 1 ||
        !isBlockElement(n as Element) ||
        (!isBlockEdge(r.previousSibling, 'previousSibling') && !isBlockEdge(r.nextSibling, 'nextSibling'))
      )
        inlineChange = true;
    });
    r.addedNodes.forEach((n) => {
      if (n.nodeType === 1 && isOwnUi?.(n as Element)) return;
      if (n.nodeType === 1 && nearestBlock(n) === n) dirty.add(n);
      else if (n.nodeType === 3 || n.nodeType === 1) inlineChange = true;
    });
    if (inlineChange) dirty.add(nearestBlock(r.target));
  }
  return removed;
}

/**
 * Does text stop at `n` (looking in `direction`)? It does at the edge of the parent or at a block element; a
 * whitespace-only text node or a comment in between changes nothing.
 */
function isBlockEdge(n: Node | null, direction: 'previousSibling' | 'nextSibling'): boolean {
  let x = n;
  while (x && (x.nodeType === 8 || (x.nodeType === 3 && !NON_SPACE.test((x as Text).data)))) x = x[direction];
  return x === null || (x.nodeType === 1 && isBlockElement(x as Element));
}

const NON_SPACE = /\S/;

/** Merge `b` (rescanned blocks, any order) into `a` (blocks in document order). */
export function mergeSorted<T extends Block>(a: T[], b: T[]): T[] {
  if (b.length === 0) return a;
  b.sort((x, y) => compareComposed(x.nodes[0]!, y.nodes[0]!));
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareComposed(a[i]!.nodes[0]!, b[j]!.nodes[0]!) <= 0) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
