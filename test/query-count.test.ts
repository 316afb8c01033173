import { queryCounter } from "../src/db/data-source";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  // 60 more listed institutions with two appraisers each, so a page of 100 would show any N+1.
  await hub.db.dataSource.query(`
    INSERT INTO institutions (name, credit_code, region_code, technical_fields, listing_status, listed_since)
    SELECT '批量机构' || lpad(n::text, 3, '0'), 'X' || lpad(n::text, 17, '0'), '411500', '{PATENT}', 'LISTED', '2024-01-01'
    FROM generate_series(1, 60) n`);
  await hub.db.dataSource.query(`
    INSERT INTO appraisers (name, id_number_sealed, id_number_hash, id_number_masked, institution_id, region_code, technical_fields)
    SELECT '批量鉴定人' || i.name || k, 'sealed', md5(i.id::text || k) || md5(k::text || i.id::text), '000000********0000', i.id, i.region_code, '{PATENT}'
    FROM institutions i CROSS JOIN generate_series(1, 2) k WHERE i.name LIKE '批量机构%'`);
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

async function statementsForDirectory(pageSize: number): Promise<{ statements: number; institutions: number; appraisers: number }> {
  const counter = queryCounter(hub.db.dataSource);
  const before = counter.count;
  const res = await hub.graphql(
    `query($n: Int) { institutions(first: $n) { edges { node { name appraisers { name institution { name } } } } } }`,
    { variables: { n: pageSize } },
  );
  expect(res.body.errors).toBeUndefined();
  const edges = res.body.data.institutions.edges;
  return { statements: counter.count - before, institutions: edges.length, appraisers: edges.reduce((n: number, e: any) => n + e.node.appraisers.length, 0) };
}

describe("nested lists are batched", () => {
  it("runs institutions(first: 100) { appraisers { institution { name } } } in a constant, small number of statements", async () => {
    const small = await statementsForDirectory(3);
    const large = await statementsForDirectory(100);
    expect(small.institutions).toBe(3);
    expect(large.institutions).toBe(63); // 60 + the 3 listed demo institutions (the public sees listed ones)
    expect(large.appraisers).toBeGreaterThan(120);
    // count, page, appraisers of the page (one batch); appraiser.institution comes from the primed page
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(3);
  });

  it("runs the same small number of SQL statements for 2 agencies as for all of them", async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(100);
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(14);
    // token lookup, count, page, client systems (one batch), agencies for the client-system rule (one batch)
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});
