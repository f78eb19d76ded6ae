/** One corpus page through both passes, both browsers, turned into the report's per-page record. */
import type { EntityType } from '../../lib/dataset/types';
import type { MentionInfo } from '../../lib/messaging/protocol';
import { addedErrors, errorKey, isExtensionError, type PageErrorRecord } from './errors';
import type { CorpusPage } from './find-pages';
import {
  type ExtSide,
  type LiveResult,
  liveWithExtension,
  liveWithout,
  type MentionContext,
  type Side,
  staticPass,
  UNREADABLE,
} from './measure';

/** A page that takes longer than this (both passes) is reported as timed out. */
export const PAGE_BUDGET_MS = 60_000;

export interface DomDiff {
  /** 'body' when the first difference is inside <body>, else 'outside body'. */
  part: 'body' | 'outside body';
  at: number;
  withExtension: string;
  without: string;
}

export interface AddedError extends PageErrorRecord {
  pass: 'live' | 'static';
  fromExtension: boolean;
}

export interface PageReport {
  name: string;
  path: string;
  title: string;
  status: 'ok' | 'timeout' | 'failed';
  note?: string;
  loadMs: { with: number | null; without: number | null };
  mentionCount: number | null;
  mentionsByType: Partial<Record<EntityType, number>>;
  distinctTexts: number;
  mentionsUnstable: boolean;
  /** Distinct error keys (live pass). */
  errorsWith: number;
  errorsWithout: number;
  addedErrors: AddedError[];
  /** Scripts disabled in both: the verdict. null when it could not be compared. */
  domUnchanged: boolean | null;
  domDiff?: DomDiff;
  /** Mentions the content script found in the static pass: proof it ran there. */
  staticMentionCount: number | null;
  /** Informational: page scripts running, so differences may be the page's own. */
  domUnchangedLive: boolean | null;
  longestTaskWith: number | null;
  longestTaskWithout: number | null;
  /** Longest ChipLens share of one main-thread task (trace + CPU samples), ms. */
  longestChipLensMs: number | null;
  /** Evaluation of ChipLens's content scripts (document_start prefetch + main), summed (compile + top level), ms. */
  evaluationMs: number | null;
  /** Tasks over 50 ms that ChipLens made long: [task ms, ChipLens ms, 'evaluation' | 'work']. */
  chiplensLongTasks: [number, number, 'evaluation' | 'work'][];
  timeToMentionsMs: number | null;
}

