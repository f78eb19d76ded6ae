import { formatIsoDate, safeHttpsUrl } from '../../lib/cards/format';
import type { Source } from '../../lib/dataset/types';

/**
 * A fact's or event's source as "Source: <publisher>, <publication date>", linking to the original publication (never
 * the `via` copy). A link only when the URL is https; it opens in a new tab without giving the page a window handle.
 * The publication's title is the link's tooltip.
 */
export function SourceRef({ source }: { source: Partial<Source> | undefined }) {
  const title = source?.title?.trim();
  const who = source?.publisher?.trim() || title;
  const when = source?.published ? formatIsoDate(source.published) : '';
  const href = safeHttpsUrl(source?.url);
  const text = [who || (href ? new URL(href).hostname : ''), when].filter(Boolean).join(', ');
  if (!text) return null;
  if (!href) return <span class="cl-source">Source: {text}</span>;
  return (
    <span class="cl-source">
      Source:{' '}
      <a href={href} target="_blank" rel="noopener noreferrer" title={title}>
        {text}
        <span class="cl-sr"> (opens in a new tab)</span>
      </a>
    </span>
  );
}
