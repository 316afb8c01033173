import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource } from "typeorm";
import { isLocalDate } from "../domain/local-date";

export const HOLIDAYS_FILE = path.resolve(__dirname, "..", "..", "resources", "holidays.csv");

export interface CalendarRow {
  day: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
  source: string;
}

/** Parses a holiday calendar CSV (`day,kind,name,source`); throws with the first bad line's number. */
export function parseCalendar(text: string): CalendarRow[] {
  const rows = parse(text.replace(/^\ufeff/, ""), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  return rows.map((row, i) => {
    if (!isLocalDate(row.day ?? "") || !["HOLIDAY", "WORKDAY"].includes(row.kind)) {
      throw new Error(`line ${i + 2}: expected day (YYYY-MM-DD) and kind (HOLIDAY or WORKDAY)`);
    }
    return { day: row.day, kind: row.kind as CalendarRow["kind"], name: row.name ?? "", source: row.source ?? "" };
  });
}

/**
 * Writes calendar days. `overwrite: false` (start-up with the shipped file) only adds days the table lacks,
 * so corrections imported with `npx hub import holidays` are never undone; an import overwrites.
 */
export async function writeCalendar(dataSource: DataSource, rows: CalendarRow[], options: { overwrite: boolean }): Promise<number> {
  if (rows.length === 0) return 0;
  const result: Array<{ day: string }> = await dataSource.query(
    `INSERT INTO calendar_days (day, kind, name, source)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (day) DO ${options.overwrite ? "UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source" : "NOTHING"}
     RETURNING day`,
    [rows.map((r) => r.day), rows.map((r) => r.kind), rows.map((r) => r.name), rows.map((r) => r.source)],
  );
  return result.length;
}

export function syncShippedCalendar(dataSource: DataSource): Promise<number> {
  return writeCalendar(dataSource, parseCalendar(fs.readFileSync(HOLIDAYS_FILE, "utf8")), { overwrite: false });
}
