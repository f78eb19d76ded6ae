import { useId } from 'preact/hooks';
import { countLabel, formatIsoDate } from '../../lib/cards/format';
import type { RelatedEntry } from '../../lib/dataset/relations';
import type { Entity } from '../../lib/dataset/types';
import { EntityHeader } from './entity-header';
import { FactList } from './fact-list';
import { type HeadingLevel, headingTag } from './labels';
import { RelationList } from './relation-list';

export interface EntityCardProps {
  entity: Entity;
  /** From relatedOf(entity.id, index). */
  related: readonly RelatedEntry[];
  /** Mentions of this entity on the current page; the line is left out when undefined. */
  mentionCount?: number;
  /** Ids of entities mentioned on the current page. */
  onPage?: ReadonlySet<string>;
  /** The dataset's as-of date (ISO), from DatasetMeta.asOf. */
  datasetAsOf: string;
  /** Facts shown: 3-6 on the hover card; all (undefined) in the side panel. */
  factLimit?: number;
  /** Related entries shown; all when undefined. */
  relatedLimit?: number;
  /** A related entity's button was pressed. */
  onFollow(id: string): void;
  /** Level of the name heading (default 2); "Related" uses the next level. */
  headingLevel?: HeadingLevel;
  /** ids for the name heading and summary (aria-labelledby / aria-describedby); generated when omitted. */
  headingId?: string;
  summaryId?: string;
}

/** An entity's full card body: header, summary, facts, related entities, and where the data comes from. */
export function EntityCard(props: EntityCardProps) {
  const { entity, related, mentionCount, onPage, datasetAsOf, factLimit, relatedLimit, onFollow } = props;
  const level = props.headingLevel ?? 2;
  const uid = useId();
  const headingId = props.headingId ?? `${uid}-name`;
  const summaryId = props.summaryId ?? `${uid}-summary`;
  const relatedId = `${uid}-related`;
  const Sub = headingTag(level + 1);
  return (
    <div class={`cl-entity cl-entity--${entity.type}`}>
      <EntityHeader entity={entity} headingLevel={level} headingId={headingId} />
      <p class="cl-summary" id={summaryId}>
        {entity.summary}
      </p>
      <FactList facts={entity.facts} limit={factLimit} />
      {related.length > 0 && (
        <section class="cl-related-section" aria-labelledby={relatedId}>
          <Sub class="cl-subheading" id={relatedId}>
            Related
          </Sub>
          <RelationList related={related} onPage={onPage} onFollow={onFollow} limit={relatedLimit} />
        </section>
      )}
      <p class="cl-footnote">
        {mentionCount !== undefined && (
          <span class="cl-mentions">{countLabel(mentionCount, 'mention', 'mentions')} on this page</span>
        )}
        {mentionCount !== undefined && ' · '}
        <span class="cl-dataset-date">Data as of {formatIsoDate(datasetAsOf)}</span>
      </p>
    </div>
  );
}
