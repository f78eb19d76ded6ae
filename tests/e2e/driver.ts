/**
 * What the shared journeys (journeys.ts) need from a browser with ChipLens installed. Two drivers implement it:
 * Chromium through playwright-core (harness.ts) and Firefox ESR over WebDriver BiDi through puppeteer-core
 * (firefox-harness.ts). Pages are driven with real input (mouse, keyboard); the extension is reached the way the side
 * panel reaches it, from one of its own pages.
 */

/** The part of a Playwright or Puppeteer page the journeys use (both have these with the same meaning). */
export interface PageLike {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  url(): string;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  /** A fixture path served on 127.0.0.1 (`/demo/index.html`) as a URL. */
  url(path: string): string;
  /** Load a fixture page in a new tab; by default wait until ChipLens reports mentions there. */
  open(path: string, options?: { waitForDetection?: boolean }): Promise<{ page: PageLike; tabId: number }>;
  /** Reload a page opened with `open` and wait for ChipLens to report mentions again. */
  reload(page: PageLike, tabId: number): Promise<void>;
  /** Ask a tab's content script, from an extension page (as the side panel does). Throws on `{ ok: false }`. */
  askTab<T>(tabId: number, type: string, payload?: unknown): Promise<T>;
  /** Ask the background, from an extension page. Throws on `{ ok: false }`. */
  askBackground<T>(type: string, payload?: unknown): Promise<T>;
  /** The side panel page for `tabId` (`sidepanel.html?tab=`), open in a tab. */
  panel(tabId: number): Promise<PageLike>;
  /** Click the panel's export button labelled `format` ("JSON backup", "W3C JSON-LD"...); the saved file's path. */
  exportFrom(panel: PageLike, format: string): Promise<string>;
  /** Choose `file` in the panel's import file picker (Settings). */
  chooseImportFile(panel: PageLike, file: string): Promise<void>;
  /** Errors the extension caused: page errors, console errors, and (Firefox) script errors of its own pages. */
  readonly errors: string[];
  close(): Promise<void>;
}
