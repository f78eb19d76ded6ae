/**
 * Filter step before approximate matching on a whole page: approximate search costs ~20-70 ms per quote on a
 * 100k-word text, so instead short exact pieces of the quote (and of its context) vote for where the quote could
 * start, and only the best-voted regions get the approximate search. A passage edited so heavily that no piece
 * survives is not found far from its old position -- it would rarely clear the score threshold anyway.
 */

const MAX_PIECES = 8;
/** A piece found more often than this says nothing about where the quote is. */
const MAX_HITS_PER_PIECE = 64;

/**
 * Likely start offsets of `quote` in `text`, best first (at most `maxRegions`), from exact hits of pieces of the
 * quote, the end of `prefix` and the start of `suffix`.
 */
export function candidateRegions(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  maxRegions: number,
): number[] {
  const m = quote.length;
  const pieceLen = Math.max(4, Math.min(8, Math.floor(m / 4)));
  const pieces: { s: string; offset: number }[] = [];
  const fit = Math.floor(m / pieceLen);
  const step = Math.max(1, Math.ceil(fit / MAX_PIECES));
  for (let k = 0; k < fit; k += step)
    pieces.push({ s: quote.slice(k * pieceLen, (k + 1) * pieceLen), offset: k * pieceLen });
  if (prefix.length >= pieceLen) pieces.push({ s: prefix.slice(-pieceLen), offset: -pieceLen });
  if (suffix.length >= pieceLen) pieces.push({ s: suffix.slice(0, pieceLen), offset: m });
  if (pieces.length === 0) return [];

  const bucket = Math.max(16, Math.floor(m / 4));
  const votes = new Map<number, { count: number; sum: number }>();
  const hits: number[] = [];
  for (const piece of pieces) {
    hits.length = 0;
    for (
      let at = text.indexOf(piece.s);
      at !== -1 && hits.length <= MAX_HITS_PER_PIECE;
      at = text.indexOf(piece.s, at + 1)
    ) {
      hits.push(at - piece.offset);
    }
    if (hits.length > MAX_HITS_PER_PIECE) continue;
    const seen = new Set<number>();
    for (const start of hits) {
      const b = Math.floor(start / bucket);
      if (seen.has(b)) continue;
      seen.add(b);
      const v = votes.get(b);
      if (v) {
        v.count++;
        v.sum += start;
      } else votes.set(b, { count: 1, sum: start });
    }
  }
  const minVotes = pieces.length >= 3 ? 2 : 1;
  return [...votes.values()]
    .filter((v) => v.count >= minVotes)
    .sort((a, b) => b.count - a.count)
    .slice(0, maxRegions)
    .map((v) => Math.round(v.sum / v.count));
}
