/** Cooperative scheduling: run work in short slices and yield to the page in between. */

const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

/** Yield to the event loop: scheduler.yield where available, else a MessageChannel tick (faster than setTimeout). */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/**
 * Run `step(deadline)` until it returns true, in slices of `sliceMs`, yielding between slices. Stops early (returns
 * false) when `signal` is aborted.
 */
export async function runSliced(
  step: (deadline: number) => boolean,
  signal?: AbortSignal,
  sliceMs = SLICE_MS,
): Promise<boolean> {
  for (;;) {
    if (signal?.aborted) return false;
    if (step(performance.now() + sliceMs)) return true;
    await yieldToPage();
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
