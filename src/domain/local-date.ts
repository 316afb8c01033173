/** Calendar days as `YYYY-MM-DD` strings: the hub's dates carry no time of day and no time zone. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Today in China Standard Time (UTC+8, no daylight saving), where every agency of the hub sits: a decision
 * taken on the evening of the 3rd in Xinyang is dated the 3rd, not the 2nd.
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * `day` plus `months` calendar months (negative to go back). A day the target month lacks becomes its last day
 * (31 March − 1 month = 29 February in a leap year), as PostgreSQL's `date + interval` does.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** `day` plus `years` years: 29 February becomes 28 February in a common year, as in PostgreSQL. */
export function addYears(day: string, years: number): string {
  return addMonths(day, 12 * years);
}
