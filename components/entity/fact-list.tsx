import { formatIsoDate } from '../../lib/cards/format';
import { dateStart, monthsBefore, todayIso } from '../../lib/dataset/dates';
import { LIMITS } from '../../lib/dataset/limits';
import type { Fact } from '../../lib/dataset/types';
import { SourceRef } from './source-ref';

export interface FactListProps {
  facts: readonly Fact[];
  /** Show at most this many (in dataset order) and say how many more there are; all when omitted. */
  limit?: number;
  /** Today (YYYY-MM-DD) for judging status facts; the real date when omitted. */
  today?: string;
}

/**
 * Facts as a description list: label, value, its date once ("as of <asOf>"), "may be out of date" for a status fact
 * older than 12 months, and the source as publisher and publication date linking to the original.
 */
export function FactList({ facts, limit, today }: FactListProps) {
  if (facts.length === 0) return null;
  const shown = limit === undefined ? facts : facts.slice(0, Math.max(0, limit));
  const more = facts.length - shown.length;
  const staleBefore = monthsBefore(today ?? todayIso(), LIMITS.statusStaleMonths);
  return (
    <>
      <dl class="cl-facts">
        {shown.map((f) => (
          <div class="cl-fact" key={`${f.label}|${f.value}|${f.asOf ?? ''}`}>
            <dt>{f.label}</dt>
            <dd>
              <span class="cl-value">{f.value}</span>
              {f.asOf && <span class="cl-asof"> as of {formatIsoDate(f.asOf)}</span>}
              {f.status && f.asOf && dateStart(f.asOf) < staleBefore && (
                <span class="cl-stale"> · may be out of date</span>
              )}
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
