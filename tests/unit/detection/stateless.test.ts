import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../lib/dataset/load';
import { compileMatcherData, createMatcher } from '../../../lib/detection';
import { getWordTable, isWordCode } from '../../../lib/detection/chars';
import { rng } from '../../support/rng';

const entities = loadDataset().entities;
const prebuilt = compileMatcherData(entities, { prebuildAutomaton: true });
const built = compileMatcherData(entities);

/** Page-like texts made of aliases, context words and joints that test boundaries, case and folding. */
function texts(count: number, seed: number): string[] {
  const r = rng(seed);
  const pool = [
    ...entities.flatMap((e) => e.aliases.map((a) => a.text)),
    ...prebuilt.terms,
    ...['the', 'chips', 'bank', 'Hopper', 'said', '芯片', '公司', '的', 'H2O', 'Intel®', "Nvidia's", 'ASCEND-910C'],
    ...['ｎｖｉｄｉａ', 'soft\u00adware', 'CAC 40', '地方發改委', '州网信办', 'intel committee'],
  ];
  const joints = [' ', '  ', '', '-', '的', ', ', '\n', '\u00ad', '.', 'x', '1', '（'];
  return Array.from({ length: count }, () => {
    let t = '';
    const n = 1 + Math.floor(r() * 30);
    for (let i = 0; i < n; i++) t += pool[Math.floor(r() * pool.length)]! + joints[Math.floor(r() * joints.length)]!;
    return t;
  });
}

describe('the matcher has no memory between calls', () => {
  // A content script keeps one matcher for the page's life; a rule once consulted must not change later answers.
  it('a long-lived matcher answers every text as a fresh one does', () => {
    const longLived = createMatcher(prebuilt);
    for (const text of texts(600, 11)) {
      expect(longLived.match(text), text).toEqual(createMatcher(prebuilt).match(text));
    }
  });

  it('the prebuilt automaton and the one built on the page find the same mentions', () => {
    const a = createMatcher(prebuilt);
    const b = createMatcher(built);
    for (const text of texts(600, 12)) expect(a.match(text), text).toEqual(b.match(text));
  });
});

describe('context terms found in the same pass as the aliases', () => {
  const m = createMatcher(prebuilt);
  const ids = (text: string) => m.match(text).map((x) => x.entityId);

  it('a forbidden context that contains the alias rejects it (州網信辦 is a local office)', () => {
    expect(ids('州網信辦召开会议')).toEqual([]);
    expect(ids('網信辦召开会议，讨论芯片')).toContain('cac');
  });

  it('a required context may sit in a neighbouring alias or word (曦云 for C600)', () => {
    expect(ids('沐曦发布曦云C500，随后推出C600')).toEqual(['metax-c500', 'metax-c600']);
    expect(ids('The C600 model')).toEqual([]);
  });

  it('names inside a longer word are not matched; names beside CJK and punctuation are', () => {
    expect(ids('xNVIDIA and NVIDIAx')).toEqual([]);
    expect(ids('英伟达的NVIDIA芯片')).toEqual(['nvidia', 'nvidia']);
    expect(ids('(NVIDIA)')).toEqual(['nvidia']);
  });
});

describe('character tables', () => {
  it('the word-character table agrees with isWordCode on every UTF-16 code unit', () => {
    const table = getWordTable();
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) if ((table[c] === 1) !== isWordCode(c)) disagree.push(c);
    expect(disagree).toEqual([]);
  });
});
