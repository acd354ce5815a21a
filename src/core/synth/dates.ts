/** Calendar dates as whole days since 1970-01-01 (UTC), formatted once per day number and cached. */

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();

export function dayNumber(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms)) throw new Error(`not an ISO date (YYYY-MM-DD): ${iso}`);
  return ms / MS_PER_DAY;
}

export function isoDate(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}
