/**
 * The engine's {@link LocalNotesPort} over the annotation repository (lib/storage), so Dexie stays the one store the
 * extension reads. Typed structurally (no import of lib/storage): `AnnotationRepository` fits as it is.
 */
import type { Annotation } from '../annotations/types';
import type { LocalNotesPort, NoteOrigin } from './types';

/** What the port needs from the repository. */
export interface NotesRepository {
  all(): Promise<Annotation[]>;
  /** Newer `updatedAt` wins; returns what is stored afterwards. */
  save(annotation: Annotation): Promise<Annotation>;
  /** Returns the deleted record, or null. */
  delete(id: string): Promise<Annotation | null>;
}

/**
 * Adapts a repository. `onChanged` receives the page keys whose notes the engine changed (the background passes
 * `announceAnnotationChange`, so open tabs re-anchor); `onOrigin` receives who wrote each incoming note.
 */
export function repositoryNotesPort(
  repository: NotesRepository,
  hooks: {
    onChanged?: (pageKeys: string[]) => void | Promise<void>;
    onOrigin?: (id: string, origin: NoteOrigin) => void;
  } = {},
): LocalNotesPort {
  return {
    list: () => repository.all(),
    async put(annotation, origin) {
      const stored = await repository.save(annotation);
      if (stored.updatedAt !== annotation.updatedAt) return; // a newer local version stayed
      hooks.onOrigin?.(annotation.id, origin);
      await hooks.onChanged?.([annotation.pageKey]);
    },
    async delete(id) {
      const deleted = await repository.delete(id);
      if (deleted) await hooks.onChanged?.([deleted.pageKey]);
    },
  };
}
