import fs from "node:fs";
import { CaseStatus } from "../src/domain/case-enums";
import { caseDeadlines } from "../src/domain/case-deadlines";
import { WorkingCalendar } from "../src/domain/working-days";
import { calendarWarning, FESTIVALS_FILE, HOLIDAYS_FILE, parseCalendar, parseFestivals, shippedCalendar, shippedFestivals } from "../src/seed/calendar";

const rows = parseCalendar(fs.readFileSync(HOLIDAYS_FILE, "utf8"));
const calendar = shippedCalendar();
const policy = { caseAcceptanceWorkingDays: 7, caseCompletionWorkingDays: 30 };

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

describe("confirmed and provisional years", () => {
  it("marks the years whose State Council notice is in the shipped data as confirmed, and only those", () => {
    const statuses = new Map(rows.map((r) => [r.day.slice(0, 4), r.status]));
    expect(Object.fromEntries(statuses)).toEqual({ "2024": "CONFIRMED", "2025": "CONFIRMED", "2026": "CONFIRMED" });
    expect(rows.filter((r) => r.day.startsWith("2026")).every((r) => r.source.includes("国务院办公厅关于2026年部分节假日安排的通知"))).toBe(true);
    expect([2024, 2025, 2026].map((y) => calendar.isConfirmedYear(y))).toEqual([true, true, true]);
    expect([2023, 2027, 2028, 2041].map((y) => calendar.isConfirmedYear(y))).toEqual([false, false, false, false]);
  });

  it("ships festival dates that agree with the Spring Festival, Qingming, Dragon Boat and Mid-Autumn days of the published notices", () => {
    const festivals = new Map(parseFestivals(fs.readFileSync(FESTIVALS_FILE, "utf8")).map((f) => [f.year, f]));
    expect([...festivals.keys()]).toEqual(Array.from({ length: 17 }, (_, i) => 2024 + i));
    const holiday = (day: string) => rows.some((r) => r.day === day && r.kind === "HOLIDAY");
    for (const year of [2024, 2025, 2026]) {
      const f = festivals.get(year)!;
      for (const day of [f.springFestival, f.qingming, f.dragonBoat, f.midAutumn]) expect([day, holiday(day)]).toEqual([day, true]);
    }
    expect(festivals.get(2028)).toEqual({ year: 2028, springFestival: "2028-01-26", qingming: "2028-04-04", dragonBoat: "2028-05-28", midAutumn: "2028-10-03" });
  });

  it("estimates a year without a notice by the post-2024 rules: Spring Festival 8 days from New Year's Eve, Labour Day 5, National Day 7", () => {
    // No year confirmed, so the assertions hold whichever notices ship later.
    const calendar = new WorkingCalendar({ days: new Map(), confirmedYears: [], festivals: shippedFestivals() });
    // 2028: 除夕 Tue 01-25 … Tue 02-01; no make-up working days are estimated, so weekends stay weekends.
    expect(["2028-01-24", "2028-01-25", "2028-01-26", "2028-02-01", "2028-02-02"].map((d) => calendar.isWorkingDay(d))).toEqual([true, false, false, false, true]);
    expect(["2028-05-01", "2028-05-05", "2028-05-08"].map((d) => calendar.isWorkingDay(d))).toEqual([false, false, true]);
    expect(["2028-10-02", "2028-10-06", "2028-10-09"].map((d) => calendar.isWorkingDay(d))).toEqual([false, false, true]);
    // 2027: New Year's Day (Fri), 除夕 Fri 02-05 … Fri 02-12, Qingming Mon 04-05, Dragon Boat Wed 06-09, Mid-Autumn Wed 09-15.
    expect(["2027-01-01", "2027-02-05", "2027-02-12", "2027-02-15", "2027-04-05", "2027-06-09", "2027-09-15"].map((d) => calendar.isWorkingDay(d))).toEqual([
      false, false, false, true, false, false, false,
    ]);
    // Past the shipped festival table only weekends are known.
    expect(["2041-01-01", "2041-01-05"].map((d) => calendar.isWorkingDay(d))).toEqual([true, false]);
  });

  it("gives a deadline across the 2028 Spring Festival after the estimated holiday and marks it provisional", () => {
    // Entrusted Thu 2028-01-20: Fri 01-21 (1), Mon 01-24 (2), holiday 01-25..02-01, 02-02..02-04 (3–5), 02-07 (6), 02-08 (7).
    const deadlines = caseDeadlines({ status: CaseStatus.ENTRUSTED, entrustedOn: "2028-01-20", acceptedOn: null, extensionWorkingDays: 0 }, [], calendar, policy, "2028-01-20");
    expect(deadlines).toEqual({ acceptBy: "2028-02-08", completeBy: null, clockPaused: false, overdue: false, provisional: true, provisionalYears: [2028] });
  });

  it("does not mark a 2025 deadline provisional", () => {
    const deadlines = caseDeadlines({ status: CaseStatus.IN_PROGRESS, entrustedOn: "2025-01-24", acceptedOn: "2025-01-24", extensionWorkingDays: 0 }, [], calendar, policy, "2025-02-01");
    expect(deadlines).toMatchObject({ acceptBy: "2025-02-10", provisional: false, provisionalYears: [] });
  });

  it("marks a confirmed-year case provisional once its completion day runs into a year without a notice", () => {
    // Accepted Wed 2026-11-25: 3 working days in November, 23 in December, then 2027: Jan 1 (holiday), 01-04..01-07.
    const deadlines = caseDeadlines({ status: CaseStatus.IN_PROGRESS, entrustedOn: "2026-11-20", acceptedOn: "2026-11-25", extensionWorkingDays: 0 }, [], calendar, policy, "2026-11-25");
    expect(deadlines).toMatchObject({ acceptBy: "2026-12-01", completeBy: "2027-01-07", provisional: true, provisionalYears: [2027] });
    expect(calendar.provisionalYearsBetween("2026-12-30", "2028-01-03")).toEqual([2027, 2028]);
    expect(calendar.provisionalYearsBetween("2025-12-30", "2026-01-05")).toEqual([]);
  });
});

describe("the start-up check of the calendar", () => {
  it("warns when the confirmed calendar ends within 12 months of today", () => {
    const warning = "the working-day calendar is confirmed only until 2026-12-31; import the State Council notice with hub import holidays";
    expect(calendarWarning(calendar, "2026-11-26")).toBe(warning);
    expect(calendarWarning(calendar, "2026-01-01")).toBe(warning);
    expect(calendarWarning(calendar, "2027-03-01")).toBe(warning);
    expect(calendarWarning(calendar, "2025-12-31")).toBeNull();
    expect(calendarWarning(calendar, "2025-06-01")).toBeNull();
  });
});

