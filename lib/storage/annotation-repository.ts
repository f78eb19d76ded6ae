/**
 * Reads and writes annotations. The only code that touches the `annotations` table.
 *
 * Validation policy: every record read is checked against the current AnnotationSchema. A record that fails (written
 * by an old build, or corrupted) is SKIPPED by the list/get methods and reported once per read through `onProblem`
 * (default: console.warn); it stays on disk untouched, `problems()` lists all of them for a repair/export UI, and
 * `delete(id)` removes one. So one bad record costs the reader one missing note, never a broken side panel.
 * Writes are validated too: the repository never stores what it would refuse to read back.
 */
import type { Annotation } from '../annotations/types';
import type { ChipLensDb } from './db';
import { checkStoredAnnotation, InvalidAnnotationError, type RecordProblem } from './stored-annotation';

export interface AnnotationRepositoryOptions {
  /** Called for each invalid stored record met while reading. */
  onProblem?: (problem: RecordProblem) => void;
}

/** What an import writes: `add` must be new ids, `update` replaces whatever is stored under the id. */
export interface ImportPlan {
  add: Annotation[];
  update: Annotation[];
}

export interface ImportCounts {
  added: number;
  updated: number;
}

function warnProblem(problem: RecordProblem): void {
  console.warn(`[chiplens] skipped invalid stored annotation ${problem.id ?? '(no id)'}:`, problem.issues.join('; '));
}

/** Which page keys a caller may write or delete under (a content script: its own page's origin). */
export type PageKeyFilter = (pageKey: string) => boolean;

/** A write or delete touched a note under a page key the caller may not use; nothing was changed. */
export class PageKeyNotAllowedError extends Error {
  constructor(id: string) {
    super(`annotation ${id.slice(0, 80)} belongs to another page`);
    this.name = 'PageKeyNotAllowedError';
  }
}

/** An edit was refused because the stored note is newer (edited elsewhere since); the stored one is attached. */
export class StaleWriteError extends Error {
  constructor(readonly stored: Annotation) {
    super('this note was changed elsewhere (another tab or an import) after you opened it');
    this.name = 'StaleWriteError';
  }
}

/** The page key of a raw stored record, valid or not ('' when it has none). */
function rawPageKey(raw: unknown): string {
  const key = raw && typeof raw === 'object' ? (raw as { pageKey?: unknown }).pageKey : undefined;
  return typeof key === 'string' ? key : '';
}

/** ISO timestamps with different offsets or precision do not sort as strings, so compare instants. */
function instant(iso: string): number {
  return Date.parse(iso);
}

/** By text position, then creation time. */
function documentOrder(a: Annotation, b: Annotation): number {
  return a.position.start - b.position.start || instant(a.createdAt) - instant(b.createdAt);
}

export class AnnotationRepository {
  private readonly onProblem: (problem: RecordProblem) => void;

  constructor(
    private readonly db: ChipLensDb,
    options: AnnotationRepositoryOptions = {},
  ) {
    this.onProblem = options.onProblem ?? warnProblem;
  }

  /** The page's annotations in document order (by text position, then creation time). */
  async forPage(pageKey: string): Promise<Annotation[]> {
    const found = this.valid(await this.db.annotations.where('pageKey').equals(pageKey).toArray());
    return found.sort(documentOrder);
  }

  /** The annotations of several pages in one read, each page's in document order; every key gets an entry. */
  async forPages(pageKeys: readonly string[]): Promise<Map<string, Annotation[]>> {
    const keys = [...new Set(pageKeys)];
    const pages = new Map<string, Annotation[]>(keys.map((k) => [k, []]));
    for (const a of this.valid(await this.db.annotations.where('pageKey').anyOf(keys).toArray())) {
      pages.get(a.pageKey)?.push(a);
    }
    for (const list of pages.values()) list.sort(documentOrder);
    return pages;
  }

  /** One annotation, or null if there is none (or the stored record is invalid). */
  async get(id: string): Promise<Annotation | null> {
    const raw = await this.db.annotations.get(id);
    return raw === undefined ? null : (this.valid([raw])[0] ?? null);
  }

  /** The valid stored annotations with these ids (missing and invalid ones left out), read in one transaction. */
  async getMany(ids: readonly string[]): Promise<Annotation[]> {
    const raws = await this.db.annotations.bulkGet([...new Set(ids)]);
    return this.valid(raws.filter((r) => r !== undefined));
  }

  /** Every valid annotation, in id order. */
  async all(): Promise<Annotation[]> {
    return this.valid(await this.db.annotations.toArray());
  }

