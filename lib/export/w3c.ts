/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export: an AnnotationCollection whose embedded
 * `first` AnnotationPage holds every annotation.
 *
 * Mapping (each choice is one the model defines; see tests/fixtures/w3c/ for the schema the output is checked with):
 * - id: `urn:uuid:<id>` (ids that are not UUIDs: `urn:chiplens:annotation:<percent-encoded id>`).
 * - note: TextualBody, format text/markdown, purpose commenting. Tags: TextualBody, purpose tagging.
 * - linked entity: SpecificResource, purpose identifying, source = the entity's stable IRI
 *   (https://chiplens.dev/entity/<id>) labelled with skos:prefLabel. `purpose` is only allowed on SpecificResource
 *   and TextualBody, and an identifying TextualBody would carry only a name, not a stable identity.
 * - target: SpecificResource { source: page URL, selector: [TextQuoteSelector, TextPositionSelector] }. Both
 *   selectors describe the same segment, as the model requires of multiple selectors.
 * - colour: the model's own styling: target.styleClass "chiplens-<colour>" plus an annotation-level CssStylesheet.
 * - ChipLens-only fields (page key, page title, anchoring version) as chiplens:* terms, the prefix declared in an
 *   extra @context object after the W3C context (the model's extension mechanism).
 */
import type { Annotation, HighlightColor } from '../annotations/types';
import { UUID_RE } from './stable-id';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CHIPLENS_NS = 'https://chiplens.dev/ns#';
export const ENTITY_IRI_BASE = 'https://chiplens.dev/entity/';
export const NON_UUID_ID_PREFIX = 'urn:chiplens:annotation:';
export const STYLE_CLASS_PREFIX = 'chiplens-';

const CONTEXT = [ANNO_CONTEXT, { chiplens: CHIPLENS_NS }];
const CSS: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};

/** Annotation id -> IRI (the id's letter case is kept so the round trip is exact). */
export function annotationIri(id: string): string {
  return UUID_RE.test(id) ? `urn:uuid:${id}` : NON_UUID_ID_PREFIX + iriPart(id);
}

/** Percent-encodes an id for use in an IRI; never throws (a lone surrogate becomes U+FFFD). */
function iriPart(id: string): string {
  return encodeURIComponent(id.toWellFormed());
}

/** Serialises annotations as a W3C AnnotationCollection (JSON-LD, pretty-printed). */
export function toW3C(
  annotations: readonly Annotation[],
  entityName: (id: string) => string | undefined,
  now: Date,
): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const collectionId = `tag:chiplens.dev,${now.toISOString().slice(0, 10)}:export-${stamp}`;
  return JSON.stringify(
    {
      '@context': CONTEXT,
      id: collectionId,
      type: 'AnnotationCollection',
      label: 'ChipLens annotations',
      total: annotations.length,
      generated: now.toISOString(),
      generator: { id: 'https://chiplens.dev/', type: 'Software', name: 'ChipLens' },
      first: {
        id: `${collectionId}-page-1`,
        type: 'AnnotationPage',
        startIndex: 0,
        items: annotations.map((a) => toW3CAnnotation(a, entityName)),
      },
    },
    null,
    2,
  );
}

function toW3CAnnotation(a: Annotation, entityName: (id: string) => string | undefined): Record<string, unknown> {
  const body: unknown[] = [];
  if (a.note !== '') body.push({ type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  for (const id of a.entityIds) {
    const iri = ENTITY_IRI_BASE + iriPart(id);
    const name = entityName(id);
    body.push({
      type: 'SpecificResource',
      source: name === undefined ? iri : { id: iri, 'skos:prefLabel': name },
      purpose: 'identifying',
    });
  }
  const styleClass = STYLE_CLASS_PREFIX + a.color;
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: a.url,
      styleClass,
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${CSS[a.color]}; }` },
    'chiplens:pageKey': a.pageKey,
    'chiplens:title': a.title,
    'chiplens:anchorVersion': a.anchorVersion,
  };
}
