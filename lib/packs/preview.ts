/**
 * What an import would do, before anything is written: counts, the first errors, names already claimed by the bundled
 * dataset or another pack, and what a new revision of an installed pack replaces.
 */
import { normalizeAlias } from '../detection/normalize';
import type { PackIssue, PackManifest, PackParseResult, ParsedPack, ReaderEntity } from './types';

/** An installed pack as storage would give it. */
export interface InstalledPack {
  manifest: PackManifest;
  entities: readonly ReaderEntity[];
}

/** A name of an incoming entity that something else already claims. */
export interface Collision {
  /** The matcher key of the alias (normalizeAlias). */
  aliasKey: string;
  alias: string;
  entityId: string;
  entityName: string;
  claimedBy: { kind: 'dataset'; entityIds: string[] } | { kind: 'pack'; packId: string; entityId: string };
}

/** What installing `to` over the installed revision `from` does, by entity id. */
export interface RevisionPlan {
  packId: string;
  from: number;
  to: number;
  /** The incoming revision is not newer than the installed one (a re-import or a downgrade). */
  notNewer: boolean;
  add: string[];
  update: string[];
  remove: string[];
  unchanged: number;
}

/** The preview an import dialog shows. */
export interface ImportPreview {
  ok: boolean;
  counts: { new: number; updated: number; unchanged: number; skipped: number; total: number };
  errors: PackIssue[];
  /** Errors beyond the listed ones ("N more"). */
  moreErrors: number;
  warnings: PackIssue[];
  moreWarnings: number;
  collisions: Collision[];
  moreCollisions: number;
  /** Present when a revision of this pack is installed. */
  replaces?: RevisionPlan;
}

/** Inputs of a preview besides the parse result. */
export interface PreviewContext {
  /** Installed revision of the same pack (same manifest id), if any. */
  installed?: InstalledPack;
  /** Entity ids of the bundled dataset claiming an alias key (empty when none). */
  datasetLookup: (aliasKey: string) => readonly string[];
  /** Entities of other installed packs claiming an alias key. */
  packLookup?: (aliasKey: string) => readonly { packId: string; entityId: string }[];
  /** How many errors, warnings and collisions to list (default 100). */
  maxListed?: number;
}

/** JSON of a value with object keys sorted: equal records give equal strings whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** An entity's content without its revision number, for "unchanged" checks across revisions. */
function contentOf(entity: ReaderEntity): string {
  const origin = entity.origin.kind === 'pack' ? { kind: 'pack', packId: entity.origin.packId } : entity.origin;
  return stableJson({ ...entity, origin });
}

/** Compares an incoming pack with the installed revision of the same pack. */
export function planRevision(installed: InstalledPack, incoming: ParsedPack): RevisionPlan {
  const old = new Map(installed.entities.map((e) => [e.id, e]));
  const add: string[] = [];
  const update: string[] = [];
  let unchanged = 0;
  for (const entity of incoming.entities) {
    const before = old.get(entity.id);
    if (!before) add.push(entity.id);
    else if (contentOf(before) !== contentOf(entity)) update.push(entity.id);
    else unchanged++;
  }
  const incomingIds = new Set(incoming.entities.map((e) => e.id));
  const remove = installed.entities.filter((e) => !incomingIds.has(e.id)).map((e) => e.id);
  return {
    packId: incoming.manifest.id,
    from: installed.manifest.revision,
    to: incoming.manifest.revision,
    notNewer: incoming.manifest.revision <= installed.manifest.revision,
    add,
    update,
    remove,
    unchanged,
  };
}

/**
 * Names of the incoming pack already claimed: by the bundled dataset, by another installed pack, or by another
 * entity of the same pack. Each alias key is reported once per incoming entity.
 */
export function findCollisions(pack: ParsedPack, context: PreviewContext): Collision[] {
  const collisions: Collision[] = [];
  const ownerInPack = new Map<string, ReaderEntity>();
  for (const entity of pack.entities) {
    const keys = new Set<string>();
    for (const alias of entity.aliases) {
      const aliasKey = normalizeAlias(alias.text);
      if (!aliasKey || keys.has(aliasKey)) continue;
      keys.add(aliasKey);
      const base = { aliasKey, alias: alias.text, entityId: entity.id, entityName: entity.name };
      const dataset = context.datasetLookup(aliasKey);
      if (dataset.length > 0) collisions.push({ ...base, claimedBy: { kind: 'dataset', entityIds: [...dataset] } });
      for (const other of context.packLookup?.(aliasKey) ?? []) {
        if (other.packId !== pack.manifest.id) collisions.push({ ...base, claimedBy: { kind: 'pack', ...other } });
      }
      const first = ownerInPack.get(aliasKey);
      if (first) {
        collisions.push({ ...base, claimedBy: { kind: 'pack', packId: pack.manifest.id, entityId: first.id } });
      } else ownerInPack.set(aliasKey, entity);
    }
  }
  return collisions;
}

/** Builds the preview of a parse result (a failed parse previews its errors only). */
export function previewImport(result: PackParseResult, context: PreviewContext): ImportPreview {
  const max = context.maxListed ?? 100;
  const head = <T>(list: readonly T[]) => ({ listed: list.slice(0, max), more: Math.max(0, list.length - max) });
  const warnings = head(result.warnings ?? []);
  if (!result.ok) {
    const errors = head(result.errors);
    return {
      ok: false,
      counts: { new: 0, updated: 0, unchanged: 0, skipped: 0, total: 0 },
      errors: errors.listed,
      moreErrors: errors.more,
      warnings: warnings.listed,
      moreWarnings: warnings.more,
      collisions: [],
      moreCollisions: 0,
    };
  }
  const { pack } = result;
  const installed = context.installed?.manifest.id === pack.manifest.id ? context.installed : undefined;
  const replaces = installed ? planRevision(installed, pack) : undefined;
  const collisions = head(findCollisions(pack, context));
  return {
    ok: true,
    counts: {
      new: replaces ? replaces.add.length : pack.entities.length,
      updated: replaces ? replaces.update.length : 0,
      unchanged: replaces ? replaces.unchanged : 0,
      skipped: pack.skipped,
      total: pack.entities.length,
    },
    errors: [],
    moreErrors: 0,
    warnings: warnings.listed,
    moreWarnings: warnings.more,
    collisions: collisions.listed,
    moreCollisions: collisions.more,
    ...(replaces ? { replaces } : {}),
  };
}
