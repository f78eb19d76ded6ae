import type { Alias, Entity } from '../dataset/types';
import { buildAutomaton, serializeAutomaton } from './automaton.ts';
import { foldCode, isHanCode, isIgnorableCode } from './chars.ts';
import { normalizeAlias, normalizeAliasCased } from './normalize.ts';
import type { CompiledAlias, CompiledRule, MatcherData } from './types';

/**
 * Industry words that make a bare 1-2 character Han alias (三星, 美光, 阿里...) plausible when the dataset gives it no
 * requireContext of its own: such short words are too often parts of ordinary Chinese words to match alone.
 */
export const DEFAULT_SHORT_HAN_CONTEXT: readonly string[] = [
  '芯片',
  '晶片',
  '半导体',
  '半導體',
  'GPU',
  'AI',
  '人工智能',
  '人工智慧',
  '算力',
  '公司',
  '集团',
  '集團',
  '科技',
  '股份',
  '出口管制',
  '处理器',
  '處理器',
  '服务器',
  '伺服器',
  '数据中心',
  '資料中心',
  '半導体',
  'チップ',
  '輸出規制',
];

export interface CompileOptions {
  /** Include the prebuilt automaton (see the benchmark for whether that pays off). Default false. */
  prebuildAutomaton?: boolean;
}

/** A context rule with its terms as normalised strings (compiled to pattern indices at the end). */
interface PendingRule {
  req?: string[];
  forbid?: string[];
  w?: number;
}

interface PendingAlias {
  key: string;
  pattern: string;
  entity: number;
  cased?: string;
  rule?: PendingRule;
  declared: boolean;
}

/** True for an alias of one or two Han characters, which needs context to be told from part of a longer word. */
export function isShortHanAlias(key: string): boolean {
  if (key.length === 0 || key.length > 2) return false;
  for (let i = 0; i < key.length; i++) if (!isHanCode(key.charCodeAt(i))) return false;
  return true;
}

/**
 * Compiles the dataset's aliases into the matcher's JSON data. Aliases that normalise to '' are dropped (validation
 * reports them). Spelling variants are generated for names mixing scripts or letters and digits ("Ascend 910C" also
 * matches "Ascend910C", "英伟达H200" also "英伟达 H200"), unless another entity declares that spelling.
 */
export function compileMatcherData(entities: readonly Entity[], options: CompileOptions = {}): MatcherData {
  const explicit: PendingAlias[] = [];
  entities.forEach((entity, index) => {
    for (const alias of entity.aliases) {
      const key = normalizeAlias(alias.text);
      if (key) explicit.push(pendingAlias(entity, index, alias, key));
    }
  });

  const ownerOf = new Map<string, Set<number>>();
  for (const a of explicit) {
    const owners = ownerOf.get(a.pattern) ?? new Set<number>();
    owners.add(a.entity);
    ownerOf.set(a.pattern, owners);
  }
  const all = [...explicit];
  for (const a of explicit) {
    for (const variant of spellingVariants(a.pattern)) {
      const owners = ownerOf.get(variant);
      if (owners && (owners.size > 1 || !owners.has(a.entity))) continue;
      if (owners?.has(a.entity) && all.some((b) => b.entity === a.entity && b.pattern === variant)) continue;
      const cased = a.cased === undefined ? undefined : pickVariant(a.cased, variant);
      if (a.cased !== undefined && cased === undefined) continue;
      all.push({ ...a, pattern: variant, cased });
      ownerOf.set(variant, new Set([a.entity]));
    }
  }

  // Code-unit order lets the page build the automaton in one pass (see buildAutomaton).
  const patterns = [...new Set(all.map((a) => a.pattern))].sort();
  const patternIndex = new Map(patterns.map((p, i) => [p, i]));

  const ruleIndex = new Map<string, number>();
  const pendingRules: PendingRule[] = [];
  const aliases: CompiledAlias[] = all.map((a) => {
    const out: CompiledAlias = { p: patternIndex.get(a.pattern)!, e: a.entity };
    if (a.key !== a.pattern) out.k = a.key;
    if (a.cased !== undefined) out.cs = a.cased;
    if (a.rule) {
      const json = JSON.stringify(a.rule);
      let r = ruleIndex.get(json);
      if (r === undefined) {
        r = pendingRules.length;
        pendingRules.push(a.rule);
        ruleIndex.set(json, r);
      }
      out.r = r;
      if (a.declared) out.d = 1;
    }
    return out;
  });
  // Stable: dataset order within a pattern decides between entities sharing it.
  aliases.sort((x, y) => x.p - y.p);

  // Context terms are searched by the same automaton pass as the aliases: the ones that are not also aliases follow
  // the patterns (in code-unit order too, so the page's one-pass build still applies to each part).
  const ruleTerms = new Set(pendingRules.flatMap((r) => [...(r.req ?? []), ...(r.forbid ?? [])]));
  const terms = [...ruleTerms].filter((t) => !patternIndex.has(t)).sort();
  const searchedIndex = new Map([...patterns, ...terms].map((p, i) => [p, i]));
  const indices = (list: string[] | undefined) => list?.map((t) => searchedIndex.get(t)!);
  const rules = pendingRules.map(
    (r): CompiledRule => ({
      ...(r.req ? { req: indices(r.req) } : {}),
      ...(r.forbid ? { forbid: indices(r.forbid) } : {}),
      ...(r.w !== undefined ? { w: r.w } : {}),
    }),
  );
  const classes = characterClasses([...patterns, ...terms]);
  const data: MatcherData = {
    version: 1,
    entityIds: entities.map((e) => e.id),
    entityTypes: entities.map((e) => e.type),
    patterns,
    terms,
    aliases,
    rules,
    classes,
  };
  if (options.prebuildAutomaton) {
    const classOf = new Uint16Array(0x10000);
    classes.forEach((codes, i) => {
      classOf[codes[0]!] = i + 1;
    });
    data.automaton = serializeAutomaton(buildAutomaton([...patterns, ...terms], classOf, classes.length));
  }
  return data;
}

