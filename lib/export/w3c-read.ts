/**
 * Reads W3C Web Annotation documents -- ChipLens' own export and files from other tools that follow the model
 * (e.g. Hypothesis-style: only a TextQuoteSelector, body as one object or an array, `bodyValue`, target as an
 * object, an array or a bare IRI) -- into candidate stored annotations. Missing fields are filled:
 * - id: `urn:uuid:` ids are kept; any other id (or none) becomes a stable UUID derived from it (or from the
 *   record's content), so importing the same file twice does not duplicate.
 * - position: 0/0 when the file has no TextPositionSelector. anchor() treats start === end as "unknown" and
 *   anchors by the quote.
 * - created: the import time; modified: created. pageKey: computed from the target URL. colour: yellow.
 * The candidates are then validated like any stored annotation.
 */

import { pageKey } from '../annotations/page-key';
import { ANCHOR_STRATEGY_VERSION, HIGHLIGHT_COLORS, type HighlightColor } from '../annotations/types';
import { asList, hasType, isObject, own, ownString } from './own';
import { stableUuid } from './stable-id';
import { isWebUrl, NOT_WEB_URL } from './validate-record';
import { ENTITY_IRI_BASE, NON_UUID_ID_PREFIX, STYLE_CLASS_PREFIX } from './w3c';

/** Embedded `next` pages followed at most (a guard against cyclic or absurd files). */
const MAX_PAGES = 10_000;
const ISO_LIKE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])[T ](?:[01]\d|2[0-3])(?::[0-5]\d){2}(?:\.\d{1,9})?(?:Z| ?[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)$/;

/** Whether parsed JSON looks like W3C annotations: an Annotation, AnnotationPage, AnnotationCollection or array. */
export function isW3CDocument(doc: unknown): boolean {
  return (
    Array.isArray(doc) ||
    hasType(doc, 'AnnotationCollection') ||
    hasType(doc, 'AnnotationPage') ||
    hasType(doc, 'Annotation') ||
    own(doc, 'target') !== undefined
  );
}

/** The annotation items of a W3C document, or an error when its pages are not in the file. */
export function w3cItems(doc: unknown): { ok: true; items: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(doc)) return { ok: true, items: doc };
  if (hasType(doc, 'AnnotationCollection')) {
    const items: unknown[] = [];
    let page = own(doc, 'first');
    if (page === undefined) return { ok: true, items };
    for (let n = 0; page !== undefined && n < MAX_PAGES; n++) {
      if (!isObject(page)) {
        return { ok: false, error: 'This annotation collection links to its pages instead of including them.' };
      }
      items.push(...asList(own(page, 'items')));
      page = own(page, 'next');
    }
    return { ok: true, items };
  }
  if (hasType(doc, 'AnnotationPage')) return { ok: true, items: asList(own(doc, 'items')) };
  return { ok: true, items: [doc] };
}

