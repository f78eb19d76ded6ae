/** Presentational entity pieces shared by the hover card and the side panel. No browser APIs, no database. */
export { EntityCard, type EntityCardProps } from './entity-card';
export { EntityHeader, type EntityHeaderProps } from './entity-header';
export { EventList, type EventListProps } from './event-list';
export { FactList, type FactListProps } from './fact-list';
export { type HeadingLevel, TYPE_LABELS } from './labels';
export { RelationList, type RelationListProps } from './relation-list';
export { SourceRef } from './source-ref';
