/**
 * The apply checkpoint: the mirror's update sequence up to which changes were applied to the local notes. A `_local`
 * document (never replicated); PouchDB keeps the replication checkpoints itself.
 */
import type { PouchLike } from './pouch-types';

const APPLIED_ID = '_local/chiplens-applied';

/** The last applied sequence, or 0 when nothing was applied yet. */
export async function readAppliedSeq(mirror: PouchLike): Promise<number | string> {
  try {
    return ((await mirror.get(APPLIED_ID)) as unknown as { seq: number | string }).seq;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 0;
    throw error;
  }
}

/** Records that every change up to `seq` was applied. */
export async function writeAppliedSeq(mirror: PouchLike, seq: number | string): Promise<void> {
  const rev = await mirror.get(APPLIED_ID).then(
    (doc) => doc._rev,
    () => undefined,
  );
  await mirror.put({ _id: APPLIED_ID, ...(rev ? { _rev: rev } : {}), seq });
}
