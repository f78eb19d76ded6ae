/**
 * A UUID derived from a string, for imported annotations whose id is not a UUID (or that have none): importing the
 * same file twice then yields the same ids, so the second import updates or skips instead of duplicating.
 * Format: RFC 9562 version 8 (vendor-defined), from two independent 64-bit FNV-1a-style hashes.
 */
export function stableUuid(input: string): string {
  const a = hash64(input, 0x811c9dc5, 0x01000193);
  const b = hash64(input, 0x050c5d1f, 0x01000193 ^ 0x5bd1e995);
  const hex = (a + b).split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function hash64(s: string, seed: number, prime: number): string {
  let h1 = seed >>> 0;
  let h2 = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, prime) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), 0x5bd1e995) >>> 0;
  }
  h1 = Math.imul(h1 ^ (h2 >>> 13), 0x85ebca6b) >>> 0;
  h2 = Math.imul(h2 ^ (h1 >>> 15), 0xc2b2ae35) >>> 0;
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