  /**
   * Stores `a` unless a record with the same id and a strictly newer `updatedAt` is already stored (a stale edit from
   * another tab must not overwrite a newer one; on a tie the incoming record wins). An invalid stored record is
   * replaced. Returns what is stored afterwards. Throws {@link InvalidAnnotationError} if `a` is invalid, and
   * {@link PageKeyNotAllowedError} if `allow` refuses its page key or the page key of the record it would replace.
   */
  async save(a: Annotation, allow?: PageKeyFilter): Promise<Annotation> {
    return this.write(a, allow, false);
  }

  /**
   * Like {@link save}, for an edit the reader makes: when the stored record is newer, nothing is written and
   * {@link StaleWriteError} says so, so the refusal can be shown instead of the edit vanishing.
   */
  saveEdit(a: Annotation, allow?: PageKeyFilter): Promise<Annotation> {
    return this.write(a, allow, true);
  }

  private async write(a: Annotation, allow: PageKeyFilter | undefined, refuseStale: boolean): Promise<Annotation> {
    const incoming = this.checkForWrite([a])[0]!;
    if (allow && !allow(incoming.pageKey)) throw new PageKeyNotAllowedError(incoming.id);
    return this.db.transaction('rw', this.db.annotations, async () => {
      const raw = await this.db.annotations.get(incoming.id);
      if (raw !== undefined && allow && !allow(rawPageKey(raw))) throw new PageKeyNotAllowedError(incoming.id);
      const stored = raw === undefined ? undefined : this.valid([raw])[0];
      if (stored && instant(stored.updatedAt) > instant(incoming.updatedAt)) {
        if (refuseStale) throw new StaleWriteError(stored);
        return stored;
      }
      await this.db.annotations.put(incoming);
      return incoming;
    });
  }

  /**
   * Deletes one annotation and returns the deleted record (for undo via {@link restore}), or null if there was none.
   * An invalid record is deleted too (this is how a repair UI removes one) but returns null: it cannot be restored.
   * With `allow`, a record under a page key it refuses is left alone and {@link PageKeyNotAllowedError} thrown.
   */
  async delete(id: string, allow?: PageKeyFilter): Promise<Annotation | null> {
    return this.db.transaction('rw', this.db.annotations, async () => {
      const raw = await this.db.annotations.get(id);
      if (raw === undefined) return null;
      if (allow && !allow(rawPageKey(raw))) throw new PageKeyNotAllowedError(id);
      await this.db.annotations.delete(id);
      return this.valid([raw])[0] ?? null;
    });
  }

  /** Undoes a delete: puts the record back, with the same newer-wins rule as {@link save}. */
  restore(a: Annotation): Promise<Annotation> {
    return this.save(a);
  }

  /** Every tag in use, most used first, ties alphabetical. Reads only the tag index (fast), so it skips validation. */
  async tags(): Promise<string[]> {
    const keys = await this.db.annotations.orderBy('tags').keys();
    const counts = new Map<string, number>();
    for (const key of keys) if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([tag]) => tag);
  }

  /** Number of stored records (valid or not). */
  count(): Promise<number> {
    return this.db.annotations.count();
  }

  /**
   * Writes an import in one read-write transaction: all of it or nothing. Every record is validated before anything
   * is written (throws {@link InvalidAnnotationError} listing all bad records); if a write then fails, e.g. an `add`
   * whose id already exists because the plan is stale, the transaction aborts and rolls back every write of the plan.
   */
  async importAtomic(plan: ImportPlan): Promise<ImportCounts> {
    const update = this.checkForWrite(plan.update);
    const add = this.checkForWrite(plan.add);
    await this.db.transaction('rw', this.db.annotations, async () => {
      await this.db.annotations.bulkPut(update);
      await this.db.annotations.bulkAdd(add);
    });
    return { added: add.length, updated: update.length };
  }

  /** Every stored record that fails validation, for a repair or export UI. Reads the whole table. */
  async problems(): Promise<RecordProblem[]> {
    const problems: RecordProblem[] = [];
    for (const raw of await this.db.annotations.toArray()) {
      const checked = checkStoredAnnotation(raw);
      if (!checked.ok) problems.push(checked.problem);
    }
    return problems;
  }

  private valid(raws: readonly unknown[]): Annotation[] {
    const out: Annotation[] = [];
    for (const raw of raws) {
      const checked = checkStoredAnnotation(raw);
      if (checked.ok) out.push(checked.annotation);
      else this.onProblem(checked.problem);
    }
    return out;
  }

  private checkForWrite(annotations: readonly Annotation[]): Annotation[] {
    const ok: Annotation[] = [];
    const problems: RecordProblem[] = [];
    for (const a of annotations) {
      const checked = checkStoredAnnotation(a);
      if (checked.ok) ok.push(checked.annotation);
      else problems.push(checked.problem);
    }
    if (problems.length > 0) throw new InvalidAnnotationError(problems);
    return ok;
  }
}
