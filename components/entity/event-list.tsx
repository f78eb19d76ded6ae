import { useId } from 'preact/hooks';
import { formatIsoDate } from '../../lib/cards/format';
import type { EntityEvent } from '../../lib/dataset/types';
import { headingTag } from './labels';
import { SourceRef } from './source-ref';

export interface EventListProps {
  events: readonly EntityEvent[];
  /** Show the latest this many and say how many more there are; all when omitted. */
  limit?: number;
  /** Level of the "Timeline" heading. */
  headingLevel: number;
}

/** An entity's events as a short "Timeline", latest first: date, what happened, source. */
export function EventList({ events, limit, headingLevel }: EventListProps) {
  const id = useId();
  if (events.length === 0) return null;
  const sorted = [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const shown = limit === undefined ? sorted : sorted.slice(0, Math.max(0, limit));
  const more = sorted.length - shown.length;
  const H = headingTag(headingLevel);
  return (
    <section class="cl-timeline-section" aria-labelledby={id}>
      <H class="cl-subheading" id={id}>
        Timeline
      </H>
      <ol class="cl-timeline">
        {shown.map((e) => (
          <li key={`${e.date}|${e.text}`}>
            <span class="cl-event-date">{formatIsoDate(e.date)}</span> <span class="cl-event-text">{e.text}</span>
            <SourceRef source={e.source} />
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p class="cl-more">
          {more} earlier {more === 1 ? 'event' : 'events'}
        </p>
      )}
    </section>
  );
}
