/**
 * Send and handle helpers for the typed protocol. This and the entrypoints are the only code that touches
 * `browser.runtime` messaging.
 */
import { browser } from 'wxt/browser';
import type { AnyProtocol, BackgroundProtocol, ContentProtocol, Req, Res } from './protocol';
import { toBackground, toContent } from './protocol';
import { type Envelope, isTrustedSender, parseMessage, type Reply, type SenderInfo } from './validate';

export * from './protocol';
export { mayUsePageKey, PageScopeError, type SenderScope, senderScope } from './sender-scope';
export { isTrustedSender, parseMessage, type SenderInfo } from './validate';

function unwrap<T>(reply: unknown, type: string): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object') throw new Error(`no answer to "${type}"`);
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

/** Send a request to the background service worker and get its typed answer (throws on error). */
export async function sendToBackground<K extends keyof BackgroundProtocol & string>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
): Promise<Res<BackgroundProtocol, K>> {
  const envelope: Envelope = { type, payload };
  return unwrap(await browser.runtime.sendMessage(envelope), type);
}

/** Send a request to one tab's content script (top frame) and get its typed answer (throws on error). */
export async function sendToTab<K extends keyof ContentProtocol & string>(
  tabId: number,
  type: K,
  payload: Req<ContentProtocol, K>,
): Promise<Res<ContentProtocol, K>> {
  const envelope: Envelope = { type, payload };
  return unwrap(await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }), type);
}

export type Handlers<P extends AnyProtocol> = {
  [K in keyof P]: (payload: Req<P, K>, sender: SenderInfo) => Promise<Res<P, K>> | Res<P, K>;
};

function listen<P extends AnyProtocol>(protocol: P, handlers: Handlers<P>, to: 'background' | 'content'): () => void {
  const listener = (raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined => {
    if (!isTrustedSender(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }, to))
      return undefined;
    const parsed = parseMessage(protocol, raw);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const handler = handlers[parsed.type] as (p: unknown, s: SenderInfo) => unknown;
    return Promise.resolve()
      .then(() => handler(parsed.payload, sender))
      .then(
        (data) => ({ ok: true as const, data }),
        (err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }),
      );
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () =>
    browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

/** Register the background's handlers (one per message type; the compiler checks none is missing). */
export function handleBackgroundMessages(handlers: Handlers<BackgroundProtocol>): () => void {
  return listen(toBackground, handlers, 'background');
}

/** Register a content script's handlers. */
export function handleContentMessages(handlers: Handlers<ContentProtocol>): () => void {
  return listen(toContent, handlers, 'content');
}
