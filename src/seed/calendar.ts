import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource, EntityManager } from "typeorm";
import { addMonths, isLocalDate, todayInChina } from "../domain/local-date";
import { CalendarKind, CalendarYearStatus, FestivalDates, WorkingCalendar } from "../domain/working-days";
import type { Logger } from "../logging/logger";
import { recomputeComplaintDeadlines } from "../services/case-feedback.service";

export const HOLIDAYS_FILE = path.resolve(__dirname, "..", "..", "resources", "holidays.csv");
export const FESTIVALS_FILE = path.resolve(__dirname, "..", "..", "resources", "festival-dates.csv");

export interface CalendarRow {
  day: string;
  kind: CalendarKind;
  name: string;
  source: string;
  /** The status of the day's whole year: the same on every row of a year. */
  status: CalendarYearStatus;
}

/** What a calendar write did. */
export interface CalendarWrite {
  /** Days inserted or overwritten. */
  daysWritten: number;
  /** The status of each year in the input after the write, ascending. */
  years: Array<{ year: number; status: CalendarYearStatus }>;
  /** Complaints whose stored response day moved with the calendar. */
  complaintDeadlinesMoved: number;
}

const STATUSES: readonly CalendarYearStatus[] = ["CONFIRMED", "PROVISIONAL"];

/**
 * Parses a holiday calendar CSV (`day,kind,name,source[,status]`); throws with the first bad line's number.
 * `status` (CONFIRMED or PROVISIONAL) marks the day's whole year and must agree on every row of a year; a file
 * without the column, or a blank cell, is a State Council notice: CONFIRMED.
 */
