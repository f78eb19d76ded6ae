/** Builds valid annotations for tests; override only what a test is about. */
import type { Annotation } from '../../../lib/annotations/types';

let seq = 0;

export function makeAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  seq += 1;
  return {
    id: `ann-${seq}`,
    pageKey: 'https://www.reuters.com/technology/h20-export-rules',
    url: 'https://www.reuters.com/technology/h20-export-rules?utm_source=x',
    title: 'US tightens export rules on Nvidia H20',
    quote: { type: 'TextQuoteSelector', exact: 'the H20 chip', prefix: 'sales of ', suffix: ' to China' },
    position: { type: 'TextPositionSelector', start: 120, end: 132 },
    anchorVersion: 1,
    note: '',
    tags: [],
    color: 'yellow',
    entityIds: [],
    createdAt: '2025-04-15T09:00:00.000Z',
    updatedAt: '2025-04-15T09:00:00.000Z',
    ...overrides,
  };
}

/** A database name no other test uses (fake-indexeddb is shared by all tests in a worker). */
export function freshDbName(label: string): string {
  seq += 1;
  return `chiplens-test-${label}-${seq}-${Math.random().toString(36).slice(2)}`;
}
