/** Display words for entity types, shared by the entity components. */
import type { EntityType } from '../../lib/dataset/types';

export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  chip: 'Chip',
  agency: 'Agency',
  company: 'Company',
  policy: 'Policy',
};

/** Heading levels a card may start at; the card's own sub-headings use the next level. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

/** The tag for a heading level, capped at h6. */
export function headingTag(level: number): 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  return `h${Math.min(6, Math.max(1, Math.round(level)))}` as 'h1';
}
