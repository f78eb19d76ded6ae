import { formatIsoDate, safeHttpsUrl } from '../../lib/cards/format';
import type { Fact } from '../../lib/dataset/types';

export interface FactListProps {
  facts: readonly Fact[];
  /** Show at most this many (in dataset order) and say how many more there are; all when omitted. */
  limit?: number;
}

/**
 * Facts as a description list: label, value, "as of <date>" where the value can change, and the source by title.
 * A source is a link only when its URL is https; it opens in a new tab without giving the page a window handle.
 */
export function FactList({ facts, limit }: FactListProps) {
  if (facts.length === 0) return null;
  const shown = limit === undefined ? facts : facts.slice(0, Math.max(0, limit));
  const more = facts.length - shown.length;
  return (
    <>
      <dl class="cl-facts">
        {shown.map((f) => (
          <div class="cl-fact" key={`${f.label}|${f.value}|${f.asOf ?? ''}`}>
            <dt>{f.label}</dt>
            <dd>
              <span class="cl-value">{f.value}</span>
              {f.asOf && <span class="cl-asof"> as of {formatIsoDate(f.asOf)}</span>}
              <SourceRef source={f.source} />
            </dd>
          </div>
        ))}
      </dl>
      {more > 0 && (
        <p class="cl-more">
          {more} more {more === 1 ? 'fact' : 'facts'}
        </p>
      )}
    </>
  );
}

function SourceRef({ source }: { source: Fact['source'] | undefined }) {
  const title = source?.title?.trim();
  const href = safeHttpsUrl(source?.url);
  if (!href) return title ? <span class="cl-source">Source: {title}</span> : null;
  return (
    <span class="cl-source">
      Source:{' '}
      <a href={href} target="_blank" rel="noopener noreferrer">
        {title || new URL(href).hostname}
        <span class="cl-sr"> (opens in a new tab)</span>
      </a>
    </span>
  );
}
