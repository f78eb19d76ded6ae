import fc from 'fast-check';
import { ANCHOR_STRATEGY_VERSION, type Annotation, HIGHLIGHT_COLORS } from '../../../lib/annotations/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/types';

const text = (maxLength: number, minLength = 0) => fc.string({ unit: 'grapheme', minLength, maxLength });
const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2026-11-29T12:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Any annotation the store accepts (AnnotationSchema), with well-formed Unicode text. */
export const annotationArb: fc.Arbitrary<Annotation> = fc.record({
  id: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: text(40, 1) }),
  pageKey: fc.webUrl(),
  url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  title: text(80),
  quote: fc.record({
    type: fc.constant('TextQuoteSelector' as const),
    exact: text(120, 1),
    prefix: text(32),
    suffix: text(32),
  }),
  position: fc.record({
    type: fc.constant('TextPositionSelector' as const),
    start: fc.nat(1_000_000),
    end: fc.nat(1_000_000),
  }),
  anchorVersion: fc.integer({ min: 1, max: 5 }),
  note: text(300),
  tags: fc.array(text(30, 1), { maxLength: 6 }),
  color: fc.constantFrom(...HIGHLIGHT_COLORS),
  entityIds: fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), text(30, 1)), { maxLength: 4 }),
  createdAt: iso,
  updatedAt: iso,
});

export const annotationsArb = fc.uniqueArray(annotationArb, { maxLength: 12, selector: (a) => a.id });

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  enabledTypes: fc.record({ chip: fc.boolean(), agency: fc.boolean(), company: fc.boolean(), policy: fc.boolean() }),
  disabledSites: fc.array(fc.domain(), { maxLength: 4 }),
  suppressions: fc.array(fc.record({ site: fc.domain(), entityId: text(20, 1), alias: text(20, 1) }), { maxLength: 3 }),
  hoverDelayMs: fc.integer({ min: 0, max: 2000 }),
  theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
});

/** A realistic record for example-based tests. */
export function makeAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d',
    pageKey: 'https://www.reuters.com/technology/nvidia-h20/',
    url: 'https://www.reuters.com/technology/nvidia-h20/?utm_source=x',
    title: 'US curbs Nvidia H20 exports to China',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'the H20 had been designed to stay under the previous thresholds',
      prefix: 'Officials said ',
      suffix: '. Analysts expect',
    },
    position: { type: 'TextPositionSelector', start: 120, end: 183 },
    anchorVersion: ANCHOR_STRATEGY_VERSION,
    note: 'Check the **thresholds** against the 2023 rule.',
    tags: ['export-controls', 'h20'],
    color: 'yellow',
    entityIds: ['nvidia-h20', 'bis'],
    createdAt: '2026-11-20T09:15:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], hoverDelayMs: 400 };
