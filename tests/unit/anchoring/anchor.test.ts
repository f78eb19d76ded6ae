import fc from 'fast-check';
import { expect, describe as group, it } from 'vitest';
import {
  type AnchorResult,
  type AnchorTarget,
  anchor,
  anchorAll,
  anchorAllSteps,
  describe,
} from '../../../lib/anchoring';
import { stripped } from '../../../lib/anchoring/ignorable';
import { fakeArticle } from './fake-article';

const at = (text: string, needle: string, from = 0) => {
  const s = text.indexOf(needle, from);
  if (s < 0) throw new Error(`fixture lacks ${needle}`);
  return [s, s + needle.length] as const;
};
const target = (text: string, needle: string, from = 0) => describe(text, ...at(text, needle, from));
const noPosition = (t: AnchorTarget): AnchorTarget => ({ quote: t.quote });

const ARTICLE =
  'Washington tightened export controls on advanced chips on Monday. The rule covers the H20 and similar parts.\n\n' +
  'Officials said the H20 had been designed to stay under the previous thresholds. Analysts expect Huawei to ' +
  'benefit as Chinese buyers turn to the Ascend 910C instead. Shares in NVIDIA fell 3 percent in early trading.';

group('anchor: the passage is where it was', () => {
  it('anchors on the saved position when it still holds the quote', () => {
    const t = target(ARTICLE, 'Ascend 910C');
    expect(anchor(ARTICLE, t)).toEqual({ status: 'anchored', start: t.position.start, end: t.position.end, score: 1 });
  });

  it('anchors a quote at the very start and the very end of the text', () => {
    const first = describe(ARTICLE, 0, 10);
    const last = describe(ARTICLE, ARTICLE.length - 16, ARTICLE.length);
    expect(anchor(ARTICLE, noPosition(first))).toMatchObject({ status: 'anchored', start: 0, end: 10 });
    expect(anchor(ARTICLE, noPosition(last))).toMatchObject({ status: 'anchored', end: ARTICLE.length });
  });
});

group('anchor: repeats', () => {
  const sentence = 'Export licences remain under review.';
  const text = `Monday: ${sentence} Tuesday, after talks: ${sentence} Friday, finally: ${sentence} End.`;
  const starts = [0, 1, 2].map(
    (k) =>
      text
        .split(sentence)
        .slice(0, k + 1)
        .join(sentence).length,
  );

  it.each([0, 1, 2])('prefix and suffix pick occurrence %d of the same sentence, whatever the position says', (k) => {
    const t = describe(text, starts[k]!, starts[k]! + sentence.length);
    const wrongPosition = { ...t, position: { ...t.position, start: starts[(k + 1) % 3]!, end: starts[(k + 1) % 3]! } };
    expect(anchor(text, wrongPosition)).toMatchObject({ status: 'anchored', start: starts[k] });
  });

  it('picks the right repeat after text was inserted before all of them', () => {
    const t = describe(text, starts[2]!, starts[2]! + sentence.length);
    const shifted = `BREAKING. ${text}`;
    expect(anchor(shifted, t)).toMatchObject({ status: 'anchored', start: starts[2]! + 10 });
  });

  it('uses the position as the tie-break when the context cannot tell repeats apart', () => {
    const text2 = 'ab '.repeat(400);
    const t = describe(text2, 600, 602);
    const moved = { quote: t.quote, position: { ...t.position, start: 603, end: 604 } };
    expect(anchor(text2, moved)).toMatchObject({ status: 'anchored', start: 603, end: 605 });
  });
});

