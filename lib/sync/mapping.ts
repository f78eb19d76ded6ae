/**
 * Annotation ⇄ replicated document, and the validation every incoming document passes before it may touch local notes
 * (the same schema an import uses: `AnnotationSchema` from lib/messaging/protocol.ts, plus sync-specific checks). Pure.
 */
import * as v from 'valibot';
import type { Annotation } from '../annotations/types';
import { AnnotationSchema } from '../messaging/protocol';
import { MAX_DOC_CHARS, NOTE_DOC_VERSION, type NoteDoc, type NoteTombstone } from './types';

const ID_PREFIX = 'note:';
const Name = v.pipe(v.string(), v.maxLength(200));
const IsoDate = v.pipe(v.string(), v.isoTimestamp());

const NoteDocSchema = v.object({
  _id: v.pipe(v.string(), v.startsWith(ID_PREFIX), v.maxLength(205)),
  _rev: v.optional(v.string()),
  type: v.literal('note'),
  v: v.pipe(v.number(), v.integer(), v.minValue(1)),
  notebook: Name,
  author: Name,
  editor: Name,
  updatedAt: IsoDate,
  annotation: AnnotationSchema,
});

const TombstoneSchema = v.object({
  _id: v.pipe(v.string(), v.startsWith(ID_PREFIX), v.maxLength(205)),
  _deleted: v.literal(true),
  updatedAt: IsoDate,
  editor: v.optional(Name, ''),
});

/** The document id of an annotation: `note:<annotation id>`. */
export function noteDocId(annotationId: string): string {
  return `${ID_PREFIX}${annotationId}`;
}

/** The annotation id in a note document id, or null if the id is not a note's. */
export function annotationIdOf(docId: string): string | null {
  return docId.startsWith(ID_PREFIX) && docId.length > ID_PREFIX.length ? docId.slice(ID_PREFIX.length) : null;
}

/** The replicated document for a note (without `_rev`). */
export function annotationToDoc(annotation: Annotation, notebook: string, author: string, editor: string): NoteDoc {
  return {
    _id: noteDocId(annotation.id),
    type: 'note',
    v: NOTE_DOC_VERSION,
    notebook,
    author,
    editor,
    updatedAt: annotation.updatedAt,
    annotation,
  };
}

/** The tombstone recording that a note was deleted at `deletedAt` (without `_rev`). */
export function tombstoneDoc(annotationId: string, notebook: string, editor: string, deletedAt: string): NoteTombstone {
  return {
    _id: noteDocId(annotationId),
    _deleted: true,
    type: 'note',
    v: NOTE_DOC_VERSION,
    notebook,
    editor,
    updatedAt: deletedAt,
  };
}

/** True for an absolute http: or https: URL. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An incoming document after validation. */
export type IncomingDoc =
  | { kind: 'note'; doc: NoteDoc }
  | { kind: 'tombstone'; id: string; updatedAt: string; editor: string }
  /** Not a note (design document, other data): ignored without a warning. */
  | { kind: 'other' }
  | { kind: 'invalid'; id: string; reason: string };

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? '(document)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates one document read from a mirror that replicates with a server. Size first (a document over
 * {@link MAX_DOC_CHARS} is refused before anything else is read), then shape, then consistency: the annotation id must
 * match `_id`, `updatedAt` must match the annotation's, and `url` must be http(s). Given `now`, a time more than
 * {@link MAX_CLOCK_SKEW_MS} ahead of it is refused too (it would win every conflict for ever). Unknown fields are
 * dropped.
 */
export function parseIncomingDoc(raw: unknown, now?: Date): IncomingDoc {
  if (raw === null || typeof raw !== 'object') return { kind: 'invalid', id: '(none)', reason: 'not an object' };
  const rawId = (raw as { _id?: unknown })._id;
  const id = typeof rawId === 'string' ? rawId.slice(0, 205) : '(none)';
  if (typeof rawId !== 'string' || !rawId.startsWith(ID_PREFIX)) {
    return typeof rawId === 'string' ? { kind: 'other' } : { kind: 'invalid', id, reason: 'no document id' };
  }
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    return { kind: 'invalid', id, reason: 'not serializable' };
  }
  if (size > MAX_DOC_CHARS)
    return { kind: 'invalid', id, reason: `too large (${size} characters, limit ${MAX_DOC_CHARS})` };
  if ((raw as { _deleted?: unknown })._deleted === true) {
    const t = v.safeParse(TombstoneSchema, raw);
    if (!t.success)
      return { kind: 'invalid', id, reason: `deletion without a valid time: ${describeIssues(t.issues)}` };
    if (fromFuture(t.output.updatedAt, now)) return { kind: 'invalid', id, reason: 'updatedAt is in the future' };
    return { kind: 'tombstone', id: t.output._id, updatedAt: t.output.updatedAt, editor: t.output.editor };
  }
  const parsed = v.safeParse(NoteDocSchema, raw);
  if (!parsed.success) return { kind: 'invalid', id, reason: describeIssues(parsed.issues) };
  const doc = parsed.output as NoteDoc;
  if (doc._id !== noteDocId(doc.annotation.id))
    return { kind: 'invalid', id, reason: '_id does not match annotation.id' };
  if (doc.updatedAt !== doc.annotation.updatedAt) {
    return { kind: 'invalid', id, reason: 'updatedAt does not match annotation.updatedAt' };
  }
  if (fromFuture(doc.updatedAt, now)) return { kind: 'invalid', id, reason: 'updatedAt is in the future' };
  if (!isWebUrl(doc.annotation.url)) return { kind: 'invalid', id, reason: 'annotation.url is not an http(s) URL' };
  return { kind: 'note', doc };
}

/** How far ahead of this device's clock an incoming `updatedAt` may be (clock skew between devices). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

function fromFuture(iso: string, now: Date | undefined): boolean {
  return now !== undefined && Date.parse(iso) > now.getTime() + MAX_CLOCK_SKEW_MS;
}

/** True if two annotations have the same content (key order ignored). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
