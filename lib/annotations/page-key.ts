/**
 * Page identity for annotations: the same article reached through different URLs (tracking parameters, fragments,
 * AMP or mobile hosts that declare a canonical) gets one key.
 *
 * Decisions:
 * - rel=canonical wins over og:url, which wins over the URL -- but only an absolute or relative http(s) URL on the
 *   same registrable domain as the page (approximated without the Public Suffix List: the last two host labels, or
 *   three when the second-level label is a generic one like co/com/org under a two-letter country code). A
 *   cross-site canonical (syndicated copies, misconfigured sites) is ignored: the text on this page is what the
 *   annotations anchor to, and following it would mix notes from different pages.
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
const GENERIC_SLD = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'or', 'ne', 'go', 'mil']);

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
    if (c && sameSite(c.hostname, page.hostname) && !isHomeInsteadOfArticle(c, page)) return normalise(c);
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

/** Registrable domain, approximately (see the module comment). IP addresses and single labels stand for themselves. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  const take = tld.length === 2 && GENERIC_SLD.has(sld) ? 3 : 2;
  return labels.slice(-take).join('.');
}

function sameSite(a: string, b: string): boolean {
  return registrableDomain(a) === registrableDomain(b);
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
