/**
 * The entity view: the full card (every fact with its source, relations) and the sentences on this page that mention
 * the entity; a sentence reveals that mention on the page.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { RelatedEntry } from '../../lib/dataset/relations';
import type { Entity } from '../../lib/dataset/types';
import { EntityCard } from '../entity';
import { plural } from './format';

/** A sentence on the page containing one mention of the entity. */
export interface MentionSentence {
  text: string;
  /** Index of the mention in the page's mention list (passed back to onRevealMention). */
  mentionIndex: number;
  /** Where the mention sits inside `text` (UTF-16 offsets), to emphasise it. */
  mark?: { start: number; end: number };
}

export interface EntityViewProps {
  entity: Entity;
  related: readonly RelatedEntry[];
  /** Ids of entities present on the page (related ones on the page are marked). */
  onPage?: ReadonlySet<string>;
  /** Dataset as-of date (ISO), shown on the card. */
  datasetAsOf: string;
  sentences: readonly MentionSentence[];
  onRevealMention(mentionIndex: number): void;
  /** Open another entity's view (from a relation). */
  onFollow(entityId: string): void;
  onBack(): void;
}

function Sentence({ s }: { s: MentionSentence }) {
  const m = s.mark;
  if (!m || m.start < 0 || m.end > s.text.length || m.start >= m.end) return <>{s.text}</>;
  return (
    <>
      {s.text.slice(0, m.start)}
      <mark>{s.text.slice(m.start, m.end)}</mark>
      {s.text.slice(m.end)}
    </>
  );
}

/** Full entity card plus its mentions on this page. */
export function EntityView(props: EntityViewProps) {
  const { entity, sentences, onRevealMention, onBack } = props;
  const uid = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  // Opening a view moves focus into it, so keyboard and screen-reader users land on the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when a different entity is shown
  useEffect(() => backRef.current?.focus(), [entity.id]);

  return (
    <section class="clp-entity-view" aria-label={entity.name}>
      <button type="button" class="clp-btn clp-btn-small clp-back" ref={backRef} onClick={() => onBack()}>
        <span aria-hidden="true">‹ </span>Back
      </button>
      <EntityCard
        entity={entity}
        related={props.related}
        mentionCount={sentences.length}
        onPage={props.onPage}
        datasetAsOf={props.datasetAsOf}
        onFollow={props.onFollow}
      />
      <section class="clp-on-page" aria-labelledby={`${uid}-on-page`}>
        <h2 id={`${uid}-on-page`} class="clp-group-heading">
          On this page <span class="clp-badge">{sentences.length}</span>
        </h2>
        {sentences.length === 0 ? (
          <p class="clp-empty">Not mentioned on this page.</p>
        ) : (
          <ol class="clp-rows clp-sentences" aria-label={plural(sentences.length, 'mention')}>
            {sentences.map((s) => (
              <li key={s.mentionIndex}>
                <button type="button" class="clp-row-main clp-sentence" onClick={() => onRevealMention(s.mentionIndex)}>
                  <Sentence s={s} />
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
