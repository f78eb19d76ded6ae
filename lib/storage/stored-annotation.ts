/** Validation of annotation records as they come off (or go onto) the disk. Pure. */
import * as v from 'valibot';
import type { Annotation } from '../annotations/types';
import { AnnotationSchema } from '../messaging/protocol';

/** A stored record that fails the current {@link AnnotationSchema}: left behind by an old build, or corrupt. */
export interface RecordProblem {
  /** The record's primary key if it has a usable one (so a repair UI can delete it), else null. */
  id: string | null;
  /** One line per failed check, e.g. `color: Invalid type: Expected ("yellow" | ...) but received undefined`. */
  issues: string[];
  /** The raw record, untouched, so nothing is lost and it can be exported or repaired by hand. */
  record: unknown;
}

export type CheckedRecord = { ok: true; annotation: Annotation } | { ok: false; problem: RecordProblem };

/**
 * Checks one raw record against the current schema. On success the annotation is the schema's output (unknown extra
 * properties dropped), so callers never pass on fields the current code does not know.
 */
export function checkStoredAnnotation(raw: unknown): CheckedRecord {
  const result = v.safeParse(AnnotationSchema, raw);
  if (result.success) return { ok: true, annotation: result.output };
  const rawId = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return {
    ok: false,
    problem: {
      id: typeof rawId === 'string' ? rawId : null,
      issues: result.issues.map((issue) => {
        const path = issue.path?.map((p) => String(p.key)).join('.') || '(record)';
        return `${path}: ${issue.message}`;
      }),
      record: raw,
    },
  };
}

/** Thrown when asked to write an annotation the current schema rejects (the repository never writes what it would
 * refuse to read back). */
export class InvalidAnnotationError extends Error {
  constructor(readonly problems: RecordProblem[]) {
    const first = problems[0];
    super(
      `invalid annotation${problems.length > 1 ? `s (${problems.length})` : ''}: ` +
        `${first?.id ?? '(no id)'}: ${first?.issues[0] ?? 'unknown problem'}`,
    );
    this.name = 'InvalidAnnotationError';
  }
}
