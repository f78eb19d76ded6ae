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
  it('registers ranges under this page load’s names and removes exactly an owner’s ranges', () => {
    const h = new Highlighter();
    const a = rangeOver('NVIDIA');
    const b = rangeOver('H200');
    h.set('block-1', [{ name: highlightName('company'), range: a }]);
    h.set('block-2', [{ name: highlightName('chip'), range: b }]);
    const chip = highlightName('chip');
    const company = highlightName('company');
    expect([...registry.keys()].sort()).toEqual([chip, company].sort());
    h.remove('block-1');
    expect(registry.get(company)!.size).toBe(0);
    expect(registry.get(chip)!.has(b)).toBe(true);
    expect(h.counts()).toEqual({ [chip]: 1 });
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

describe('highlight names', () => {
  it('are random CSS identifiers, stable within a page load, saying nothing about ChipLens', () => {
    const names = ['chip', 'company', 'agency', 'policy', 'flash'].map((k) => highlightName(k));
    names.push(highlightName('note', 'yellow'));
    for (const n of names) {
      expect(n).toMatch(/^h[0-9a-f]{16}$/);
      expect(n).not.toMatch(/chip|lens|note|company/i);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(highlightName('note', 'yellow')).toBe(names[5]);
  });
});

describe('the document under the marks changes', () => {
  it('a range collapsed onto the document (document.open, a new root) is removed without an error', () => {
    const h = new Highlighter();
    const r = rangeOver('NVIDIA');
    h.set('block', [{ name: highlightName('company'), range: r }]);
    r.setStart(document, 0);
    r.setEnd(document, 0);
    expect(() => h.remove('block')).not.toThrow();
    expect(() => h.set('block', [{ name: highlightName('company'), range: r }])).not.toThrow();
    expect(() => h.release()).not.toThrow();
  });
});
