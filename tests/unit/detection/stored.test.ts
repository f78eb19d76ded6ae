import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../lib/dataset/load';
import { compileMatcherData, createMatcher } from '../../../lib/detection';
import { parseMatcherJson, readStoredMatcher } from '../../../lib/detection/stored';

const json = JSON.stringify(compileMatcherData(loadDataset().entities, { prebuildAutomaton: true }));

describe('matcher data kept in extension storage', () => {
  it('a record from this build gives data the matcher runs on', () => {
    const data = readStoredMatcher({ build: 'b1', json }, 'b1');
    expect(data).not.toBeNull();
    expect(
      createMatcher(data!)
        .match('Nvidia H20')
        .map((m) => m.entityId),
    ).toEqual(['nvidia', 'nvidia-h20']);
  });

  it('a missing, foreign-build or damaged record is ignored (the content script then asks the service worker)', () => {
    expect(readStoredMatcher(undefined, 'b1')).toBeNull();
    expect(readStoredMatcher('text', 'b1')).toBeNull();
    expect(readStoredMatcher({ build: 'b0', json }, 'b1')).toBeNull();
    expect(readStoredMatcher({ build: 'b1', json: json.slice(0, 1000) }, 'b1')).toBeNull();
    expect(readStoredMatcher({ build: 'b1', json: '{"version":2}' }, 'b1')).toBeNull();
    expect(readStoredMatcher({ build: 'b1' }, 'b1')).toBeNull();
  });

  it('names what is wrong with malformed data', () => {
    expect(() => parseMatcherJson('{')).toThrow(/not JSON/);
    expect(() => parseMatcherJson('null')).toThrow(/not version 1/);
    const data = JSON.parse(json);
    expect(() => parseMatcherJson(JSON.stringify({ ...data, patterns: [1] }))).toThrow(/patterns/);
    expect(() => parseMatcherJson(JSON.stringify({ ...data, aliases: {} }))).toThrow(/aliases/);
    expect(() => parseMatcherJson(JSON.stringify({ ...data, entityTypes: [] }))).toThrow(/entityTypes/);
    expect(() => parseMatcherJson(JSON.stringify({ ...data, automaton: { states: '1' } }))).toThrow(/automaton/);
  });
});
