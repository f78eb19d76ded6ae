/** A LocalNotesPort over a Map: one "device's" notes in the sync tests. */
import type { Annotation } from '../../lib/annotations/types';
import type { LocalNotesPort, NoteOrigin } from '../../lib/sync/types';

export class MemoryNotes implements LocalNotesPort {
  readonly notes = new Map<string, Annotation>();
  readonly origins = new Map<string, NoteOrigin>();

  async list(): Promise<Annotation[]> {
    return [...this.notes.values()].map((a) => structuredClone(a));
  }

  async put(annotation: Annotation, origin: NoteOrigin): Promise<void> {
    this.notes.set(annotation.id, structuredClone(annotation));
    this.origins.set(annotation.id, origin);
  }

  async delete(id: string): Promise<void> {
    this.notes.delete(id);
  }

  /** A user's edit on this device. */
  edit(annotation: Annotation): void {
    this.notes.set(annotation.id, structuredClone(annotation));
  }
}

let counter = 0;

/** A valid note; `at` sets createdAt and updatedAt. */
export function makeNote(overrides: Partial<Annotation> = {}, at = '2026-12-01T10:00:00.000Z'): Annotation {
  counter++;
  return {
    id: `n-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    pageKey: 'https://news.example.com/h200-exports',
    url: 'https://news.example.com/h200-exports?utm_source=x',
    title: 'H200 exports to China',
    quote: { type: 'TextQuoteSelector', exact: 'H200', prefix: 'the ', suffix: ' chips' },
    position: { type: 'TextPositionSelector', start: 10, end: 14 },
    anchorVersion: 1,
    note: `note ${counter}`,
    tags: ['exports'],
    color: 'yellow',
    entityIds: ['chip-h200'],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
