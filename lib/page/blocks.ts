/**
 * The only module that walks the page. It turns the visible text of a document (open shadow roots and same-origin
 * iframes included) into "blocks": runs of text between block-level boundaries, each with the text nodes it came
 * from. The page's joined visible text is the blocks' texts joined with "\n". Nothing here writes to the page.
 */

/** Elements whose content is never visible text, or is the reader's own input. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'EMBED',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'svg',
  'SVG',
  'MATH',
]);

/** Elements that start a new block of text (so names in adjacent paragraphs never merge into one alias). */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'IFRAME',
  'IMG',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export interface Block {
  /** Nearest block-level element (or shadow root / document body) that holds this run of text. */
  container: Node;
  /** The text nodes, in order. */
  nodes: Text[];
  /** starts[i]: offset of nodes[i] in `text`. */
  starts: number[];
  text: string;
}

export interface WalkOptions {
  /** Elements of our own UI (shadow hosts) to skip. */
  isOwnUi?: (el: Element) => boolean;
  /** Check CSS visibility (off in unit tests without layout). Default true. */
  checkVisibility?: boolean;
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/**
 * Inline elements that only format text. Without a class, id or style attribute page CSS has little to hide one by,
 * so it is taken to share its container's (checked) visibility: checking every <a> and <b> of a long article one by
 * one was the walk's largest cost.
 */
const PLAIN_INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
]);

function isPlainInline(el: Element, tag: string): boolean {
  return PLAIN_INLINE_TAGS.has(tag) && !el.hasAttribute('class') && !el.hasAttribute('style') && !el.hasAttribute('id');
}

function isHidden(el: Element, checkVisibility: boolean): boolean {
  if ((el as HTMLElement).hidden) return true;
  if (el.getAttribute('aria-hidden') === 'true' && el.tagName !== 'BODY') {
    // aria-hidden decorative text is usually also visually hidden or duplicate; visible duplicates are rare.
    return true;
  }
  if (!checkVisibility) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return !check.call(el, { visibilityProperty: true });
  return false;
}

/** An element that starts an editable region (the reader's own input, never scanned). */
function isEditableRoot(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** Is this element excluded from scanning by its own nature? */
export function isSkippedElement(el: Element, opts: WalkOptions = {}): boolean {
  return SKIP_TAGS.has(el.tagName) || isEditableRoot(el) || opts.isOwnUi?.(el) === true;
}

/** True if `node` sits inside something we never scan (form field, editable region, hidden, our UI). */
export function isInsideSkipped(node: Node, opts: WalkOptions = {}): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; ) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (isSkippedElement(el, opts) || isHidden(el, opts.checkVisibility ?? true)) return true;
    } else if (n.nodeType === 9 && (n as Document).designMode === 'on') {
      return true;
    }
    const parent: Node | null = n.parentNode;
    n = parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
  }
  return false;
}

/**
 * A resumable walk: call `step(deadline)` repeatedly; it returns true when the whole subtree has been walked.
 * Blocks are appended to `out` in document (composed) order.
 */
export class BlockWalker {
  // The pending nodes and the container each belongs to, as two parallel stacks (no object per node).
  private readonly nodes: Node[] = [];
  private readonly containers: Node[] = [];
  private current: { container: Node; nodes: Text[]; starts: number[]; parts: string[]; length: number } | null = null;
  readonly out: Block[] = [];
  /** Shadow roots and iframe documents met on the way (to observe them for mutations). */
  readonly roots: (ShadowRoot | Document)[] = [];

  constructor(
    root: Node,
    private readonly opts: WalkOptions = {},
    rootContainer: Node = root,
  ) {
    // A document in design mode is the reader's editor as a whole.
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    if (doc?.designMode !== 'on') this.push(root, rootContainer);
  }

  private push(node: Node, container: Node): void {
    this.nodes.push(node);
    this.containers.push(container);
  }

  /** Queue the children of `parent`, first child on top. */
  private pushChildren(parent: Node, container: Node): void {
    for (let c = parent.lastChild; c; c = c.previousSibling) this.push(c, container);
  }

  private flush(): void {
    const cur = this.current;
    this.current = null;
    if (!cur || cur.nodes.length === 0) return;
    const text = cur.parts.length === 1 ? cur.parts[0]! : cur.parts.join('');
    if (NON_SPACE.test(text)) this.out.push({ container: cur.container, nodes: cur.nodes, starts: cur.starts, text });
  }

  private addText(t: Text, container: Node): void {
    const data = t.data;
    if (data.length === 0) return;
    let cur = this.current;
    if (!cur || cur.container !== container) {
      this.flush();
      cur = { container, nodes: [], starts: [], parts: [], length: 0 };
      this.current = cur;
    }
    cur.starts.push(cur.length);
    cur.nodes.push(t);
    cur.parts.push(data);
    cur.length += data.length;
  }

