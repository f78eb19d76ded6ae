/** Valid v2 entities for the validation rule tests; each test breaks one thing. */
import type { Entity, Fact, Source } from '../../../lib/dataset/types';

/** A source on a listed domain (nvidia.com). */
export const SOURCE: Source = {
  publisher: 'NVIDIA',
  title: 'NVIDIA H200 Tensor Core GPU',
  url: 'https://www.nvidia.com/en-us/data-center/h200/',
  published: '2024-11-18',
};

/** A valid fact; override what the test is about. */
export function fact(over: Partial<Fact> = {}): Fact {
  return { label: 'Memory', value: '141 GB HBM3e', asOf: '2024-11-18', source: SOURCE, ...over };
}

/** A valid entity with three facts (one a status fact), an event and a relation; override what the test is about. */
export function entity(id: string, over: Partial<Entity> = {}): Entity {
  return {
    id,
    type: 'chip',
    name: `Test ${id}`,
    shortName: id,
    summary: 'A test chip.',
    aliases: [{ text: `Alias ${id}`, locale: 'en' }],
    facts: [
      fact(),
      fact({ label: 'Memory bandwidth', value: '4.8 TB/s' }),
      fact({ label: 'China sales', value: 'Licensed', asOf: '2026-01-14', status: { reviewBy: '2027-01-14' } }),
    ],
    events: [{ date: '2025-12-08', text: 'Sales to approved customers in China allowed', source: SOURCE }],
    relations: [],
    updated: '2026-11-01',
    ...over,
  };
}
