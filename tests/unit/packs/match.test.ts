import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../lib/dataset/types';
import { compileMatcherData, createMatcher } from '../../../lib/detection';
import { parseCslJson } from '../../../lib/packs/csl';
import type { ReaderEntity } from '../../../lib/packs/types';

/** What the integration will do: a reader entity as the matcher's compiler reads it (id, type, aliases only). */
const toMatcherEntity = (e: ReaderEntity): Entity =>
  ({
    id: e.id,
    type: e.type === 'person' || e.type === 'other' ? 'company' : e.type,
    aliases: e.aliases.map((a) => ({
      text: a.text,
      locale: 'en',
      ...(a.caseSensitive ? { caseSensitive: true } : {}),
      ...(a.requireContext ? { requireContext: a.requireContext } : {}),
    })),
  }) as unknown as Entity;

const result = parseCslJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/packs/csl-sample.json'), 'utf8'));
if (!result.ok) throw new Error('fixture does not parse');
const entities = result.pack.entities;
const matcher = createMatcher(compileMatcherData(entities.map(toMatcherEntity)));
const named = (text: string) => {
  const byId = new Map(entities.map((e) => [e.id, e.name]));
  return matcher.match(text).map((m) => `${text.slice(m.start, m.end)} -> ${byId.get(m.entityId)}`);
};

describe('screening aliases in the matcher', () => {
  it('finds core names, Chinese names and acronyms as news writes them', () => {
    expect(named('Lanxin Microelectronics said LXME would appeal; 蓝芯微电子 declined to comment.')).toEqual([
      'Lanxin Microelectronics -> Lanxin Microelectronics Co., Ltd',
      'LXME -> Lanxin Microelectronics Co., Ltd',
      '蓝芯微电子 -> Lanxin Microelectronics Co., Ltd',
    ]);
  });

  it('matches a common-word core only near the party or a screening word', () => {
    expect(named('The Phoenix Suns won again, and a phoenix rose from the ashes.')).toEqual([]);
    expect(named('Phoenix was added to the Entity List on Tuesday.')).toEqual(['Phoenix -> Phoenix Co., Ltd']);
  });

  it('does not match generic cores, lower-case acronyms or a lone surname', () => {
    expect(named('Shenzhen Technology stocks rose; lxme; Zhang said.')).toEqual([]);
    expect(named('Weiming Zhang and Zhang Weiming')).toEqual([
      'Weiming Zhang -> Weiming ZHANG',
      'Zhang Weiming -> Weiming ZHANG',
    ]);
  });
});
