/**
 * Test seam: run code in ChipLens's isolated world (the content script's JavaScript world) of a page's top frame,
 * through the DevTools protocol. The page's own scripts cannot reach that world; our tests can, so the closed shadow
 * root and the per-page highlight names stay testable without being exposed to the page.
 */
import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function sessionOf(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** The id of ChipLens's isolated-world context in the page's top frame (waits until the content script is there). */
async function contextId(page: Page, timeoutMs = 10_000): Promise<number> {
  const cdp = await sessionOf(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const start = Date.now();
  for (;;) {
    const found: number[] = [];
    const onCreated = (e: { context: { id: number; name: string; auxData?: { type?: string; frameId?: string } } }) => {
      const c = e.context;
      if (c.name === 'ChipLens' && c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id) {
        found.push(c.id);
      }
    };
    cdp.on('Runtime.executionContextCreated', onCreated);
    // Enabling replays every existing context as an event.
    await cdp.send('Runtime.enable');
    cdp.off('Runtime.executionContextCreated', onCreated);
    await cdp.send('Runtime.disable');
    if (found.length > 0) return found[found.length - 1]!;
    if (Date.now() - start > timeoutMs) throw new Error('ChipLens has no isolated world in this page');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Evaluate `fn(arg)` in ChipLens's isolated world; the result comes back by value (JSON-like). */
export async function evaluateIsolated<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const cdp = await sessionOf(page);
  const id = await contextId(page);
  const reply = (await cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
    contextId: id,
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value?: R }; exceptionDetails?: { exception?: { description?: string }; text: string } };
  if (reply.exceptionDetails) {
    throw new Error(
      `in ChipLens's world: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`,
    );
  }
  return reply.result.value as R;
}
