import { normalizeAlias } from '../detection/normalize';
import type { DatasetMeta, Entity, EntityType, Locale } from './types';
import { type DatasetInput, validateDataset } from './validate';

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

/** Builds the `npm run dataset:report` output from the dataset (pure: printing and exit code are the CLI's job). */
export function buildReport(files: DatasetInput, entities: readonly Entity[], meta: DatasetMeta): DatasetReport {
  const lines: string[] = [];
  const { errors, warnings } = validateDataset(files, meta);
  lines.push(`ChipLens dataset ${meta.version} (as of ${meta.asOf}): ${entities.length} entities`);

  lines.push('', 'Entities by type:');
  let minimumsOk = true;
  const count = (t: EntityType | 'total') =>
    t === 'total' ? entities.length : entities.filter((e) => e.type === t).length;
  for (const t of ['chip', 'agency', 'company', 'policy', 'total'] as const) {
    const n = count(t);
    const pass = n >= MINIMUMS[t];
    minimumsOk &&= pass;
    lines.push(`  ${t.padEnd(8)} ${String(n).padStart(4)}  (minimum ${MINIMUMS[t]}: ${pass ? 'PASS' : 'FAIL'})`);
  }

  lines.push('', 'Aliases by locale (aliases / entities having one):');
  for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as Locale[]) {
    const aliases = entities.reduce((n, e) => n + e.aliases.filter((a) => a.locale === locale).length, 0);
    const having = entities.filter((e) => e.aliases.some((a) => a.locale === locale)).length;
    lines.push(`  ${locale.padEnd(8)} ${String(aliases).padStart(5)} / ${having}`);
  }

  const chinese = entities.filter((e) => e.country === 'CN');
  const chineseWithZh = chinese.filter((e) => e.aliases.some((a) => a.locale === 'zh-Hans'));
  lines.push(
    '',
    `Chinese entities (country CN) with a zh-Hans alias: ${chineseWithZh.length}/${chinese.length} (${percent(chineseWithZh.length, chinese.length)})`,
  );
  const missing = chinese.filter((e) => !chineseWithZh.includes(e)).map((e) => e.id);
  if (missing.length > 0) lines.push(`  without: ${missing.join(', ')}`);

  lines.push('', 'zh-Hans aliases of key companies:');
  for (const name of KEY_COMPANIES) {
    const key = normalizeAlias(name);
    const entity = entities.find((e) => e.type === 'company' && e.aliases.some((a) => normalizeAlias(a.text) === key));
    const zh = entity?.aliases.filter((a) => a.locale === 'zh-Hans').map((a) => a.text) ?? [];
    const status = !entity ? 'MISSING ENTITY' : zh.length > 0 ? `yes (${zh.join(', ')})` : 'NO';
    lines.push(`  ${name.padEnd(10)} ${entity ? `[${entity.id}] ` : ''}${status}`);
  }

  const undated = entities.flatMap((e) => e.facts.filter((f) => !f.asOf).map((f) => `${e.id}: ${f.label}`));
  const facts = entities.reduce((n, e) => n + e.facts.length, 0);
  lines.push('', `Facts without asOf: ${undated.length} of ${facts}`);
  for (const f of undated) lines.push(`  ${f}`);

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

function percent(n: number, of: number): string {
  return of === 0 ? 'n/a' : `${Math.round((n / of) * 1000) / 10}%`;
}
