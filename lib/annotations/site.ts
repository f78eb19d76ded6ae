/**
 * Sites by the Public Suffix List (tldts, private section included): mallory.github.io and alice.github.io are two
 * sites, news.bbc.co.uk and www.bbc.co.uk one. Not imported by the content script (the list is about 136 kB); page
 * identity itself is scoped to the origin (see page-key.ts).
 */
import { getDomain } from 'tldts';

/** The registrable domain of a host name; IP addresses, single labels and unknown suffixes stand for themselves. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || host.startsWith('[') || /^[\d.]+$/.test(host)) return host;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Whether two host names belong to the same registrable domain. */
export function sameSite(a: string, b: string): boolean {
  return registrableDomain(a) === registrableDomain(b);
}