export interface PageOutcome {
  report: PageReport;
  mentions: MentionInfo[];
  contexts: MentionContext[];
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Where two serialisations first differ, with some text either side. */
export function firstDifference(a: string, b: string, bodyStartA: number): DomDiff | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const from = Math.max(0, i - 120);
  return {
    part: bodyStartA >= 0 && i >= bodyStartA ? 'body' : 'outside body',
    at: i,
    withExtension: a.slice(from, i + 120),
    without: b.slice(from, i + 120),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const distinctKeys = (errors: PageErrorRecord[]) => new Set(errors.map(errorKey)).size;

/**
 * Runs one page. A live error seen only with the extension is checked against up to two more runs without it
 * (page scripts are not deterministic) unless it plainly comes from the extension's code.
 */
export async function runPage(ext: ExtSide, plain: Side, origin: string, page: CorpusPage): Promise<PageOutcome> {
  const url = `${origin}/${page.path.split('/').map(encodeURIComponent).join('/')}`;

  const liveSettle = deferred<number>();
  const [withLive, withoutLive] = await Promise.all([
    liveWithExtension(ext, url, liveSettle.resolve),
    liveWithout(plain, url, liveSettle.promise),
  ]);
  const staticSettle = deferred<number>();
  const [withStatic, withoutStatic] = await Promise.all([
    staticPass(ext, url, undefined, staticSettle.resolve),
    staticPass(plain, url, staticSettle.promise),
  ]);

  const withoutRuns: LiveResult[] = [withoutLive];
  let liveAdded = addedErrors(
    withLive.errors,
    withoutRuns.map((r) => r.errors),
  );
  while (liveAdded.some((e) => !isExtensionError(e)) && withoutRuns.length < 3) {
    withoutRuns.push(await liveWithout(plain, url, Promise.resolve(withLive.settleMs)));
    liveAdded = addedErrors(
      withLive.errors,
      withoutRuns.map((r) => r.errors),
    );
  }
  const staticAdded = addedErrors(withStatic.errors, [withoutStatic.errors]);
  const added: AddedError[] = [
    ...liveAdded.map((e) => ({ ...e, pass: 'live' as const, fromExtension: isExtensionError(e) })),
    ...staticAdded.map((e) => ({ ...e, pass: 'static' as const, fromExtension: isExtensionError(e) })),
  ];

  let domUnchanged: boolean | null = null;
  let domDiff: DomDiff | undefined;
  if (withStatic.html !== UNREADABLE && withoutStatic.html !== UNREADABLE) {
    domDiff = firstDifference(withStatic.html, withoutStatic.html, withStatic.html.indexOf('<body'));
    domUnchanged = domDiff === undefined;
  }
  const domUnchangedLive =
    withLive.body === UNREADABLE || withoutLive.body === UNREADABLE ? null : withLive.body === withoutLive.body;

  const mentions = withLive.mentions ?? [];
  const byType: Partial<Record<EntityType, number>> = {};
  for (const m of mentions) byType[m.entityType] = (byType[m.entityType] ?? 0) + 1;
  const notes = [
    withLive.loadMs === null && 'no load event with the extension (timeout or navigated away)',
    withoutLive.loadMs === null && 'no load event without the extension',
    withLive.crashed && 'crashed with the extension',
    withoutLive.crashed && 'crashed without the extension',
    withLive.mentions === null && 'content script never answered (live)',
    withLive.mentionsUnstable && 'mention count still changing after 10 s',
    withStatic.mentionCount === null && 'content script never answered (scripts disabled)',
    withLive.finalUrl !== url && `navigated to ${withLive.finalUrl}`,
  ].filter((n): n is string => Boolean(n));

  return {
    report: {
      name: page.name,
      path: page.path,
      title: withLive.title,
      status: withLive.crashed || withoutLive.crashed ? 'failed' : 'ok',
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      loadMs: { with: withLive.loadMs, without: withoutLive.loadMs },
      mentionCount: withLive.mentions?.length ?? null,
      mentionsByType: byType,
      distinctTexts: new Set(mentions.map((m) => `${m.entityId}\u0000${m.text}`)).size,
      mentionsUnstable: withLive.mentionsUnstable,
      errorsWith: distinctKeys(withLive.errors),
      errorsWithout: distinctKeys(withoutLive.errors),
      addedErrors: added,
      domUnchanged,
      ...(domDiff ? { domDiff } : {}),
      staticMentionCount: withStatic.mentionCount ?? null,
      domUnchangedLive,
      longestTaskWith: withLive.longTasks?.max ?? null,
      longestTaskWithout: withoutLive.longTasks?.max ?? null,
      longestChipLensMs: withLive.attribution?.longestChipLensMs ?? null,
      evaluationMs: withLive.attribution ? round1(withLive.attribution.evaluationMs) : null,
      chiplensLongTasks: (withLive.attribution?.longTasks ?? []).map((t) => [
        round1(t.ms),
        round1(t.chiplensMs),
        t.evaluation ? 'evaluation' : 'work',
      ]),
      timeToMentionsMs: withLive.timeToMentionsMs,
    },
    mentions,
    contexts: withLive.contexts,
  };
}

/** A page that ran out of time or threw, reported rather than skipped. */
export function failedPage(page: CorpusPage, status: 'timeout' | 'failed', note: string): PageOutcome {
  return {
    report: {
      name: page.name,
      path: page.path,
      title: '',
      status,
      note,
      loadMs: { with: null, without: null },
      mentionCount: null,
      mentionsByType: {},
      distinctTexts: 0,
      mentionsUnstable: false,
      errorsWith: 0,
      errorsWithout: 0,
      addedErrors: [],
      domUnchanged: null,
      staticMentionCount: null,
      domUnchangedLive: null,
      longestTaskWith: null,
      longestTaskWithout: null,
      longestChipLensMs: null,
      evaluationMs: null,
      chiplensLongTasks: [],
      timeToMentionsMs: null,
    },
    mentions: [],
    contexts: [],
  };
}
