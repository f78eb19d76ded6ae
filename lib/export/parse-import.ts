import type { Annotation } from '../annotations/types';
import { isJsonBackup, readJsonBackup } from './json-backup';
import type { ImportError, ImportResult } from './types';
import { validateRecord } from './validate-record';
import { fromW3CAnnotation, isW3CDocument, w3cItems } from './w3c-read';

export interface ImportOptions {
  /** Files larger than this (UTF-8 bytes) are refused before parsing. */
  maxBytes: number;
  /** Fills missing created/modified dates of W3C records from other tools. */
  now: Date;
}

/**
 * Parses an import file (ChipLens JSON backup or W3C Web Annotation JSON-LD, detected from the content) into
 * validated annotations. Invalid records are left out and each reported with its record number and field; the
 * caller shows the preview and writes nothing until the reader confirms. Never throws.
 */
export function parseImport(text: string, options: ImportOptions): ImportResult {
  try {
    return clampFutureDates(parseUnsafe(text, options), options.now);
  } catch (e) {
    // Defensive: nothing above should throw, but an import must never take the page down.
    return { ok: false, error: `The file could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

function parseUnsafe(text: string, { maxBytes, now }: ImportOptions): ImportResult {
  const size = utf8Length(text, maxBytes);
  if (size > maxBytes) {
    return { ok: false, error: `The file is too large to import: the limit is ${formatBytes(maxBytes)}.` };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON ${describeJsonError(body, e)}.` };
  }
  if (isJsonBackup(doc)) {
    const r = readJsonBackup(doc);
    return r.ok ? { ...r, format: 'chiplens-backup' } : r;
  }
  if (!isW3CDocument(doc)) {
    return {
      ok: false,
      error: 'This is not a ChipLens backup or a W3C Web Annotation file (no annotations, pages or collection found).',
    };
  }
  const found = w3cItems(doc);
  if (!found.ok) return found;
  const annotations: Annotation[] = [];
  const errors: ImportError[] = [];
  found.items.forEach((item, i) => {
    const record = i + 1;
    const mapped = fromW3CAnnotation(item, now);
    if (!mapped.ok) {
      const rawId = isRecordWithId(item) ? item.id : undefined;
      errors.push({
        record,
        ...(rawId ? { id: rawId.slice(0, 200) } : {}),
        field: mapped.field,
        message: mapped.message,
      });
      return;
    }
    const r = validateRecord(mapped.candidate, record);
    if (r.ok) annotations.push(r.annotation);
    else errors.push(...r.errors);
  });
  return { ok: true, format: 'w3c', annotations, errors };
}

/**
 * Dates after the import time are set to it. Newer `updatedAt` wins every save, so a note imported with a date in
 * the future could not be edited until that date: each edit lost to it.
 */
function clampFutureDates(result: ImportResult, now: Date): ImportResult {
  if (!result.ok) return result;
  const limit = now.getTime();
  const stamp = now.toISOString();
  let clamped = 0;
  const annotations = result.annotations.map((a) => {
    const created = Date.parse(a.createdAt) > limit;
    const updated = Date.parse(a.updatedAt) > limit;
    if (!created && !updated) return a;
    clamped++;
    return { ...a, createdAt: created ? stamp : a.createdAt, updatedAt: updated ? stamp : a.updatedAt };
  });
  return clamped === 0 ? result : { ...result, annotations, clampedDates: clamped };
}

function isRecordWithId(x: unknown): x is { id: string } {
  return typeof x === 'object' && x !== null && Object.hasOwn(x, 'id') && typeof (x as { id: unknown }).id === 'string';
}

/** UTF-8 size, counting only as far as needed to know it exceeds `limit`. */
function utf8Length(s: string, limit: number): number {
  if (s.length > limit) return s.length; // every UTF-16 unit is at least one byte
  if (s.length * 3 <= limit) return s.length; // at most 3 bytes per unit (a surrogate pair is 4 bytes for 2 units)
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= limit; i++) {
    const c = s.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
  }
  return bytes;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** "at line L, column C" from the engine's message (V8 and Firefox wordings), or what is known. */
function describeJsonError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `at line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `at line ${line}, column ${column}`;
  }
  if (/end of (JSON )?(input|data)/i.test(msg)) return 'at the end of the file (it may be cut short)';
  return `(${msg || 'unreadable'})`;
}
