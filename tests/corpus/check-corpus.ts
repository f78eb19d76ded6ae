/**
 * Corpus check: `npm run check:corpus -- <dir>` (default ../shared/corpus) opens every saved page of a folder in
 * Chromium with and without the built extension and reports mentions, added errors, DOM changes, long tasks and time
 * to mentions per page and in total (test-results/corpus/report.{json,md}, plus contexts.json for reviewing matches).
 * Exits 1 when ChipLens adds an error or changes the DOM on any page; skips (exit 0) when the folder is absent.
 *
 * Options: `--only <a,b,...>` runs the pages whose path contains one of these; `--out <dir>` changes the output folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome, launchWithExtension, ROOT, serveFixtures } from '../e2e/harness';
import { findPages } from './find-pages';
import { LONG_TASK_INIT } from './measure';
import { buildReport, isProblem, pageLine, toMarkdown } from './report';
import { failedPage, PAGE_BUDGET_MS, type PageOutcome, runPage } from './run-page';

const METHOD = {
  serving:
    'the folder is served from 127.0.0.1 with `Content-Type: text/html; charset=utf-8` (`.html.gz` decompressed); every request to another host is aborted (context.route), so nothing loads from the network; a page whose script sends the top frame elsewhere ends on an error page in the live pass (noted), its static pass is unaffected',
  browsers:
    'two persistent Chromium contexts, one with the built extension and one without, same flags and viewport; each page is opened in both at the same time',
  errors:
    'pageerror and console.error, keyed with numbers, ports and the extension id normalised; failures to load a page resource count as one key (the extension requests none; which ones fail before the snapshot varies); an error is "added" when its key appears with the extension and in none of up to three runs without it',
  dom: 'documentElement.outerHTML (our <chiplens-ui> host removed) with vs without, both with script execution disabled through CDP Emulation.setScriptExecutionDisabled: the content script still runs there (its mention count is recorded), page scripts do not. The live comparison (page scripts running) is shown too, for information only: page timers and random ids make it differ on its own',
  'longest task':
    "PerformanceObserver('longtask') init script in both browsers, read at the snapshot; the content script shares the page's main thread, so the with/without difference is ours",
  'ChipLens share':
    "Chrome trace (devtools.timeline) of the live pass with the extension plus V8 CPU samples every 1 ms: each renderer main-thread task gets the sampled time with content-script code on the stack (its DOM calls included; the script's evaluation counts whole). A task over 50 ms is ChipLens's when its length minus that share is at or under 50 ms. Reported, not failed on: timings depend on the machine's load",
  'time to mentions':
    'from navigation start until page:mentions first returned the count that then held for 400 ms (polled every 100 ms)',
  settle:
    'the page without the extension is read after the same time since navigation start as the page with it (mentions settled and at least 0.5 s after load)',
};

function parseArgs(argv: string[]) {
  const opts = { dir: '../shared/corpus', only: '', out: join(ROOT, 'test-results/corpus') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only') opts.only = argv[++i] ?? '';
    else if (a === '--out') opts.out = resolve(argv[++i] ?? opts.out);
    else opts.dir = a;
  }
  return { ...opts, dir: resolve(opts.dir) };
}

/** Aborts every request to another host (a page script that sends the top frame elsewhere ends on an error page). */
const abortForeign = (context: BrowserContext, origin: string) =>
  context.route(
    (u) => !u.href.startsWith(`${origin}/`),
    (route) => void route.abort().catch(() => {}),
  );

