/**
 * The only module that marks the page: CSS Custom Highlight API ranges, registered under random per-page-load names
 * (names.ts) so the page's own highlights (same registry) never clash and no page can probe for ChipLens by name. The
 * page's nodes, attributes and text are never changed; where the API is missing (older Firefox) marking is a no-op and
 * everything else keeps working. Styles for these names are adopted by a document when the first mark is made there
 * (stylesheet.ts), never injected into frames where ChipLens is off.
 *
 * The document can change under the marks (document.open(), a replaced documentElement): ranges then collapse onto
 * the document node and are simply kept or dropped, never an error.
 */
import { type HighlightName, highlightName } from './names';
import { adoptHighlightStyles, dropHighlightStyles } from './stylesheet';

export { type HighlightName, highlightName };

interface RegistryLike {
  get(name: string): unknown;
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Set<AbstractRange> & { priority: number };

function registryFor(doc: Document | null): { registry: RegistryLike; Ctor: HighlightCtor } | null {
  const win = doc?.defaultView as (Window & { Highlight?: HighlightCtor }) | null;
  const css = (win as unknown as { CSS?: { highlights?: RegistryLike } } | null)?.CSS;
  const Ctor = win?.Highlight ?? (globalThis as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || !Ctor) return null;
  return { registry: css.highlights, Ctor };
}

export function isHighlightSupported(doc: Document = document): boolean {
  return registryFor(doc) !== null;
}

/**
 * A set of named highlight layers. Ranges are grouped under an owner key (a block of text, an annotation) so that
 * when the owner changes its old ranges are removed exactly.
 */
export class Highlighter {
  private readonly byOwner = new Map<unknown, { name: HighlightName; range: Range }[]>();
  private readonly layers = new Map<string, Set<AbstractRange>>();
  /** Documents given our highlight styles. */
  private readonly styled = new Set<Document>();

  constructor(private readonly priorities: Record<string, number> = {}) {}

  private layer(doc: Document, name: HighlightName): Set<AbstractRange> | null {
    const reg = registryFor(doc);
    if (!reg) return null;
    adoptHighlightStyles(doc);
    this.styled.add(doc);
    const key = `${name}\u0000${docKey(doc)}`;
    let h = this.layers.get(key);
    if (!h || reg.registry.get(name) !== h) {
      const created = new reg.Ctor();
      created.priority = this.priorities[name] ?? 0;
      reg.registry.set(name, created);
      h = created;
      this.layers.set(key, h);
    }
    return h;
  }

  /**
   * Replace the ranges an owner has (pass [] to remove them). The same marks again change nothing: every change to the
   * registry makes Chromium rebuild the highlight markers of the whole page in the next frame.
   */
  set(owner: unknown, marks: { name: HighlightName; range: Range }[]): void {
    const old = this.byOwner.get(owner);
    if (
      old &&
      old.length === marks.length &&
      old.every((m, i) => m.name === marks[i]!.name && m.range === marks[i]!.range)
    ) {
      return;
    }
    this.remove(owner);
    if (marks.length === 0) return;
    this.byOwner.set(owner, marks);
    this.apply(marks, (layer, range) => layer.add(range));
  }

  remove(owner: unknown): void {
    const old = this.byOwner.get(owner);
    if (!old) return;
    this.byOwner.delete(owner);
    this.apply(old, (layer, range) => layer.delete(range));
  }

  /** Runs `op` for each mark on its layer, looking each (document, name) layer up once per call, not per range. */
  private apply(
    marks: readonly { name: HighlightName; range: Range }[],
    op: (layer: Set<AbstractRange>, range: Range) => void,
  ): void {
    let doc: Document | null = null;
    let name = '';
    let layer: Set<AbstractRange> | null = null;
    for (const m of marks) {
      const d = documentOf(m.range.startContainer);
      if (d !== doc || m.name !== name) {
        doc = d;
        name = m.name;
        layer = d ? this.layer(d, name) : null;
      }
      if (layer) op(layer, m.range);
    }
  }

  /** Ranges currently registered for an owner. */
  get(owner: unknown): readonly { name: HighlightName; range: Range }[] {
    return this.byOwner.get(owner) ?? [];
  }

  /** Remove every range this highlighter registered, in every document. */
  clear(): void {
    for (const owner of [...this.byOwner.keys()]) this.remove(owner);
  }

  /** Remove every range and our highlight styles from every document (ChipLens switched off on this site). */
  release(): void {
    this.clear();
    for (const doc of this.styled) dropHighlightStyles(doc);
    this.styled.clear();
  }

  /** Count of ranges per layer name (tests and diagnostics). */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const marks of this.byOwner.values()) for (const m of marks) out[m.name] = (out[m.name] ?? 0) + 1;
    return out;
  }
}

/** The document a boundary node is in; the document itself once document.open() or a new root removed its node. */
function documentOf(node: Node): Document | null {
  return node.ownerDocument ?? (node.nodeType === 9 ? (node as Document) : null);
}

const docIds = new WeakMap<Document, number>();
let nextDocId = 1;
function docKey(doc: Document): number {
  let id = docIds.get(doc);
  if (!id) {
    id = nextDocId++;
    docIds.set(doc, id);
  }
  return id;
}
