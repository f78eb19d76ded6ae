/** Cooperative scheduling: run work in short slices and yield to the page in between. */

const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

/**
 * Yield to the event loop and come back promptly: a scheduler.yield continuation runs ahead of the page's other queued
 * tasks. For the few steps on the way to the first highlight; long work yields with {@link yieldToRendering}.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return yieldToRendering();
}

/**
 * Yield so that the page can render: continue in a plain task (a MessageChannel message, faster than setTimeout),
 * which Chromium runs after a frame that is due. Continuations of scheduler.yield run ahead of rendering: slices
 * chained with it let a frame through only every ~100 ms (measured on the 100k- and 500k-word benchmark pages).
 */
export function yieldToRendering(): Promise<void> {
  return new Promise((resolve) => {
    // One channel for every yield (making one per yield was ~10 ms per 100k-word page): each message resumes the
    // oldest waiter.
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
      // Node (unit tests): a listening port would otherwise keep the process alive.
      (channel.port1 as { unref?: () => void }).unref?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Run `step(deadline)` until it returns true, in slices of `sliceMs`, yielding between slices so that the page keeps
 * rendering. Stops early (returns false) when `signal` is aborted.
 */
export async function runSliced(
  step: (deadline: number) => boolean,
  signal?: AbortSignal,
  sliceMs = SLICE_MS,
): Promise<boolean> {
  for (;;) {
    if (signal?.aborted) return false;
    if (step(performance.now() + sliceMs)) return true;
    await yieldToRendering();
  }
}

/**
 * Resolves after the next frame has rendered. Reading layout-dependent state (visibility) right after the page changed
 * its DOM would force the page's own style and layout work into our task; after rendering it is already done.
 */
export function afterNextRender(win: Window | null | undefined = globalThis.window): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win?.requestAnimationFrame !== 'function') {
      setTimeout(resolve, 16);
      return;
    }
    win.requestAnimationFrame(() => void yieldToPage().then(resolve));
  });
}
