/** Sync engine (issue 18): replicate notes with CouchDB notebooks. See docs/sync.md. */
export { SyncEngine, type SyncEngineOptions } from './engine';
export { checkRemoteUrl, describeSyncError, SyncError, type SyncErrorKind, type SyncProblem } from './errors';
export { annotationToDoc, isWebUrl, noteDocId, parseIncomingDoc, tombstoneDoc } from './mapping';
export { createPouchFactory } from './pouch-factory';
export type { PouchFactory, PouchLike } from './pouch-types';
export { type NotesRepository, repositoryNotesPort } from './repository-port';
export { resolveLeaves } from './resolve';
export * from './types';
export { chooseWinner, compareLeaves } from './winner';
