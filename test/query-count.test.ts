import { queryCounter } from "../src/db/data-source";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import type { TypedDocumentString } from "./gql/graphql";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  // 60 more listed institutions with two appraisers each, so a page of 100 would show an N+1.
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

const NESTED = graphql(`query QueryCountAgencies($n: Int) { agencies(first: $n) { totalCount edges { node { code status clientSystems { name allowedScopes status } } } } }`);

async function statementsFor(pageSize: number): Promise<{ statements: number; rows: number }> {
  const token = await hub.token("CNIPA");
  // Each count includes the registry read (kept for seconds between requests otherwise).
  hub.hub.registry.clear();
  const counter = queryCounter(hub.db.dataSource);
  const before = counter.count;
  const res = await hub.graphql(NESTED, { headers: { authorization: `Bearer ${token}` }, variables: { n: pageSize } });
  expect(res.body.errors).toBeUndefined();
  return { statements: counter.count - before, rows: res.body.data!.agencies!.edges.length };
}

async function statementsForDirectory(pageSize: number): Promise<{ statements: number; institutions: number; appraisers: number }> {
  const counter = queryCounter(hub.db.dataSource);
  const before = counter.count;
  const res = await hub.graphql(
    graphql(`query QueryCountDirectory($n: Int) { institutions(first: $n) { edges { node { name appraisers { name institution { name } } } } } }`),
    { variables: { n: pageSize } },
  );
  expect(res.body.errors).toBeUndefined();
  const edges = res.body.data!.institutions!.edges;
  return { statements: counter.count - before, institutions: edges.length, appraisers: edges.reduce((n, e) => n + e.node.appraisers.length, 0) };
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

  it("runs abnormal-patent items with their batch, history and credit record, and batches with their rates, in constant statements", async () => {
    // 60 more items of the demo batch, so a page of 70 would show an N+1.
    const [{ id: batchId }] = await hub.db.dataSource.query(`SELECT id FROM abnormal_patent_batches WHERE batch_no = '2024年第3批'`);
    const [{ id: bureauId }] = await hub.db.dataSource.query(`SELECT id FROM agencies WHERE code = 'XY-AMR'`);
    await hub.db.dataSource.query(
      `INSERT INTO abnormal_patent_items (batch_id, application_number, patent_type, applicant_name, applicant_kind, region_code, allocated_agency_id, allocated_agency_code, allocated_region_code)
       SELECT $1, '2024200' || lpad(n::text, 5, '0') || '.0', 'UTILITY_MODEL', '批量申请人' || n, 'PERSON', '411502', $2, 'XY-AMR', '411500' FROM generate_series(1, 60) n`,
      [batchId, bureauId],
    );
    const token = await hub.token("XY-AMR");
    const run = async <T>(query: TypedDocumentString<T, { n?: number | null }>, n: number) => {
      hub.hub.registry.clear();
      const counter = queryCounter(hub.db.dataSource);
      const before = counter.count;
      const res = await hub.graphql(query, { headers: { authorization: `Bearer ${token}` }, variables: { n } });
      expect(res.body.errors).toBeUndefined();
      return { statements: counter.count - before, data: res.body.data! };
    };
    const ITEMS = graphql(`query QueryCountAbnormalItems($n: Int) { abnormalPatentItems(first: $n) { edges { node { applicationNumber status deadline batch { batchNo itemCount } history { action } creditRecord { id } } } } }`);
    const small = await run(ITEMS, 3);
    const large = await run(ITEMS, 70);
    expect(large.data.abnormalPatentItems!.edges).toHaveLength(70);
    // registry, count, page, then one batch each: batches, their counts, histories, credit records
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(7);
    const BATCHES = graphql(`query QueryCountAbnormalBatches($n: Int) { abnormalPatentBatches(first: $n) { edges { node { batchNo itemCount withdrawalRate byRegion { key } byPatentAgency { key } } } } }`);
    const one = await run(BATCHES, 1);
    const all = await run(BATCHES, 20);
    expect(all.data.abnormalPatentBatches!.edges).toHaveLength(2);
    // registry, count, page, then one statement per breakdown (totals, regions, agencies) for all batches
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeLessThanOrEqual(6);
  });
  it("answers every statistics section in a fixed number of statements, however many rows it aggregates", async () => {
    const token = await hub.token("XY-AMR");
    // Every section in one query.
    const STATISTICS = graphql(`query QueryCountStatistics { statistics(regionCode: "411500") { regionCode
      directory { institutionsByStatus { total } institutionsByField { total } appraisersByRegion { total } cultivation { total } }
      cases { open overdue medianWorkingDays entrustedByMonth { total } overdueByRegion { total } }
      feedback { count feedbackByMonth { total } complaintsByRegion { total } institutions(first: 100) { name complaints } }
      credit { activeByBehaviour { total } repairs { total } institutionGrades { total } }
      abnormalPatents { total { itemCount } byBatch { itemCount } byRegion { itemCount } }
      collaboration { opened flows { count } averageResponseHours } } }`);
    const statements = async () => {
      const counter = queryCounter(hub.db.dataSource);
      const before = counter.count;
      const res = await hub.graphql(STATISTICS, { headers: { authorization: `Bearer ${token}` } });
      expect(res.body.errors).toBeUndefined();
      return counter.count - before;
    };
    const before = await statements();
    // 200 more feedback rows about 20 institutions: a per-row or per-institution query would show.
    await hub.db.dataSource.query(
      `INSERT INTO institutions (name, credit_code, region_code, listing_status) SELECT '计数机构' || n, 'C' || lpad(n::text, 17, '0'), '411502', 'LISTED' FROM generate_series(1, 20) n`,
    );
    await hub.db.dataSource.query(
      `INSERT INTO case_feedback (kind, posting_agency_id, posting_agency_code, posting_region_code, agency_case_no, appraiser_id, institution_id, institution_region_code, posted_at)
       SELECT 'EVALUATION', (SELECT id FROM agencies WHERE code = 'XY-COURT'), 'XY-COURT', '411500', 'n' || g, (SELECT id FROM appraisers LIMIT 1), i.id, i.region_code, now() - (g % 300) * interval '1 day'
       FROM generate_series(1, 200) g JOIN (SELECT id, region_code, row_number() OVER () AS k FROM institutions WHERE name LIKE '计数机构%') i ON i.k = 1 + g % 20`,
    );
    const after = await statements();
    expect(after).toBe(before);
    // registry, then directory 5 (standard adoption included), cases 5 (calendar included), feedback 2, credit 2, abnormal patents 1, collaboration 3
    expect(after).toBeLessThanOrEqual(19);
  });
});

describe("counting a list", () => {
  it("runs the COUNT only when the answer selects totalCount", async () => {
    const statements = async <T extends { institutions: unknown }, V>(query: TypedDocumentString<T, V>): Promise<{ statements: number; data: T["institutions"] }> => {
      const counter = queryCounter(hub.db.dataSource);
      const before = counter.count;
      const res = await hub.graphql(query);
      expect(res.body.errors).toBeUndefined();
      return { statements: counter.count - before, data: res.body.data!.institutions };
    };
    const withoutCount = await statements(graphql(`query QueryCountListWithoutTotal { institutions(first: 5) { edges { node { name } } } }`));
    const withCount = await statements(graphql(`query QueryCountListWithTotal { institutions(first: 5) { totalCount edges { node { name } } } }`));
    expect(withCount.statements).toBe(withoutCount.statements + 1);
    expect(withCount.data!.totalCount).toBeGreaterThan(60);
    expect(withCount.data!.edges).toEqual(withoutCount.data!.edges);
  });
});
