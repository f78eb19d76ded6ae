/** Display helpers shared by the panel views. Pure. */
import type { HighlightColor } from '../../lib/annotations/types';
import type { EntityType } from '../../lib/dataset/types';

/** Plural group headings, in the order the panel lists types. */
export const TYPE_PLURAL: Readonly<Record<EntityType, string>> = {
  chip: 'Chips',
  agency: 'Agencies',
  company: 'Companies',
  policy: 'Policies',
};

export const TYPE_SINGULAR: Readonly<Record<EntityType, string>> = {
  chip: 'chip',
  agency: 'agency',
  company: 'company',
  policy: 'policy',
};

export const COLOR_NAMES: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The text cut to at most `max` characters on a word boundary where possible, with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Hostname of a URL without "www.", or the input when it is not a URL. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "3 Mar 2025" in UTC, so the date does not shift with the reader's zone between views. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "1 note", "10,000 notes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
