/**
 * Hover and keyboard context cards: pointer -> mention hit-testing (one lookup per frame), the hover-intent state
 * machine, and the card rendered with Preact in our shadow root, placed with floating-ui next to the mention.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { HoverCard, type LoadedEntity } from '../../components/card/hover-card';
import { CARD_CSS } from '../../components/card/styles';
import { createHoverIntent, type HoverCardState, type HoverIntent } from '../../lib/cards/hover-intent';
import type { Mention } from '../../lib/detection/types';
import { sendToBackground } from '../../lib/messaging';
import { addSuppression, removeSuppression } from '../../lib/settings/rules';
import { updateSettings } from '../../lib/settings/store';
import type { Settings } from '../../lib/settings/types';
import type { Annotator } from './annotator';
import type { Detector, PageMention } from './detector';
import { isRangeVisible, revealRange } from './reveal';
import { trusted } from './trusted';
import type { UiRoot } from './ui-root';

export interface CardControllerOptions {
  ui: UiRoot;
  detector: Detector;
  getSettings: () => Settings;
  host: string;
  annotator: Annotator;
}

type CardData = { entity: LoadedEntity['entity']; related: LoadedEntity['related']; datasetAsOf: string };

/** How long a smooth scroll to the keyboard's next mention may take (its card stays open meanwhile). */
const REVEAL_SCROLL_MS = 1500;

/** Below this much room beside the mention (CSS px), the card may cover it and take the viewport's height. */
const MIN_CARD_ROOM = 240;

export class CardController {
  private intent: HoverIntent | null = null;
  private abort: AbortController | null = null;
  private readonly keys = new WeakMap<Mention, string>();
  private readonly byKey = new Map<string, { pm: PageMention; range: Range }>();
  private nextKey = 1;
  private hovered: string | null = null;
  private frame = 0;
  private lastPoint: { doc: Document; x: number; y: number } | null = null;
  private layer: HTMLElement | null = null;
  private cleanupPlacement: (() => void) | null = null;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private navIndex = -1;
  /** The mention the keyboard is scrolling to, and until when its card ignores "scrolled away". */
  private revealing: { key: string; until: number } | undefined;
  private returnFocus: Element | null = null;
  private renderToken = 0;
  private docs = new WeakSet<Document>();

  constructor(private readonly o: CardControllerOptions) {
    o.ui.addStyle(CARD_CSS);
    o.ui.addStyle(LAYER_CSS);
  }

  start(): void {
    this.intent = createHoverIntent({
      onChange: (s) => void this.show(s),
      dwellMs: this.o.getSettings().hoverDelayMs,
    });
    this.listenToPage();
  }

  /**
   * (Re)adds our listeners to the top document and window. document.open() erases every listener on the document and
   * its window, ours included: the app calls this again when the document element changes (then `listenTo` adds the
   * frames again).
   */
  listenToPage(): void {
    if (!this.intent) return;
    this.abort?.abort();
    this.abort = new AbortController();
    this.docs = new WeakSet();
    const { signal } = this.abort;
    this.listen(document, signal);
    window.addEventListener(
      'scroll',
      trusted(() => {
        const open = this.intent?.getState().open;
        // The keyboard's mention is being scrolled to (smoothly): it is not away, it is on its way in.
        if (open && open === this.revealing?.key && performance.now() < this.revealing.until) return;
        const entry = open ? this.byKey.get(open) : undefined;
        if (entry && !isRangeVisible(entry.range)) this.intent?.mentionScrolledAway(open!);
      }),
      { passive: true, capture: true, signal },
    );
    window.addEventListener(
      'keydown',
      trusted<KeyboardEvent>((e) => {
        if (e.key === 'Escape' && this.intent?.getState().open) {
          this.intent.escape();
        }
      }),
      { capture: true, signal },
    );
  }

  /** Track hover in a same-origin iframe's document too. */
  listenTo(doc: Document): void {
    if (this.abort && !this.docs.has(doc)) this.listen(doc, this.abort.signal);
  }

