/**
 * Turns a conflicted document's leaf revisions into the writes that settle it. Pure, and deterministic: every device
 * that resolves the same conflict writes the same bodies on the same parents, and PouchDB's deterministic revision ids
 * then make those writes identical, so resolving on two devices never creates a new conflict.
 */
import { annotationIdOf, parseIncomingDoc, tombstoneDoc } from './mapping';
import type { PouchDoc, WritableDoc } from './pouch-types';
import type { ConflictCopy } from './types';
import { chooseWinner, type Leaf, leafTime } from './winner';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** What settling one conflicted document takes. */
export interface Resolution {
  /** Tombstones retiring every live losing leaf (empty when nothing needs settling). */
  writes: WritableDoc[];
  /** Losing edits worth keeping for the reader. */
  copies: ConflictCopy[];
  /** Leaves that failed validation (never winners). */
  invalid: { rev: string; reason: string }[];
}

/**
 * Settles a document's leaves by the policy "newer `updatedAt` wins" (see winner.ts). Every live leaf other than the
 * winner is retired with a tombstone that is no newer than the winner (so it can never beat it later); when the winner
 * is a deletion the live leaves are retired with the deletion's time. Live losing edits become conflicted copies.
 */
export function resolveLeaves(leafDocs: readonly PouchDoc[], fallbackNotebook: string, now: string): Resolution {
  const leaves: (Leaf & { doc: PouchDoc })[] = leafDocs.map((doc) => ({
    rev: doc._rev,
    parsed: parseIncomingDoc(doc, new Date(now)),
    doc,
  }));
  const { winner, losers, invalid } = chooseWinner(leaves);
  const resolution: Resolution = {
    writes: [],
    copies: [],
    invalid: invalid.map((leaf) => ({
      rev: leaf.rev,
      reason: leaf.parsed.kind === 'invalid' ? leaf.parsed.reason : 'not a note',
    })),
  };
  if (winner === null) return resolution;
  const winnerTime = leafTime(winner)!;
  const winnerNotebook = winner.parsed.kind === 'note' ? winner.parsed.doc.notebook : fallbackNotebook;
  const live = [...losers, ...invalid].filter((leaf) => leaf !== winner && leaf.doc._deleted !== true);
  for (const leaf of live) {
    const annotationId = annotationIdOf(leaf.doc._id);
    if (annotationId === null) continue;
    const p = leaf.parsed;
    const notebook = p.kind === 'note' ? p.doc.notebook : winnerNotebook;
    const editor = p.kind === 'note' ? p.doc.editor : '';
    const time = winner.parsed.kind === 'tombstone' ? winnerTime : (leafTime(leaf) ?? EPOCH);
    resolution.writes.push({ ...tombstoneDoc(annotationId, notebook, editor, time), retired: true, _rev: leaf.rev });
    if (p.kind === 'note') {
      resolution.copies.push({
        noteId: annotationId,
        notebook: p.doc.notebook,
        rev: leaf.rev,
        editor: p.doc.editor,
        updatedAt: p.doc.updatedAt,
        annotation: p.doc.annotation,
        winnerUpdatedAt: winnerTime,
        resolvedAt: now,
      });
    }
  }
  return resolution;
}
