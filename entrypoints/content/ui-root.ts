/**
 * The one place our in-page UI lives: a shadow root hosted by <chiplens-ui>, appended to <html> (not <body>) and only
 * created the first time something is shown. Page CSS cannot reach in, ours cannot leak out.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

export const UI_TAG = 'chiplens-ui';

export class UiRoot {
  private ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private host: HTMLElement | null = null;
  private readonly styles: string[] = [];

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Add CSS to the shadow root (before or after it exists). */
  addStyle(css: string): void {
    this.styles.push(css);
    if (this.host) void this.get().then((ui) => appendStyle(ui.shadow, css));
  }

  /** The mounted container, creating the shadow root on first use. */
  async get(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    if (!this.ui) {
      this.ui = createShadowRootUi(this.ctx, {
        name: UI_TAG,
        position: 'inline',
        anchor: document.documentElement,
        append: 'last',
        // Keys typed in our editor must not trigger the page's shortcuts.
        isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'],
        onMount: (container, shadow, host) => {
          this.host = host;
          host.style.setProperty('position', 'static', 'important');
          for (const css of this.styles) appendStyle(shadow, css);
          return container;
        },
      }).then((ui) => {
        ui.mount();
        return ui;
      });
    }
    return this.ui;
  }

  /** Is this element our UI host (so the walker and mutation observer skip it)? */
  owns(el: Element): boolean {
    return el === this.host || el.tagName === 'CHIPLENS-UI';
  }

  /** Is this event target inside our UI? */
  containsEvent(e: Event): boolean {
    return this.host !== null && e.composedPath().includes(this.host);
  }
}

function appendStyle(shadow: ShadowRoot, css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}
