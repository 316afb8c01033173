import { GraphQLError } from "graphql";
import { QueryFailedError, type DataSource } from "typeorm";
import { isDatabaseUnavailable } from "../../src/errors/database-unavailable";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * A database that cannot answer, on any database (PGlite too): the hub's own connection is made to fail the
 * way node-postgres fails when the server is gone. Every request that needs the database answers HTTP 503
 * `SERVICE_UNAVAILABLE` with `Retry-After` (anonymous reads were answered 200 `INTERNAL_SERVER_ERROR`), and
 * `/readyz` answers 503 within `HUB_READYZ_TIMEOUT_MS` when the database hangs. The real outages, on a
 * PostgreSQL cluster of their own, are `outage.test.ts`'s.
 */
describe("what counts as the database being unavailable", () => {
  const pgError = (code: string, message = "x") => Object.assign(new Error(message), { code });
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  it.each([
    ["a refused connection", refused],
    ["a refused connection to every address of a host", new AggregateError([refused], "connect failed")],
    ["the server shutting down (57P01) inside a query error", new QueryFailedError("SELECT 1", [], pgError("57P01", "terminating connection due to administrator command"))],
    ["a server starting up (57P03)", pgError("57P03")],
    ["too many connections (53300)", pgError("53300")],
    ["a connection exception (08006)", pgError("08006")],
    ["statement_timeout (57014)", pgError("57014", "canceling statement due to statement timeout")],
    ["a lost connection, in words", new Error("Connection terminated unexpectedly")],
    ["the pool's wait for a connection", new Error("timeout exceeded when trying to connect")],
    ["the client-side query bound", new Error("Query read timeout")],
    ["a resolver's error wrapping one", new GraphQLError("x", { originalError: new QueryFailedError("SELECT 1", [], new Error("Connection terminated unexpectedly")) })],
  ])("%s is", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
  it.each([
    ["a unique violation (23505)", new QueryFailedError("INSERT", [], pgError("23505", "duplicate key value violates unique constraint"))],
    ["invalid text for a type (22P02)", pgError("22P02")],
    ["a serialization failure (40001)", pgError("40001")],
    ["a plain error", new Error("boom")],
    ["nothing", undefined],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("answers while the database cannot be reached", () => {
  let hub: TestHub;
  beforeAll(async () => (hub = await startTestHub({ transport: "http", env: { HUB_READYZ_TIMEOUT_MS: "500" } })), 120_000);
  afterAll(() => hub.stop());

  /** Runs `work` while every new connection to the database is refused, as when its server is down. */
  async function databaseDown<T>(work: () => Promise<T>): Promise<T> {
    const dataSource = hub.db.dataSource;
    const { createQueryRunner } = dataSource;
    dataSource.createQueryRunner = (() => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });
    }) as DataSource["createQueryRunner"];
    try {
      return await work();
    } finally {
      dataSource.createQueryRunner = createQueryRunner;
    }
  }

  const outcome = (res: { status: number; headers: Headers; body: { errors?: Array<{ extensions: Record<string, unknown> }> } }) => ({
    status: res.status,
    retryAfter: res.headers.get("retry-after") !== null,
    codes: [...new Set((res.body.errors ?? []).map((e) => e.extensions.code))],
  });
  const unavailable = { status: 503, retryAfter: true, codes: ["SERVICE_UNAVAILABLE"] };

  it("answers 503 SERVICE_UNAVAILABLE with Retry-After to anonymous and authenticated reads and to writes, never INTERNAL_SERVER_ERROR", async () => {
    const [{ id: appraiserId }] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = $1`, ["吴婷"]);
    const answers = await databaseDown(async () => ({
      anonymous: outcome(await hub.graphql(`{ institutions(first: 5) { edges { node { id name } } } }`)),
      court: outcome(await hub.graphql(`{ appraisers(first: 5) { edges { node { id name } } } }`, { as: "XY-COURT" })),
      write: outcome(
        await hub.graphql(`mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id } } }`, {
          as: "XX-PSB",
          variables: { input: { idempotencyKey: "down-1", agencyCaseNo: "DOWN-1", appraiserId, kind: "EVALUATION", ratings: { timeliness: 3 } } },
        }),
      ),
    }));
    expect(answers).toEqual({ anonymous: unavailable, court: unavailable, write: unavailable });
    // And back: the same read answers 200.
    expect(outcome(await hub.graphql(`{ institutions(first: 5) { edges { node { id name } } } }`))).toEqual({ status: 200, retryAfter: false, codes: [] });
  });

  it("answers /readyz 503 within HUB_READYZ_TIMEOUT_MS when the database does not answer", async () => {
    const dataSource = hub.db.dataSource;
    const { query } = dataSource;
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    dataSource.query = (async () => {
      await hung;
      throw new Error("Query read timeout");
    }) as DataSource["query"];
    try {
      const sent = Date.now();
      const res = await fetch(`${hub.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
      expect({ status: res.status, body: await res.json(), withinBound: Date.now() - sent < 1500 }).toEqual({
        status: 503,
        body: { ok: false, database: "timeout", migrations: "unknown" },
        withinBound: true,
      });
    } finally {
      dataSource.query = query;
      release();
    }
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
  });
});
