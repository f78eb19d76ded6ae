import * as v from 'valibot';
import type { Annotation } from '../annotations/types';
import { AnnotationSchema } from '../messaging/protocol';
import type { ImportError } from './types';

const MAX_ERRORS_PER_RECORD = 10;

/** Checks one candidate record against the stored-annotation schema; reports every wrong field by its path. */
export function validateRecord(
  candidate: unknown,
  record: number,
): { ok: true; annotation: Annotation } | { ok: false; errors: ImportError[] } {
  const result = v.safeParse(AnnotationSchema, candidate);
  if (result.success) return { ok: true, annotation: result.output as Annotation };
  const rawId = candidate && typeof candidate === 'object' ? (candidate as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' && rawId.length > 0 ? rawId.slice(0, 200) : undefined;
  const errors = result.issues.slice(0, MAX_ERRORS_PER_RECORD).map((issue) => ({
    record,
    ...(id === undefined ? {} : { id }),
    field: v.getDotPath(issue) ?? '(record)',
    message: issue.message,
  }));
  return { ok: false, errors };
}