function pendingAlias(entity: Entity, index: number, alias: Alias, key: string): PendingAlias {
  const terms = (list: string[] | undefined) => {
    const out = (list ?? []).map(normalizeAlias).filter((t) => t.length > 0);
    return out.length > 0 ? [...new Set(out)] : undefined;
  };
  let req = terms(alias.requireContext);
  const forbid = terms(alias.forbidContext);
  const declared = req !== undefined;
  if (!req && isShortHanAlias(key)) {
    const others = entity.aliases.map((a) => normalizeAlias(a.text)).filter((t) => t && !t.includes(key));
    req = terms([...others, ...DEFAULT_SHORT_HAN_CONTEXT]);
  }
  const rule: PendingRule | undefined =
    req || forbid
      ? {
          ...(req ? { req } : {}),
          ...(forbid ? { forbid } : {}),
          ...(alias.window !== undefined && alias.window !== 200 ? { w: alias.window } : {}),
        }
      : undefined;
  return {
    key,
    pattern: key,
    entity: index,
    cased: alias.caseSensitive ? normalizeAliasCased(alias.text) : undefined,
    rule,
    declared,
  };
}

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const JOINABLE = [
  /([a-z]) (?=[0-9])/gi,
  new RegExp(`([${HAN}]) (?=[a-z0-9])`, 'gi'),
  new RegExp(`([a-z0-9]) (?=[${HAN}])`, 'gi'),
];
const SPACEABLE = [new RegExp(`([${HAN}])(?=[a-z0-9])`, 'gi'), new RegExp(`([a-z0-9])(?=[${HAN}])`, 'gi')];

/** Same-meaning spellings of a normalised alias: joints between scripts or letters/digits written with or without a space. */
export function spellingVariants(key: string): string[] {
  const joined = JOINABLE.reduce((s, re) => s.replace(re, '$1'), key);
  const spaced = SPACEABLE.reduce((s, re) => s.replace(re, '$1 '), key);
  return [...new Set([joined, spaced])].filter((v) => v !== key);
}

/** Applies to the cased form the same joint change that turned the folded key into `variant`. */
function pickVariant(cased: string, variant: string): string | undefined {
  const candidates = [
    JOINABLE.reduce((s, re) => s.replace(re, '$1'), cased),
    SPACEABLE.reduce((s, re) => s.replace(re, '$1 '), cased),
  ];
  return candidates.find((c) => normalizeAlias(c) === variant);
}

/**
 * Assigns a class id to every folded character used by patterns and context terms, and lists for each class every
 * code unit that folds to it (found by sweeping the BMP at build time, so the page never needs a case table).
 */
function characterClasses(strings: readonly string[]): number[][] {
  const alphabet = new Set<number>();
  for (const s of strings) for (let i = 0; i < s.length; i++) alphabet.add(s.charCodeAt(i));
  const sorted = [...alphabet].sort((a, b) => a - b);
  const classOf = new Map(sorted.map((c, i) => [c, i]));
  const classes = sorted.map((c) => [c]);
  for (let c = 0; c < 0x10000; c++) {
    if (isIgnorableCode(c)) continue;
    const k = classOf.get(foldCode(c));
    if (k !== undefined && c !== sorted[k]) classes[k]!.push(c);
  }
  return classes;
}
