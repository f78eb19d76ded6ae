// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Detector } from '../../../entrypoints/content/detector';
import type { Matcher, Mention } from '../../../lib/detection/types';
import { Highlighter } from '../../../lib/highlight';

/** A stand-in matcher: "NVIDIA" is a company, "H200" a chip. */
const matcher: Matcher = {
  match: (text) =>
    [...text.matchAll(/NVIDIA|H200/g)].map(
      (m): Mention => ({
        entityId: m[0].toLowerCase(),
        entityType: m[0] === 'H200' ? 'chip' : 'company',
        start: m.index,
        end: m.index + m[0].length,
        aliasKey: m[0].toLowerCase(),
      }),
    ),
};

function article(paragraphs: number): string {
  let html = '';
  for (let i = 0; i < paragraphs; i++) html += `<p id="p${i}">Paragraph ${i}: NVIDIA sells the H200 abroad.</p>`;
  return html;
}

function setup() {
  const highlighter = new Highlighter();
  const detector = new Detector(document, {
    matcher,
    highlighter,
    isOwnUi: () => false,
    skip: () => () => false,
    markAllLimit: Number.POSITIVE_INFINITY,
  });
  // No layout in happy-dom: every element counts as visible.
  (detector.scanner as unknown as { opts: { checkVisibility: boolean } }).opts.checkVisibility = false;
  const marks = () => Object.values(highlighter.counts()).reduce((a, b) => a + b, 0);
  return { detector, highlighter, marks };
}

/**
 * Calls `then` once, between two marking slices: marking makes one Range per mention, each made slow enough here
 * that marking takes many slices.
 */
function onRangeNumber(n: number, then: () => void): void {
  const create = document.createRange.bind(document);
  let made = 0;
  vi.spyOn(document, 'createRange').mockImplementation(() => {
    if (++made === n) queueMicrotask(then);
    const until = performance.now() + 0.05;
    while (performance.now() < until) {}
    return create();
  });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 25));
}

let current: Detector | null = null;
afterEach(() => {
  current?.stop();
  current = null;
  document.body.innerHTML = '';
});

describe('Detector: marks what the scanner finds, and nothing after it stopped', { timeout: 60_000 }, () => {
  it('marks every mention of the page', async () => {
    document.body.innerHTML = article(50);
    const { detector, marks } = setup();
    current = detector;
    await detector.start();
    await settle();
    expect(detector.list().length).toBe(100);
    expect(marks()).toBe(100);
  });

  it('stopped between two marking slices, marks nothing more', async () => {
    document.body.innerHTML = article(400);
    const { detector, marks } = setup();
    current = detector;
    onRangeNumber(100, () => detector.stop());
    await detector.start();
    await settle();
    expect(detector.list()).toEqual([]);
    expect(marks()).toBe(0);
  });

  it('stopped and started again while marking, marks each mention once', async () => {
    document.body.innerHTML = article(400);
    const { detector, highlighter, marks } = setup();
    current = detector;
    onRangeNumber(100, () => {
      detector.stop();
      void detector.start();
    });
    await detector.start();
    await settle();
    await detector.scanner.ready;
    await vi.waitFor(
      () => {
        expect(detector.list().length).toBe(800);
        expect(marks()).toBe(800);
      },
      { timeout: 10_000 },
    );
    await settle();
    expect(marks()).toBe(800);
    // Only the current blocks own marks.
    for (const b of detector.scanner.blocks()) expect(highlighter.get(b).length).toBe(2);
  });

  it('a block edited after it was matched but before it was marked: no error, marked as it now reads', async () => {
    document.body.innerHTML = article(400);
    const { detector, marks } = setup();
    current = detector;
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('unhandledRejection', onError);
    try {
      onRangeNumber(100, () => {
        // The last paragraph is not marked yet: its text gets shorter than the offsets matched in it.
        (document.getElementById('p399')!.firstChild as Text).data = 'H200';
      });
      await detector.start();
      await settle();
    } finally {
      process.off('unhandledRejection', onError);
    }
    expect(errors).toEqual([]);
    await vi.waitFor(
      () => {
        expect(detector.list().at(-1)!.text).toBe('H200');
        expect(detector.list().length).toBe(799);
        expect(marks()).toBe(799);
      },
      { timeout: 10_000 },
    );
  });
});
