import { addDays } from "./local-date";

/**
 * Working days in mainland China: Monday to Friday, minus public holidays, plus the weekend days the State
 * Council declares make-up working days (调休上班). The calendar is data (`calendar_days`, loaded from
 * `resources/holidays.csv` and updatable with `npx hub import holidays`); this module only counts.
 */
export type CalendarKind = "HOLIDAY" | "WORKDAY";

export interface PausedSpan {
  /** First day on which the clock stands still. */
  from: string;
  /** First day on which it runs again; null while still paused. */
  until: string | null;
}


export class WorkingCalendar {
  constructor(private readonly special: ReadonlyMap<string, CalendarKind>) {}

  isWorkingDay(day: string): boolean {
    const kind = this.special.get(day);
    if (kind) return kind === "WORKDAY";
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later): entrusted → issued. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /**
   * The day on which the `n`-th working day after `from` falls (`from` itself does not count), skipping
   * working days inside paused spans. Undefined while a span is still open: the clock is stopped.
   */
  addWorkingDays(from: string, n: number, paused: readonly PausedSpan[] = []): string | undefined {
    if (paused.some((span) => span.until === null)) return undefined;
    const isPaused = (day: string) => paused.some((span) => span.from <= day && day < span.until!);
    let day = from;
    let counted = 0;
    // Bounded: no calendar has a year without 200 working days.
    for (let guard = 0; counted < n && guard < n * 3 + 400; guard++) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day) && !isPaused(day)) counted++;
    }
    return day;
  }
}
