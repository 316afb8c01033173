import { queryCounter } from "../src/db/data-source";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const NESTED = `query($n: Int) { agencies(first: $n) { totalCount edges { node { code status clientSystems { name allowedScopes status } } } } }`;

async function statementsFor(pageSize: number): Promise<{ statements: number; rows: number }> {
  const token = await hub.token("CNIPA");
  const counter = queryCounter(hub.db.dataSource);
  const before = counter.count;
  const res = await hub.graphql(NESTED, { headers: { authorization: `Bearer ${token}` }, variables: { n: pageSize } });
  expect(res.body.errors).toBeUndefined();
  return { statements: counter.count - before, rows: res.body.data.agencies.edges.length };
}

describe("nested lists are batched", () => {
  it("runs the same small number of SQL statements for 2 agencies as for all of them", async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(100);
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(11);
    // token lookup, count, page, client systems (one batch), agencies for the client-system rule (one batch)
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});