  /** Hover tracking for a document (the top one, and same-origin iframes as they are found). */
  private listen(doc: Document, signal: AbortSignal): void {
    this.docs.add(doc);
    doc.addEventListener(
      'pointermove',
      trusted<PointerEvent>((e) => {
        if (e.pointerType === 'touch') return;
        if (this.o.ui.containsEvent(e)) return;
        this.lastPoint = { doc, x: e.clientX, y: e.clientY };
        if (!this.frame) this.frame = requestAnimationFrame(() => this.onFrame());
      }),
      { passive: true, signal },
    );
  }

  private onFrame(): void {
    this.frame = 0;
    const p = this.lastPoint;
    if (!p || !this.intent) return;
    const hit = this.o.detector.hitTest(p.doc, p.x, p.y);
    const key = hit ? this.keyOf(hit) : null;
    if (key === this.hovered) return;
    if (this.hovered) this.intent.pointerLeaveMention();
    this.hovered = key;
    if (key && hit) {
      // Fetch the card during the dwell, so it is ready (and the service worker awake) when the card opens.
      void this.card(hit.mention.entityId);
      this.intent.pointerEnterMention(key);
    }
  }

  private keyOf(pm: PageMention): string {
    let key = this.keys.get(pm.mention);
    if (!key) {
      key = `m${this.nextKey++}`;
      this.keys.set(pm.mention, key);
      this.byKey.set(key, { pm, range: this.o.detector.rangeOf(pm.block, pm.mention) });
    }
    return key;
  }

  stop(): void {
    this.abort?.abort();
    this.intent?.dispose();
    this.intent = null;
    this.hide();
  }

  close(): void {
    this.intent?.close();
  }

  /** Mentions were rescanned: forget keys of mentions that no longer exist (an open card keeps its own range). */
  mentionsChanged(): void {
    const open = this.intent?.getState().open;
    for (const [key, v] of this.byKey) {
      if (key !== open && !v.range.startContainer.isConnected) this.byKey.delete(key);
    }
  }

  /** Keyboard: move to the next/previous mention in reading order, scroll to it, open its card with focus. */
  navigate(direction: 'next' | 'prev'): boolean {
    const all = this.o.detector.all();
    if (all.length === 0 || !this.intent) return false;
    if (this.navIndex < 0 || this.navIndex >= all.length) {
      // Start from the first mention in (or after) the viewport.
      const first = all.findIndex(
        (m) => this.o.detector.rangeOf(m.block, m.mention).getBoundingClientRect().bottom > 0,
      );
      this.navIndex = direction === 'next' ? Math.max(first, 0) : Math.max(first - 1, 0);
    } else {
      this.navIndex = (this.navIndex + (direction === 'next' ? 1 : -1) + all.length) % all.length;
    }
    const pm = all[this.navIndex]!;
    const range = this.o.detector.rangeOf(pm.block, pm.mention);
    const active = document.activeElement;
    if (!this.o.ui.owns(active)) this.returnFocus = active;
    revealRange(range, this.o.annotator.highlighter);
    this.revealing = { key: this.keyOf(pm), until: performance.now() + REVEAL_SCROLL_MS };
    this.intent.focusOpen(this.keyOf(pm));
    return true;
  }

  private card(id: string): Promise<CardData | null> {
    let p = this.cache.get(id);
    if (!p) {
      p = sendToBackground('entity:card', { id }).catch(() => null);
      this.cache.set(id, p);
    }
    return p;
  }