group('anchor: the page changed', () => {
  it('follows the passage when text is inserted before it (positions shift)', () => {
    const t = target(ARTICLE, 'Shares in NVIDIA fell 3 percent');
    const edited = `Updated 14:05 with comment from the ministry.\n\n${ARTICLE}`;
    const [s, e] = at(edited, 'Shares in NVIDIA fell 3 percent');
    expect(anchor(edited, t)).toMatchObject({ status: 'anchored', start: s, end: e });
  });

  it('treats whitespace-only differences (collapsed spaces, new line breaks) as unchanged', () => {
    const t = target(ARTICLE, 'Officials said the H20 had been designed');
    const edited = ARTICLE.replace('Officials said the', 'Officials  said\nthe').replace('\n\n', ' ');
    const r = anchor(edited, t);
    expect(r.status).toBe('anchored');
    expect(edited.slice(r.start, r.end)).toBe('Officials  said\nthe H20 had been designed');
  });

  it('anchors when the page dropped the whitespace between blocks', () => {
    const t = target(ARTICLE, 'the H20 and similar parts.\n\nOfficials said');
    const edited = ARTICLE.replace('parts.\n\nOfficials', 'parts.Officials');
    const r = anchor(edited, t);
    expect(r.status).toBe('anchored');
    expect(edited.slice(r.start, r.end)).toBe('the H20 and similar parts.Officials said');
  });

  it('reports an edit inside the passage as changed, with the new wording', () => {
    const t = target(ARTICLE, 'Shares in NVIDIA fell 3 percent in early trading');
    const edited = ARTICLE.replace('fell 3 percent', 'fell 4.5 percent');
    const r = anchor(edited, t);
    expect(r).toMatchObject({ status: 'changed', currentText: 'Shares in NVIDIA fell 4.5 percent in early trading' });
    expect(edited.slice(r.start, r.end)).toBe(r.currentText);
    expect(r.score).toBeGreaterThan(0.8);
  });

  it('finds an edited passage that also moved far from where it was', () => {
    const long = fakeArticle(5_000, 3);
    const passage = long.slice(20_000, 20_120);
    const t = describe(long, 20_000, 20_120);
    const editedPassage = `${passage.slice(0, 50)}REVISED${passage.slice(57)}`;
    const edited = `${long.slice(20_120, 26_000)}${long.slice(0, 20_000)}${editedPassage}${long.slice(26_000)}`;
    const r = anchor(edited, t);
    expect(r.status).toBe('changed');
    // Matches start and end on visible characters.
    expect(r.currentText).toBe(editedPassage.trim());
  });

  it('makes a removed passage an orphan instead of highlighting something else', () => {
    const t = target(ARTICLE, 'Analysts expect Huawei to benefit as Chinese buyers turn to the Ascend 910C instead.');
    const edited = ARTICLE.replace(/Analysts expect[^.]*\. /, '');
    expect(anchor(edited, t)).toEqual({ status: 'orphan' });
  });

  it('makes a passage that was rewritten beyond recognition an orphan', () => {
    const t = target(ARTICLE, 'Washington tightened export controls on advanced chips on Monday.');
    const edited = ARTICLE.replace('Washington tightened export controls on advanced chips on Monday.', 'A new day.');
    expect(anchor(edited, t).status).toBe('orphan');
  });

  it('keeps removed passages orphaned on a long article too (no false matches across 50k words)', () => {
    const long = fakeArticle(50_000, 11);
    for (const s of [1_000, 90_000, 200_000]) {
      const t = describe(long, s, s + 150);
      const removed = long.slice(0, s - 40) + long.slice(s + 190);
      expect(anchor(removed, t).status).toBe('orphan');
    }
  });
});

group('anchor: scripts without spaces', () => {
  const zh =
    '美国商务部周一宣布新的出口管制措施。华为的昇腾910C芯片被认为是主要受益者。分析师表示，英伟达的H20芯片将受到影响。华为的昇腾910C芯片产量仍然有限。';

  it('anchors a CJK quote, choosing the right one of two repeats by context', () => {
    const second = zh.lastIndexOf('华为的昇腾910C芯片');
    const t = describe(zh, second, second + 11);
    expect(anchor(zh, noPosition(t))).toMatchObject({ status: 'anchored', start: second, end: second + 11 });
  });

  it('finds a CJK passage after an edit and reports it changed', () => {
    const t = target(zh, '分析师表示，英伟达的H20芯片将受到影响。');
    const edited = `新华社消息。${zh.replace('将受到影响', '将受到严重影响')}`;
    expect(anchor(edited, t)).toMatchObject({
      status: 'changed',
      currentText: '分析师表示，英伟达的H20芯片将受到严重影响。',
    });
  });
});

group('anchor: malformed targets never throw', () => {
  const good = target(ARTICLE, 'H20');
  it.each<[string, unknown]>([
    ['an empty quote', { quote: { ...good.quote, exact: '' }, position: good.position }],
    ['a quote that is not a string', { quote: { ...good.quote, exact: 42 }, position: good.position }],
    ['no quote at all', { position: good.position }],
    ['null', null],
  ])('%s is an orphan', (_name, t) => {
    expect(anchor(ARTICLE, t as AnchorTarget)).toEqual({ status: 'orphan' });
  });

  it.each<[string, unknown]>([
    ['negative', { start: -5, end: 3 }],
    ['reversed', { start: 30, end: 10 }],
    ['past the end', { start: 10_000, end: 10_003 }],
    ['not numbers', { start: 'a', end: null }],
    ['fractional', { start: 1.5, end: 4.5 }],
  ])('a %s position falls back to the quote', (_name, position) => {
    const t = { quote: good.quote, position } as unknown as AnchorTarget;
    expect(anchor(ARTICLE, t)).toMatchObject({ status: 'anchored', start: good.position.start });
  });

  it('anchors nothing in an empty text', () => {
    expect(anchor('', good)).toEqual({ status: 'orphan' });
  });

  it('treats a quote of whitespace only as found only where it literally is', () => {
    expect(anchor('a b', { quote: { type: 'TextQuoteSelector', exact: '\n\n', prefix: '', suffix: '' } }).status).toBe(
      'orphan',
    );
  });
});

