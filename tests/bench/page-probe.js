/**
 * Page benchmark probe: injected as an init script into the page's MAIN world before any page script runs (plain JS
 * so it can be injected as a file, untouched by the TypeScript toolchain). It records, on the page's own clock
 * (performance.now(), 0 = navigation start):
 * - the size of every highlight in the shared CSS.highlights registry by name, sampled every animation frame (what
 *   gets painted) and by a ~4 ms timer (closer to when the content script actually finished); ChipLens's names are
 *   random per page load, so the benchmark names its mention and note layers afterwards (setLayers) and snapshot()
 *   counts them;
 * - long tasks (PerformanceObserver 'longtask') and long animation frames with script attribution;
 * and offers the in-page parts of the benchmark: mark.js runs and the hit-test re-implementation (the TreeWalker floor
 * is page-bench.ts's FLOOR_SOURCE, run in both the main and an isolated world).
 */
(() => {
  if (window.__bench) return;
  /**
   * ChipLens's highlight names are random per page load and only its isolated world knows them, so the samplers record
   * the size of every registered highlight by name (changes only) and the benchmark says afterwards which names are
   * mention layers and which are note layers (setLayers, names read through the test seam); snapshot() classifies.
   */
  const EXCLUDED = 'bench-floor';
  const B = {
    /** Every highlight name seen, in order of first sight: the index into each sample's sizes. */
    names: [],
    /** Raw samples [t, sizes by name index], one when any size changed: per animation frame and per ~4 ms timer. */
    framesRaw: [],
    timerRaw: [],
    /** performance.now() at every animation frame callback (how often the page got to render). */
    frameTimes: [],
    longtasks: [],
    loaf: [],
    /** Per name: the first animation frame (after a change) in which one of its ranges intersected the viewport. */
    firstInViewportByName: {},
    layers: null,
    stopped: false,
  };
  window.__bench = B;
  performance.mark('bench-probe-start');
  const nameIndex = new Map();

  /** Sizes of every registered highlight by name index (the bench's own 'bench-floor' left out). */
  const sizes = () => {
    const out = new Array(B.names.length).fill(0);
    window.CSS?.highlights?.forEach((h, name) => {
      if (name === EXCLUDED) return;
      let i = nameIndex.get(name);
      if (i === undefined) {
        i = B.names.length;
        B.names.push(name);
        nameIndex.set(name, i);
        out.push(0);
      }
      out[i] = h.size;
    });
    return out;
  };

  /** The box of a registered range: ChipLens marks are StaticRanges, measured through a live Range. */
  const boxOf = (r) => {
    if (r.getBoundingClientRect) return r.getBoundingClientRect();
    const live = document.createRange();
    try {
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
    } catch {
      return new DOMRect();
    }
    return live.getBoundingClientRect();
  };

  /** Stamp each name not yet seen in the viewport whose ranges (first 300 looked at, all names together) now are. */
  const checkViewport = (t) => {
    const reg = window.CSS?.highlights;
    if (!reg) return;
    let seen = 0;
    reg.forEach((h, name) => {
      if (name === EXCLUDED || name in B.firstInViewportByName) return;
      for (const r of h) {
        if (++seen > 300) return;
        const b = boxOf(r);
        if (b.width > 0 && b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth) {
          B.firstInViewportByName[name] = t;
          return;
        }
      }
    });
  };

  /** Appends a sample if any size changed; says whether one did. */
  const record = (list, t) => {
    const now = sizes();
    const last = list[list.length - 1];
    const prev = last ? last[1] : [];
    let changed = !last;
    for (let i = 0; i < now.length && !changed; i++) if ((prev[i] ?? 0) !== now[i]) changed = true;
    if (changed) list.push([t, now]);
    return changed && now.some((n) => n > 0);
  };

  // Stamped when the callback runs, not with the frame's own timestamp: that is the frame's start (vsync), and when
  // the main thread is busy it can precede tasks that ran before the callback, e.g. the one that registered the last
  // highlights (measured: 50-110 ms early on the 100k-word page).
  const onFrame = () => {
    if (B.stopped) return;
    const t = performance.now();
    B.frameTimes.push(t);
    if (record(B.framesRaw, t)) checkViewport(t);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  const onTimer = () => {
    if (B.stopped) return;
    record(B.timerRaw, performance.now());
    setTimeout(onTimer, 0);
  };
  setTimeout(onTimer, 0);

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loaf.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          styleAndLayoutStart: e.styleAndLayoutStart,
          renderStart: e.renderStart,
          scripts: (e.scripts ?? []).map((s) => ({
            start: s.startTime,
            duration: s.duration,
            url: s.sourceURL,
            fn: s.sourceFunctionName,
            invoker: s.invoker,
            invokerType: s.invokerType,
            layout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}

  B.stop = () => {
    B.stopped = true;
  };

  /** Which highlight names are ChipLens's mention layers and which its note layers (this page load's names). */
  B.setLayers = (mention, note) => {
    B.layers = { mention: new Set(mention), note: new Set(note) };
  };

  /** Raw samples as [t, mention ranges, note ranges], changes only; all zero until setLayers was called. */
  const classify = (raw) => {
    const out = [];
    const L = B.layers;
    for (const [t, s] of raw) {
      let m = 0;
      let n = 0;
      if (L) {
        for (let i = 0; i < s.length; i++) {
          if (L.mention.has(B.names[i])) m += s[i];
          else if (L.note.has(B.names[i])) n += s[i];
        }
      }
      const last = out[out.length - 1];
      if (!last || last[1] !== m || last[2] !== n) out.push([t, m, n]);
    }
    return out;
  };

  /** The first frame in which a mention range was in the viewport. */
  const firstInViewport = () => {
    let first = null;
    if (!B.layers) return null;
    for (const name of B.layers.mention) {
      const t = B.firstInViewportByName[name];
      if (t !== undefined && (first === null || t < first)) first = t;
    }
    return first;
  };

  B.snapshot = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = performance.getEntriesByName('bench-probe-start')[0];
    return {
      layersKnown: B.layers !== null,
      frames: classify(B.framesRaw),
      frameTimes: B.frameTimes,
      timer: classify(B.timerRaw),
      longtasks: B.longtasks,
      loaf: B.loaf,
      firstInViewport: firstInViewport(),
      probeStart: mark ? mark.startTime : null,
      dcl: nav ? nav.domContentLoadedEventEnd : null,
      load: nav ? nav.loadEventEnd : null,
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
      now: performance.now(),
      memory: performance.memory ? performance.memory.usedJSHeapSize : null,
    };
  };

  /** mark.js over the article with `terms`, in one call (one task). */
  B.mark = (terms, options) =>
    new Promise((resolve) => {
      const instance = new window.Mark(document.querySelector('article'));
      const t0 = performance.now();
      instance.mark(terms, {
        ...options,
        done: (total) => resolve({ ms: performance.now() - t0, marks: total }),
      });
    });

  /**
   * mark.js one term per call, in the given order, until `capMs` has passed (at least `minTerms`): the time per term
   * to extrapolate from when running every term would take minutes.
   */
  B.markCapped = async (terms, options, capMs, minTerms) => {
    const instance = new window.Mark(document.querySelector('article'));
    const t0 = performance.now();
    let marks = 0;
    let done = 0;
    for (const term of terms) {
      if (done >= minTerms && performance.now() - t0 > capMs) break;
      marks += await new Promise((resolve) => instance.mark(term, { ...options, done: (total) => resolve(total) }));
      done++;
    }
    return { ms: performance.now() - t0, marks, terms: done };
  };

  B.unmark = () =>
    new Promise((resolve) => {
      new window.Mark(document.querySelector('article')).unmark({ done: () => resolve(true) });
    });

  // --- hover hit-testing: a faithful re-implementation of Detector.hitTest in the main world ----------------------

  /**
   * Build the scanner's block structure for this page (h1 and each article paragraph is a block; text nodes in
   * order; blocks joined with "\n") and place the `page:mentions` offsets in it.
   */
  B.hitSetup = (mentions) => {
    const blocks = [];
    const byNode = new WeakMap();
    let offset = 0;
    for (const el of document.querySelectorAll('header h1, article > p')) {
      const nodes = [];
      const starts = [];
      let text = '';
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        nodes.push(n);
        starts.push(text.length);
        text += n.data;
      }
      const b = { nodes, starts, text, offset, matches: [] };
      blocks.push(b);
      for (const n of nodes) byNode.set(n, b);
      offset += text.length + 1;
    }
    let bi = 0;
    let textMismatches = 0;
    for (const m of mentions) {
      while (bi < blocks.length - 1 && blocks[bi + 1].offset <= m.start) bi++;
      const b = blocks[bi];
      const local = { start: m.start - b.offset, end: m.end - b.offset, range: null };
      if (b.text.slice(local.start, local.end) !== m.text) textMismatches++;
      b.matches.push(local);
    }
    B.hit = { blocks, byNode };
    return { blocks: blocks.length, joinedLength: offset - 1, textMismatches };
  };

  const locate = (block, offset, preferEnd) => {
    const { starts, nodes } = block;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
      else hi = mid - 1;
    }
    return { node: nodes[lo], offset: offset - starts[lo] };
  };

  const rangeOf = (block, m) => {
    if (!m.range) {
      const a = locate(block, m.start, false);
      const b = locate(block, m.end, true);
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      m.range = r;
    }
    return m.range;
  };

  /** Same steps as Detector.hitTest: caret from point, block of the node, binary search, confirm with client rects. */
  const hitTest = (x, y) => {
    const p = document.caretPositionFromPoint(x, y);
    if (!p) return null;
    const node = p.offsetNode;
    const block = node.nodeType === 3 ? B.hit.byNode.get(node) : undefined;
    if (!block || block.matches.length === 0) return null;
    const i = block.nodes.indexOf(node);
    if (i < 0) return null;
    const local = block.starts[i] + p.offset;
    const ms = block.matches;
    let lo = 0;
    let hi = ms.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].start <= local) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (const k of [found, found - 1]) {
      const m = ms[k];
      if (!m || local > m.end) continue;
      for (const r of rangeOf(block, m).getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return m;
      }
    }
    return null;
  };

  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));

  /**
   * Hit-test timings at `stops` scroll positions spread over the article: at each, up to `perStop` mentions in the
   * viewport (pointer at the middle of the mention) and as many plain-text points (middle of a random character that
   * is not part of a mention). Each point is looked up `reps` times (performance.now() is coarse outside
   * cross-origin isolation); the first lookup is also timed on its own.
   */
  B.hitRun = async (stops, perStop, reps, seed) => {
    let s = seed >>> 0;
    const rand = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const out = { mention: [], plain: [], mentionFirst: [], plainFirst: [], mentionHits: 0, plainHits: 0 };
    const height = document.documentElement.scrollHeight;
    for (let k = 0; k < stops; k++) {
      window.scrollTo(0, Math.floor(((k + 0.5) / stops) * (height - innerHeight)));
      await nextFrame();
      await nextFrame();
      const visible = [];
      const plain = [];
      for (const b of B.hit.blocks) {
        const r = b.nodes[0]?.parentElement?.closest('p, h1')?.getBoundingClientRect();
        if (!r || r.bottom < 0 || r.top > innerHeight) continue;
        for (const m of b.matches) {
          // A throwaway range: the timed lookup creates (and caches) its own, as the content script does.
          const rect = rangeOf(b, { start: m.start, end: m.end, range: null }).getClientRects()[0];
          if (rect && rect.top >= 0 && rect.bottom <= innerHeight)
            visible.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        }
        for (let tries = 0; tries < 6; tries++) {
          const local = Math.floor(rand() * b.text.length);
          if (b.matches.some((m) => local >= m.start - 1 && local <= m.end)) continue;
          const a = locate(b, local, false);
          if (a.offset >= a.node.data.length || /\s/.test(a.node.data[a.offset])) continue;
          const r1 = document.createRange();
          r1.setStart(a.node, a.offset);
          r1.setEnd(a.node, a.offset + 1);
          const rect = r1.getClientRects()[0];
          if (rect && rect.top >= 0 && rect.bottom <= innerHeight)
            plain.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        }
      }
      const take = (xs) => {
        const picked = [];
        while (picked.length < perStop && xs.length > 0) picked.push(xs.splice(Math.floor(rand() * xs.length), 1)[0]);
        return picked;
      };
      for (const [kind, points] of [
        ['mention', take(visible)],
        ['plain', take(plain)],
      ]) {
        for (const p of points) {
          const t0 = performance.now();
          const first = hitTest(p.x, p.y);
          const t1 = performance.now();
          for (let i = 1; i < reps; i++) hitTest(p.x, p.y);
          const t2 = performance.now();
          out[`${kind}First`].push(t1 - t0);
          out[kind].push((t2 - t0) / reps);
          if (first) out[`${kind}Hits`]++;
        }
      }
    }
    return out;
  };

  /**
   * The marking floor: all mention ranges (from hitSetup) in one Highlight registered from the main world, styled like
   * ChipLens's, then replaced by a new Highlight with the same ranges (what a second full pass does). For each step:
   * the JS time, the time to the second animation frame after it, and the longest task in between.
   */
  B.highlightFloor = async () => {
    const style = document.createElement('style');
    style.textContent = '::highlight(bench-floor){background-color:rgb(255 214 10 / 0.35)}';
    document.head.appendChild(style);
    const ranges = [];
    for (const b of B.hit.blocks) for (const m of b.matches) ranges.push(rangeOf(b, m));
    const step = async (fn) => {
      await nextFrame();
      await new Promise((r) => setTimeout(r, 50));
      const before = B.longtasks.length;
      const t0 = performance.now();
      fn();
      const t1 = performance.now();
      await nextFrame();
      await nextFrame();
      const t2 = performance.now();
      await new Promise((r) => setTimeout(r, 100));
      const lts = B.longtasks.slice(before);
      return { jsMs: t1 - t0, toFramesMs: t2 - t1, longestTask: Math.max(0, ...lts.map((l) => l[1])) };
    };
    const register = await step(() => CSS.highlights.set('bench-floor', new Highlight(...ranges)));
    const replace = await step(() => {
      CSS.highlights.delete('bench-floor');
      CSS.highlights.set('bench-floor', new Highlight(...ranges));
    });
    CSS.highlights.delete('bench-floor');
    return { ranges: ranges.length, register, replace };
  };

  /** Viewport centre of a mention (by index in `page:mentions`), scrolled into view. */
  B.mentionPoint = async (index) => {
    let i = index;
    for (const b of B.hit.blocks) {
      if (i >= b.matches.length) {
        i -= b.matches.length;
        continue;
      }
      const r0 = rangeOf(b, b.matches[i]);
      r0.startContainer.parentElement.scrollIntoView({ block: 'center' });
      await nextFrame();
      const r = r0.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: r0.toString() };
    }
    return null;
  };
})();
