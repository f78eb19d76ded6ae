/** From DOM mutation records to the regions to scan again, and back into the ordered list of blocks. */
import { type Block, compareComposed, nearestBlock } from './blocks';

/**
 * Adds to `dirty` the regions `records` changed: the block around changed text or inline content, or an appended
 * block element itself (infinite scroll, new paragraphs). Changes inside our own UI are left out.
 */
export function addDirtyRegions(
  records: readonly MutationRecord[],
  dirty: Set<Node>,
  isOwnUi?: (el: Element) => boolean,
): void {
  for (const r of records) {
    if (r.type === 'characterData') {
      const p = r.target.parentNode;
      if (p) dirty.add(nearestBlock(p));
      continue;
    }
    if (isOwnUi && r.target.nodeType === 1 && isOwnUi(r.target as Element)) continue;
    let inlineChange = r.removedNodes.length > 0;
    r.addedNodes.forEach((n) => {
      if (n.nodeType === 1 && isOwnUi?.(n as Element)) return;
      if (n.nodeType === 1 && nearestBlock(n) === n) dirty.add(n);
      else if (n.nodeType === 3 || n.nodeType === 1) inlineChange = true;
    });
    if (inlineChange) dirty.add(nearestBlock(r.target));
  }
}

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