export function parseCalendar(text: string): CalendarRow[] {
  const rows = parse(text.replace(/^\ufeff/, ""), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const yearStatus = new Map<string, { status: CalendarYearStatus; line: number }>();
  return rows.map((row, i) => {
    const line = i + 2;
    if (!isLocalDate(row.day ?? "") || !["HOLIDAY", "WORKDAY"].includes(row.kind)) {
      throw new Error(`line ${line}: expected day (YYYY-MM-DD) and kind (HOLIDAY or WORKDAY)`);
    }
    const status = (row.status || "CONFIRMED").toUpperCase() as CalendarYearStatus;
    if (!STATUSES.includes(status)) throw new Error(`line ${line}: status must be CONFIRMED or PROVISIONAL`);
    const year = row.day.slice(0, 4);
    const first = yearStatus.get(year) ?? { status, line };
    if (first.status !== status) throw new Error(`line ${line}: ${year} is ${first.status} on line ${first.line} and ${status} here; a year has one status`);
    yearStatus.set(year, first);
    return { day: row.day, kind: row.kind as CalendarKind, name: row.name ?? "", source: row.source ?? "", status };
  });
}

/** Parses the festival table (`year,spring_festival,qingming,dragon_boat,mid_autumn`); throws with the first bad line's number. */
export function parseFestivals(text: string): FestivalDates[] {
  const rows = parse(text.replace(/^\ufeff/, ""), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  return rows.map((row, i) => {
    const f = { year: Number(row.year), springFestival: row.spring_festival, qingming: row.qingming, dragonBoat: row.dragon_boat, midAutumn: row.mid_autumn };
    const days = [f.springFestival, f.qingming, f.dragonBoat, f.midAutumn];
    if (!Number.isInteger(f.year) || days.some((d) => !isLocalDate(d ?? "") || Number(d.slice(0, 4)) !== f.year)) {
      throw new Error(`line ${i + 2}: expected a year and four days of that year`);
    }
    return f;
  });
}

let festivals: FestivalDates[] | undefined;

/** The shipped festival table (reference data, read once). */
export function shippedFestivals(): FestivalDates[] {
  festivals ??= parseFestivals(fs.readFileSync(FESTIVALS_FILE, "utf8"));
  return festivals;
}

/** The calendar the shipped files alone make: every year in `holidays.csv` with its status, the rest estimated. */
export function shippedCalendar(): WorkingCalendar {
  const rows = parseCalendar(fs.readFileSync(HOLIDAYS_FILE, "utf8"));
  return new WorkingCalendar({
    days: new Map(rows.map((r) => [r.day, r.kind])),
    confirmedYears: rows.filter((r) => r.status === "CONFIRMED").map((r) => Number(r.day.slice(0, 4))),
    festivals: shippedFestivals(),
  });
}

type Queryable = Pick<DataSource | EntityManager, "query">;

/** The stored calendar, in one statement: declared days and confirmed years, with the shipped festival table. */
export async function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  const rows: Array<{ day: string | null; kind: CalendarKind | null; year: number | null }> = await db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, NULL::int AS year FROM calendar_days
     UNION ALL SELECT NULL, NULL, year FROM calendar_years WHERE status = 'CONFIRMED'`,
  );
  return new WorkingCalendar({
    days: new Map(rows.filter((r) => r.day !== null).map((r) => [r.day!, r.kind!])),
    confirmedYears: rows.filter((r) => r.year !== null).map((r) => Number(r.year)),
    festivals: shippedFestivals(),
  });
}

/**
 * Writes calendar days and their years' statuses in one transaction, then recomputes the stored complaint
 * deadlines with the calendar as written.
 *
 * - A CONFIRMED year arriving for a year not yet confirmed (a notice replacing estimates or placeholders)
 *   replaces that year's stored days and confirms it.
 * - Otherwise `overwrite: true` (`hub import holidays`) overwrites the days given and sets the year's status as
 *   given; `overwrite: false` (start-up with the shipped file) only adds days the table lacks and keeps a
 *   stored status, so corrections imported with `hub import holidays` are never undone.
 */
export async function writeCalendar(dataSource: DataSource, rows: CalendarRow[], options: { overwrite: boolean }): Promise<CalendarWrite> {
  const byYear = new Map<number, CalendarRow[]>();
  for (const row of rows) {
    const year = Number(row.day.slice(0, 4));
    const yearRows = byYear.get(year);
    if (yearRows) yearRows.push(row);
    else byYear.set(year, [row]);
  }
  return dataSource.transaction(async (manager) => {
    const stored = new Map<number, CalendarYearStatus>(
      ((await manager.query(`SELECT year, status FROM calendar_years`)) as Array<{ year: number; status: CalendarYearStatus }>).map((r) => [Number(r.year), r.status]),
    );
    let daysWritten = 0;
    const years: CalendarWrite["years"] = [];
    for (const [year, yearRows] of [...byYear].sort(([a], [b]) => a - b)) {
      const given = yearRows[0].status;
      const before = stored.get(year);
      const replace = given === "CONFIRMED" && before !== "CONFIRMED";
      const status: CalendarYearStatus = replace || options.overwrite ? given : (before ?? given);
      if (replace) await manager.query(`DELETE FROM calendar_days WHERE day BETWEEN $1::date AND $2::date`, [`${year}-01-01`, `${year}-12-31`]);
      const written: unknown[] = await manager.query(
        `INSERT INTO calendar_days (day, kind, name, source)
         SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (day) DO ${options.overwrite || replace ? "UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source" : "NOTHING"}
         RETURNING day`,
        [yearRows.map((r) => r.day), yearRows.map((r) => r.kind), yearRows.map((r) => r.name), yearRows.map((r) => r.source)],
      );
      daysWritten += written.length;
      if (status !== before || options.overwrite) {
        const source = [...new Set(yearRows.map((r) => r.source).filter(Boolean))].join("; ");
        await manager.query(
          `INSERT INTO calendar_years (year, status, source) VALUES ($1, $2, $3)
           ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, source = EXCLUDED.source, updated_at = now()`,
          [year, status, source],
        );
      }
      years.push({ year, status });
    }
    // Even when no stored day changed: a new version of the hub may estimate provisional years differently, and
    // its first start must carry that to the stored days of open complaints.
    const complaintDeadlinesMoved = await recomputeComplaintDeadlines(manager, await loadWorkingCalendar(manager));
    return { daysWritten, years, complaintDeadlinesMoved };
  });
}

/** Start-up: adds the shipped calendar (see `writeCalendar`), which also recomputes stored complaint deadlines. */
export function syncShippedCalendar(dataSource: DataSource): Promise<CalendarWrite> {
  return writeCalendar(dataSource, parseCalendar(fs.readFileSync(HOLIDAYS_FILE, "utf8")), { overwrite: false });
}

/**
 * The start-up warning, or null: when the confirmed calendar ends within 12 months of `today`, deadlines are
 * about to rest on estimated holidays until the next State Council notice (usually published in November or
 * December) is imported.
 */
export function calendarWarning(calendar: WorkingCalendar, today: string): string | null {
  const until = calendar.confirmedUntil(today);
  if (until === null) return "the working-day calendar has no confirmed year; import the State Council notice with hub import holidays";
  if (until >= addMonths(today, 12)) return null;
  return `the working-day calendar is confirmed only until ${until}; import the State Council notice with hub import holidays`;
}

/** Logs `calendarWarning` for the stored calendar, and returns it. */
export async function warnWhenCalendarEndsSoon(db: Queryable, logger: Logger, today: string = todayInChina()): Promise<string | null> {
  const calendar = await loadWorkingCalendar(db);
  const warning = calendarWarning(calendar, today);
  if (warning) logger.warn({ confirmedUntil: calendar.confirmedUntil(today) }, warning);
  return warning;
}
