/**
 * Maps between DOM positions and offsets in the page's joined visible text (the coordinate space of mentions and of
 * W3C TextPositionSelectors), using the scanner's blocks.
 */
import { type Block, locate } from '../../lib/page/blocks';

export interface TextMap {
  text: string;
  blocks: readonly Block[];
  /** starts[i]: offset of blocks[i] in `text`. */
  starts: number[];
  blockOf(node: Node): Block | undefined;
}

/** Index of the block containing global offset `at` (a separator belongs to the block before it). */
function blockIndexAt(map: TextMap, at: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A Range for global offsets [start, end), or null when the text map is empty or offsets are out of range. */
export function rangeForOffsets(map: TextMap, start: number, end: number): Range | null {
  if (map.blocks.length === 0 || start < 0 || end > map.text.length || start >= end) return null;
  const bi = blockIndexAt(map, start);
  const bj = blockIndexAt(map, end - 1);
  const a = map.blocks[bi]!;
  const b = map.blocks[bj]!;
  const s = locate(a, Math.min(start - map.starts[bi]!, a.text.length), false);
  const e = locate(b, Math.min(end - map.starts[bj]!, b.text.length), true);
  const range = s.node.ownerDocument.createRange();
  try {
    range.setStart(s.node, Math.min(s.offset, s.node.length));
    range.setEnd(e.node, Math.min(e.offset, e.node.length));
  } catch {
    return null; // nodes in different documents (iframe boundary): not representable as one Range
  }
  return range;
}

/** Global offset of a DOM boundary point, or -1 if it is not in scanned text. */
export function offsetOfPoint(map: TextMap, node: Node, offset: number, edge: 'start' | 'end'): number {
  const point = toTextPoint(node, offset, edge);
  if (!point) return -1;
  const block = map.blockOf(point.node);
  if (!block) return -1;
  const i = block.nodes.indexOf(point.node);
  const bi = map.blocks.indexOf(block);
  if (i < 0 || bi < 0) return -1;
  return map.starts[bi]! + block.starts[i]! + point.offset;
}

/** A boundary point inside an element -> the nearest text node position in the given direction. */
function toTextPoint(node: Node, offset: number, edge: 'start' | 'end'): { node: Text; offset: number } | null {
  if (node.nodeType === 3) return { node: node as Text, offset };
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(doc.body ?? doc, NodeFilter.SHOW_TEXT);
  const child = node.childNodes[offset] ?? null;
  if (edge === 'start') {
    walker.currentNode = child ?? node;
    if (child?.nodeType === 3) return { node: child as Text, offset: 0 };
    const next = walker.nextNode() as Text | null;
    return next ? { node: next, offset: 0 } : null;
  }
  walker.currentNode = child ?? node;
  if (!child) {
    // End of `node`: the last text node inside it.
    let last: Text | null = null;
    const inner = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = inner.nextNode(); t; t = inner.nextNode()) last = t as Text;
    return last ? { node: last, offset: last.length } : null;
  }
  const prev = walker.previousNode() as Text | null;
  return prev ? { node: prev, offset: prev.length } : null;
}

/** Sentence around [start, end) in `text`: back to the previous terminator or block break, forward to the next. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const isStop = (c: string) => /[.!?。！？\n]/.test(c);
  let s = start;
  while (s > 0 && !isStop(text[s - 1]!)) s--;
  while (s < start && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e < text.length && !isStop(text[e]!)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return { start: s, end: e };
}
