/** The conflict policy, as pure functions: the newer `updatedAt` wins. */
import type { IncomingDoc } from './mapping';

/** One leaf revision of a conflicted document, already validated. */
export interface Leaf {
  rev: string;
  parsed: IncomingDoc;
}

function instant(iso: string): number {
  return Date.parse(iso);
}

/** `updatedAt` of a valid leaf, or null for an invalid or foreign one. */
export function leafTime(leaf: Leaf): string | null {
  const p = leaf.parsed;
  if (p.kind === 'note') return p.doc.updatedAt;
  if (p.kind === 'tombstone') return p.updatedAt;
  return null;
}

/** Revision number of a rev id (`3-abc` → 3). */
function revDepth(rev: string): number {
  return Number.parseInt(rev, 10) || 0;
}

/**
 * Orders two valid leaves: newer `updatedAt` first; on a tie an edit beats a deletion, then the deeper revision, then
 * the greater rev id (CouchDB's own deterministic order), so every device picks the same winner.
 */
export function compareLeaves(a: Leaf, b: Leaf): number {
  const ta = instant(leafTime(a) ?? '');
  const tb = instant(leafTime(b) ?? '');
  if (ta !== tb) return tb - ta;
  const da = a.parsed.kind === 'tombstone' ? 1 : 0;
  const db = b.parsed.kind === 'tombstone' ? 1 : 0;
  if (da !== db) return da - db;
  if (revDepth(a.rev) !== revDepth(b.rev)) return revDepth(b.rev) - revDepth(a.rev);
  return a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0;
}

/**
 * Picks the winning leaf among a document's leaves. Invalid leaves never win (they are returned in `invalid`, to be
 * logged and retired); returns `winner: null` when no leaf is valid.
 */
export function chooseWinner<L extends Leaf>(leaves: readonly L[]): { winner: L | null; losers: L[]; invalid: L[] } {
  const valid = leaves.filter((leaf) => leafTime(leaf) !== null && !Number.isNaN(instant(leafTime(leaf)!)));
  const invalid = leaves.filter((leaf) => !valid.includes(leaf));
  const sorted = [...valid].sort(compareLeaves);
  return { winner: sorted[0] ?? null, losers: sorted.slice(1), invalid };
}
