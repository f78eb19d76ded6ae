/**
 * Stands in for WXT's ContentScriptContext in our content script (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for the build).
 *
 * WXT's context announces every start with a CustomEvent on `document` named after this extension's ID, and stops
 * the running script when it hears that event from "another copy". Page scripts see every event on `document` (so
 * any page could tell ChipLens is installed, even where it is off) and can dispatch it themselves (a forged event
 * switched ChipLens off for good). An event a script dispatches is never trusted, ours included, so the event cannot
 * be told apart from a forgery. This context dispatches and hears nothing on the page: it is invalidated only when the
 * extension itself is gone (updated, reloaded or removed: `runtime.id` is then undefined in the orphaned script), checked
 * every few seconds. Chromium does not inject a new copy into pages already open, so there is no second copy to retire.
 */
import { browser } from 'wxt/browser';

const CHECK_MS = 5000;

export class ContentScriptContext {
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const timer = setInterval(() => {
      if (this.isInvalid) clearInterval(timer);
    }, CHECK_MS);
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  notifyInvalidated(): void {
    if (!this.signal.aborted) this.abort('Content script context invalidated');
  }
}
