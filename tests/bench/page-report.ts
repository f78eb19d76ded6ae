/** Plain-text tables and number formatting for the page benchmark's output. */

/** Milliseconds with sensible precision, e.g. "0.042 ms", "7.81 ms", "1,234 ms". */
export function ms(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
  const a = Math.abs(v);
  const digits = a < 1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

export function mb(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function ratio(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(2)}x`;
}

export function int(v: number): string {
  return v.toLocaleString('en-US');
}

/** A left-aligned first column, right-aligned others, with a title line and a rule under the header. */
export function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return ['', title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r))].join('\n');
}

/** Percentile (nearest rank) of an unsorted list. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

export function verdictLines(vs: Verdict[]): string {
  const w = Math.max(...vs.map((v) => v.target.length));
  return vs.map((v) => `${v.pass ? 'PASS' : 'MISS'}  ${v.target.padEnd(w)}  (${v.measured})`).join('\n');
}
