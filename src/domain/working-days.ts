import { addDays } from "./local-date";

/**
 * Working days in mainland China: Monday to Friday, minus public holidays, plus the weekend days the State
 * Council declares make-up working days (调休上班). The calendar is data (`calendar_days` and `calendar_years`,
 * loaded from `resources/holidays.csv` and updatable with `hub import holidays`); this module only counts.
 *
 * A year is CONFIRMED when its State Council notice (国务院办公厅关于部分节假日安排的通知) is in the data:
 * then the declared days are the whole truth. Any other year is PROVISIONAL: its holidays are estimated by the
 * rules in force since 2025 (`estimatedDays`), and every deadline counted across it says so.
 */
export type CalendarKind = "HOLIDAY" | "WORKDAY";

export type CalendarYearStatus = "CONFIRMED" | "PROVISIONAL";

export interface PausedSpan {
  /** First day on which the clock stands still. */
  from: string;
  /** First day on which it runs again; null while still paused. */
  until: string | null;
}

/** One year's festival days (`resources/festival-dates.csv`): astronomical and lunar facts, not policy. */
export interface FestivalDates {
  year: number;
  /** 春节, the first day of the first lunar month; New Year's Eve (除夕) is the day before. */
  springFestival: string;
  /** 清明, the day of the solar term in China Standard Time. */
  qingming: string;
  /** 端午, the 5th day of the 5th lunar month. */
  dragonBoat: string;
  /** 中秋, the 15th day of the 8th lunar month. */
  midAutumn: string;
}

/** What a calendar is made of; see `WorkingCalendar`. */
export interface CalendarData {
  /** Declared days: holidays and make-up working days, as stored. */
  days: ReadonlyMap<string, CalendarKind>;
  /** Years whose State Council notice is in the data. */
  confirmedYears: Iterable<number>;
  /** Festival dates, for estimating provisional years; a year without them has weekends only. */
  festivals: Iterable<FestivalDates>;
}

/**
 * The best estimate of a year without a notice, by the rules in force since 2025 (全国年节及纪念日放假办法 as
 * amended in 2024) and the way the notices since have laid them out: Spring Festival 8 days from New Year's Eve,
 * Labour Day 1–5 May, National Day 1–7 October, and New Year's Day, Qingming, Dragon Boat and Mid-Autumn as
 * single days. Not estimated: make-up working days (调休上班), weekdays given off when a single-day festival falls
 * on a weekend (补休), and the merging of Mid-Autumn with National Day; the notice settles those.
 */
export function estimatedDays(f: FestivalDates): Map<string, CalendarKind> {
  const days = new Map<string, CalendarKind>();
  const span = (from: string, count: number) => {
    for (let i = 0; i < count; i++) days.set(addDays(from, i), "HOLIDAY");
  };
  span(`${f.year}-01-01`, 1);
  span(addDays(f.springFestival, -1), 8);
  span(f.qingming, 1);
  span(`${f.year}-05-01`, 5);
  span(f.dragonBoat, 1);
  span(f.midAutumn, 1);
  span(`${f.year}-10-01`, 7);
  return days;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The working-day calendar. A declared day always decides; otherwise a CONFIRMED year has ordinary weekdays
 * and weekends, and a PROVISIONAL year (every other year, with or without stored days) takes its holidays
 * from `estimatedDays` when the festival table covers it, or has weekends only.
 */
export class WorkingCalendar {
  private readonly days: ReadonlyMap<string, CalendarKind>;
  private readonly confirmed: ReadonlySet<number>;
  private readonly festivals: ReadonlyMap<number, FestivalDates>;
  private readonly estimates = new Map<number, Map<string, CalendarKind>>();

  constructor(data: CalendarData) {
    this.days = data.days;
    this.confirmed = new Set(data.confirmedYears);
    this.festivals = new Map([...data.festivals].map((f) => [f.year, f]));
  }

  isConfirmedYear(year: number): boolean {
    return this.confirmed.has(year);
  }

  isWorkingDay(day: string): boolean {
    const kind = this.days.get(day) ?? this.estimate(yearOf(day))?.get(day);
    if (kind) return kind === "WORKDAY";
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The years without a notice among the days after `from` up to and including `to`, ascending: what a count over them rests on. */
  provisionalYearsBetween(from: string, to: string): number[] {
    const years: number[] = [];
    for (let year = yearOf(addDays(from, 1)); year <= yearOf(to); year++) if (!this.confirmed.has(year)) years.push(year);
    return years;
  }

  /**
   * The last day of the confirmed calendar as seen from `today`: the end of the run of confirmed years from
   * today's year on, or, when today's year has no notice, the end of the latest confirmed year before it.
   * Null when no year before or including today's is confirmed.
   */
  confirmedUntil(today: string): string | null {
    let year = yearOf(today);
    if (this.confirmed.has(year)) {
      while (this.confirmed.has(year + 1)) year++;
      return `${year}-12-31`;
    }
    const earlier = [...this.confirmed].filter((y) => y < year);
    return earlier.length > 0 ? `${Math.max(...earlier)}-12-31` : null;
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

  /** A provisional year's estimated days, built once per calendar; none for a confirmed year or one past the festival table. */
  private estimate(year: number): ReadonlyMap<string, CalendarKind> | undefined {
    if (this.confirmed.has(year)) return undefined;
    const festivals = this.festivals.get(year);
    if (!festivals) return undefined;
    let days = this.estimates.get(year);
    if (!days) this.estimates.set(year, (days = estimatedDays(festivals)));
    return days;
  }
}
