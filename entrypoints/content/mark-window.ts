/** Marking only near the viewport, on pages with very many mentions or that keep changing (see detector.ts). */
import type { MentionBlock } from './detector';

/**
 * Marks only the blocks whose element is near the viewport (by default within a screen of it), following scrolling with an
 * IntersectionObserver (one target per block element; blocks sharing an element share its target).
 */
export class MarkWindow {
  private readonly blocksOf = new Map<Element, Set<MentionBlock>>();
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly mark: (b: MentionBlock) => void,
    private readonly unmark: (b: MentionBlock) => void,
    /** How far above and below the viewport blocks count as near (CSS margin, e.g. '100% 0px': a screen). */
    rootMargin = '100% 0px',
  ) {
    this.observer = new IntersectionObserver((entries) => this.update(entries), { rootMargin });
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const blocks = this.blocksOf.get(e.target);
      if (!blocks) continue;
      if (e.isIntersecting) {
        if (!this.near.has(e.target)) for (const b of blocks) this.mark(b);
        this.near.add(e.target);
      } else {
        this.near.delete(e.target);
        for (const b of blocks) this.unmark(b);
      }
    }
  }

  isNear(b: MentionBlock): boolean {
    const t = targetOf(b);
    return t !== null && this.near.has(t);
  }

  track(b: MentionBlock): void {
    const t = targetOf(b);
    if (!t) return;
    let set = this.blocksOf.get(t);
    if (!set) {
      set = new Set();
      this.blocksOf.set(t, set);
      this.observer.observe(t);
    }
    set.add(b);
  }

  forget(b: MentionBlock): void {
    const t = targetOf(b);
    const set = t && this.blocksOf.get(t);
    if (!t || !set) return;
    set.delete(b);
    if (set.size === 0) {
      this.blocksOf.delete(t);
      this.near.delete(t);
      this.observer.unobserve(t);
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    this.blocksOf.clear();
    this.near.clear();
  }
}

/** The element whose position stands for a block: its container, or the host of a shadow root container. */
function targetOf(b: MentionBlock): Element | null {
  const c = b.container;
  if (c.nodeType === 1) return c as Element;
  if (c.nodeType === 11) return (c as ShadowRoot).host;
  return b.nodes[0]?.parentElement ?? null;
}
