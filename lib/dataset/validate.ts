import * as v from 'valibot';
import { isShortHanAlias } from '../detection/compile';
import { normalizeAlias, normalizeAliasCased } from '../detection/normalize';
import { EntitySchema, MetaSchema } from './schema';
import type { Alias, Entity, EntityType } from './types';

export interface ValidationResult {
  /** Problems that make the dataset unusable or wrong; each names the entity id and the field. */
  errors: string[];
  /** Things worth a look that do not block a release. */
  warnings: string[];
}

/** The dataset as files (each entity is checked against its file's type) or as a flat entity list. */
export type DatasetInput = readonly { type: EntityType; entities: readonly unknown[] }[] | readonly unknown[];

interface AliasRef {
  entity: Entity;
  index: number;
  alias: Alias;
}

/**
 * Checks the dataset: schema, unique slug ids, entity type vs file, relation targets, alias normalisation, shared
 * aliases (allowed only when both sides declare `sharedWith` and one side has context rules), https sources, dates.
 */
export function validateDataset(input: DatasetInput, meta?: unknown): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];

  if (meta !== undefined) {
    const parsed = v.safeParse(MetaSchema, meta);
    if (!parsed.success) for (const issue of parsed.issues) errors.push(`meta: ${describeIssue(issue)}`);
  }

  const entities: Entity[] = [];
  // Ids of every entity, schema-valid or not, so one bad field does not also make every relation to it dangle.
  const ids = new Map<string, number>();
  for (const { fileType, raw, position } of flatten(input)) {
    const label = entityLabel(raw, position);
    const id = (raw as { id?: unknown })?.id;
    if (typeof id === 'string') {
      if (ids.has(id)) errors.push(`${id}: id: duplicate id`);
      ids.set(id, position);
    }
    const parsed = v.safeParse(EntitySchema, raw);
    if (!parsed.success) {
      for (const issue of parsed.issues) errors.push(`${label}: ${describeIssue(issue)}`);
      continue;
    }
    const entity = parsed.output as Entity;
    if (fileType && entity.type !== fileType) {
      errors.push(`${label}: type: "${entity.type}" in the ${fileType} file`);
    }
    entities.push(entity);
  }

  const byId = new Set(ids.keys());

  const metaAsOf = typeof (meta as { asOf?: unknown })?.asOf === 'string' ? (meta as { asOf: string }).asOf : undefined;
  for (const e of entities) checkEntity(e, byId, metaAsOf, errors, warnings);
  checkSharedAliases(entities, byId, errors, warnings);
  return { errors, warnings };
}

function* flatten(input: DatasetInput) {
  let position = 0;
  for (const item of input) {
    if (isFile(item)) {
      for (const raw of item.entities) yield { fileType: item.type, raw, position: position++ };
    } else {
      yield { fileType: undefined, raw: item, position: position++ };
    }
  }
}

function isFile(item: unknown): item is { type: EntityType; entities: readonly unknown[] } {
  return typeof item === 'object' && item !== null && 'entities' in item && Array.isArray(item.entities);
}

function entityLabel(raw: unknown, position: number): string {
  const id = (raw as { id?: unknown })?.id;
  return typeof id === 'string' && id ? id : `entity #${position}`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  return `${path || '(entity)'}: ${issue.message}`;
}

