import { useId } from 'preact/hooks';
import { countLabel, formatIsoDate } from '../../lib/cards/format';
import { cardPreview } from '../../lib/cards/preview';
import type { RelatedEntry } from '../../lib/dataset/relations';
import type { Entity } from '../../lib/dataset/types';
import { EntityHeader } from './entity-header';
import { EventList } from './event-list';
import { FactList } from './fact-list';
import { type HeadingLevel, headingTag } from './labels';
import { NowLine } from './now-line';
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
  /** Timeline events shown, latest first; all when undefined. */
  eventLimit?: number;
  /**
   * The page's or UI's language (BCP 47, e.g. "zh-CN", "zh-TW", "en"). For Chinese the summary is shown in
   * summaryI18n's script where the entity has it.
   */
  locale?: string;
  /** Today (YYYY-MM-DD) for judging status facts; the real date when omitted. */
  today?: string;
  /** A related entity's button was pressed. */
  onFollow(id: string): void;
  /** Level of the name heading (default 2); "Related" uses the next level. */
  headingLevel?: HeadingLevel;
  /** ids for the name heading and summary (aria-labelledby / aria-describedby); generated when omitted. */
  headingId?: string;
  summaryId?: string;
  /**
   * The hover card's preview: short name as the headline, the summary, where the entity stands now (its latest status
   * fact or event, dated), three key facts and the relations to names on the page; everything else behind "More".
   */
  compact?: boolean;
}

/**
 * An entity's full card body: header, summary (in Chinese for a Chinese locale where the entity has it), facts,
 * timeline, related entities, and where the data comes from. `editorNote` is never rendered.
 */
export function EntityCard(props: EntityCardProps) {
  const { entity, related, mentionCount, onPage, datasetAsOf, factLimit, relatedLimit, onFollow } = props;
  const summary = localizedSummary(entity, props.locale);
  const level = props.headingLevel ?? 2;
  const uid = useId();
  const headingId = props.headingId ?? `${uid}-name`;
  const summaryId = props.summaryId ?? `${uid}-summary`;
  const relatedId = `${uid}-related`;
  const Sub = headingTag(level + 1);
  const preview = props.compact ? cardPreview(entity, factLimit ?? 3) : undefined;
  // The preview's relations: those to names on this page first, then the rest, up to the limit.
  const shownRelated = preview ? [...related].sort((a, b) => onPageFirst(a, b, onPage)) : related;
  return (
    <div class={`cl-entity cl-entity--${entity.type}`}>
      <EntityHeader
        entity={entity}
        headingLevel={level}
        headingId={headingId}
        headline={props.compact ? 'short' : 'full'}
      />
      <p class="cl-summary" id={summaryId} lang={summary.lang}>
        {summary.text}
      </p>
      {preview ? (
        <>
          {preview.now && <NowLine now={preview.now} today={props.today} />}
          <FactList facts={preview.keyFacts} today={props.today} />
        </>
      ) : (
        <>
          <FactList facts={entity.facts} limit={factLimit} today={props.today} />
          <EventList events={entity.events ?? []} limit={props.eventLimit} headingLevel={level + 1} />
        </>
      )}
      {related.length > 0 && (
        <section class="cl-related-section" aria-labelledby={relatedId}>
          <Sub class="cl-subheading" id={relatedId}>
            Related
          </Sub>
          <RelationList related={shownRelated} onPage={onPage} onFollow={onFollow} limit={relatedLimit} />
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

function onPageFirst(a: RelatedEntry, b: RelatedEntry, onPage: ReadonlySet<string> | undefined): number {
  return Number(onPage?.has(b.entity.id) ?? false) - Number(onPage?.has(a.entity.id) ?? false);
}

/** Chinese scripts by BCP 47 tag: Traditional for zh-Hant, Taiwan, Hong Kong and Macau; Simplified for other zh. */
function chineseScript(locale: string | undefined): 'zh-Hans' | 'zh-Hant' | undefined {
  const tag = locale?.toLowerCase() ?? '';
  if (tag !== 'zh' && !tag.startsWith('zh-')) return undefined;
  return /^zh-(hant|tw|hk|mo)\b/.test(tag) ? 'zh-Hant' : 'zh-Hans';
}

/** The summary to show for `locale`: Traditional falls back to Simplified, anything missing to English. */
function localizedSummary(entity: Entity, locale: string | undefined): { text: string; lang?: string } {
  const script = chineseScript(locale);
  const i18n = entity.summaryI18n;
  if (script === 'zh-Hant' && i18n?.['zh-Hant']) return { text: i18n['zh-Hant'], lang: 'zh-Hant' };
  if (script && i18n?.['zh-Hans']) return { text: i18n['zh-Hans'], lang: 'zh-Hans' };
  return { text: entity.summary };
}
