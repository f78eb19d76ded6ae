/** Presentational entity pieces shared by the hover card and the side panel. No browser APIs, no database. */
export { EntityCard, type EntityCardProps } from './EntityCard';
export { EntityHeader, type EntityHeaderProps } from './EntityHeader';
export { FactList, type FactListProps } from './FactList';
export { type HeadingLevel, TYPE_LABELS } from './labels';
export { RelationList, type RelationListProps } from './RelationList';
