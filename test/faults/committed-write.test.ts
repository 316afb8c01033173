import type { DataSource } from "typeorm";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * A write whose transaction committed is answered as written, even when the database is lost right after the
 * commit: the answer must need no round trip after it (the record is read back inside the transaction). Found
 * during a PostgreSQL restart: a feedback post answered INTERNAL_SERVER_ERROR whose retry came back
 * `replayed: true`.
 */
let hub: TestHub;
beforeAll(async () => (hub = await startTestHub()), 120_000);
afterAll(() => hub.stop());

const POST = `mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id agencyCaseNo kind } } }`;

/**
 * Runs `work` with a database that stops answering the moment a transaction commits: every later statement
 * outside a transaction fails as on a refused connection.
 */
async function losingTheDatabaseAfterCommit<T>(work: () => Promise<T>): Promise<T> {
  const dataSource = hub.db.dataSource;
  const { transaction, createQueryRunner } = dataSource;
  let lost = false;
  dataSource.transaction = (async (...args: unknown[]) => {
    const result = await (transaction as (...a: unknown[]) => Promise<unknown>).apply(dataSource, args);
    lost = true;
    return result;
  }) as DataSource["transaction"];
  dataSource.createQueryRunner = ((...args: Parameters<DataSource["createQueryRunner"]>) => {
    if (lost) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    return createQueryRunner.apply(dataSource, args);
  }) as DataSource["createQueryRunner"];
  try {
    return await work();
  } finally {
    dataSource.transaction = transaction;
    dataSource.createQueryRunner = createQueryRunner;
  }
}

it("acknowledges a committed write when the database is lost right after the commit, and a retry replays it", async () => {
  const [{ id: appraiserId }] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = $1`, ["吴婷"]);
  const input = { idempotencyKey: "committed-1", agencyCaseNo: "COMMITTED-1", appraiserId, kind: "EVALUATION", ratings: { timeliness: 5 } };

  const first = await losingTheDatabaseAfterCommit(() => hub.graphql(POST, { as: "XX-PSB", variables: { input } }));
  expect(first.body.errors).toBeUndefined();
  expect(first.body.data.postCaseFeedback).toMatchObject({ replayed: false, feedback: { agencyCaseNo: "COMMITTED-1", kind: "EVALUATION" } });

  const stored = await hub.db.dataSource.query(`SELECT id FROM case_feedback WHERE agency_case_no = 'COMMITTED-1'`);
  expect(stored).toEqual([{ id: first.body.data.postCaseFeedback.feedback.id }]);
  const again = await hub.graphql(POST, { as: "XX-PSB", variables: { input } });
  expect(again.body.data.postCaseFeedback).toEqual({ ...first.body.data.postCaseFeedback, replayed: true });
});
