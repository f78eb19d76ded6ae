/** A deterministic clock for the injected-timers seam of lib/cards/hover-intent. */
import type { HoverTimers } from '../../../lib/cards/hover-intent';

export interface FakeTimers extends HoverTimers {
  /** Moves time forward, running due callbacks in order. */
  advance(ms: number): void;
  pending(): number;
}

export function createFakeTimers(): FakeTimers {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      queue.delete(h as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of queue) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    pending: () => queue.size,
  };
}
