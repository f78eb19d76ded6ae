/**
 * Dataset validation (docs/dataset.md): the schema, then the rules a schema cannot say. Alias rules live in
 * validate-aliases.ts, source domains in validate-sources.ts, reader-facing text in validate-text.ts.
 */
import * as v from 'valibot';
import { dateStart, isRealDate } from './dates';
import { describeIssue } from './issues';
import { EntitySchema, MetaSchema } from './schema';
import type { Entity, EntityType, Source, SourceList } from './types';
import { checkAliases, checkSharedAliases } from './validate-aliases';
import { readSources, sourceUrlProblem } from './validate-sources';
import { contradictingWord, leadingAsOfDate, markersIn } from './validate-text';

export interface ValidationResult {
  /** Problems that make the dataset unusable or wrong; each names the entity id and the field. */
  errors: string[];
  /** Things worth a look that do not block a release. */
  warnings: string[];
}

/** The dataset as files (each entity is checked against its file's type) or as a flat entity list. */
export type DatasetInput = readonly { type: EntityType; entities: readonly unknown[] }[] | readonly unknown[];

export interface ValidateOptions {
  /** The sources list (sources.json's shape); the bundled lib/dataset/sources.json when omitted. */
  sources?: unknown;
}

interface Context {
  byId: ReadonlySet<string>;
  metaAsOf: string | undefined;
  sources: SourceList;
  errors: string[];
  warnings: string[];
}

/**
 * Checks the dataset: schema, unique slug ids, entity type vs file, relation targets and kind/note agreement, alias
 * rules, source domains against sources.json, dates (real, review after asOf), and no editorial markers in what a
 * reader sees. Errors read `<entity id>: <field>: <problem>`.
 */
export function validateDataset(input: DatasetInput, meta?: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];

  if (meta !== undefined) {
    const parsed = v.safeParse(MetaSchema, meta);
    if (!parsed.success) for (const issue of parsed.issues) errors.push(`meta: ${describeIssue(issue, '(meta)')}`);
  }
  const { sources, errors: sourceErrors } = readSources(options.sources);
  errors.push(...sourceErrors);

  const entities: Entity[] = [];
  // Ids of every entity, schema-valid or not, so one bad field does not also make every relation to it dangle.
  const ids = new Set<string>();
  for (const { fileType, raw, position } of flatten(input)) {
    const label = entityLabel(raw, position);
    const id = (raw as { id?: unknown })?.id;
    if (typeof id === 'string') {
      if (ids.has(id)) errors.push(`${id}: id: duplicate id`);
      ids.add(id);
    }
    const parsed = v.safeParse(EntitySchema, raw);
    if (!parsed.success) {
      for (const issue of parsed.issues) errors.push(`${label}: ${describeIssue(issue)}`);
      continue;
    }
    const entity = parsed.output;
    if (fileType && entity.type !== fileType) {
      errors.push(`${label}: type: "${entity.type}" in the ${fileType} file`);
    }
    entities.push(entity);
  }

  const metaAsOf = typeof (meta as { asOf?: unknown })?.asOf === 'string' ? (meta as { asOf: string }).asOf : undefined;
  const ctx: Context = { byId: ids, metaAsOf, sources, errors, warnings };
  for (const e of entities) checkEntity(e, ctx);
  checkSharedAliases(entities, ids, errors, warnings);
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

function checkEntity(e: Entity, ctx: Context): void {
  const { errors, warnings, metaAsOf } = ctx;
  const date = (field: string, value: string) => {
    if (!isRealDate(value)) errors.push(`${e.id}: ${field}: "${value}" is not a calendar date`);
  };

  date('updated', e.updated);
  if (metaAsOf && e.updated > metaAsOf) warnings.push(`${e.id}: updated: ${e.updated} is after the dataset asOf`);
  for (const [field, found] of markersIn(e)) {
    errors.push(`${e.id}: ${field}: editorial marker "${found}" (put remarks in editorNote)`);
  }

  e.relations.forEach((r, i) => {
    const at = `relations[${i}]`;
    if (!ctx.byId.has(r.target)) errors.push(`${e.id}: ${at}.target: unknown entity "${r.target}"`);
    else if (r.target === e.id) warnings.push(`${e.id}: ${at}.target: relation to itself`);
    if (r.asOf) date(`${at}.asOf`, r.asOf);
    const word = r.note ? contradictingWord(r.kind, r.note) : undefined;
    if (word) {
      const instead = r.kind === 'restricts' ? 'permits' : 'restricts';
      errors.push(`${e.id}: ${at}.note: kind "${r.kind}" but the note says "${word}" (use ${instead} or reword)`);
    }
  });

  e.facts.forEach((f, i) => {
    const at = `facts[${i}]`;
    date(`${at}.asOf`, f.asOf);
    if (metaAsOf && f.asOf > metaAsOf) warnings.push(`${e.id}: ${at}.asOf: ${f.asOf} is after the dataset asOf`);
    if (f.status) {
      date(`${at}.status.reviewBy`, f.status.reviewBy);
      if (f.status.reviewBy <= dateStart(f.asOf)) {
        errors.push(`${e.id}: ${at}.status.reviewBy: ${f.status.reviewBy} is not after asOf ${f.asOf}`);
      }
    }
    const repeated = leadingAsOfDate(f);
    if (repeated) {
      errors.push(`${e.id}: ${at}.value: starts with its asOf date "${repeated}" (the card prints the date once)`);
    }
    if (/TFLOPS|PFLOPS|TOPS/i.test(f.label + f.value) && !/dense|sparse|sparsity/i.test(f.label + f.value)) {
      warnings.push(`${e.id}: ${at}.value: FLOPS figure without "dense" or "sparse"`);
    }
    checkSource(e, `${at}.source`, f.source, ctx, date);
  });

  (e.events ?? []).forEach((ev, i) => {
    const at = `events[${i}]`;
    date(`${at}.date`, ev.date);
    checkSource(e, `${at}.source`, ev.source, ctx, date);
  });

  checkAliases(e, ctx.byId, errors, warnings);
}

function checkSource(
  e: Entity,
  at: string,
  source: Source,
  ctx: Context,
  date: (field: string, value: string) => void,
): void {
  date(`${at}.published`, source.published);
  const problem = sourceUrlProblem(source.url, ctx.sources);
  if (problem) ctx.errors.push(`${e.id}: ${at}.url: ${problem}`);
}
