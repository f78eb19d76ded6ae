/**
 * The one protocol between ChipLens' parts. Every message has a request schema (validated where it enters) and a
 * response type. `toBackground` messages are handled by the service worker (content script and side panel send them);
 * `toContent` messages are sent with `tabs.sendMessage` to a tab's content script (side panel and background send them).
 */
import * as v from 'valibot';
import type { AnchorStatus, Annotation } from '../annotations/types';
import { HIGHLIGHT_COLORS } from '../annotations/types';
import type { EntityOption } from '../dataset/catalog';
import type { RelatedEntry } from '../dataset/relations';
import type { Entity, EntityType } from '../dataset/types';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const ShortText = v.pipe(v.string(), v.maxLength(2_000));
const LongText = v.pipe(v.string(), v.maxLength(100_000));
const IsoDate = v.pipe(v.string(), v.isoTimestamp());
/** A page key is a URL: as long as a stored annotation allows. */
const PageKey = v.pipe(v.string(), v.minLength(1), v.maxLength(4_000));

export const AnnotationSchema = v.object({
  id: Id,
  pageKey: PageKey,
  url: v.pipe(v.string(), v.maxLength(8_000)),
  title: ShortText,
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
    prefix: ShortText,
    suffix: ShortText,
  }),
  position: v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  anchorVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  note: LongText,
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(100)),
  color: v.picklist(HIGHLIGHT_COLORS),
  entityIds: v.pipe(v.array(Id), v.maxLength(200)),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

/** A mention of a dataset entity in the page's joined visible text. */
export interface MentionInfo {
  entityId: string;
  entityType: EntityType;
  /** The matched page text. */
  text: string;
  start: number;
  end: number;
}

export interface PageMentions {
  url: string;
  title: string;
  mentions: MentionInfo[];
}

export interface AnchorReport {
  id: string;
  status: AnchorStatus;
  /** Current page text where anchored with changes. */
  currentText?: string;
}

const Empty = v.strictObject({});

/** storage.session key: the entity a card asked the side panel to show ({ tabId, entityId, at }). */
export const PANEL_FOCUS_KEY = 'panelFocus';

/** Requests handled by the background service worker. */
export const toBackground = {
  /** Health check; answers with the extension version. */
  ping: { req: Empty, res: {} as { version: string } },
  /** Everything a card shows for one entity: the entity, its related entities (both directions), dataset as-of. */
  'entity:card': {
    req: v.strictObject({ id: Id }),
    res: {} as { entity: Entity; related: RelatedEntry[]; datasetAsOf: string; datasetVersion: string } | null,
  },
  /** The compiled matcher data, for a content script that did not find it in storage (see lib/detection/stored.ts). */
  'matcher:data': {
    req: Empty,
    res: {} as { build: string; json: string },
  },
  /** Every entity's id, name and type (editor: link a note to entities). */
  'entities:options': {
    req: Empty,
    res: {} as { options: EntityOption[] },
  },
  /** Card data for these entity ids (unknown ids are left out). */
  'entities:get': {
    req: v.strictObject({ ids: v.pipe(v.array(Id), v.maxLength(500)) }),
    res: {} as { entities: Entity[] },
  },
  /** All annotations stored for one page. */
  'annotations:forPage': { req: v.strictObject({ pageKey: PageKey }), res: {} as { annotations: Annotation[] } },
  /** Create or replace one annotation; an edit older than the stored record is refused with an error (newest wins). */
  'annotation:save': { req: v.strictObject({ annotation: AnnotationSchema }), res: {} as { annotation: Annotation } },
  /** Delete one annotation; answers with the deleted record so it can be restored (undo). */
  'annotation:delete': { req: v.strictObject({ id: Id }), res: {} as { deleted: Annotation | null } },
  /** Tags in use, most used first (editor autocomplete). */
  'tags:list': { req: Empty, res: {} as { tags: string[] } },
  /** Open the side panel for the sender's tab (needs a user gesture). */
  'sidepanel:open': { req: v.strictObject({ entityId: v.optional(Id) }), res: {} as { opened: boolean } },
  /** A content script says its mentions, URL or anchors changed (the side panel listens to this too). */
  'page:changed': { req: v.strictObject({ pageKey: PageKey }), res: {} as { ok: true } },
} as const;

/** Requests handled by a tab's content script. */
export const toContent = {
  /** Everything found on the page, in document order. */
  'page:mentions': { req: Empty, res: {} as PageMentions },
  /** Page identity and annotation anchoring outcomes. */
  'page:state': { req: Empty, res: {} as { pageKey: string; url: string; title: string; anchors: AnchorReport[] } },
  /** Scroll to and flash the next occurrence of an entity after the last one revealed. */
  'page:revealEntity': { req: v.strictObject({ entityId: Id }), res: {} as { found: boolean } },
  /** Keyboard: move to the next/previous mention in reading order and open its card with focus. */
  'page:navigate': { req: v.strictObject({ direction: v.picklist(['next', 'prev']) }), res: {} as { found: boolean } },
  /** Open the annotation editor for the current selection (context menu, keyboard command). */
  'page:annotateSelection': { req: Empty, res: {} as { opened: boolean } },
  /** The sentences mentioning an entity, each with the index of its mention in `page:mentions`. */
  'page:sentences': {
    req: v.strictObject({ entityId: Id }),
    res: {} as { sentences: { text: string; mentionIndex: number; mark: { start: number; end: number } }[] },
  },
  /** Scroll to and flash one mention (its index in `page:mentions`). */
  'page:revealMention': {
    req: v.strictObject({ index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    res: {} as { found: boolean },
  },
  /** Scroll to and flash an annotation's highlight. */
  'page:revealAnnotation': { req: v.strictObject({ id: Id }), res: {} as { found: boolean } },
  /**
   * What ChipLens's own UI in the page (a closed shadow root) shows: the elements matching `selector` (and whose text
   * is `text`, when given) counted, or the first one's text, viewport box or focus. The e2e tests' way in, in every
   * browser; like every message to a content script, only this extension's own pages can send it.
   */
  'page:inspectUi': {
    req: v.strictObject({
      selector: v.pipe(v.string(), v.maxLength(200)),
      text: v.optional(v.pipe(v.string(), v.maxLength(200))),
      op: v.picklist(['count', 'text', 'box', 'focused']),
    }),
    res: {} as { count: number; text: string | null; box: UiBox | null; focused: boolean },
  },
} as const;

/** An element's box in viewport CSS pixels. */
export interface UiBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type BackgroundProtocol = typeof toBackground;
export type ContentProtocol = typeof toContent;
export type AnyProtocol = BackgroundProtocol | ContentProtocol;

export type Req<P extends AnyProtocol, K extends keyof P> = P[K] extends { req: infer S }
  ? S extends v.GenericSchema
    ? v.InferOutput<S>
    : never
  : never;
export type Res<P extends AnyProtocol, K extends keyof P> = P[K] extends { res: infer R } ? R : never;
