import { expect, describe as group, it } from 'vitest';
import { describe, MAX_CONTEXT_CHARS } from '../../../lib/anchoring';

group('describe', () => {
  it('takes the quote with 32 characters of context either side', () => {
    const text = `${'a'.repeat(50)}Ascend 910C${'b'.repeat(50)}`;
    const { quote, position } = describe(text, 50, 61);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Ascend 910C',
      prefix: 'a'.repeat(32),
      suffix: 'b'.repeat(32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 50, end: 61 });
  });

  it('keeps what context there is at the very start and end of the text', () => {
    const text = 'H200 shipments resumed';
    expect(describe(text, 0, 4).quote).toMatchObject({ exact: 'H200', prefix: '', suffix: ' shipments resumed' });
    expect(describe(text, 15, 22).quote).toMatchObject({ exact: 'resumed', prefix: 'H200 shipments ', suffix: '' });
  });

  it('extends the context past 32 characters when that is what tells a repeated quote apart', () => {
    const filler = 'x'.repeat(40);
    const text = `A ${filler}NVIDIA${filler} one. B ${filler}NVIDIA${filler} two.`;
    const second = text.lastIndexOf('NVIDIA');
    const { quote } = describe(text, second, second + 6);
    // 40 identical characters either side: one side must reach past them to a character that differs.
    expect(Math.max(quote.prefix.length, quote.suffix.length)).toBeGreaterThan(40);
    expect(quote.prefix.length + quote.suffix.length).toBeLessThan(2 * MAX_CONTEXT_CHARS);
  });

  it('stops at the cap when no amount of context can tell repeats apart', () => {
    const text = 'ab'.repeat(1000);
    const { quote } = describe(text, 1000, 1002);
    expect(quote.prefix.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS + 1);
    expect(quote.suffix.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS + 1);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'😀'.repeat(20)}X${'😀'.repeat(20)}`;
    const { quote } = describe(text, 40, 41);
    expect(quote.prefix).toBe('😀'.repeat(16));
    expect(quote.suffix).toBe('😀'.repeat(16));
    const odd = `a${'😀'.repeat(20)}X${'😀'.repeat(20)}`;
    const q2 = describe(odd, 41, 42).quote;
    expect(q2.prefix.isWellFormed()).toBe(true);
    expect(q2.suffix.isWellFormed()).toBe(true);
  });

  it.each([
    [0, 0],
    [3, 2],
    [-1, 2],
    [0, 99],
    [0.5, 2],
  ])('rejects the invalid range %d..%d', (s, e) => {
    expect(() => describe('some text', s, e)).toThrow(RangeError);
  });
});
