/**
 * Which main-thread tasks ChipLens caused, on pages that run their own scripts. A Chrome trace gives the renderer
 * main thread's tasks; V8 CPU samples taken at the same time say how much of each task ran content-script code (its
 * functions and the DOM calls they make). A long task is ChipLens's when it is over 50 ms and would not be without
 * ChipLens's share: the page's own work in it stays at or under 50 ms.
 */
import type { CDPSession } from 'playwright-core';
import {
  forEachSample,
  isExtensionEvent,
  type Profile,
  startProfile,
  startTrace,
  type TraceEvent,
} from '../bench/page-trace';

export const LONG_TASK_MS = 50;
const SAMPLE_INTERVAL_US = 1000;
/** Trace categories: the renderer main thread's tasks ("RunTask") and script evaluation. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export interface ChipLensTask {
  /** Task length and ChipLens's share of it, ms. */
  ms: number;
  chiplensMs: number;
  /** The task is the content script's evaluation (compiling and running its top level). */
  evaluation: boolean;
}

export interface Attribution {
  /** The longest ChipLens share of any one task (evaluation of the content script included). */
  longestChipLensMs: number;
  /** Evaluation of ChipLens's content scripts (document_start prefetch + main), summed, ms (compile + top level). */
  evaluationMs: number;
  /** Tasks over 50 ms that ChipLens made long (see the module comment). */
  longTasks: ChipLensTask[];
  /** Total ChipLens time sampled on the main thread. */
  totalChipLensMs: number;
}

/** Starts tracing and sampling on a page's CDP session; the returned function stops both and attributes. */
export async function startAttribution(
  cdp: CDPSession,
  extensionId: string,
): Promise<() => Promise<Attribution | null>> {
  const stopTrace = await startTrace(cdp, CATEGORIES);
  const stopProfile = await startProfile(cdp, SAMPLE_INTERVAL_US);
  return async () => {
    const profile = await stopProfile();
    const events = await stopTrace();
    return attribute(events, profile, extensionId);
  };
}

/** Pure part: tasks from the trace, ChipLens's share of each from the samples. null if the script never ran. */
export function attribute(events: TraceEvent[], profile: Profile, extensionId: string): Attribution | null {
  const ours = `chrome-extension://${extensionId}/`;
  const isOurs = (e: TraceEvent) => isExtensionEvent(e, extensionId);
  const evaluate = events.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && isOurs(e));
  const first = evaluate[0];
  if (!first) return null;
  // Top-level tasks of that thread: "ThreadControllerImpl::RunTask" (toplevel category), outermost only.
  const tasks: { from: number; to: number; ours: number; evaluation: boolean }[] = [];
  for (const e of events
    .filter((e) => TASK_EVENTS.has(e.name) && e.ph === 'X' && e.pid === first.pid && e.tid === first.tid)
    .sort((a, b) => a.ts - b.ts)) {
    const last = tasks.at(-1);
    if (last && e.ts < last.to) continue;
    tasks.push({ from: e.ts, to: e.ts + (e.dur ?? 0), ours: 0, evaluation: false });
  }
  const taskAt = (t: number) => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const task = tasks[mid]!;
      if (t < task.from) hi = mid - 1;
      else if (t > task.to) lo = mid + 1;
      else return task;
    }
    return undefined;
  };
  let total = 0;
  forEachSample(profile, (t, ms, stack) => {
    if (!stack.some((n) => n.callFrame.url.startsWith(ours))) return;
    total += ms;
    const task = taskAt(t);
    if (task) task.ours += ms;
  });
  // Compiling the script shows in no sampled frame of ours: its evaluation counts whole.
  for (const e of evaluate) {
    const task = taskAt(e.ts);
    if (!task) continue;
    task.ours = Math.max(task.ours, (e.dur ?? 0) / 1000);
    task.evaluation = true;
  }
  const measured = tasks.map((t) => ({
    ms: (t.to - t.from) / 1000,
    chiplensMs: Math.min(t.ours, (t.to - t.from) / 1000),
    evaluation: t.evaluation,
  }));
  return {
    longestChipLensMs: Math.max(0, ...measured.map((t) => t.chiplensMs)),
    evaluationMs: evaluate.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    longTasks: measured.filter((t) => t.ms > LONG_TASK_MS && t.ms - t.chiplensMs <= LONG_TASK_MS && t.chiplensMs > 0),
    totalChipLensMs: total,
  };
}
