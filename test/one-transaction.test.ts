import type { QueryRunner } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { inOneTransaction } from "../src/db/one-transaction";
import { createTestDatabase, TestDatabase } from "./support/test-database";

/** `inOneTransaction` (the demo load): work written for a data source, bound to one transaction on one connection. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

it("sends statements asked for at once one after the other on its one connection", async () => {
  const dataSource = await createDataSource(database.target).initialize();
  try {
    let inFlight = 0;
    let most = 0;
    // Watch the one connection the bound data source works on.
    const create = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (...args: Parameters<typeof create>): QueryRunner => {
      const runner = create(...args);
      const query = runner.query.bind(runner);
      runner.query = (async (...queryArgs: Parameters<typeof query>) => {
        most = Math.max(most, ++inFlight);
        try {
          return await query(...queryArgs);
        } finally {
          inFlight -= 1;
        }
      }) as typeof runner.query;
      return runner;
    };
    const answers = await inOneTransaction(dataSource, (bound) => Promise.all([1, 2, 3, 4, 5].map((n) => bound.query(`SELECT $1::int AS n, pg_sleep(0.01)`, [n]))));
    expect(answers.map((rows) => (rows as Array<{ n: number }>)[0].n)).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(1);
  } finally {
    await dataSource.destroy();
  }
});
