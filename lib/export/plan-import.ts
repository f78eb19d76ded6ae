import type { Annotation } from '../annotations/types';

export interface ImportPlan {
  /** Ids not stored yet. */
  add: Annotation[];
  /** Newer than the stored copy: replace it. */
  update: Annotation[];
  /** Same age or older than the stored copy (or than another copy in the same file): leave alone. */
  skip: Annotation[];
}

/**
 * What an import would do, for the preview and then for one atomic write: duplicate ids merge by updatedAt, the
 * newer copy winning and equal times counting as "already there". Duplicates within the file are settled first
 * the same way.
 */
export function planImport(
  existing: (id: string) => Annotation | undefined,
  incoming: readonly Annotation[],
): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], skip: [] };
  const newest = new Map<string, Annotation>();
  for (const a of incoming) {
    const seen = newest.get(a.id);
    if (!seen) newest.set(a.id, a);
    else if (compareTimes(a.updatedAt, seen.updatedAt) > 0) {
      plan.skip.push(seen);
      newest.set(a.id, a);
    } else plan.skip.push(a);
  }
  for (const a of newest.values()) {
    const stored = existing(a.id);
    if (!stored) plan.add.push(a);
    else if (compareTimes(a.updatedAt, stored.updatedAt) > 0) plan.update.push(a);
    else plan.skip.push(a);
  }
  return plan;
}

/** Compares ISO timestamps as instants (offsets and precision differ between tools); unparsable sorts oldest. */
function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  const na = Number.isNaN(ta) ? Number.NEGATIVE_INFINITY : ta;
  const nb = Number.isNaN(tb) ? Number.NEGATIVE_INFINITY : tb;
  return na === nb ? 0 : na < nb ? -1 : 1;
}
