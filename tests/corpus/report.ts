/** Totals, the corpus-wide list of matched texts, and the readable Markdown report. */
import type { EntityType } from '../../lib/dataset/types';
import type { PageOutcome, PageReport } from './run-page';

export interface MatchedText {
  text: string;
  entityId: string;
  entityType: EntityType;
  count: number;
  pages: number;
  /** Up to three mentions in context, "…before[text]after…". */
  examples: string[];
}

export interface CorpusTotals {
  pages: number;
  ok: number;
  timedOut: number;
  failed: number;
  mentions: number;
  mentionsByType: Partial<Record<EntityType, number>>;
  pagesWithMentions: number;
  distinctTexts: number;
  errorsWith: number;
  errorsWithout: number;
  pagesWithAddedErrors: string[];
  pagesWithChangedDom: string[];
  pagesDomNotCompared: string[];
  pagesDomChangedLiveOnly: number;
  longestTaskWith: { max: number; median: number };
  longestTaskWithout: { max: number; median: number };
  /** Pages where the longest task with the extension beats the one without by more than 50 ms (noisy: two browsers). */
  pagesLongerTaskWithExtension: string[];
  /** ChipLens's own share of one task (trace + CPU samples): the longest per page, summarised over pages. */
  chiplensShare: { max: number; median: number; p95: number; measuredPages: number };
  /** Evaluation of ChipLens's two content scripts (document_start prefetch + main; compile + top level), summed per page. */
  evaluation: { max: number; median: number; p95: number };
  /** Pages with a task over 50 ms that ChipLens made long (the page's own part of it at or under 50 ms). */
  pagesWithChipLensLongTask: string[];
  timeToMentions: { median: number; p95: number; max: number };
}

export interface CorpusReport {
  dir: string;
  startedAt: string;
  durationMs: number;
  method: Record<string, string>;
  totals: CorpusTotals;
  pages: PageReport[];
  texts: MatchedText[];
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
};
const nums = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

/** True when a page must fail the check: an error only with the extension, or a DOM that differs. */
export const isProblem = (p: PageReport) => p.addedErrors.length > 0 || p.domUnchanged === false;

export function buildReport(
  dir: string,
  startedAt: Date,
  outcomes: PageOutcome[],
  method: Record<string, string>,
): CorpusReport {
  const pages = outcomes.map((o) => o.report);
  const byType: Partial<Record<EntityType, number>> = {};
  for (const p of pages)
    for (const [t, n] of Object.entries(p.mentionsByType)) byType[t as EntityType] = (byType[t as EntityType] ?? 0) + n;

  const texts = new Map<string, MatchedText & { pageSet: Set<string> }>();
  for (const o of outcomes) {
    for (const m of o.mentions) {
      const key = `${m.entityId}\u0000${m.text}`;
      let t = texts.get(key);
      if (!t) {
        t = {
          text: m.text,
          entityId: m.entityId,
          entityType: m.entityType,
          count: 0,
          pages: 0,
          examples: [],
          pageSet: new Set(),
        };
        texts.set(key, t);
      }
      t.count++;
      t.pageSet.add(o.report.name);
    }
    for (const c of o.contexts) {
      const t = texts.get(`${c.entityId}\u0000${c.text}`);
      const example = `…${c.before}[${c.text}]${c.after}…`.replace(/\s+/g, ' ');
      if (t && t.examples.length < 3 && !t.examples.includes(example)) t.examples.push(example);
    }
  }
  const textList = [...texts.values()]
    .map(({ pageSet, ...t }) => ({ ...t, pages: pageSet.size }))
    .sort((a, b) => b.count - a.count || a.entityId.localeCompare(b.entityId) || a.text.localeCompare(b.text));

  const withLt = nums(pages.map((p) => p.longestTaskWith));
  const withoutLt = nums(pages.map((p) => p.longestTaskWithout));
  const ttm = nums(pages.map((p) => p.timeToMentionsMs));
  const share = nums(pages.map((p) => p.longestChipLensMs));
  const evaluation = nums(pages.map((p) => p.evaluationMs));
  const totals: CorpusTotals = {
    pages: pages.length,
    ok: pages.filter((p) => p.status === 'ok').length,
    timedOut: pages.filter((p) => p.status === 'timeout').length,
    failed: pages.filter((p) => p.status === 'failed').length,
    mentions: pages.reduce((s, p) => s + (p.mentionCount ?? 0), 0),
    mentionsByType: byType,
    pagesWithMentions: pages.filter((p) => (p.mentionCount ?? 0) > 0).length,
    distinctTexts: textList.length,
    errorsWith: pages.reduce((s, p) => s + p.errorsWith, 0),
    errorsWithout: pages.reduce((s, p) => s + p.errorsWithout, 0),
    pagesWithAddedErrors: pages.filter((p) => p.addedErrors.length > 0).map((p) => p.name),
    pagesWithChangedDom: pages.filter((p) => p.domUnchanged === false).map((p) => p.name),
    pagesDomNotCompared: pages.filter((p) => p.domUnchanged === null).map((p) => p.name),
    pagesDomChangedLiveOnly: pages.filter((p) => p.domUnchanged === true && p.domUnchangedLive === false).length,
    longestTaskWith: { max: Math.round(Math.max(0, ...withLt)), median: quantile(withLt, 0.5) },
    longestTaskWithout: { max: Math.round(Math.max(0, ...withoutLt)), median: quantile(withoutLt, 0.5) },
    pagesLongerTaskWithExtension: pages
      .filter((p) => (p.longestTaskWith ?? 0) > (p.longestTaskWithout ?? 0) + 50)
      .map((p) => p.name),
    chiplensShare: {
      max: Math.round(Math.max(0, ...share)),
      median: quantile(share, 0.5),
      p95: quantile(share, 0.95),
      measuredPages: share.length,
    },
    evaluation: {
      max: Math.round(Math.max(0, ...evaluation)),
      median: quantile(evaluation, 0.5),
      p95: quantile(evaluation, 0.95),
    },
    pagesWithChipLensLongTask: pages.filter((p) => p.chiplensLongTasks.length > 0).map((p) => p.name),
    timeToMentions: { median: quantile(ttm, 0.5), p95: quantile(ttm, 0.95), max: Math.max(0, ...ttm) },
  };
  return {
    dir,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    method,
    totals,
    pages,
    texts: textList,
  };
}

