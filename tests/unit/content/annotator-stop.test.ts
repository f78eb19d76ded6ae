// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../lib/messaging', () => ({
  sendToBackground: vi.fn(async () => ({ annotations: [] })),
}));

import { Annotator } from '../../../entrypoints/content/annotator';
import type { Detector } from '../../../entrypoints/content/detector';
import { trusted } from '../../../entrypoints/content/trusted';
import type { UiRoot } from '../../../entrypoints/content/ui-root';
import { Highlighter } from '../../../lib/highlight';

afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const ui = { addStyle: vi.fn(), add: vi.fn(), remove: vi.fn(), containsEvent: () => false } as unknown as UiRoot;
  const onChange = vi.fn();
  const a = new Annotator({ ui, highlighter: new Highlighter(), getPageKey: () => 'k', onChange });
  const scanner = { joined: () => ({ text: 'some text', starts: [0] }), blocks: () => [], blockOf: () => undefined };
  a.attachDetector({ scanner, list: () => [] } as unknown as Detector);
  return { a, onChange };
}

describe('Annotator.stop', () => {
  it('cancels the re-anchoring queued by a text change', async () => {
    vi.useFakeTimers();
    const { a, onChange } = setup();
    a.start();
    a.textChanged(); // first call: loads this page's notes
    await vi.advanceTimersByTimeAsync(50);
    onChange.mockClear();
    a.textChanged(); // queues a re-anchoring in 300 ms
    a.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onChange).not.toHaveBeenCalled();
    expect(a.reports()).toEqual([]);
  });
});

describe('trusted', () => {
  it('passes on only events the browser dispatched', () => {
    const seen = vi.fn();
    const listener = trusted(seen);
    document.addEventListener('pointermove', listener);
    document.dispatchEvent(new Event('pointermove'));
    document.removeEventListener('pointermove', listener);
    expect(seen).not.toHaveBeenCalled();
    listener({ isTrusted: true } as Event);
    expect(seen).toHaveBeenCalledOnce();
  });
});
