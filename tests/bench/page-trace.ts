/**
 * Chrome tracing and CPU profiling over CDP for the page benchmark: when the content script was injected, which
 * main-thread tasks ran after it and what they spent their time on, and (diagnosis pass) which content-script
 * functions the CPU samples fall in.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8'];

/** Start a trace on the page's session; the returned function ends it and resolves with every event. */
export async function startTrace(
  cdp: CDPSession,
  categories: readonly string[] = CATEGORIES,
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => {
    for (const v of e.value) events.push(v as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** One main-thread task after injection, with the time its notable children took. */
export interface TaskInfo {
  /** Page clock (ms since navigation start). */
  start: number;
  ms: number;
  /** Trace clock (µs), for matching CPU samples. */
  ts: number;
  /** Child event name -> total ms (Layout, UpdateLayoutTree, HitTest, GC, FunctionCall...). */
  parts: Record<string, number>;
  /**
   * What the task was, on these script-free pages:
   * - chiplens: the trace shows content-script code (a call into it, its evaluation, a scheduler.yield continuation);
   * - script: JS the trace cannot name (promise continuations after an await, e.g. a storage reply). The pages have no
   *   scripts and the probe's work shows as TimerFire/FireAnimationFrame, so after injection this is the content script;
   * - render: a rendering update (Paint/PrePaint/Layerize) with no content-script code in it;
   * - probe: the benchmark's own rAF/timer sampling;
   * - load: HTML parsing.
   */
  kind: 'chiplens' | 'script' | 'render' | 'probe' | 'load';
  /** kind is chiplens or script. */
  chiplens: boolean;
}

export interface TraceSummary {
  /** Trace ts (µs) -> page clock (ms): from the probe's performance.mark. */
  toPage: (ts: number) => number;
  /** Page clock (ms) -> trace ts (µs). */
  toTrace: (ms: number) => number;
  /** Content script injection (EvaluateScript start), page clock; null if not found (no extension). */
  injectAt: number | null;
  /** EvaluateScript duration (compile + top-level run, which includes everything up to its first await). */
  evaluateMs: number | null;
  compileMs: number | null;
  /** Main-thread tasks of the page's renderer, page clock. */
  tasks: TaskInfo[];
}

const CHILD_NAMES = new Set([
  'EvaluateScript',
  'v8.compile',
  'FunctionCall',
  'RunMicrotasks',
  'Layout',
  'UpdateLayoutTree',
  'HitTest',
  'Paint',
  'PrePaint',
  'Layerize',
  'MajorGC',
  'MinorGC',
  'V8.GC_MC_BACKGROUND_MARKING',
  'ParseHTML',
  'TimerFire',
  'FireAnimationFrame',
  'V8.ParseFunction',
  'v8.parseOnBackground',
]);

/** Does a trace event name this extension's code (its script URL in the event's data), or one script of it? */
export function isExtensionEvent(e: TraceEvent, extensionId: string, script = ''): boolean {
  return JSON.stringify(e.args?.data ?? {}).includes(`chrome-extension://${extensionId}/${script}`);
}

const CONTENT_SCRIPT = 'content-scripts/content.js';

/** Summarise a trace of one page load. `extensionId` identifies content-script code by URL. */
export function summarizeTrace(events: TraceEvent[], extensionId: string | null): TraceSummary {
  const mark = events.findLast((e) => e.name === 'bench-probe-start' && e.cat.includes('user_timing'));
  if (!mark) throw new Error('trace has no bench-probe-start mark (probe not injected?)');
  const startTime = Number((mark.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  const toPage = (ts: number) => (ts - mark.ts) / 1000 + startTime;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
  const isOurs = (e: TraceEvent) => extensionId !== null && isExtensionEvent(e, extensionId);
  // The main content script (document_idle), not the small one that reads storage ahead at document_start.
  const isContentScript = (e: TraceEvent) => extensionId !== null && isExtensionEvent(e, extensionId, CONTENT_SCRIPT);
  const evaluate = main.find((e) => e.name === 'EvaluateScript' && isContentScript(e));
  const compile = main.find((e) => e.name === 'v8.compile' && isContentScript(e));
  const runTasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const children = main.filter((e) => e.name !== 'RunTask').sort((a, b) => a.ts - b.ts);
  const tasks: TaskInfo[] = [];
  let ci = 0;
  for (const t of runTasks) {
    const end = t.ts + (t.dur ?? 0);
    const parts: Record<string, number> = {};
    let chiplens = false;
    while (ci < children.length && children[ci]!.ts < t.ts) ci++;
    // Count only top-level children of each kind (a Layout inside a FunctionCall still counts as Layout).
    const open: Record<string, number> = {};
    for (let k = ci; k < children.length && children[k]!.ts <= end; k++) {
      const c = children[k]!;
      if (isOurs(c) || c.name === 'RunYieldContinuation') chiplens = true;
      if (!CHILD_NAMES.has(c.name)) continue;
      const key =
        c.name === 'FunctionCall' || c.name === 'EvaluateScript' ? `${c.name}${isOurs(c) ? '(ChipLens)' : ''}` : c.name;
      if ((open[key] ?? 0) > c.ts) continue;
      open[key] = c.ts + (c.dur ?? 0);
      parts[key] = (parts[key] ?? 0) + (c.dur ?? 0) / 1000;
    }
    const has = (...names: string[]) => names.some((n) => parts[n] !== undefined);
    const kind: TaskInfo['kind'] = chiplens
      ? 'chiplens'
      : has('ParseHTML')
        ? 'load'
        : has('Paint', 'PrePaint', 'Layerize')
          ? 'render'
          : has('TimerFire', 'FireAnimationFrame')
            ? 'probe'
            : 'script';
    tasks.push({
      start: toPage(t.ts),
      ms: (t.dur ?? 0) / 1000,
      ts: t.ts,
      parts,
      kind,
      chiplens: kind === 'chiplens' || kind === 'script',
    });
  }
  return {
    toPage,
    toTrace: (ms: number) => (ms - startTime) * 1000 + mark.ts,
    injectAt: evaluate ? toPage(evaluate.ts) : null,
    evaluateMs: evaluate ? (evaluate.dur ?? 0) / 1000 : null,
    compileMs: compile ? (compile.dur ?? 0) / 1000 : null,
    tasks,
  };
}

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Start the V8 sampling profiler (whole isolate: page main world and content-script isolated world). */
export async function startProfile(cdp: CDPSession, intervalUs = 200): Promise<() => Promise<Profile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.send('Profiler.disable');
    return profile;
  };
}

export interface ProfileRow {
  /** Function name (method names survive minification) and its position in the built content.js. */
  fn: string;
  where: string;
  ms: number;
}

export interface ProfileSummary {
  /** Samples attributed to the nearest enclosing content-script function (its own JS plus the DOM/native calls it makes). */
  byFunction: ProfileRow[];
  /** Inclusive time of content-script functions (a function and everything it calls). */
  inclusive: ProfileRow[];
  /** Leaf frames that are not content-script JS (DOM APIs, GC, ...), under content-script stacks. */
  natives: ProfileRow[];
  /** Samples in the windows with no content-script frame on the stack: GC, rendering ("(program)"), the page. */
  outside: ProfileRow[];
  totalMs: number;
  /** Restricted to windows (long tasks), or the whole profile. */
  windowed: boolean;
}

/** Walk the samples: time (profile clock = trace clock, µs), its weight (ms) and its stack, leaf first. */
export function forEachSample(profile: Profile, cb: (t: number, ms: number, stack: ProfileNode[]) => void): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const ms = ((profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) || 0) / 1000;
    const stack: ProfileNode[] = [];
    for (let n = byId.get(profile.samples[i]!); n; ) {
      stack.push(n);
      const p = parentOf.get(n.id);
      n = p === undefined ? undefined : byId.get(p);
    }
    cb(t, ms, stack);
  }
}

const labelOf = (n: ProfileNode) => ({
  fn: n.callFrame.functionName || '(anonymous)',
  where: `${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`,
});

function addRow(m: Map<string, ProfileRow>, fn: string, where: string, ms: number): void {
  const key = `${fn}@${where}`;
  const row = m.get(key) ?? { fn, where, ms: 0 };
  row.ms += ms;
  m.set(key, row);
}

const topRows = (m: Map<string, ProfileRow>, n: number) => [...m.values()].sort((a, b) => b.ms - a.ms).slice(0, n);

/**
 * Aggregate CPU samples whose stack contains content-script code, restricted to the given windows (trace µs ranges,
 * e.g. the long tasks; V8's profile clock is the trace clock).
 */
export function summarizeProfile(
  profile: Profile,
  extensionId: string,
  windows: { from: number; to: number }[] | null,
): ProfileSummary {
  const ours = (n: ProfileNode) => n.callFrame.url.includes(extensionId);
  const self = new Map<string, ProfileRow>();
  const incl = new Map<string, ProfileRow>();
  const nat = new Map<string, ProfileRow>();
  const out = new Map<string, ProfileRow>();
  let total = 0;
  forEachSample(profile, (t, ms, stack) => {
    if (windows && !windows.some((w) => t >= w.from && t <= w.to)) return;
    const leaf = stack[0];
    if (!leaf) return;
    const nearest = stack.find(ours);
    if (!nearest) {
      if (windows)
        addRow(out, leaf.callFrame.functionName || '(anonymous)', leaf.callFrame.url ? 'page' : 'native', ms);
      return;
    }
    total += ms;
    const seen = new Set<string>();
    for (const n of stack) {
      if (!ours(n)) continue;
      const l = labelOf(n);
      const key = `${l.fn}@${l.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      addRow(incl, l.fn, l.where, ms);
    }
    const l = labelOf(nearest);
    addRow(self, l.fn, l.where, ms);
    if (!ours(leaf)) addRow(nat, leaf.callFrame.functionName || '(native)', leaf.callFrame.url ? 'page' : 'native', ms);
  });
  return {
    byFunction: topRows(self, 15),
    inclusive: topRows(incl, 20),
    natives: topRows(nat, 10),
    outside: topRows(out, 6),
    totalMs: total,
    windowed: windows !== null,
  };
}

export interface TaskProfile {
  /** Sampled ms with content-script code on the stack. */
  oursMs: number;
  /** Sampled ms in total. */
  sampledMs: number;
  /** Outermost content-script frames below the async entry point that are not plumbing, with their inclusive ms. */
  phases: ProfileRow[];
  /** Nearest content-script function (own JS + native calls it makes). */
  self: ProfileRow[];
  /** Native leaves (DOM APIs), and samples with no content-script frame (GC, rendering). */
  natives: ProfileRow[];
}

/** Per-window (one long task each) breakdown of the CPU samples: which content-script functions it ran. */
export function profileWindows(
  profile: Profile,
  extensionId: string,
  windows: { from: number; to: number }[],
  phaseNames: ReadonlySet<string>,
): TaskProfile[] {
  const ours = (n: ProfileNode) => n.callFrame.url.includes(extensionId);
  const acc = windows.map(() => ({
    oursMs: 0,
    sampledMs: 0,
    phases: new Map<string, ProfileRow>(),
    self: new Map<string, ProfileRow>(),
    natives: new Map<string, ProfileRow>(),
  }));
  forEachSample(profile, (t, ms, stack) => {
    const i = windows.findIndex((w) => t >= w.from && t <= w.to);
    if (i < 0) return;
    const a = acc[i]!;
    a.sampledMs += ms;
    const leaf = stack[0];
    if (!leaf) return;
    const nearest = stack.find(ours);
    if (!leaf || !ours(leaf))
      addRow(
        a.natives,
        leaf.callFrame.functionName || '(native)',
        nearest ? 'called from ChipLens' : 'no ChipLens frame',
        ms,
      );
    if (!nearest) return;
    a.oursMs += ms;
    const ln = labelOf(nearest);
    addRow(a.self, ln.fn, ln.where, ms);
    // Innermost named phase on the stack (e.g. scanBlock inside walk inside fullScan -> scanBlock).
    const phase = stack.find((n) => ours(n) && phaseNames.has(n.callFrame.functionName));
    const lp = phase ? labelOf(phase) : { fn: '(other)', where: '' };
    addRow(a.phases, lp.fn, lp.where, ms);
  });
  return acc.map((a) => ({
    oursMs: a.oursMs,
    sampledMs: a.sampledMs,
    phases: topRows(a.phases, 4),
    self: topRows(a.self, 4),
    natives: topRows(a.natives, 3),
  }));
}
