import { describe, expect, it } from 'vitest';
import {
  buildRelationIndex,
  connectionsAmong,
  RELATION_LABELS,
  relatedOf,
  relationLabel,
} from '../../../lib/dataset/relations';
import { RELATION_KINDS } from '../../../lib/dataset/types';
import { ALL, makeEntity } from '../cards/fixtures';

const index = buildRelationIndex(ALL);
const view = (entries: ReturnType<typeof relatedOf>) =>
  entries.map((e) => `${e.direction} ${e.label} ${e.entity.id}${e.note ? ` (${e.note})` : ''}`);
const line = (c: ReturnType<typeof connectionsAmong>[number]) =>
  `${c.from.id} — ${c.label} — ${c.to.id}${c.indirect ? ' [indirect]' : ''}`;

describe('relation labels', () => {
  const kinds = RELATION_KINDS;

  it('has a non-empty label both ways for every kind', () => {
    expect(Object.keys(RELATION_LABELS).sort()).toEqual([...kinds].sort());
    for (const k of kinds) {
      expect(relationLabel(k, 'out')).toMatch(/\S/);
      expect(relationLabel(k, 'in')).toMatch(/\S/);
    }
  });

  it('reads naturally in both directions', () => {
    expect(relationLabel('madeBy', 'out')).toBe('made by');
    expect(relationLabel('madeBy', 'in')).toBe('makes');
    expect(relationLabel('restricts', 'in')).toBe('restricted by');
    expect(relationLabel('parentOf', 'in')).toBe(relationLabel('subsidiaryOf', 'out'));
  });
});

describe('relatedOf', () => {
  it('lists outgoing relations first, in dataset order, with notes', () => {
    expect(view(relatedOf('nvidia-h200', index))).toEqual([
      'out made by nvidia',
      'out built on hopper',
      'out manufactured by tsmc (TSMC 4N)',
      'out successor to nvidia-h100',
    ]);
  });

  it('adds the reverse of other entities’ relations, by kind then name', () => {
    expect(view(relatedOf('nvidia', index))).toEqual([
      'out competes with huawei',
      'in makes nvidia-h100',
      'in makes nvidia-h20',
      'in makes nvidia-h200',
    ]);
  });

  it('shows an entity linked both ways once, with its outgoing reading', () => {
    const huawei = view(relatedOf('huawei', index));
    expect(huawei).toEqual([
      'out listed on entity-list (since 16 May 2019)',
      'out competes with nvidia',
      'out parent of hisilicon',
    ]);
    expect(view(relatedOf('entity-list', index))).toEqual([
      'out issued by bis',
      'out restricts huawei',
      'in lists hisilicon',
    ]);
  });

  it('skips unknown targets, self-links and unknown ids', () => {
    const loop = makeEntity('loop', { relations: [{ kind: 'partOf', target: 'loop' }] });
    const idx = buildRelationIndex([...ALL, loop]);
    expect(relatedOf('loop', idx)).toEqual([]);
    expect(view(relatedOf('bis', idx))).toEqual(['out administers entity-list']);
    expect(relatedOf('nope', idx)).toEqual([]);
  });
});

describe('connectionsAmong', () => {
  it('gives direct links among page entities in page order', () => {
    const lines = connectionsAmong(['nvidia-h200', 'nvidia', 'huawei', 'entity-list'], index, { indirect: false }).map(
      line,
    );
    expect(lines).toEqual([
      'nvidia-h200 — made by — nvidia',
      'nvidia — competes with — huawei',
      'huawei — listed on — entity-list',
    ]);
  });

  it('states a fact recorded from both ends once (restricts/listed on, parent/subsidiary, rivals)', () => {
    const lines = connectionsAmong(['entity-list', 'huawei', 'hisilicon', 'nvidia'], index, { indirect: false }).map(
      line,
    );
    expect(lines).toEqual([
      'entity-list — restricts — huawei',
      'huawei — parent of — hisilicon',
      'huawei — competes with — nvidia',
      'hisilicon — listed on — entity-list',
    ]);
  });

  it('ignores ids repeated or unknown and links to entities off the page', () => {
    const lines = connectionsAmong(['nvidia-h200', 'x', 'nvidia-h200'], index).map(line);
    expect(lines).toEqual([]);
  });

  it('adds shared neighbours off the page as indirect links, after the direct ones', () => {
    const lines = connectionsAmong(['nvidia-h20', 'nvidia-h200', 'tsmc'], index).map(line);
    expect(lines).toEqual([
      'nvidia-h200 — manufactured by — tsmc',
      'nvidia-h20 — made by — nvidia [indirect]',
      'nvidia-h200 — made by — nvidia [indirect]',
    ]);
  });

  it('reads incoming shared links from the page entity’s side', () => {
    const lines = connectionsAmong(['huawei', 'hisilicon'], index).map(line);
    expect(lines).toEqual([
      'huawei — parent of — hisilicon',
      'huawei — listed on — entity-list [indirect]',
      'hisilicon — listed on — entity-list [indirect]',
    ]);
  });

  it('leaves indirect links out when asked', () => {
    expect(connectionsAmong(['nvidia-h20', 'nvidia-h200'], index, { indirect: false })).toEqual([]);
    expect(connectionsAmong(['nvidia-h20', 'nvidia-h200'], index)).toHaveLength(2);
  });
});
