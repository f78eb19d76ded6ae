/**
 * Annotations in the page: the "Annotate" button by a selection, the editor, re-attaching stored annotations to the
 * text (on load, after DOM changes, after SPA navigation), their highlights, and the note shown when hovering one.
 * Storage is the background's: every read and write goes through the typed messages.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EDITOR_CSS } from '../../components/panel/styles';
import { Markdown } from '../../components/ui/markdown';
import { type AnchorResult, anchorAllSteps, describe } from '../../lib/anchoring';
import { ANCHOR_STRATEGY_VERSION, type Annotation } from '../../lib/annotations/types';
import { type Highlighter, highlightName } from '../../lib/highlight';
import { type AnchorReport, sendToBackground } from '../../lib/messaging';
import { runSliced } from '../../lib/page/scheduler';
import { ANNOTATIONS_REV_KEY } from '../../lib/storage/changes';
import type { Detector } from './detector';
import { NoteEditor } from './note-editor';
import { offsetOfPoint, rangeForOffsets, sentenceAround, type TextMap } from './text-map';
import { trusted } from './trusted';
import type { UiRoot } from './ui-root';

export interface AnnotatorOptions {
  ui: UiRoot;
  highlighter: Highlighter;
  getPageKey: () => string;
  onChange: () => void;
}

interface Anchored {
  annotation: Annotation;
  report: AnchorReport;
  range: Range | null;
}

export class Annotator {
  readonly highlighter: Highlighter;
  private detector: Detector | null = null;
  private anchored = new Map<string, Anchored>();
  private annotations: Annotation[] = [];
  private abort: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private buttonLayer: HTMLElement | null = null;
  private editorLayer: HTMLElement | null = null;
  private noteLayer: HTMLElement | null = null;
  private cleanups: (() => void)[] = [];
  private noteFor: string | null = null;
  private loaded = false;
  private anchorToken = 0;
  private pointerFrame = 0;
  private lastPoint: { x: number; y: number } | null = null;
  private storageListener: ((c: Record<string, unknown>, area: string) => void) | null = null;

  constructor(private readonly o: AnnotatorOptions) {
    this.highlighter = o.highlighter;
    o.ui.addStyle(EDITOR_CSS);
    o.ui.addStyle(ANNOTATOR_CSS);
  }

  attachDetector(d: Detector): void {
    this.detector = d;
  }

  start(): void {
    this.listenToPage();
    this.storageListener = (changes, area) => {
      const rev = (changes[ANNOTATIONS_REV_KEY] as { newValue?: { pageKeys?: string[] } } | undefined)?.newValue;
      if (area === 'local' && rev?.pageKeys?.includes(this.o.getPageKey())) void this.reload();
    };
    browser.storage.onChanged.addListener(this.storageListener);
  }

  /** (Re)adds our listeners to the document (document.open() erases them; see CardController.listenToPage). */
  listenToPage(): void {
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    document.addEventListener(
      'mouseup',
      trusted((e) => this.onSelectionEnd(e)),
      { signal },
    );
    document.addEventListener(
      'keyup',
      trusted<KeyboardEvent>((e) => {
        if (e.shiftKey || e.key === 'Shift') this.onSelectionEnd(e);
      }),
      { signal },
    );
    document.addEventListener(
      'selectionchange',
      trusted(() => {
        if (document.getSelection()?.isCollapsed) this.hideButton();
      }),
      { signal },
    );
    document.addEventListener(
      'pointermove',
      trusted((e) => this.onPointer(e)),
      { passive: true, signal },
    );
  }

  stop(): void {
    // A re-anchoring queued by textChanged() would otherwise run after stop and fill the list with orphans.
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.anchorToken++;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = 0;
    this.abort?.abort();
    if (this.storageListener) browser.storage.onChanged.removeListener(this.storageListener);
    for (const a of this.anchored.values()) this.highlighter.remove(a);
    this.anchored.clear();
    this.loaded = false;
    this.hideButton();
    this.closeEditor();
    this.hideNote();
  }

  private map(): TextMap | null {
    const d = this.detector;
    if (!d) return null;
    const { text, starts } = d.scanner.joined();
    return { text, starts, blocks: d.scanner.blocks(), blockOf: (n) => d.scanner.blockOf(n) };
  }

  /** Fetch this page's annotations and anchor them. */
  async reload(): Promise<void> {
    try {
      const { annotations } = await sendToBackground('annotations:forPage', { pageKey: this.o.getPageKey() });
      this.annotations = annotations;
      this.loaded = true;
      await this.anchorAll();
    } catch (e) {
      console.warn('[ChipLens] could not load annotations', e);
    }
  }

  /** The page text changed: re-anchor (debounced), so orphans are retried after mutations. */
  textChanged(): void {
    if (!this.loaded) {
      this.loaded = true;
      void this.reload();
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.anchorAll(), 300);
  }

  /** Re-anchor every annotation of the page, in short slices (a fuzzy search on a long page can take a while). */
  private async anchorAll(): Promise<void> {
    const map = this.map();
    if (!map) return;
    const token = ++this.anchorToken;
    const annotations = this.annotations;
    const steps = anchorAllSteps(
      map.text,
      annotations.map((a) => ({ quote: a.quote, position: a.position })),
    );
    let results: AnchorResult[] | undefined;
    const done = await runSliced((deadline) => {
      do {
        const r = steps.next();
        if (r.done) {
          results = r.value;
          return true;
        }
      } while (performance.now() < deadline);
      return false;
    });
    if (!done || !results || token !== this.anchorToken) return;
    const next = new Map<string, Anchored>();
    annotations.forEach((a, i) => {
      const r = results![i]!;
      const range = r.start !== undefined && r.end !== undefined ? rangeForOffsets(map, r.start, r.end) : null;
      const status = range ? r.status : 'orphan';
      next.set(a.id, {
        annotation: a,
        range,
        report: { id: a.id, status, ...(status === 'changed' && r.currentText ? { currentText: r.currentText } : {}) },
      });
    });
    for (const old of this.anchored.values()) this.highlighter.remove(old);
    this.anchored = next;
    for (const e of next.values()) {
      if (e.range) this.highlighter.set(e, [{ name: highlightName('note', e.annotation.color), range: e.range }]);
    }
    this.o.onChange();
  }

  reports(): AnchorReport[] {
    return [...this.anchored.values()].map((a) => a.report);
  }

  rangeOf(id: string): Range | null {
    return this.anchored.get(id)?.range ?? null;
  }

  // --- capture ---------------------------------------------------------------------------------------------------

  private selectionOffsets(): { start: number; end: number; range: Range } | null {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const map = this.map();
    if (!map) return null;
    const start = offsetOfPoint(map, range.startContainer, range.startOffset, 'start');
    const end = offsetOfPoint(map, range.endContainer, range.endOffset, 'end');
    if (start < 0 || end <= start) return null;
    // Trim whitespace the selection picked up at its edges.
    let s = start;
    let e = end;
    while (s < e && /\s/.test(map.text[s]!)) s++;
    while (e > s && /\s/.test(map.text[e - 1]!)) e--;
    return s < e ? { start: s, end: e, range } : null;
  }

  private onSelectionEnd(e: Event): void {
    if (this.o.ui.containsEvent(e)) return;
    // Let the selection settle (a click inside a selection collapses it after mouseup).
    setTimeout(() => {
      const sel = this.selectionOffsets();
      if (!sel || this.editorLayer) {
        this.hideButton();
        return;
      }
      this.showButton(sel.range);
    }, 10);
  }

  private showButton(range: Range): void {
    if (!this.buttonLayer) {
      this.buttonLayer = document.createElement('div');
      this.buttonLayer.className = 'cl-float';
      this.o.ui.add(this.buttonLayer);
    }
    const layer = this.buttonLayer;
    render(
      <button
        type="button"
        class="cl-annotate-btn"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => this.openForSelection()}
        aria-label="Annotate the selected text (ChipLens)"
      >
        Annotate
      </button>,
      layer,
    );
    this.placeNear(layer, range.cloneRange(), 'top');
  }

  private hideButton(): void {
    if (this.buttonLayer) {
      render(null, this.buttonLayer);
      this.o.ui.remove(this.buttonLayer);
      this.buttonLayer = null;
    }
  }

  /** Open the editor for the current selection. Returns false when nothing annotatable is selected. */
  openForSelection(): boolean {
    const sel = this.selectionOffsets();
    if (!sel) return false;
    void this.openEditor(sel.start, sel.end, sel.range.cloneRange(), []);
    return true;
  }

  /** "Annotate" on a card: the mention's sentence, linked to the entity. */
  annotateMention(mentionRange: Range, entityId: string): void {
    const map = this.map();
    if (!map) return;
    const s = offsetOfPoint(map, mentionRange.startContainer, mentionRange.startOffset, 'start');
    const e = offsetOfPoint(map, mentionRange.endContainer, mentionRange.endOffset, 'end');
    if (s < 0 || e <= s) return;
    const sentence = sentenceAround(map.text, s, e);
    const range = rangeForOffsets(map, sentence.start, sentence.end) ?? mentionRange;
    void this.openEditor(sentence.start, sentence.end, range, [entityId]);
  }

  private async openEditor(start: number, end: number, range: Range, entityIds: string[]): Promise<void> {
    const map = this.map();
    if (!map) return;
    this.hideButton();
    const { quote, position } = describe(map.text, start, end);
    const inside = (this.detector?.list() ?? []).filter((m) => m.start >= start && m.end <= end).map((m) => m.entityId);
    const now = new Date().toISOString();
    const draft: Annotation = {
      id: crypto.randomUUID(),
      pageKey: this.o.getPageKey(),
      url: location.href,
      title: document.title.slice(0, 2000),
      quote,
      position,
      anchorVersion: ANCHOR_STRATEGY_VERSION,
      note: '',
      tags: [],
      color: 'yellow',
      entityIds: [...new Set([...entityIds, ...inside])],
      createdAt: now,
      updatedAt: now,
    };
    const [tags, options] = await Promise.all([
      sendToBackground('tags:list', {}).catch(() => ({ tags: [] })),
      sendToBackground('entities:options', {}).catch(() => ({ options: [] })),
    ]);
    this.closeEditor();
    const layer = document.createElement('div');
    layer.className = 'cl-float cl-editor-layer';
    layer.setAttribute('role', 'dialog');
    layer.setAttribute('aria-label', 'New ChipLens annotation');
    this.o.ui.add(layer);
    this.editorLayer = layer;
    const returnFocus = document.activeElement;
    render(
      <NoteEditor
        draft={draft}
        tagSuggestions={tags.tags}
        entityOptions={options.options}
        save={async (a) => {
          await sendToBackground('annotation:save', { annotation: a });
        }}
        onSaved={() => {
          if (this.editorLayer === layer) this.closeEditor();
          document.getSelection()?.removeAllRanges();
          void this.reload();
        }}
        onCancel={() => {
          this.closeEditor();
          if (returnFocus instanceof HTMLElement) returnFocus.focus();
        }}
      />,
      layer,
    );
    this.placeNear(layer, range, 'bottom');
  }

  private closeEditor(): void {
    if (this.editorLayer) {
      render(null, this.editorLayer);
      this.o.ui.remove(this.editorLayer);
      this.editorLayer = null;
    }
    for (const c of this.cleanups.splice(0)) c();
  }

  private placeNear(layer: HTMLElement, range: Range, side: 'top' | 'bottom'): void {
    const cleanup = autoUpdate(range, layer, () => {
      void computePosition(range, layer, {
        strategy: 'fixed',
        placement: side === 'top' ? 'top-end' : 'bottom-start',
        middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        layer.style.left = `${x}px`;
        layer.style.top = `${y}px`;
      });
    });
    this.cleanups.push(cleanup);
  }

  // --- hover: show the note of a highlighted passage ---------------------------------------------------------------

  private onPointer(e: PointerEvent): void {
    if (this.o.ui.containsEvent(e) || this.editorLayer) return;
    // One lookup per frame, like the mention cards: pointermove fires far more often than the screen updates.
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (!this.pointerFrame) {
      this.pointerFrame = requestAnimationFrame(() => {
        this.pointerFrame = 0;
        if (this.lastPoint) this.onPointerFrame(this.lastPoint.x, this.lastPoint.y);
      });
    }
  }

  private onPointerFrame(x: number, y: number): void {
    const hit = this.annotationAt(x, y);
    if (hit?.annotation.id === this.noteFor) return;
    if (!hit) {
      this.hideNote();
      return;
    }
    this.showNote(hit);
  }

  private annotationAt(x: number, y: number): Anchored | null {
    for (const a of this.anchored.values()) {
      if (!a.range || !a.annotation.note) continue;
      for (const r of a.range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return a;
      }
    }
    return null;
  }

  private showNote(a: Anchored): void {
    this.noteFor = a.annotation.id;
    if (!this.noteLayer) {
      this.noteLayer = document.createElement('div');
      this.noteLayer.className = 'cl-float cl-note';
      this.noteLayer.setAttribute('role', 'tooltip');
      this.o.ui.add(this.noteLayer);
    }
    render(
      <div>
        <Markdown source={a.annotation.note} />
        {a.annotation.tags.length > 0 && <p class="cl-note-tags">{a.annotation.tags.map((t) => `#${t}`).join(' ')}</p>}
      </div>,
      this.noteLayer,
    );
    if (a.range) {
      const layer = this.noteLayer;
      void computePosition(a.range, layer, {
        strategy: 'fixed',
        placement: 'top-start',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        layer.style.left = `${x}px`;
        layer.style.top = `${y}px`;
      });
    }
  }

  private hideNote(): void {
    this.noteFor = null;
    if (this.noteLayer) {
      render(null, this.noteLayer);
      this.o.ui.remove(this.noteLayer);
      this.noteLayer = null;
    }
  }
}