const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x)}`);
const yesNo = (x: boolean | null) => (x === null ? 'n/a' : x ? 'yes' : 'NO');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const typeCounts = (t: Partial<Record<EntityType, number>>) =>
  (['chip', 'company', 'agency', 'policy'] as const)
    .filter((k) => t[k])
    .map((k) => `${k} ${t[k]}`)
    .join(', ') || '–';

/** One console line per page. */
export function pageLine(p: PageReport): string {
  const added = p.addedErrors.length;
  return [
    p.status === 'ok' ? '  ' : '!!',
    (p.name.length > 48 ? `…${p.name.slice(-47)}` : p.name).padEnd(48),
    `mentions ${String(p.mentionCount ?? '–').padStart(3)} (${typeCounts(p.mentionsByType)})`,
    `texts ${p.distinctTexts}`,
    `errors ${p.errorsWith}/${p.errorsWithout}/+${added}`,
    `dom ${yesNo(p.domUnchanged)}`,
    `longtask ${ms(p.longestTaskWith)}/${ms(p.longestTaskWithout)}`,
    `ours ${ms(p.longestChipLensMs)} (eval ${ms(p.evaluationMs)})${p.chiplensLongTasks.length > 0 ? ` LONG ${JSON.stringify(p.chiplensLongTasks)}` : ''}`,
    `ttm ${ms(p.timeToMentionsMs)}`,
    `load ${ms(p.loadMs.with)}/${ms(p.loadMs.without)}`,
    p.status !== 'ok' || p.note ? `[${p.status}${p.note ? `: ${p.note}` : ''}]` : '',
  ].join('  ');
}

/** The readable report. */
export function toMarkdown(r: CorpusReport): string {
  const t = r.totals;
  const lines: string[] = [];
  lines.push(`# ChipLens corpus check`, '');
  lines.push(`Folder \`${r.dir}\`, ${r.startedAt}, ${Math.round(r.durationMs / 1000)} s.`, '');
  lines.push('## Method', '');
  for (const [k, v] of Object.entries(r.method)) lines.push(`- **${k}**: ${v}`);
  lines.push('', '## Totals', '');
  lines.push(`- Pages: ${t.pages} (ok ${t.ok}, timed out ${t.timedOut}, failed ${t.failed})`);
  lines.push(`- Mentions: ${t.mentions} on ${t.pagesWithMentions} pages (${typeCounts(t.mentionsByType)})`);
  lines.push(`- Distinct matched texts (entity + text): ${t.distinctTexts}`);
  lines.push(
    `- Distinct page errors, summed over pages: ${t.errorsWith} with the extension, ${t.errorsWithout} without`,
  );
  lines.push(`- Pages where ChipLens adds an error: ${t.pagesWithAddedErrors.length} ${list(t.pagesWithAddedErrors)}`);
  lines.push(`- Pages where ChipLens changes the DOM: ${t.pagesWithChangedDom.length} ${list(t.pagesWithChangedDom)}`);
  lines.push(`- Pages whose DOM could not be compared: ${t.pagesDomNotCompared.length} ${list(t.pagesDomNotCompared)}`);
  lines.push(
    `- Pages whose body differs only with page scripts running (their own nondeterminism): ${t.pagesDomChangedLiveOnly}`,
  );
  lines.push(
    `- Longest task: max ${t.longestTaskWith.max} ms with, ${t.longestTaskWithout.max} ms without; median ${t.longestTaskWith.median} / ${t.longestTaskWithout.median} ms`,
  );
  lines.push(
    `- Pages where the longest task is >50 ms longer with the extension: ${t.pagesLongerTaskWithExtension.length} ${list(t.pagesLongerTaskWithExtension)}`,
  );
  lines.push(
    `- ChipLens's longest share of one main-thread task (${t.chiplensShare.measuredPages} pages measured): max ${t.chiplensShare.max} ms, p95 ${t.chiplensShare.p95} ms, median ${t.chiplensShare.median} ms`,
  );
  lines.push(
    `- The content script's evaluation task (compile + top level): max ${t.evaluation.max} ms, p95 ${t.evaluation.p95} ms, median ${t.evaluation.median} ms`,
  );
  lines.push(
    `- Pages with a task over 50 ms caused by ChipLens (its page-only part at or under 50 ms): ${t.pagesWithChipLensLongTask.length} ${list(t.pagesWithChipLensLongTask)}`,
  );
  lines.push(
    `- Time to all mentions (from navigation start): median ${t.timeToMentions.median} ms, p95 ${t.timeToMentions.p95} ms, max ${t.timeToMentions.max} ms`,
  );

  const problems = r.pages.filter((p) => p.addedErrors.length > 0 || p.domUnchanged === false);
  if (problems.length > 0) {
    lines.push('', '## Pages with problems', '');
    for (const p of problems) {
      lines.push(`### ${p.name}`, '');
      for (const e of p.addedErrors)
        lines.push(
          `- added ${e.pass} ${e.kind}${e.fromExtension ? ' (extension code)' : ''}: \`${cell(e.text.slice(0, 300))}\` at ${cell(e.where.slice(0, 300))}`,
        );
      if (p.domDiff) {
        lines.push(`- DOM differs (${p.domDiff.part}) at offset ${p.domDiff.at}:`, '');
        lines.push('```', `with:    ${p.domDiff.withExtension}`, `without: ${p.domDiff.without}`, '```');
      }
      lines.push('');
    }
  }

  lines.push('', '## Pages', '');
  lines.push(
    '| page | mentions by type | distinct texts | errors with / without / added | DOM unchanged (scripts off; live) | longest task with / without (ms) | ChipLens share of one task (ms) | time to mentions (ms) | note |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const p of r.pages) {
    lines.push(
      `| ${cell(p.name)} | ${typeCounts(p.mentionsByType)} | ${p.distinctTexts} | ${p.errorsWith} / ${p.errorsWithout} / ${p.addedErrors.length} | ${yesNo(p.domUnchanged)}; ${yesNo(p.domUnchangedLive)} | ${ms(p.longestTaskWith)} / ${ms(p.longestTaskWithout)} | ${ms(p.longestChipLensMs)}${p.chiplensLongTasks.length > 0 ? ` (long: ${p.chiplensLongTasks.map(([a, b, kind]) => `${a} ms task, ${b} ms ours, ${kind}`).join('; ')})` : ''} | ${ms(p.timeToMentionsMs)} | ${cell(p.status === 'ok' ? (p.note ?? '') : `${p.status}: ${p.note ?? ''}`)} |`,
    );
  }

  lines.push('', '## Matched texts', '', 'Every distinct text matched in the corpus, for a false-positive review.', '');
  lines.push('| text | entity | type | count | pages | example |');
  lines.push('|---|---|---|---|---|---|');
  for (const x of r.texts)
    lines.push(
      `| ${cell(x.text)} | ${x.entityId} | ${x.entityType} | ${x.count} | ${x.pages} | ${cell(x.examples[0] ?? '')} |`,
    );
  lines.push('');
  return lines.join('\n');
}

const list = (names: string[]) =>
  names.length > 0 ? `(${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''})` : '';
