/** Alias checks: normalisation, context terms, repeats, short aliases, and aliases shared between entities. */
import { isShortHanAlias } from '../detection/compile';
import { normalizeAlias, normalizeAliasCased } from '../detection/normalize';
import type { Alias, Entity } from './types';

interface AliasRef {
  entity: Entity;
  index: number;
  alias: Alias;
}

/** One entity's aliases: each normalises to something, context terms too, sharedWith ids exist; warnings for repeats. */
export function checkAliases(e: Entity, byId: ReadonlySet<string>, errors: string[], warnings: string[]): void {
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

/**
 * Aliases shared between entities: allowed only when both sides declare `sharedWith` and at least one side has
 * context rules; a `sharedWith` that names an entity without that alias is a warning.
 */
export function checkSharedAliases(
  entities: readonly Entity[],
  byId: ReadonlySet<string>,
  errors: string[],
  warnings: string[],
): void {
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
