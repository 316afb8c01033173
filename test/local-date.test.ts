import type { DataSource } from "typeorm";
import { connectDataSource, createDataSource } from "../src/db/data-source";
import { addDays, addMonths, addYears } from "../src/domain/local-date";
import { createTestDatabase } from "./support/test-database";

// Each case: the TypeScript arithmetic and the PostgreSQL interval it must agree with.
const CASES: Array<{ name: string; interval: string; add: (day: string) => string }> = [
  { name: "+1 day", interval: "1 day", add: (d) => addDays(d, 1) },
  { name: "-1 day", interval: "-1 day", add: (d) => addDays(d, -1) },
  { name: "+1 month", interval: "1 month", add: (d) => addMonths(d, 1) },
  { name: "-1 month", interval: "-1 month", add: (d) => addMonths(d, -1) },
  { name: "+6 months", interval: "6 months", add: (d) => addMonths(d, 6) },
  { name: "-6 months", interval: "-6 months", add: (d) => addMonths(d, -6) },
  { name: "+1 year", interval: "1 year", add: (d) => addYears(d, 1) },
  { name: "-1 year", interval: "-1 year", add: (d) => addYears(d, -1) },
  { name: "+3 years", interval: "3 years", add: (d) => addYears(d, 3) },
  { name: "-10 years", interval: "-10 years", add: (d) => addYears(d, -10) },
];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  dataSource = await connectDataSource(createDataSource(database.target), database.target);
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe("local date arithmetic", () => {
  it("agrees with PostgreSQL's date + interval on every day of 2023–2025", async () => {
    const columns = CASES.map((c, i) => `(day + interval '${c.interval}')::date::text AS c${i}`).join(", ");
    const rows: Array<Record<string, string>> = await dataSource.query(
      `SELECT day::text AS day, ${columns} FROM (SELECT date '2023-01-01' + i AS day FROM generate_series(0, date '2025-12-31' - date '2023-01-01') i) days ORDER BY day`,
    );
    expect(rows).toHaveLength(365 + 366 + 365);
    const mismatches = rows.flatMap((row) => CASES.flatMap((c, i) => (c.add(row.day) === row[`c${i}`] ? [] : [`${row.day} ${c.name}: ${c.add(row.day)}, PostgreSQL ${row[`c${i}`]}`])));
    expect(mismatches).toEqual([]);
  });

  it("takes 29 February to the 28th in a common year", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  });
});
