/**
 * What a sender of a background message may touch. The side panel and the extension's other pages see every note; a
 * content script speaks for a web page, and a hostile page can steer it (its canonical link decides the page key;
 * a compromised renderer can send anything), so it gets the notes of its own tab's ORIGIN only: the keys its page can
 * legitimately produce (page-key.ts accepts a canonical link / og:url on the page's origin and nothing else).
 */
import { pageKeyOrigin } from '../annotations/page-key';
import type { SenderInfo } from './validate';

export type SenderScope =
  /** An extension page (side panel, options): every page key. */
  | { kind: 'extension' }
  /** A content script: page keys on this origin only. */
  | { kind: 'page'; origin: string }
  /** A tab whose page is not http(s), or whose URL is unknown: no page key at all. */
  | { kind: 'none' };

/** The scope of a (trusted: this extension's) sender. `extensionOrigin` is e.g. "chrome-extension://<id>". */
export function senderScope(sender: SenderInfo, extensionOrigin: string): SenderScope {
  const frameOrigin = originOf(sender.url);
  if (frameOrigin === extensionOrigin) return { kind: 'extension' };
  if (sender.tab === undefined) return sender.url === undefined ? { kind: 'extension' } : { kind: 'none' };
  // A content script: the frame it runs in and the tab's main frame must both be on one http(s) origin (either may
  // be missing: Chrome leaves tab.url out without host access, and older browsers leave out sender.url).
  const tabOrigin = originOf(sender.tab.url);
  const origins = [frameOrigin, tabOrigin].filter((o) => o !== undefined);
  const origin = origins[0];
  if (origin === undefined || origin === null || origins.some((o) => o !== origin)) return { kind: 'none' };
  return { kind: 'page', origin };
}

/** Whether a sender with this scope may read or write the notes stored under `pageKey`. */
export function mayUsePageKey(scope: SenderScope, pageKey: string): boolean {
  if (scope.kind === 'extension') return true;
  if (scope.kind === 'none') return false;
  return pageKeyOrigin(pageKey) === scope.origin;
}

/** The error a content script gets when it asks for another origin's notes. */
export class PageScopeError extends Error {
  constructor(what: string) {
    super(`${what}: this tab can only use notes of its own page's origin`);
    this.name = 'PageScopeError';
  }
}

/**
 * undefined when there is no URL; null when it is not an http(s) URL on a web origin (and not the extension's own
 * origin, which is returned as its origin string).
 */
function originOf(url: string | undefined): string | null | undefined {
  if (url === undefined) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
    if (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:') return `${u.protocol}//${u.host}`;
    return null;
  } catch {
    return null;
  }
}
