/** Presentational side-panel views: data in through props, actions out through callbacks; no browser APIs. */
export { AnnotationEditor, type AnnotationEditorProps, normaliseTag } from './annotation-editor';
export { Connections, type ConnectionsProps, groupConnections } from './connections';
export { EntityView, type EntityViewProps, type MentionSentence } from './entity-view';
export { hasFilters, Library, type LibraryProps, libraryRowHeight, SORT_LABELS } from './library';
export { NotesHere, type NotesHereProps, splitByAnchoring } from './notes-here';
export {
  entityMatches,
  groupPageEntities,
  PageEntities,
  type PageEntitiesProps,
  type PageEntity,
} from './page-entities';
export { PANEL_TABS, PanelApp, type PanelAppProps, type PanelTab } from './panel-app';
export { EXPORT_FORMATS, parseSite, SettingsView, type SettingsViewProps } from './settings-view';
export { EDITOR_CSS, PANEL_CSS } from './styles';
export type { EntityOption, ExportFormat, ExportScope, ImportError, ImportPreview, PanelMessage } from './types';
