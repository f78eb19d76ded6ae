/**
 * A tiny, safe Markdown renderer for notes. It builds Preact VNodes from plain strings, so the reader's text can never
 * become markup: there is no innerHTML anywhere, HTML tags show as typed, and only http(s) links become anchors.
 *
 * Supported: paragraphs (blank-line separated), line breaks inside a paragraph, **bold**, *italic* (and _italic_),
 * `code`, [links](https://...), bullet lists (`-`, `*` or `+` then a space) and blockquotes (`>`).
 */
import type { ComponentChildren, VNode } from 'preact';

/** Returns the URL when it is an absolute http(s) URL, else null (javascript:, data:, relative, malformed...). */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

// One alternative per inline construct; the earliest match in the text wins.
const INLINE =
  /`([^`\n]+)`|\*\*([^\n]+?)\*\*|\*([^*\s\n](?:[^*\n]*[^*\s\n])?)\*|\b_([^_\s\n](?:[^_\n]*[^_\s\n])?)_\b|\[([^\]\n]+)\]\(([^()\s]+)\)/;

/** Renders inline Markdown as an array of strings and elements. */
export function renderInline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const [whole, code, bold, italic, underscored, linkText, linkUrl] = m;
    if (code !== undefined) out.push(<code>{code}</code>);
    else if (bold !== undefined) out.push(<strong>{renderInline(bold)}</strong>);
    else if (italic !== undefined) out.push(<em>{renderInline(italic)}</em>);
    else if (underscored !== undefined) out.push(<em>{renderInline(underscored)}</em>);
    else if (linkText !== undefined && linkUrl !== undefined) {
      const href = safeHref(linkUrl);
      // An unsafe link keeps its visible text and drops the target, so nothing is lost and nothing runs.
      out.push(
        href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {renderInline(linkText)}
          </a>
        ) : (
          <span>{renderInline(linkText)}</span>
        ),
      );
    }
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const MAX_QUOTE_DEPTH = 4;

function renderLines(lines: string[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(<br />);
    out.push(...renderInline(line));
  });
  return out;
}

/** Splits Markdown into block elements. */
export function renderBlocks(source: string, depth = 0): VNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: VNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_QUOTE_DEPTH) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push(<blockquote>{renderBlocks(inner.join('\n'), depth + 1)}</blockquote>);
      continue;
    }
    if (BULLET.test(line)) {
      const items: string[] = [];
      while (i < lines.length && BULLET.test(lines[i]!)) items.push(BULLET.exec(lines[i++]!)![1]!);
      blocks.push(
        <ul>
          {items.map((item, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
            <li key={n}>{renderInline(item)}</li>
          ))}
        </ul>,
      );
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (l.trim() === '' || BULLET.test(l) || (QUOTE.test(l) && depth < MAX_QUOTE_DEPTH)) break;
      para.push(l);
      i++;
    }
    blocks.push(<p>{renderLines(para)}</p>);
  }
  return blocks;
}

export interface MarkdownProps {
  /** The Markdown text (untrusted). */
  source: string;
  /** Extra class on the wrapper. */
  class?: string;
}

/** Renders a note's Markdown safely as elements. */
export function Markdown({ source, class: className }: MarkdownProps) {
  return <div class={className ? `clp-md ${className}` : 'clp-md'}>{renderBlocks(source)}</div>;
}
