/**
 * Where a fact or event may come from: its URL's domain must be listed in `sources.json` (a subdomain matches a
 * listed parent), and wikis, AI-written wikis and mirrors are rejected even when someone lists them.
 */
import * as v from 'valibot';
import { describeIssue } from './issues';
import { SourcesSchema } from './schema';
import bundledSources from './sources.json';
import type { SourceClass, SourceList } from './types';

/** Hosts that are never a source: wikis, AI wikis, Kiwix and other mirrors, dictionary and "encyclopedia" copies. */
const BLOCKED_HOSTS: readonly RegExp[] = [
  /(^|\.)wiki/, // wikipedia, wikiwand, wikimili, wiki.example.org, wikid, wikiclassic ...
  /aiwiki/,
  /pedia/, // grokipedia, clawkipedia, pinocchiopedia, encyclopedia.*
  /kiwix/,
  /(^|\.)iiab\.live$/,
  /(^|\.)vuink\./,
  /(^|\.)gokawiil\./,
  /(^|\.)hubbry\./,
  /thefreedictionary\./,
  /alegsaonline\./,
  /websitebiography\./,
  /(^|\.)archive\.(org|ph|today|is|li|md)$/,
  /webarchive\./,
];

/** The listed domain a URL's host falls under, with its publisher and class. */
export interface SourceDomain {
  domain: string;
  publisher: string;
  class: SourceClass;
}

/** The URL's host, lower case, without a trailing dot; null when it is not a URL. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** True for a wiki, AI wiki or mirror host (never a source, listed or not). */
export function isBlockedHost(host: string): boolean {
  return BLOCKED_HOSTS.some((re) => re.test(host));
}

/** The entry of `sources` covering `url`: its host or the nearest listed parent domain. */
export function lookupSource(url: string, sources: SourceList): SourceDomain | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    const entry = sources.domains[domain];
    if (entry) return { domain, ...entry };
  }
  return undefined;
}

/** Why `url` cannot be a source (blocked or unlisted), or null when it can. */
export function sourceUrlProblem(url: string, sources: SourceList): string | null {
  const host = hostOf(url);
  if (!host) return null; // The schema reports malformed URLs.
  const domain = host.replace(/^www\./, '');
  if (isBlockedHost(host)) return `domain "${domain}" is a wiki, AI wiki or mirror, never a source`;
  if (!lookupSource(url, sources)) return `domain "${domain}" is not listed in lib/dataset/sources.json`;
  return null;
}

/** Parses a sources list (the bundled sources.json by default); errors name the file and the domain. */
export function readSources(raw: unknown = bundledSources): { sources: SourceList; errors: string[] } {
  const parsed = v.safeParse(SourcesSchema, raw);
  if (!parsed.success) {
    return {
      sources: { domains: {} },
      errors: parsed.issues.map((i) => `sources.json: ${describeIssue(i, '(file)')}`),
    };
  }
  const errors: string[] = [];
  for (const domain of Object.keys(parsed.output.domains)) {
    if (isBlockedHost(domain))
      errors.push(`sources.json: domains.${domain}: a wiki, AI wiki or mirror is never a source`);
  }
  return { sources: parsed.output, errors };
}