group('anchorAll', () => {
  it('can be run one target per step, with the same results', () => {
    const text = 'Alpha beta gamma. Delta epsilon zeta. Eta theta iota.';
    const ts = [describe(text, 0, 16), describe(text, 18, 36), describe(text, 38, 53)];
    const steps = anchorAllSteps(text, ts);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBe(3);
    expect(r.value).toEqual(anchorAll(text, ts));
  });

  it('returns one result per target, in order, mixing outcomes', () => {
    const ts = [
      target(ARTICLE, 'H20 and similar'),
      target(ARTICLE, 'Shares in NVIDIA fell'),
      target(ARTICLE, 'Ascend'),
    ];
    const edited = ARTICLE.replace('Shares in NVIDIA fell 3 percent in early trading.', '');
    expect(anchorAll(edited, ts).map((r) => r.status)).toEqual(['anchored', 'orphan', 'anchored']);
  });
});

group('anchor: properties', () => {
  const textArb = fc.string({
    unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', '中', '文', 'x', 'y'),
    minLength: 1,
    maxLength: 300,
  });
  const rangeArb = textArb.chain((text) =>
    fc
      .tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 40 }))
      .map(([s, len]) => ({ text, s, e: Math.min(text.length, s + len) })),
  );

  it('anchor(text, describe(text, s, e)) gives back exactly s..e', () => {
    fc.assert(
      fc.property(rangeArb, ({ text, s, e }) => {
        expect(anchor(text, describe(text, s, e))).toMatchObject({ status: 'anchored', start: s, end: e });
      }),
      { numRuns: 500 },
    );
  });

  it('without a position, after text is inserted before, a quote (not all whitespace) with unique context comes back shifted', () => {
    fc.assert(
      fc.property(rangeArb, fc.string({ maxLength: 20 }), ({ text, s, e }, inserted) => {
        const t = describe(text, s, e);
        const needle = stripped(t.quote.prefix + t.quote.exact + t.quote.suffix);
        const hay = stripped(inserted + text);
        fc.pre(stripped(t.quote.exact) !== '' && hay.indexOf(needle) === hay.lastIndexOf(needle));
        const r = anchor(inserted + text, noPosition(t));
        expect(r).toMatchObject({ status: 'anchored', start: s + inserted.length, end: e + inserted.length });
      }),
      { numRuns: 500 },
    );
  });
});

group('anchor: saved position with a stale context', () => {
  it('does not take a different occurrence that moved into the saved position', () => {
    const text = 'Alpha says H20. Beta says H20. Gamma says H20.';
    const beta = text.indexOf('Beta says H20') + 10;
    const t = describe(text, beta, beta + 3);
    // Another "H20", with different context, now sits exactly at Beta's old offset.
    const shifted = 'Alpha says H20. Zeta says H20. Beta says H20.';
    expect(shifted.slice(t.position.start, t.position.end)).toBe('H20');
    const r = anchor(shifted, t);
    expect(shifted.slice(r.start! - 10, r.end)).toBe('Beta says H20');
  });
});

group('anchorAll: learning the shift', () => {
  it('finds edited passages below a large insertion as changed, like anchor() does one by one', () => {
    const long = fakeArticle(30_000, 5);
    const spots = [10_000, 60_000, 110_000, 160_000];
    const targets = spots.map((s) => describe(long, s, s + 120));
    let edited = long;
    for (const s of [...spots].reverse()) edited = `${edited.slice(0, s + 60)}XYZ${edited.slice(s + 63)}`;
    edited = `${'An inserted live blog. '.repeat(800)}${edited}`;
    const all = anchorAll(edited, targets);
    expect(all.map((r) => r.status)).toEqual(['changed', 'changed', 'changed', 'changed']);
    const strip = ({ status, start, end, currentText }: AnchorResult) => ({ status, start, end, currentText });
    expect(all.map(strip)).toEqual(targets.map((t) => strip(anchor(edited, t))));
  });
});
