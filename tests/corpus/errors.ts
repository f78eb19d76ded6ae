/** Page errors as comparable keys, and which of them the extension adds. */

export interface PageErrorRecord {
  kind: 'pageerror' | 'console';
  text: string;
  /** Script URL or stack, to tell the page's own errors from the extension's. */
  where: string;
}

/**
 * A key that ignores what changes between runs: the fixture server's port, the extension id, numbers (timestamps,
 * random ids, line/column numbers).
 */
export function errorKey(e: PageErrorRecord): string {
  // A page resource that fails to load is the browser's doing, not a script's: which ones fail before the snapshot
  // varies run to run (requests to other hosts aborted by the harness, random subdomains, cache-busters, prefetches
  // and favicons fetched after load). The extension requests no page resources, so they collapse to one key; a
  // failure of one of the extension's own files keeps its URL.
  if (e.kind === 'console' && e.text.startsWith('Failed to load resource') && !isExtensionError(e))
    return 'console: Failed to load resource (a page resource)';
  const where = /^https?:|^chrome-extension:/.test(e.text) || e.kind === 'pageerror' ? '' : ` @ ${e.where}`;
  return `${e.kind}: ${e.text}${where}`
    .replace(/https?:\/\/127\.0\.0\.1:\d+/g, 'ORIGIN')
    .replace(/chrome-extension:\/\/[a-p]{32}/g, 'EXTENSION')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 400);
}

/** True when the error comes from the extension's own code (its stack or script URL is ours). */
export function isExtensionError(e: PageErrorRecord): boolean {
  return e.where.includes('chrome-extension://') || e.text.includes('chrome-extension://');
}

/** Errors seen with the extension whose key appears in none of the runs without it. */
export function addedErrors(withExt: PageErrorRecord[], without: PageErrorRecord[][]): PageErrorRecord[] {
  const seen = new Set(without.flat().map(errorKey));
  const out = new Map<string, PageErrorRecord>();
  for (const e of withExt) {
    const k = errorKey(e);
    if (!seen.has(k) && !out.has(k)) out.set(k, e);
  }
  return [...out.values()];
}
