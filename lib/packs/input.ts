/**
 * Shared by the parsers: input size limits, decoding, valibot issues turned into {@link PackIssue}s, ids.
 */
import type * as v from 'valibot';
import type { PackIssue } from './types';

/** Limits every parser enforces before doing any work. */
export interface PackLimits {
  /** Largest input in UTF-8 bytes (default 64 MiB: the full CSL JSON is well under that). */
  maxBytes: number;
  /** Most entities (records for screening lists) in one file (default 100,000). */
  maxEntities: number;
}

/** 64 MiB and 100,000 records. */
export const DEFAULT_LIMITS: PackLimits = { maxBytes: 64 * 1024 * 1024, maxEntities: 100_000 };

/** Text or bytes of an imported file. Bytes are decoded as UTF-8 (a BOM is dropped). */
export type PackInput = string | Uint8Array;

/** UTF-8 length of a string (native encoder: much faster than a loop over code units on large files). */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).byteLength;
}

/** Checks the size limit and decodes: the text without BOM, or a file-level error. */
export function readInput(input: PackInput, limits: PackLimits): { text: string } | { error: PackIssue } {
  const tooBig = (bytes: number | string): { error: PackIssue } => ({
    error: { message: `file is too large (${bytes} bytes; the limit is ${limits.maxBytes} bytes)` },
  });
  let text: string;
  if (typeof input === 'string') {
    // A UTF-16 length over the limit is already over it in UTF-8; only count when it could be close.
    if (input.length > limits.maxBytes) return tooBig(`over ${limits.maxBytes}`);
    if (input.length * 3 > limits.maxBytes) {
      const bytes = utf8Length(input);
      if (bytes > limits.maxBytes) return tooBig(bytes);
    }
    text = input;
  } else {
    if (input.byteLength > limits.maxBytes) return tooBig(input.byteLength);
    text = new TextDecoder('utf-8').decode(input);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/** {@link readInput}, then `JSON.parse`: the parsed value, or the one error that stops the file. */
export function readJsonInput(input: PackInput, limits: PackLimits): { data: unknown } | { error: PackIssue } {
  const read = readInput(input, limits);
  if ('error' in read) return read;
  try {
    return { data: JSON.parse(read.text) };
  } catch (e) {
    return { error: { message: `not JSON: ${(e as Error).message}` } };
  }
}

/** The error for a file with more than `maxEntities` records. */
export function tooManyEntities(count: number, limits: PackLimits): PackIssue {
  return { message: `file has ${count} records; the limit is ${limits.maxEntities}` };
}

/** Converts valibot issues of one record into pack issues naming the record and each field path. */
export function issuesOf(
  issues: readonly v.BaseIssue<unknown>[],
  index: number | undefined,
  name: string | undefined,
  prefix = '',
): PackIssue[] {
  return issues.map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    const field = [prefix, path].filter(Boolean).join('.');
    return {
      ...(index !== undefined ? { index } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(field ? { field } : {}),
      message: issue.message,
    };
  });
}

/** A lowercase slug of a name for ids (Latin letters and digits kept, other scripts kept as they are). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_./,;:()'"&+]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'entity';
}

/** FNV-1a 32-bit hash as 8 hex digits: short stable ids from names. */
export function hashOf(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A readable name for a raw record, for error messages. */
export function recordName(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const name = (record as { name?: unknown }).name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 120) : undefined;
}
