/** Date helpers for the dataset's ISO dates (YYYY, YYYY-MM, YYYY-MM-DD), shared by validation, report and cards. */

/** True when `s` is a real calendar date in one of the dataset's forms (2025-02-30 is not). */
export function isRealDate(s: string): boolean {
  const full = dateStart(s);
  const d = new Date(`${full}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === full;
}

/** The first day a partial date covers: "2025" -> "2025-01-01", "2025-12" -> "2025-12-01". */
export function dateStart(s: string): string {
  return s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
}

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day `months` calendar months before `day` (YYYY-MM-DD), clamped to the end of a shorter month. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
