/** The stored annotation record and the selectors it anchors with (W3C Web Annotation model). */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C TextQuoteSelector: the quoted text plus some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: offsets into the page's joined visible text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Version of the describe/anchor algorithm that wrote the selectors, so it can change without breaking old data. */
export const ANCHOR_STRATEGY_VERSION = 1;

export interface Annotation {
  /** UUID. */
  id: string;
  /** Canonical page identity (canonical link / og:url / URL without tracking params and fragment). */
  pageKey: string;
  /** The URL the annotation was made on. */
  url: string;
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  anchorVersion: number;
  /** Markdown. */
  note: string;
  tags: string[];
  color: HighlightColor;
  /** Dataset entity ids this note is about. */
  entityIds: string[];
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** How an annotation re-attached to the current page. */
export type AnchorStatus = 'anchored' | 'changed' | 'orphan';