function checkEntity(
  e: Entity,
  byId: ReadonlySet<string>,
  metaAsOf: string | undefined,
  errors: string[],
  warnings: string[],
): void {
  if (!isRealDate(e.updated)) errors.push(`${e.id}: updated: "${e.updated}" is not a calendar date`);
  if (metaAsOf && e.updated > metaAsOf) warnings.push(`${e.id}: updated: ${e.updated} is after the dataset asOf`);

  e.relations.forEach((r, i) => {
    if (!byId.has(r.target)) errors.push(`${e.id}: relations[${i}].target: unknown entity "${r.target}"`);
    else if (r.target === e.id) warnings.push(`${e.id}: relations[${i}].target: relation to itself`);
  });

  e.facts.forEach((f, i) => {
    if (f.asOf && !isRealDate(f.asOf)) errors.push(`${e.id}: facts[${i}].asOf: "${f.asOf}" is not a calendar date`);
    if (f.asOf && metaAsOf && f.asOf > metaAsOf) {
      warnings.push(`${e.id}: facts[${i}].asOf: ${f.asOf} is after the dataset asOf`);
    }
    if (/TFLOPS|PFLOPS|TOPS/i.test(f.label + f.value) && !/dense|sparse|sparsity/i.test(f.label + f.value)) {
      warnings.push(`${e.id}: facts[${i}].value: FLOPS figure without "dense" or "sparse"`);
    }
  });

  const seen = new Map<string, number>();
  e.aliases.forEach((a, i) => {
    const key = normalizeAlias(a.text);
    if (!key) {
      errors.push(`${e.id}: aliases[${i}].text: "${a.text}" is empty after normalisation`);
      return;
    }
    for (const [field, list] of [
      ['requireContext', a.requireContext],
      ['forbidContext', a.forbidContext],
    ] as const) {
      list?.forEach((t, j) => {
        if (!normalizeAlias(t)) errors.push(`${e.id}: aliases[${i}].${field}[${j}]: empty after normalisation`);
      });
    }
    a.sharedWith?.forEach((id, j) => {
      if (!byId.has(id)) errors.push(`${e.id}: aliases[${i}].sharedWith[${j}]: unknown entity "${id}"`);
    });
    // The same characters in two locales (大基金 is both zh-Hans and zh-Hant) is not a repeat.
    const dupKey = `${key}\u0000${a.locale}\u0000${a.caseSensitive ? normalizeAliasCased(a.text) : ''}`;
    const first = seen.get(dupKey);
    if (first !== undefined) warnings.push(`${e.id}: aliases[${i}].text: "${a.text}" repeats aliases[${first}]`);
    else seen.set(dupKey, i);
    if (isShortHanAlias(key) && !a.requireContext) {
      warnings.push(
        `${e.id}: aliases[${i}].text: short Han alias "${a.text}" without requireContext (a default applies)`,
      );
    }
    if (/^[a-z0-9]{1,2}$/.test(key) && !a.caseSensitive && !a.requireContext) {
      warnings.push(
        `${e.id}: aliases[${i}].text: very short alias "${a.text}" is neither case-sensitive nor context-bound`,
      );
    }
  });

  if (e.country === 'CN' && !e.aliases.some((a) => a.locale === 'zh-Hans')) {
    warnings.push(`${e.id}: aliases: Chinese entity without a zh-Hans alias`);
  }
}

function checkSharedAliases(entities: Entity[], byId: ReadonlySet<string>, errors: string[], warnings: string[]) {
  const byKey = new Map<string, AliasRef[]>();
  for (const entity of entities) {
    entity.aliases.forEach((alias, index) => {
      const key = normalizeAlias(alias.text);
      if (!key) return;
      const list = byKey.get(key) ?? [];
      list.push({ entity, index, alias });
      byKey.set(key, list);
    });
  }
  const sharedPairs = new Set<string>();
  for (const [key, refs] of byKey) {
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        const a = refs[i]!;
        const b = refs[j]!;
        if (a.entity.id === b.entity.id || distinctByCase(a.alias, b.alias)) continue;
        sharedPairs.add(`${a.entity.id}\u0000${b.entity.id}`).add(`${b.entity.id}\u0000${a.entity.id}`);
        const declared =
          a.alias.sharedWith?.includes(b.entity.id) === true && b.alias.sharedWith?.includes(a.entity.id) === true;
        const ruled = hasContextRules(a.alias) || hasContextRules(b.alias);
        if (!declared || !ruled) {
          const why = !declared
            ? 'both sides must declare sharedWith'
            : 'at least one side needs requireContext or forbidContext';
          errors.push(
            `${a.entity.id}: aliases[${a.index}].text: "${key}" is also an alias of ${b.entity.id} ` +
              `(aliases[${b.index}]): ${why}`,
          );
        }
      }
    }
  }
  for (const e of entities) {
    e.aliases.forEach((a, i) => {
      for (const id of a.sharedWith ?? []) {
        if (byId.has(id) && !sharedPairs.has(`${e.id}\u0000${id}`)) {
          warnings.push(`${e.id}: aliases[${i}].sharedWith: ${id} has no alias "${a.text}"`);
        }
      }
    });
  }
}

/** Two case-sensitive aliases that differ in case ("TEL" vs "Tel") never match the same text. */
function distinctByCase(a: Alias, b: Alias): boolean {
  return (
    a.caseSensitive === true && b.caseSensitive === true && normalizeAliasCased(a.text) !== normalizeAliasCased(b.text)
  );
}

function hasContextRules(a: Alias): boolean {
  return (a.requireContext?.length ?? 0) > 0 || (a.forbidContext?.length ?? 0) > 0;
}

function isRealDate(s: string): boolean {
  const full = s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
  const d = new Date(`${full}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === full;
}
