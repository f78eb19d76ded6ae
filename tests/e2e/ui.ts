/**
 * Drives and reads ChipLens's in-page UI, which lives in a CLOSED shadow root: page scripts (and Playwright locators,
 * which pierce only open roots) cannot reach it. These helpers read it through ChipLens's isolated world (the test
 * seam, isolated-world.ts) and act on it like a reader: real mouse clicks at the element's position, real keys.
 */
import type { Frame, Page } from 'playwright-core';
import { evaluateIsolated } from './isolated-world';

interface Query {
  /** CSS selector inside our shadow root. */
  sel: string;
  /** Regular expression source matched against aria-label or text content. */
  name?: string;
  nth?: number;
}

type Op = { op: 'count' | 'text' | 'value' | 'box' | 'focus' | 'background' } | { op: 'attr'; attr: string };

/** Runs in ChipLens's isolated world. Self-contained: it is sent as source text. */
function uiOp(a: Query & Op & { attr?: string }): unknown {
  const seam = (globalThis as { __chiplensTestSeam?: { root(): ShadowRoot | null } }).__chiplensTestSeam;
  const root = seam?.root() ?? null;
  if (!root?.host.isConnected) return a.op === 'count' ? 0 : null;
  const re = a.name ? new RegExp(a.name) : null;
  const els = [...root.querySelectorAll(a.sel)].filter(
    (el) => !re || re.test(el.getAttribute('aria-label') ?? '') || re.test(el.textContent ?? ''),
  );
  if (a.op === 'count') return els.length;
  const el = els[a.nth ?? 0] as HTMLElement | undefined;
  if (!el) return null;
  if (a.op === 'text') return el.textContent;
  if (a.op === 'value') return (el as HTMLTextAreaElement).value;
  if (a.op === 'attr') return el.getAttribute(a.attr!);
  if (a.op === 'background') return getComputedStyle(el).backgroundColor;
  if (a.op === 'focus') {
    el.focus();
    return true;
  }
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** Polls `get` until `ok` holds (plain loop: also used by the demo script, outside Vitest). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const run = <T>(page: Page, q: Query & Op) => evaluateIsolated(page, uiOp, q) as Promise<T>;

export function ui(page: Page) {
  const self = {
    count: (sel: string, name?: string) => run<number>(page, { op: 'count', sel, name }),
    text: (sel: string, nth = 0) => run<string | null>(page, { op: 'text', sel, nth }),
    /** The value of a field. */
    value: (sel: string) => run<string | null>(page, { op: 'value', sel }),
    attr: (sel: string, attr: string) => run<string | null>(page, { op: 'attr', sel, attr }),
    background: (sel: string) => run<string | null>(page, { op: 'background', sel }),
    box: (sel: string, name?: string, nth = 0) =>
      run<{ x: number; y: number; width: number; height: number } | null>(page, { op: 'box', sel, name, nth }),
    /** Waits until `sel` (optionally with a matching name) is in our UI. */
    async waitFor(sel: string, name?: string, timeout = 5000) {
      await until(
        () => self.count(sel, name),
        (n) => n > 0,
        `${sel} ${name ?? ''} in ChipLens's UI`,
        timeout,
      );
    },
    /** A real mouse click in the middle of the element. */
    async click(sel: string, name?: string, nth = 0) {
      await self.waitFor(sel, name);
      const b = await self.box(sel, name, nth);
      if (!b) throw new Error(`not in ChipLens's UI: ${sel} ${name ?? ''}`);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
    /** Focus a field and type into it with real key events (replacing its content). */
    async fill(sel: string, value: string, nth = 0) {
      await self.waitFor(sel);
      await run(page, { op: 'focus', sel, nth });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      if (value) await page.keyboard.insertText(value);
    },
    /** The focused element in our UI: its tag, and whether it is inside `within`. */
    active: (within: string) =>
      evaluateIsolated(
        page,
        (w: string) => {
          const seam = (globalThis as { __chiplensTestSeam?: { root(): ShadowRoot | null } }).__chiplensTestSeam;
          const el = seam?.root()?.activeElement ?? null;
          return el ? { tag: el.tagName, inside: el.closest(w) !== null } : null;
        },
        within,
      ),
  };
  return self;
}

/** This page load's (random) name of a ChipLens highlight layer, e.g. highlightNameOf(page, 'note', 'yellow'). */
export async function highlightNameOf(page: Page, ...parts: string[]): Promise<string> {
  const name = await until(
    () =>
      evaluateIsolated(
        page,
        (p: string[]) =>
          (
            globalThis as { __chiplensTestSeam?: { highlightName(...x: string[]): string } }
          ).__chiplensTestSeam?.highlightName(...p) ?? null,
        parts,
      ),
    (n) => n !== null,
    'the test seam',
  );
  return name!;
}

/** How many ranges a ChipLens layer has in a page or frame (its name read from the page's top frame). */
export async function highlightCount(page: Page, parts: string[], frame: Page | Frame = page): Promise<number> {
  const name = await highlightNameOf(page, ...parts);
  return frame.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
}
