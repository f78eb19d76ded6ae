/**
 * Page identity for annotations: the same article reached through different URLs (tracking parameters, fragments,
 * AMP or mobile hosts that declare a canonical) gets one key.
 *
 * Decisions:
 * - rel=canonical wins over og:url, which wins over the URL -- but only an absolute or relative http(s) URL on the
 *   page's own ORIGIN (scheme, host and port). The page controls its canonical link, so a looser rule lets one page
 *   claim another's notes: with "same registrable domain", mallory.github.io declaring alice.github.io's article as
 *   its canonical loaded the notes the reader wrote on Alice's page (github.io is a public suffix), and even with the
 *   Public Suffix List one subdomain of a site could read another's (user pages, hosted blogs). A canonical on
 *   another origin (syndicated copies, AMP or mobile hosts) is ignored: the text on this page is what the
 *   annotations anchor to. The background answers a content script only for keys on its tab's origin
 *   (lib/messaging/sender-scope.ts), so the rule is enforced outside the page too. Sites by the Public Suffix List:
 *   lib/annotations/site.ts (kept out of this module: the content script imports it, and the list is 136 kB).
 * - A canonical that points at the site's home page while the URL has a path is ignored (a common misconfiguration
 *   that would put every article's notes under one key).
 * - Removed: the fragment; utm_* and known click ids (fbclid, gclid, and a few more). Kept: every other parameter,
 *   since some sites put the article id in the query; they are sorted by name (stable, so repeated names keep their
 *   order) so parameter order does not split one page into two keys.
 * - Host lower-cased and without a trailing dot, default port dropped (the URL parser does both), path untouched.
 * - Non-http(s) URLs keep everything except the fragment; unparsable input is returned trimmed.
 */

/** Query parameters that only say how the reader arrived. */
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
]);

export interface PageIdentity {
  /** The page's URL (location.href). */
  url: string;
  /** href of <link rel="canonical">, if any (relative allowed). */
  canonical?: string | null;
  /** content of <meta property="og:url">, if any. */
  ogUrl?: string | null;
}

/** The key annotations of one page are stored under. Pure; never throws. */
export function pageKey({ url, canonical, ogUrl }: PageIdentity): string {
  const page = parseHttp(url);
  if (!page) return fallbackKey(url);
  for (const declared of [canonical, ogUrl]) {
    if (!declared) continue;
    const c = parseHttp(declared.trim(), page);
    if (c && c.origin === page.origin && !isHomeInsteadOfArticle(c, page)) return normalise(c);
  }
  return normalise(page);
}

function parseHttp(raw: string, base?: URL): URL | null {
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function normalise(u: URL): string {
  const out = new URL(u.href);
  out.hash = '';
  out.username = '';
  out.password = '';
  if (out.hostname.endsWith('.')) out.hostname = out.hostname.slice(0, -1);
  const kept = [...out.searchParams].filter(([name]) => !isTracking(name));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.search = new URLSearchParams(kept).toString();
  return out.href;
}

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

/**
 * The origin a page key belongs to ("https://example.com"), or null when the key is not an http(s) URL. A key made by
 * {@link pageKey} for a page is always on that page's origin.
 */
export function pageKeyOrigin(key: string): string | null {
  return parseHttp(key)?.origin ?? null;
}

function isHomeInsteadOfArticle(canonical: URL, page: URL): boolean {
  return canonical.pathname === '/' && canonical.search === '' && page.pathname !== '/';
}

function fallbackKey(raw: string): string {
  const trimmed = raw.trim();
  const hash = trimmed.indexOf('#');
  const key = hash >= 0 ? trimmed.slice(0, hash) : trimmed;
  return key || trimmed || 'about:blank';
}
