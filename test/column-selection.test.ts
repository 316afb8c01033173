import { isObjectType } from "graphql";
import { Appraiser, APPRAISER_COLUMN_NEEDS } from "../src/entities/appraiser.entity";
import { entityColumns } from "../src/loaders/column-selection";
import { hubSchema } from "../src/schema/build-schema";
import { queryCounter } from "../src/db/data-source";
import { startTestHub, TestHub } from "./support/test-hub";

/** Lists read the columns a query selects (issue 20), and answer exactly what reading whole rows answers. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

it("holds every field of Appraiser to a decision: a column, or the columns it reads declared", async () => {
  const type = (await hubSchema()).schema.getType("Appraiser");
  if (!isObjectType(type)) throw new Error("no Appraiser type");
  const columns = entityColumns(Appraiser);
  const undecided = Object.keys(type.getFields()).filter((field) => !columns.has(field) && !(field in APPRAISER_COLUMN_NEEDS.fields));
  expect(undecided).toEqual([]);
  for (const needs of [APPRAISER_COLUMN_NEEDS.always, ...Object.values(APPRAISER_COLUMN_NEEDS.fields)]) for (const column of needs) expect(columns).toContain(column);
});

it("answers an institution's appraisers read column by column as it answers each appraiser read whole", async () => {
  const FIELDS = `id name status regionCode technicalFields idNumber phone version qualifications { kind certificateNo } qualificationsValidOn(date: "2026-01-01") { kind }
    statusOn(date: "2026-01-01") feedbackSummary { count } creditRecords { id } institution { name }`;
  const asBureau = { as: "XY-AMR", scopes: ["pii:read"], headers: { "x-case-ref": "(2026)豫15知民初1号" } };
  const listed = await hub.graphql(`{ institutions(first: 20, filter: { regionCode: "411500" }) { edges { node { appraisers { ${FIELDS} } } } } }`, asBureau);
  expect(listed.body.errors).toBeUndefined();
  const appraisers = listed.body.data.institutions.edges.flatMap((e: { node: { appraisers: Array<{ id: string }> } }) => e.node.appraisers);
  expect(appraisers.length).toBeGreaterThan(3);
  for (const appraiser of appraisers) {
    const whole = await hub.graphql(`query($id: ID!) { appraiser(id: $id) { ${FIELDS} } }`, { ...asBureau, variables: { id: appraiser.id } });
    expect(appraiser).toEqual(whole.body.data.appraiser);
  }
});

it("reads fewer columns for fewer fields, in one statement for the page either way", async () => {
  const counter = queryCounter(hub.db.dataSource);
  const columnsRead = async (fields: string) => {
    const seen: string[] = [];
    // TypeORM hands its logger every statement: keep those reading appraisers.
    const count = counter.logQuery;
    counter.logQuery = (sql, parameters, runner) => {
      if (sql.includes('FROM "appraisers"')) seen.push(sql);
      count.call(counter, sql, parameters, runner);
    };
    try {
      expect((await hub.graphql(`{ institutions(first: 20) { edges { node { name appraisers { ${fields} } } } } }`, { as: "XY-COURT" })).body.errors).toBeUndefined();
    } finally {
      counter.logQuery = count;
    }
    return { statements: seen.length, sql: seen.join("\n") };
  };
  await columnsRead("name"); // warm: what a first request reads once (the registry row, the calendar)
  const few = await columnsRead("name");
  const many = await columnsRead("name qualifications { kind } titles { title }");
  // One statement for the appraisers of the whole page either way.
  expect([few.statements, many.statements]).toEqual([1, 1]);
  expect(few.sql).not.toContain('"qualifications"');
  expect(few.sql).not.toContain('"id_number_sealed"');
  expect(many.sql).toContain('"qualifications"');
});
