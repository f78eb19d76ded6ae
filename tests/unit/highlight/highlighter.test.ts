// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Highlighter, highlightName } from '../../../lib/highlight';

/** A stand-in for the CSS Custom Highlight API (happy-dom has none) that counts changes to registered highlights. */
let changes = 0;
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  override add(r: AbstractRange) {
    changes++;
    return super.add(r);
  }
  override delete(r: AbstractRange) {
    changes++;
    return super.delete(r);
  }
}
const registry = new Map<string, FakeHighlight>();

beforeEach(() => {
  changes = 0;
  registry.clear();
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
});
afterEach(() => {
  delete (window as { Highlight?: unknown }).Highlight;
});

function rangeOver(text: string): Range {
  document.body.textContent = text;
  const r = document.createRange();
  r.setStart(document.body.firstChild!, 0);
  r.setEnd(document.body.firstChild!, text.length);
  return r;
}

describe('Highlighter', () => {
  it('registers ranges under prefixed names and removes exactly an owner’s ranges', () => {
    const h = new Highlighter();
    const a = rangeOver('NVIDIA');
    const b = rangeOver('H200');
    h.set('block-1', [{ name: highlightName('company'), range: a }]);
    h.set('block-2', [{ name: highlightName('chip'), range: b }]);
    expect([...registry.keys()].sort()).toEqual(['chiplens-chip', 'chiplens-company']);
    h.remove('block-1');
    expect(registry.get('chiplens-company')!.size).toBe(0);
    expect(registry.get('chiplens-chip')!.has(b)).toBe(true);
    expect(h.counts()).toEqual({ 'chiplens-chip': 1 });
  });

  it('leaves the registry alone when an owner is given the marks it already has', () => {
    const h = new Highlighter();
    const a = rangeOver('NVIDIA');
    const marks = [{ name: highlightName('company'), range: a }];
    h.set('block', marks);
    const after = changes;
    h.set('block', [...marks]);
    expect(changes).toBe(after);
    // A different range is a change.
    h.set('block', [{ name: highlightName('company'), range: rangeOver('AMD') }]);
    expect(changes).toBeGreaterThan(after);
  });
});
