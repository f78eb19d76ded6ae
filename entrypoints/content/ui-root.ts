/**
 * The one place our in-page UI lives: a CLOSED shadow root on a plain <div> appended to <html> (not <body>), there
 * only while something is shown. Page CSS cannot reach in, ours cannot leak out, and page scripts cannot reach in:
 * - closed: the host's `shadowRoot` is null for page scripts, so no text of a card, note or tag is in the page's DOM;
 * - a plain <div>, not a custom element: a page cannot define our tag first (customElements.define) to run its own
 *   constructor on our host or refuse a shadow root; the host is created and given its root from ChipLens's
 *   isolated world, where the page's patches to DOM prototypes do not apply;
 * - no attribute on the host (the theme is set on an element inside the root);
 * - re-attached to whichever document element is current when the page replaced it (document.open() and the like).
 * Our e2e tests reach the root through ChipLens's isolated world (test-seam.ts), which page scripts cannot.
 */
import { PALETTES, paletteVars } from '../../components/card/theme';

/** Key and text events from our editor stop at the root: the page's bubbling listeners (its shortcuts) never see them. */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'paste',
  'copy',
  'cut',
  'compositionstart',
  'compositionupdate',
  'compositionend',
] as const;

const ROOT_CSS = `
/* Important declarations of a shadow tree win over the page's own important ones on the host. */
:host {
  display: block !important; position: static !important; visibility: visible !important; opacity: 1 !important;
  transform: none !important; filter: none !important; contain: none !important;
}
.cl-root[data-theme="light"] { ${paletteVars(PALETTES.light)} color-scheme: light; }
.cl-root[data-theme="dark"] { ${paletteVars(PALETTES.dark)} color-scheme: dark; }
`;

export class UiRoot {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private container: HTMLElement | null = null;
  private zoomStyle: HTMLStyleElement | null = null;
  private readonly styles: string[] = [ROOT_CSS];

  /** Add CSS to the shadow root (before or after it exists). */
  addStyle(css: string): void {
    this.styles.push(css);
    if (this.shadow) appendStyle(this.shadow, css);
  }

  /** Show a layer (a card, the editor, a note...) in our root, attaching the host to the page if needed. */
  add(layer: HTMLElement): void {
    this.ensure().appendChild(layer);
  }

  /** Remove a layer; the host leaves the page when nothing is shown. */
  remove(layer: HTMLElement): void {
    layer.remove();
    if (this.container && !this.container.firstElementChild) this.host?.remove();
  }

  /** 'light' | 'dark' override the reader's system theme; 'system' follows it. */
  setTheme(theme: string): void {
    const c = this.ensureContainer();
    if (theme === 'system') c.removeAttribute('data-theme');
    else c.setAttribute('data-theme', theme);
  }

  /**
   * Undo the page's CSS zoom on its root element for our UI: the card is placed in viewport pixels (fixed position),
   * and a zoomed ancestor would scale both its size and its position off the screen. Written into our own shadow
   * stylesheet (the host carries no attribute).
   */
  private unzoom(): void {
    if (!this.shadow) return;
    const z = pageZoom(document.documentElement);
    if (!this.zoomStyle) {
      this.zoomStyle = document.createElement('style');
      this.shadow.appendChild(this.zoomStyle);
    }
    this.zoomStyle.textContent = z === 1 ? '' : `:host { zoom: ${1 / z} !important; }`;
  }

  /** The root (tests only, through the isolated world; see test-seam.ts). */
  root(): ShadowRoot | null {
    return this.shadow;
  }

  /** Is this element our UI host (so the walker and mutation observer skip it)? */
  owns(el: Element | null): boolean {
    return el !== null && el === this.host;
  }

  /** Is this event target inside our UI? */
  containsEvent(e: Event): boolean {
    return this.host !== null && e.composedPath().includes(this.host);
  }

  private ensureContainer(): HTMLElement {
    if (!this.container) {
      const host = document.createElement('div');
      const shadow = host.attachShadow({ mode: 'closed' });
      for (const css of this.styles) appendStyle(shadow, css);
      const container = document.createElement('div');
      container.className = 'cl-root';
      shadow.appendChild(container);
      for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
      this.host = host;
      this.shadow = shadow;
      this.container = container;
    }
    return this.container;
  }

  private ensure(): HTMLElement {
    const container = this.ensureContainer();
    const host = this.host!;
    this.unzoom();
    // Elements are created by the current document: after document.open() the old host may belong to a document
    // that is no longer shown, or the page may have removed it. Either way, put it (back) on the current root.
    const root = document.documentElement;
    if (root && host.parentNode !== root) {
      try {
        root.appendChild(host.ownerDocument === document ? host : document.adoptNode(host));
      } catch {
        // A document without a usable root element: nothing is shown until the next attempt.
      }
    }
    return container;
  }
}

/** The zoom a page sets on its root element (CSS `zoom`), which our host inherits; 1 where there is none. */
function pageZoom(root: Element | null): number {
  const z = root ? Number.parseFloat(getComputedStyle(root).zoom) : 1;
  return Number.isFinite(z) && z > 0 ? z : 1;
}

function appendStyle(shadow: ShadowRoot, css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}