  private async show(state: HoverCardState): Promise<void> {
    const token = ++this.renderToken;
    if (!state.open) {
      this.hide();
      return;
    }
    const entry = this.byKey.get(state.open);
    if (!entry) return;
    const { pm, range } = entry;
    const data = await this.card(pm.mention.entityId);
    if (!data || token !== this.renderToken) return;
    if (!this.layer) {
      this.layer = document.createElement('div');
      this.layer.className = 'cl-layer';
      this.layer.addEventListener(
        'pointerenter',
        trusted(() => this.intent?.pointerEnterCard()),
      );
      this.layer.addEventListener(
        'pointerleave',
        trusted(() => this.intent?.pointerLeaveCard()),
      );
      this.layer.addEventListener(
        'focusout',
        trusted<FocusEvent>((e) => {
          const to = e.relatedTarget as Node | null;
          if (!to || !this.layer?.contains(to)) this.intent?.focusLeave();
        }),
      );
      this.o.ui.add(this.layer);
    }
    this.o.ui.setTheme(this.o.getSettings().theme);
    const all = this.o.detector.all();
    const onPage = new Set(all.map((m) => m.mention.entityId));
    const countOf = (id: string) => all.filter((m) => m.mention.entityId === id).length;
    const { host } = this.o;
    const alias = pm.mention.aliasKey;
    render(
      <HoverCard
        entity={data.entity}
        related={data.related}
        mentionCount={countOf(data.entity.id)}
        onPage={onPage}
        datasetAsOf={data.datasetAsOf}
        loadEntity={async (id) => {
          const d = await this.card(id);
          if (!d) throw new Error(`unknown entity ${id}`);
          return { entity: d.entity, related: d.related, mentionCount: onPage.has(id) ? countOf(id) : undefined };
        }}
        onOpenPanel={(id) =>
          sendToBackground('sidepanel:open', { entityId: id }).then(
            (r) => r.opened,
            () => false,
          )
        }
        onAnnotate={(id) => {
          this.intent?.close();
          this.o.annotator.annotateMention(range, id);
        }}
        onNotThis={(id) =>
          void updateSettings((s) => addSuppression(s, { site: host, entityId: id, alias })).catch(() => {})
        }
        onUndoNotThis={(id) =>
          void updateSettings((s) => removeSuppression(s, { site: host, entityId: id, alias })).catch(() => {})
        }
        onClose={() => this.intent?.escape()}
        pinned={state.pinned}
        onTogglePin={() => this.intent?.togglePin()}
        autoFocus={state.viaKeyboard}
      />,
      this.layer,
    );
    this.place(range);
  }

  private place(range: Range): void {
    const layer = this.layer;
    if (!layer) return;
    this.cleanupPlacement?.();
    const frame = range.startContainer.ownerDocument?.defaultView?.frameElement ?? null;
    const shiftRect = (r: DOMRect): DOMRect => {
      if (!frame) return r;
      const f = frame.getBoundingClientRect();
      return new DOMRect(r.x + f.x, r.y + f.y, r.width, r.height);
    };
    const reference = {
      getBoundingClientRect: () => shiftRect(range.getBoundingClientRect()),
      getClientRects: () => [...range.getClientRects()].map(shiftRect),
      contextElement: (frame as Element | null) ?? range.startContainer.parentElement ?? undefined,
    };
    const update = () =>
      void computePosition(reference, layer, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // The card takes the room there is on the side flip chose (its body scrolls, its actions stay): never
          // taller than that room, so its bottom and its buttons are always inside the viewport. Where neither side
          // has room for a useful card (a short window, 200% zoom), it may cover the mention and use the viewport's
          // height instead; the vertical shift below keeps it on screen.
          size({
            padding: 8,
            apply({ availableHeight, availableWidth }) {
              const room = availableHeight >= MIN_CARD_ROOM ? availableHeight : window.innerHeight - 16;
              layer.style.setProperty('--cl-avail-h', `${Math.max(0, Math.floor(room))}px`);
              layer.style.maxWidth = `${Math.min(448, availableWidth)}px`;
            },
          }),
          shift({ padding: 8, crossAxis: true }),
        ],
      }).then(({ x, y }) => {
        layer.style.left = `${x}px`;
        layer.style.top = `${y}px`;
      });
    this.cleanupPlacement = autoUpdate(reference, layer, update);
  }

  private hide(): void {
    this.renderToken++;
    this.cleanupPlacement?.();
    this.cleanupPlacement = null;
    if (this.layer) {
      const root = this.layer.getRootNode();
      const hadFocus = root instanceof ShadowRoot && this.layer.contains(root.activeElement);
      render(null, this.layer);
      this.o.ui.remove(this.layer);
      this.layer = null;
      if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    }
  }
}

const LAYER_CSS = `
.cl-layer { position: fixed; top: 0; left: 0; z-index: 2147483647; font-size: medium; }
`;
