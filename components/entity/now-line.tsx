import { formatIsoDate } from '../../lib/cards/format';
import type { NowLine as Now } from '../../lib/cards/preview';
import { dateStart, monthsBefore, todayIso } from '../../lib/dataset/dates';
import { LIMITS } from '../../lib/dataset/limits';
import { SourceRef } from './source-ref';

/**
 * "Now": where the entity stands, from its latest status fact (label and value) or, without one, its latest event,
 * dated once, with its source; a status older than 12 months says it may be out of date.
 */
export function NowLine({ now, today }: { now: Now; today?: string }) {
  const date = now.kind === 'fact' ? now.fact.asOf : now.event.date;
  const stale = dateStart(date) < monthsBefore(today ?? todayIso(), LIMITS.statusStaleMonths);
  return (
    <p class="cl-now">
      <span class="cl-now-label">Now</span>{' '}
      {now.kind === 'fact' ? (
        <>
          <span class="cl-now-topic">{now.fact.label}:</span> {now.fact.value}
        </>
      ) : (
        now.event.text
      )}
      <span class="cl-asof">
        {' '}
        · {now.kind === 'fact' ? 'as of ' : ''}
        {formatIsoDate(date)}
      </span>
      {stale && <span class="cl-stale"> · may be out of date</span>}
      <SourceRef source={now.kind === 'fact' ? now.fact.source : now.event.source} />
    </p>
  );
}
