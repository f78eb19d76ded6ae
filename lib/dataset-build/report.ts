/** The `npm run dataset:report` text, built from the dataset (pure: printing and exit code are the CLI's job). */
import { todayIso } from '../dataset/dates';
import type { DatasetMeta, Entity, EntityType, Locale } from '../dataset/types';
import { LOCALES, SOURCE_CLASSES } from '../dataset/types';
import { type DatasetInput, validateDataset } from '../dataset/validate';
import { readSources } from '../dataset/validate-sources';
import { markersIn } from '../dataset/validate-text';
import { normalizeAlias } from '../detection/normalize';
import {
  entitiesUnderMinFacts,
  entitiesWithAlias,
  entitiesWithoutStatus,
  eventCounts,
  factsBySourceClass,
  percent,
  statusFactsPastReview,
  undatedFacts,
} from './report-stats';

/** Release minimums per entity type, and overall. */
export const MINIMUMS: Readonly<Record<EntityType | 'total', number>> = {
  total: 200,
  chip: 70,
  agency: 35,
  company: 80,
  policy: 15,
};

/** Companies a Chinese-language reader will meet: each should carry a zh-Hans alias. */
export const KEY_COMPANIES = [
  'NVIDIA',
  'AMD',
  'Intel',
  'TSMC',
  'Samsung',
  'SK hynix',
  'Micron',
  'ASML',
  'Apple',
  'Google',
  'Microsoft',
  'Meta',
  'Amazon',
] as const;

export interface DatasetReport {
  /** Human-readable report, one item per line. */
  lines: string[];
  /** False when validation found errors or a minimum is not met. */
  ok: boolean;
}

export interface ReportOptions {
  /** YYYY-MM-DD to judge review dates against (default: today, UTC). */
  today?: string;
  /** The sources list (default: lib/dataset/sources.json). */
  sources?: unknown;
}

/**
 * Builds the report: entities by type (with minimums) and aliases by locale, alias coverage, facts by source class,
 * undated facts, entities under the fact minimum or without a status fact, status facts past review, editorial
 * markers, events, shared aliases, and every validation error and warning.
 */
