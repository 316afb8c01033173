import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { CalendarKind, WorkingCalendar } from "../src/domain/working-days";

const rows = parse(fs.readFileSync(path.join(__dirname, "..", "resources", "holidays.csv"), "utf8"), { columns: true }) as Array<{ day: string; kind: CalendarKind }>;
const calendar = new WorkingCalendar(new Map(rows.map((r) => [r.day, r.kind])));

describe("working days", () => {
  it("counts a make-up Sunday and skips the Spring Festival holiday (2025)", () => {
    // Entrusted Friday 2025-01-24: Sun 01-26 is a make-up working day, 01-28..02-04 are holidays,
    // Sat 02-08 is a make-up working day.
    expect(calendar.isWorkingDay("2025-01-26")).toBe(true);
    expect(calendar.isWorkingDay("2025-01-28")).toBe(false);
    expect(calendar.isWorkingDay("2025-02-08")).toBe(true);
    expect(calendar.addWorkingDays("2025-01-24", 7)).toBe("2025-02-10");
  });

  it("gives 30 working days across the 2024 Spring Festival and its make-up days", () => {
    // 2024-02-01 (Thu) + 30: 02-02 (1), Sun 02-04 make-up (2), 02-05..02-09 (3–7; 02-09 除夕 is a working
    // day), holidays 02-10..02-17, Sun 02-18 make-up (8), then weekdays: 02-19..03-15 (9–28), 03-18 (29), 03-19 (30).
    expect(calendar.addWorkingDays("2024-02-01", 1)).toBe("2024-02-02");
    expect(calendar.addWorkingDays("2024-02-01", 2)).toBe("2024-02-04");
    expect(calendar.addWorkingDays("2024-02-01", 7)).toBe("2024-02-09");
    expect(calendar.addWorkingDays("2024-02-01", 8)).toBe("2024-02-18");
    expect(calendar.addWorkingDays("2024-02-01", 30)).toBe("2024-03-19");
  });

  it("counts working days between two days as the inverse of adding them", () => {
    expect(calendar.workingDaysBetween("2024-02-01", "2024-03-19")).toBe(30);
    expect(calendar.workingDaysBetween("2025-01-24", "2025-02-10")).toBe(7);
    expect(calendar.workingDaysBetween("2025-01-24", "2025-01-24")).toBe(0);
    expect(calendar.workingDaysBetween("2025-02-10", "2025-01-24")).toBe(0);
  });

  it("does not count paused working days, and stops the clock while a pause is open", () => {
    const base = calendar.addWorkingDays("2025-03-03", 10);
    expect(base).toBe("2025-03-17");
    // Paused from Wed 03-05 to Mon 03-10: 03-05, 03-06, 03-07 do not count.
    expect(calendar.addWorkingDays("2025-03-03", 10, [{ from: "2025-03-05", until: "2025-03-10" }])).toBe("2025-03-20");
    expect(calendar.addWorkingDays("2025-03-03", 10, [{ from: "2025-03-05", until: null }])).toBeUndefined();
  });

  it("has only weekend make-up days and no duplicate days in the shipped calendar", () => {
    expect(rows.filter((r) => r.kind === "WORKDAY").every((r) => [0, 6].includes(new Date(`${r.day}T00:00:00Z`).getUTCDay()))).toBe(true);
    expect(new Set(rows.map((r) => r.day)).size).toBe(rows.length);
  });
});