const ANNOTATOR_CSS = `
.cl-float { position: fixed; top: 0; left: 0; z-index: 2147483647; font: 14px/1.4 system-ui, sans-serif; }
.cl-annotate-btn {
  font: 600 0.875rem/1 system-ui, sans-serif; padding: 0.5em 0.8em; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--cl-border, #8c959f); background: var(--cl-surface, #fff); color: var(--cl-text, #1f2328);
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
}
.cl-annotate-btn:focus-visible { outline: 3px solid var(--cl-focus, #0969da); outline-offset: 2px; }
.cl-editor-layer {
  width: min(26rem, calc(100vw - 16px)); max-height: min(32rem, calc(100vh - 16px)); overflow: auto;
  background: var(--cl-surface, #fff); color: var(--cl-text, #1f2328); border: 1px solid var(--cl-border, #8c959f);
  border-radius: 10px; box-shadow: 0 8px 28px rgb(0 0 0 / 0.25); padding: 12px;
}
.cl-note {
  max-width: 22rem; background: var(--cl-surface, #fff); color: var(--cl-text, #1f2328);
  border: 1px solid var(--cl-border, #8c959f); border-radius: 8px; padding: 8px 10px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  pointer-events: none;
}
.cl-note p { margin: 0.25em 0; }
.cl-note-tags { color: var(--cl-muted, #57606a); font-size: 0.85em; }
.cl-editor-status p { margin: 0.5em 0 0; }
.cl-editor-error { color: var(--clp-danger, #b42318); font-weight: 600; }
`;
