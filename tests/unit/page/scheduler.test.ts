import { describe, expect, it } from 'vitest';
import { runSliced, yieldToRendering } from '../../../lib/page/scheduler';

describe('scheduler: slices that let the page render in between', () => {
  it('resumes every waiter of the shared channel, oldest first', async () => {
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => yieldToRendering().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    // And again, once the queue has emptied.
    await yieldToRendering();
  });

  it('runs the step in slices until it reports done, giving way between them', async () => {
    let calls = 0;
    const done = runSliced(() => ++calls === 3);
    // The first slice runs at once; the next ones only after a yield.
    expect(calls).toBe(1);
    expect(await done).toBe(true);
    expect(calls).toBe(3);
  });

  it('stops between slices when aborted', async () => {
    const abort = new AbortController();
    let calls = 0;
    const done = runSliced(() => {
      calls++;
      return false;
    }, abort.signal);
    abort.abort();
    expect(await done).toBe(false);
    expect(calls).toBe(1);
  });
});
