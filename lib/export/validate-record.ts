import * as v from 'valibot';
import type { Annotation } from '../annotations/types';
import { AnnotationSchema } from '../messaging/protocol';
import type { ImportError } from './types';

const MAX_ERRORS_PER_RECORD = 10;

/** The message for a record whose page address is not http(s). */
export const NOT_WEB_URL = 'The page address must be an http:// or https:// URL';

/** Whether `url` is an absolute http(s) URL: the only pages ChipLens annotates, opens or links to. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /^https?:\/\//i.test(url);
  } catch {
    return false;
  }
}

/**
 * Checks one candidate record against the stored-annotation schema, and that its page address is http(s); reports
 * every wrong field by its path.
 */
export function validateRecord(
  candidate: unknown,
  record: number,
): { ok: true; annotation: Annotation } | { ok: false; errors: ImportError[] } {
  const result = v.safeParse(AnnotationSchema, candidate);
  const rawId = candidate && typeof candidate === 'object' ? (candidate as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' && rawId.length > 0 ? rawId.slice(0, 200) : undefined;
  if (result.success) {
    const annotation = result.output as Annotation;
    if (isWebUrl(annotation.url)) return { ok: true, annotation };
    const message = `${NOT_WEB_URL} (it is "${annotation.url.slice(0, 80)}").`;
    return { ok: false, errors: [{ record, ...(id === undefined ? {} : { id }), field: 'url', message }] };
  }
  const errors = result.issues.slice(0, MAX_ERRORS_PER_RECORD).map((issue) => ({
    record,
    ...(id === undefined ? {} : { id }),
    field: v.getDotPath(issue) ?? '(record)',
    message: issue.message,
  }));
  return { ok: false, errors };
}
