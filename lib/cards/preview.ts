/**
 * What a compact card shows of an entity (pure): a "now" line, where it stands (its latest status fact, else its latest
 * event), and a few key facts in the dataset's own order, leaving out the one already shown as "now".
 */
import { dateStart } from '../dataset/dates';
import type { Entity, EntityEvent, Fact } from '../dataset/types';

export type NowLine = { kind: 'fact'; fact: Fact } | { kind: 'event'; event: EntityEvent };

export interface CardPreview {
  now?: NowLine;
  keyFacts: Fact[];
  /** Facts and events the compact card leaves out (what "More" adds). */
  hiddenFacts: number;
  hiddenEvents: number;
}

const byDateDesc = (a: string, b: string) => (dateStart(a) < dateStart(b) ? 1 : dateStart(a) > dateStart(b) ? -1 : 0);

/** The compact card's content for `entity`, with at most `keyFactLimit` key facts. */
export function cardPreview(entity: Entity, keyFactLimit = 3): CardPreview {
  const events = entity.events ?? [];
  const status = entity.facts.filter((f) => f.status).sort((a, b) => byDateDesc(a.asOf, b.asOf))[0];
  const latestEvent = [...events].sort((a, b) => byDateDesc(a.date, b.date))[0];
  const now: NowLine | undefined = status
    ? { kind: 'fact', fact: status }
    : latestEvent
      ? { kind: 'event', event: latestEvent }
      : undefined;
  const rest = entity.facts.filter((f) => f !== status);
  const keyFacts = rest.slice(0, Math.max(0, keyFactLimit));
  return {
    now,
    keyFacts,
    hiddenFacts: rest.length - keyFacts.length,
    hiddenEvents: events.length - (now?.kind === 'event' ? 1 : 0),
  };
}