/** Closes whatever a timed-out page left open, keeping `keep` (the persistent context needs one tab to stay alive). */
async function closeStray(context: BrowserContext, keep: number) {
  for (const p of context.pages().slice(keep)) await p.close().catch(() => {});
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.dir)) {
    console.log(`corpus check skipped: ${opts.dir} does not exist`);
    return 0;
  }
  const only = opts.only.split(',');
  const pages = findPages(opts.dir).filter((p) => only.some((o) => p.path.includes(o)));
  if (pages.length === 0) {
    console.log(`corpus check skipped: no .html, .html.gz or source.html pages under ${opts.dir}`);
    return 0;
  }
  console.log(`corpus check: ${pages.length} pages under ${opts.dir}`);

  const startedAt = new Date();
  const server = await serveFixtures([opts.dir]);
  const session = await launchWithExtension();
  // Persistent like the extension's context: an incognito-like context skips some fetches (web app manifests) and
  // those would show up as errors "added" by the extension.
  const plainProfile = mkdtempSync(join(tmpdir(), 'chiplens-corpus-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: findChrome(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    args: CHROME_ARGS,
  });
  const outcomes: PageOutcome[] = [];
  try {
    for (const context of [session.context, plain]) {
      await abortForeign(context, server.origin);
      await context.addInitScript(LONG_TASK_INIT);
    }
    const keepExt = session.context.pages().length;
    const keepPlain = plain.pages().length;
    const ext = { context: session.context, worker: session.worker, extensionId: session.extensionId };
    for (const [i, page] of pages.entries()) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const budget = new Promise<PageOutcome>((ok) => {
        timer = setTimeout(
          () => ok(failedPage(page, 'timeout', `no result within ${PAGE_BUDGET_MS / 1000} s`)),
          PAGE_BUDGET_MS,
        );
      });
      const outcome = await Promise.race([
        runPage(ext, { context: plain }, server.origin, page).catch((e: unknown) =>
          failedPage(page, 'failed', String(e).slice(0, 300)),
        ),
        budget,
      ]);
      clearTimeout(timer);
      if (outcome.report.status !== 'ok') {
        await closeStray(session.context, keepExt);
        await closeStray(plain, keepPlain);
      }
      outcomes.push(outcome);
      console.log(`${String(i + 1).padStart(3)}/${pages.length} ${pageLine(outcome.report)}`);
    }
  } finally {
    await plain.close().catch(() => {});
    rmSync(plainProfile, { recursive: true, force: true });
    await session.close().catch(() => {});
    await server.close();
  }

  const report = buildReport(opts.dir, startedAt, outcomes, METHOD);
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(opts.out, 'report.md'), toMarkdown(report));
  writeFileSync(
    join(opts.out, 'contexts.json'),
    `${JSON.stringify(
      outcomes.map((o) => ({ page: o.report.name, contexts: o.contexts })),
      null,
      1,
    )}\n`,
  );

  const t = report.totals;
  console.log('');
  console.log(
    `pages ${t.pages} (ok ${t.ok}, timed out ${t.timedOut}, failed ${t.failed}); mentions ${t.mentions} on ${t.pagesWithMentions} pages ${JSON.stringify(t.mentionsByType)}; distinct texts ${t.distinctTexts}`,
  );
  console.log(
    `errors with ${t.errorsWith} / without ${t.errorsWithout}; pages with added errors ${t.pagesWithAddedErrors.length}; pages with changed DOM ${t.pagesWithChangedDom.length}; DOM not compared ${t.pagesDomNotCompared.length}`,
  );
  console.log(
    `longest task max ${t.longestTaskWith.max}/${t.longestTaskWithout.max} ms, median ${t.longestTaskWith.median}/${t.longestTaskWithout.median} ms (with/without); time to mentions median ${t.timeToMentions.median} ms, p95 ${t.timeToMentions.p95} ms, max ${t.timeToMentions.max} ms; run ${Math.round(report.durationMs / 1000)} s`,
  );
  console.log(
    `ChipLens share of one task: max ${t.chiplensShare.max} ms, p95 ${t.chiplensShare.p95} ms (${t.chiplensShare.measuredPages} pages); evaluation max ${t.evaluation.max} ms, p95 ${t.evaluation.p95} ms; pages with a task over 50 ms caused by ChipLens: ${t.pagesWithChipLensLongTask.length} ${t.pagesWithChipLensLongTask.join(', ')}`,
  );
  console.log(`report: ${join(opts.out, 'report.md')}`);
  const problems = report.pages.filter(isProblem);
  if (problems.length > 0) {
    console.log(`\nFAIL: ChipLens adds an error or changes the DOM on ${problems.length} page(s):`);
    for (const p of problems) {
      for (const e of p.addedErrors) console.log(`  ${p.name}: added ${e.pass} ${e.kind}: ${e.text.slice(0, 200)}`);
      if (p.domDiff) console.log(`  ${p.name}: DOM differs (${p.domDiff.part}) at offset ${p.domDiff.at}`);
    }
    return 1;
  }
  return 0;
}

process.exitCode = await main();