export function buildReport(
  files: DatasetInput,
  entities: readonly Entity[],
  meta: DatasetMeta,
  options: ReportOptions = {},
): DatasetReport {
  const lines: string[] = [];
  const today = options.today ?? todayIso();
  const { sources } = readSources(options.sources);
  const { errors, warnings } = validateDataset(files, meta, { sources: options.sources });
  const list = (items: readonly string[]) => {
    for (const item of items) lines.push(`  ${item}`);
  };
  lines.push(`ChipLens dataset ${meta.version} (as of ${meta.asOf}): ${entities.length} entities`);

  lines.push('', 'Entities by type:');
  let minimumsOk = true;
  for (const t of ['chip', 'agency', 'company', 'policy', 'total'] as const) {
    const n = t === 'total' ? entities.length : entities.filter((e) => e.type === t).length;
    const pass = n >= MINIMUMS[t];
    minimumsOk &&= pass;
    lines.push(`  ${t.padEnd(8)} ${String(n).padStart(4)}  (minimum ${MINIMUMS[t]}: ${pass ? 'PASS' : 'FAIL'})`);
  }

  lines.push('', 'Aliases by locale (aliases / entities having one):');
  for (const locale of LOCALES) {
    const aliases = entities.reduce((n, e) => n + e.aliases.filter((a) => a.locale === locale).length, 0);
    lines.push(`  ${locale.padEnd(8)} ${String(aliases).padStart(5)} / ${entitiesWithAlias(entities, [locale])}`);
  }
  lines.push('', 'Alias coverage (entities with an alias in):');
  const coverage: [string, Locale[]][] = [
    ['zh', ['zh-Hans', 'zh-Hant']],
    ['ja', ['ja']],
    ['ko', ['ko']],
  ];
  for (const [name, locales] of coverage) {
    const n = entitiesWithAlias(entities, locales);
    lines.push(`  ${name.padEnd(8)} ${String(n).padStart(5)} / ${entities.length} (${percent(n, entities.length)})`);
  }
  const chinese = entities.filter((e) => e.country === 'CN');
  const withoutZh = chinese.filter((e) => !e.aliases.some((a) => a.locale === 'zh-Hans')).map((e) => e.id);
  const zhCount = chinese.length - withoutZh.length;
  lines.push(`  Chinese entities (country CN) with a zh-Hans alias: ${zhCount}/${chinese.length}`);
  if (withoutZh.length > 0) lines.push(`    without: ${withoutZh.join(', ')}`);
  lines.push('', 'zh-Hans aliases of key companies:');
  for (const name of KEY_COMPANIES) {
    const key = normalizeAlias(name);
    const entity = entities.find((e) => e.type === 'company' && e.aliases.some((a) => normalizeAlias(a.text) === key));
    const zh = entity?.aliases.filter((a) => a.locale === 'zh-Hans').map((a) => a.text) ?? [];
    const status = !entity ? 'MISSING ENTITY' : zh.length > 0 ? `yes (${zh.join(', ')})` : 'NO';
    lines.push(`  ${name.padEnd(10)} ${entity ? `[${entity.id}] ` : ''}${status}`);
  }

  const factCount = entities.reduce((n, e) => n + (e.facts ?? []).length, 0);
  const byClass = factsBySourceClass(entities, sources);
  lines.push('', `Facts: ${factCount}, by source class:`);
  for (const c of [...SOURCE_CLASSES, 'unlisted'] as const) {
    lines.push(`  ${c.padEnd(9)} ${String(byClass[c]).padStart(5)}  ${percent(byClass[c], factCount)}`);
  }

  const undated = undatedFacts(entities);
  lines.push('', `Facts without asOf: ${undated.length} of ${factCount}`);
  list(undated);
  const few = entitiesUnderMinFacts(entities);
  lines.push('', `Entities with fewer than 3 facts: ${few.length}`);
  if (few.length > 0) list([few.join(', ')]);
  const noStatus = entitiesWithoutStatus(entities);
  lines.push('', `Entities without a status fact: ${noStatus.length}`);
  if (noStatus.length > 0) list([noStatus.join(', ')]);
  const due = statusFactsPastReview(entities, today, meta.asOf);
  lines.push('', `Status facts past review (before ${today} or the dataset asOf ${meta.asOf}): ${due.length}`);
  list(due);

  const markers = entities.flatMap((e) => markersIn(e).map(([field, m]) => `${e.id}: ${field}: "${m}"`));
  lines.push('', `Editorial markers: ${markers.length}`);
  list(markers);

  const events = eventCounts(entities);
  lines.push('', `Events: ${events.events} on ${events.entities} entities`);

  lines.push('', 'Aliases shared between entities:');
  const shared = sharedAliases(entities);
  if (shared.length === 0) lines.push('  none');
  for (const [key, ids] of shared) lines.push(`  "${key}": ${ids.join(', ')}`);

  lines.push('', `Validation: ${errors.length} error(s), ${warnings.length} warning(s)`);
  for (const e of errors) lines.push(`  ERROR ${e}`);
  for (const w of warnings) lines.push(`  warning ${w}`);

  const ok = errors.length === 0 && minimumsOk;
  lines.push('', ok ? 'RESULT: PASS' : `RESULT: FAIL${minimumsOk ? '' : ' (minimums not met)'}`);
  return { lines, ok };
}

function sharedAliases(entities: readonly Entity[]): [string, string[]][] {
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const a of e.aliases) {
      const key = normalizeAlias(a.text);
      if (!key) continue;
      const set = owners.get(key) ?? new Set<string>();
      set.add(e.id);
      owners.set(key, set);
    }
  }
  return [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => [key, [...ids]]);
}