  /** Walk until `deadline` (a performance.now() value). Returns true when done. */
  step(deadline: number, now: () => number = () => performance.now()): boolean {
    const checkVis = this.opts.checkVisibility ?? true;
    const { nodes, containers } = this;
    let budget = 0;
    while (nodes.length > 0) {
      // The clock is read every 8 nodes: one element's visibility check can cost a lot on a busy page.
      if (++budget % 8 === 0 && now() > deadline) return false;
      const node = nodes.pop()!;
      const container = containers.pop()!;
      if (node === BLOCK_END) {
        this.flush();
        continue;
      }
      const type = node.nodeType;
      if (type === 3) {
        this.addText(node as Text, container);
        continue;
      }
      if (type === 1) {
        const el = node as Element;
        const tag = el.tagName;
        if (isSkippedElement(el, this.opts)) continue;
        if (tag === 'BR' || tag === 'HR' || tag === 'IMG') {
          this.flush();
          continue;
        }
        if (isHidden(el, checkVis && !isPlainInline(el, tag))) continue;
        const block = BLOCK_TAGS.has(tag) || el.shadowRoot !== null || tag === 'IFRAME';
        const childContainer = block ? el : container;
        if (block) {
          this.flush();
          this.push(BLOCK_END, container);
        }
        if (tag === 'IFRAME') {
          let doc: Document | null = null;
          try {
            doc = (el as HTMLIFrameElement).contentDocument;
          } catch {
            doc = null; // cross-origin
          }
          if (doc?.body && doc.designMode !== 'on') {
            this.roots.push(doc);
            this.push(doc.body, doc.body);
          }
          continue;
        }
        const sr = el.shadowRoot;
        if (sr && sr.mode === 'open') {
          this.roots.push(sr);
          // Light DOM children are rendered through slots; walking the shadow tree and the slotted light children
          // in order is approximated as: shadow tree first, then light DOM (slot distribution order is rare in news).
          this.pushChildren(el, childContainer);
          this.push(BLOCK_END, childContainer);
          this.pushChildren(sr, sr);
          continue;
        }
        this.pushChildren(el, childContainer);
        continue;
      }
      if (type === 9 || type === 11) this.pushChildren(node, container);
    }
    this.flush();
    return true;
  }
}

const NON_SPACE = /\S/;
const BLOCK_END = { nodeType: -1 } as unknown as Node;

/** Walk a subtree to completion (tests, small regions). */
export function collectBlocks(root: Node, opts: WalkOptions = {}): Block[] {
  const w = new BlockWalker(root, opts, nearestBlock(root));
  w.step(Number.POSITIVE_INFINITY);
  return w.out;
}

/** The nearest block-level ancestor-or-self of a node (crossing out of shadow roots to hosts). */
export function nearestBlock(node: Node): Node {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && (isBlockElement(n as Element) || (n as Element).shadowRoot)) return n;
    if (n.nodeType === 11 || n.nodeType === 9) return n;
  }
  return node;
}

/** Find the node and offset for a block-local text offset (binary search over `starts`). */
export function locate(block: Block, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  // Clamped: the page may have shortened the node since the block was read (a range past its end would throw).
  return { node, offset: Math.max(0, Math.min(offset - starts[lo]!, node.length)) };
}

/** False once the page has changed or removed one of the block's text nodes: its offsets may no longer fit. */
export function isCurrent(block: Block): boolean {
  const { nodes, starts, text } = block;
  for (let i = 0; i < nodes.length; i++) {
    const end = i + 1 < nodes.length ? starts[i + 1]! : text.length;
    if (nodes[i]!.length !== end - starts[i]! || !nodes[i]!.isConnected) return false;
  }
  return true;
}

/** A DOM Range for block-local offsets [start, end). */
export function rangeFor(block: Block, start: number, end: number): Range {
  const a = locate(block, start, false);
  const b = locate(block, end, true);
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/**
 * A StaticRange for block-local offsets [start, end): what marks are painted with. Unlike a live Range it costs the
 * page nothing when its DOM changes (Chromium updates every live Range of a document on each mutation), and a stale
 * one is simply replaced by the rescan of its block.
 */
export function staticRangeFor(block: Block, start: number, end: number): AbstractRange {
  const a = locate(block, start, false);
  const b = locate(block, end, true);
  const win = a.node.ownerDocument.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null;
  const Ctor = win?.StaticRange ?? (globalThis as { StaticRange?: typeof StaticRange }).StaticRange;
  // Without StaticRange (test DOMs): a live range does the same job.
  if (!Ctor) return rangeFor(block, start, end);
  return new Ctor({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
}

/** Block-local offset of a (text node, offset) point, or -1 if the node isn't in the block. */
export function offsetInBlock(block: Block, node: Node, offset: number): number {
  const i = block.nodes.indexOf(node as Text);
  return i < 0 ? -1 : block.starts[i]! + offset;
}

/** Compare two nodes in composed tree order (crossing shadow roots and same-origin iframes); shadow content sorts
 * before its host's light-DOM children, as the walker visits it. */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const pa = composedPath(a);
  const pb = composedPath(b);
  for (let i = 0; ; i++) {
    const x = pa[i];
    const y = pb[i];
    if (!x) return -1;
    if (!y) return 1;
    if (x !== y) {
      const pos = x.compareDocumentPosition(y);
      if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
      if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
      if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
      if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
      return 0;
    }
  }
}

/** The node's representative in each tree from the top document down to its own tree. */
function composedPath(node: Node): Node[] {
  const path: Node[] = [];
  let n: Node | null = node;
  while (n) {
    path.push(n);
    const root = n.getRootNode();
    if (root.nodeType === 11) n = (root as ShadowRoot).host;
    else if (root.nodeType === 9) n = (root as Document).defaultView?.frameElement ?? null;
    else n = null;
  }
  return path.reverse();
}