/** One W3C annotation -> a candidate stored annotation (unvalidated), or a problem with the given field. */
export function fromW3CAnnotation(
  item: unknown,
  now: Date,
): { ok: true; candidate: Record<string, unknown> } | { ok: false; field: string; message: string } {
  if (!isObject(item)) return { ok: false, field: '(record)', message: 'An annotation must be a JSON object.' };
  const target = pickTarget(own(item, 'target'));
  if (!target) return { ok: false, field: 'target', message: 'The annotation has no target.' };
  const url = typeof target === 'string' ? target : (iriOf(own(target, 'source')) ?? ownString(target, 'id'));
  if (!url) return { ok: false, field: 'url', message: 'The annotation target names no page (target.source).' };
  if (!isWebUrl(url)) {
    return { ok: false, field: 'target.source', message: `${NOT_WEB_URL} (it is "${url.slice(0, 80)}").` };
  }
  const selectors = typeof target === 'string' ? [] : asList(own(target, 'selector'));
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quote) {
    return { ok: false, field: 'quote', message: 'The annotation target has no TextQuoteSelector to anchor with.' };
  }
  const position = selectors.find((s) => hasType(s, 'TextPositionSelector'));

  const created = readDate(own(item, 'created'), now);
  if (created === null) return { ok: false, field: 'createdAt', message: 'The "created" date is not a valid date.' };
  const modified = readDate(own(item, 'modified'), now, created);
  if (modified === null) return { ok: false, field: 'updatedAt', message: 'The "modified" date is not a valid date.' };

  const notes: string[] = [];
  const tags: string[] = [];
  const entityIds: string[] = [];
  const bodyValue = own(item, 'bodyValue');
  if (typeof bodyValue === 'string' && bodyValue !== '') notes.push(bodyValue);
  for (const body of asList(own(item, 'body'))) readBody(body, notes, tags, entityIds);

  const title = own(item, 'chiplens:title');
  const key = own(item, 'chiplens:pageKey');
  const version = own(item, 'chiplens:anchorVersion');
  return {
    ok: true,
    candidate: {
      id: readId(own(item, 'id'), item),
      pageKey: typeof key === 'string' && key !== '' ? key : pageKey({ url }),
      url,
      title: typeof title === 'string' ? title : '',
      quote: {
        type: 'TextQuoteSelector',
        exact: own(quote, 'exact'),
        prefix: own(quote, 'prefix') ?? '',
        suffix: own(quote, 'suffix') ?? '',
      },
      position: position
        ? { type: 'TextPositionSelector', start: own(position, 'start'), end: own(position, 'end') }
        : { type: 'TextPositionSelector', start: 0, end: 0 },
      anchorVersion: version ?? ANCHOR_STRATEGY_VERSION,
      note: notes.join('\n\n'),
      tags,
      color: readColor(typeof target === 'string' ? undefined : own(target, 'styleClass')),
      entityIds,
      createdAt: created,
      updatedAt: modified,
    },
  };
}

/** The first target that can be anchored (has a TextQuoteSelector), else the first target. */
function pickTarget(raw: unknown): Record<string, unknown> | string | undefined {
  const targets = asList(raw).filter(
    (t): t is Record<string, unknown> | string => isObject(t) || typeof t === 'string',
  );
  return (
    targets.find(
      (t) => typeof t !== 'string' && asList(own(t, 'selector')).some((s) => hasType(s, 'TextQuoteSelector')),
    ) ?? targets[0]
  );
}

function iriOf(x: unknown): string | undefined {
  return typeof x === 'string' ? x : ownString(x, 'id');
}

function readId(raw: unknown, item: Record<string, unknown>): string {
  if (typeof raw === 'string') {
    if (raw.startsWith('urn:uuid:')) return raw.slice(9);
    if (raw.startsWith(NON_UUID_ID_PREFIX)) {
      try {
        return decodeURIComponent(raw.slice(NON_UUID_ID_PREFIX.length));
      } catch {
        return stableUuid(raw);
      }
    }
    return stableUuid(raw);
  }
  return stableUuid(JSON.stringify(item));
}

/** Keeps a timestamp the store accepts as it is (exact round trip); converts other parseable dates to ISO. */
function readDate(raw: unknown, now: Date, fallback?: string): string | null {
  if (raw === undefined || raw === null) return fallback ?? now.toISOString();
  if (typeof raw !== 'string') return null;
  if (ISO_LIKE.test(raw)) return raw;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function readColor(styleClass: unknown): HighlightColor {
  for (const c of asList(styleClass)) {
    if (typeof c !== 'string' || !c.startsWith(STYLE_CLASS_PREFIX)) continue;
    const name = c.slice(STYLE_CLASS_PREFIX.length);
    const known = HIGHLIGHT_COLORS.find((h) => h === name);
    if (known) return known;
  }
  return 'yellow';
}

function purposes(body: unknown): unknown[] {
  return asList(own(body, 'purpose'));
}

function readBody(body: unknown, notes: string[], tags: string[], entityIds: string[]): void {
  const entity = entityIdOf(typeof body === 'string' ? body : iriOf(own(body, 'source')));
  if (entity !== undefined) {
    entityIds.push(entity);
    return;
  }
  const value = own(body, 'value');
  if (typeof value !== 'string') return;
  const p = purposes(body);
  if (p.includes('tagging')) {
    if (value !== '') tags.push(value);
  } else if (!p.includes('identifying') && value !== '') notes.push(value);
}

function entityIdOf(iri: string | undefined): string | undefined {
  if (!iri?.startsWith(ENTITY_IRI_BASE)) return undefined;
  try {
    const id = decodeURIComponent(iri.slice(ENTITY_IRI_BASE.length));
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}
