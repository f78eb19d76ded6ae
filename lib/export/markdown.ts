import type { Annotation } from '../annotations/types';

export interface EntityInfo {
  name: string;
  /** One line about the entity, e.g. its kind and summary. */
  context: string;
}

/**
 * A readable Markdown document: one section per page (title, link), then each passage as a blockquote followed by
 * its note (Markdown, made safe by {@link safeNote}), tags and linked entities. Pages appear in the order they were
 * first annotated; passages in page order. Page text is escaped so it always renders literally; a page URL becomes a
 * link only when it is http(s).
 */
export function toMarkdown(
  annotations: readonly Annotation[],
  entityInfo: (id: string) => EntityInfo | undefined,
): string {
  const pages = new Map<string, Annotation[]>();
  const byCreation = [...annotations].sort((a, b) => cmp(a.createdAt, b.createdAt));
  for (const a of byCreation) {
    const list = pages.get(a.pageKey);
    if (list) list.push(a);
    else pages.set(a.pageKey, [a]);
  }
  const out: string[] = ['# ChipLens annotations', ''];
  for (const list of pages.values()) {
    list.sort((a, b) => a.position.start - b.position.start || cmp(a.createdAt, b.createdAt));
    const first = list[0]!;
    const link = isWebUrl(first.url) ? `<${escapeUrl(first.url)}>` : escapeInline(oneLine(first.url));
    out.push(`## ${escapeInline(oneLine(first.title) || first.url)}`, '', link, '');
    for (const a of list) {
      out.push(blockquote(a.quote.exact), '');
      if (a.note.trim() !== '') out.push(safeNote(a.note.replace(/\r\n?/g, '\n').trim()), '');
      if (a.tags.length) out.push(`Tags: ${a.tags.map((t) => `\`${codeSafe(t)}\``).join(', ')}`, '');
      for (const id of a.entityIds) {
        const info = entityInfo(id);
        const name = escapeInline(oneLine(info?.name ?? id));
        const context = info?.context ? ` -- ${escapeInline(oneLine(info.context))}` : '';
        out.push(`- **${name}**${context}`);
      }
      if (a.entityIds.length) out.push('');
      out.push('---', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Escapes one line of plain text so Markdown shows it literally: inline syntax characters anywhere, and what would
 * start a heading, list or rule at the start of the line. (CommonMark lets any ASCII punctuation be escaped.)
 */
export function escapeInline(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Page text as a blockquote: every line prefixed, blank lines kept inside the quote, indentation dropped. */
function blockquote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const t = line.trim();
      return t === '' ? '>' : `> ${escapeInline(t)}`;
    })
    .join('\n');
}

/** http: or https:, the only links an export writes. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * A note's Markdown, kept as written except for what could run or mislead when the file is rendered: raw HTML and
 * entities (every & and < becomes an entity, so no tag, comment or autolink survives and no entity can spell a
 * scheme such as java&#115;cript:), and links to anything but http(s) (inline, image and reference destinations:
 * their "](" or "]:" gets an entity for the bracket's follower, so the text stays but is no link). Code spans and
 * blocks then show &amp; and &lt; as written (a renderer shows entities in code literally): safety over fidelity.
 */
export function safeNote(note: string): string {
  const text = note.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return text.replace(/\]([(:])(\s*)([^\s)]*)/g, (whole, opener: string, space: string, dest: string) =>
    isWebUrl(dest) ? whole : `]${opener === '(' ? '&#40;' : '&#58;'}${space}${dest}`,
  );
}

/** An autolink cannot contain spaces, < or >: percent-encode them. */
function escapeUrl(url: string): string {
  return url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

/** A code span cannot hold its own delimiter unescaped; tags with backticks get a plain apostrophe instead. */
function codeSafe(tag: string): string {
  return oneLine(tag).replace(/`/g, "'");
}
