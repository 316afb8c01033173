import { idNumberFor } from "../support/directory";
import { changesSince, codes, ledger, leaks, refusal, tableNames, unchanged } from "../support/hostile";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * What an error may give away (issue 15, finding 4 and docs/errors.md): no SQL, no stack, no table name, no
 * personal data, no field suggestion, and nothing that tells a hidden record from one that does not exist.
 * Each case is a request with its expected status and code; every answer's errors are searched for SQL,
 * database errors, stacks, paths, the hub's table names and the values the case sent. Writes are counted
 * in their tables and the audit trail: a refused mutation leaves exactly one entry with its code.
 */
let hub: TestHub;
let tables: string[];
const ids: Record<string, string> = {};
const NOBODY = "00000000-0000-4000-8000-000000000000";
/** An ID number registered in beforeAll, which a second registration may not take. */
const TAKEN_ID_NUMBER = idNumberFor("411502", 8_123);

beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
  tables = await tableNames(hub);
  const one = async (sql: string, params: unknown[] = []) => ((await hub.db.dataSource.query(sql, params)) as Array<{ id: string }>)[0].id;
  ids.zyjd = await one(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`);
  ids.chadu = await one(`SELECT id FROM institutions WHERE credit_code = '91411502MA4X7Q1R0F'`);
  ids.underReview = await one(`SELECT id FROM institutions WHERE credit_code = '91410702MA46HX8T1F'`);
  ids.xuMing = await one(`SELECT id FROM appraisers WHERE name = '徐明'`);
  ids.liuYang = await one(`SELECT id FROM appraisers WHERE name = '刘洋'`);
  ids.courtCase = await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = '(2024)豫15知民初32号'`);
  ids.psbCase = await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = '信公经立字〔2025〕018号'`);
  ids.transfer = await one(`SELECT id FROM collaboration_records WHERE kind = 'CASE_TRANSFER'`);
  ids.evaluation = await one(`SELECT id FROM case_feedback WHERE kind = 'EVALUATION' AND posting_agency_code = 'XY-COURT' ORDER BY id LIMIT 1`);
  ids.complaint = await one(`SELECT id FROM case_feedback WHERE kind = 'COMPLAINT' ORDER BY id LIMIT 1`);
  ids.gsPsbClient = await one(`SELECT c.id FROM client_systems c JOIN agencies a ON a.id = c.agency_id WHERE a.code = 'GS-PSB' AND c.name = 'default'`);
  const setup = async (as: string, query: string, variables: Record<string, unknown>) => {
    const res = await hub.graphql(query, { as, variables });
    if (res.body.errors) throw new Error(`setup failed: ${JSON.stringify(res.body.errors)}`);
    return res.body.data;
  };
  await setup("XY-AMR", `mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { replayed } }`, {
    input: { institutionId: ids.chadu, name: "泄露测试", idNumber: TAKEN_ID_NUMBER, technicalFields: ["PATENT"] },
  });
  const future = await setup("XY-AMR", `mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id } } }`, {
    input: { idempotencyKey: "leak-future", subjectAppraiserId: ids.liuYang, severity: "GENERAL", behaviour: "OUT_OF_SCOPE", decisionDocNo: "泄〔2099〕1号", basis: "测试", announce: false },
  });
  ids.futureCredit = future.recordCreditEvent.record.id;
  await setup("XY-COURT", `mutation($input: OpenCollaborationInput!) { openCollaboration(input: $input) { replayed } }`, {
    input: { idempotencyKey: "leak-key", kind: "CONSULTATION", title: "第一次的标题", participantAgencyCodes: ["XY-AMR"] },
  });
}, 60_000);
afterAll(() => hub?.stop());

const expectClean = (body: unknown, secrets: string[] = []) => expect(leaks(body, { tables, secrets })).toEqual([]);

describe("forged cursors: BAD_USER_INPUT naming `after`, never the database's complaint (finding 4)", () => {
  const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");
  const cases: Array<[string, string, string, string]> = [
    ['["x","y"] on institutions, for the public', "institutions", "", "WyJ4IiwieSJd"],
    ['["x","y"] on appraisers, for a court', "appraisers", "XY-COURT", "WyJ4IiwieSJd"],
    ['["x","y"] on the audit trail, for the province bureau', "auditEvents", "HA-AMR", "WyJ4IiwieSJd"],
    ['["x","y"] on credit records', "creditRecords", "XY-AMR", "WyJ4IiwieSJd"],
    ["not base64 at all", "institutions", "", "!!!not-base64!!!"],
    ["base64 of an object", "institutions", "", cursor({ __proto__: { admin: true }, id: NOBODY })],
    ["base64 of a three-part key where one part belongs", "agencies", "", cursor(["x", "y", "z"])],
    ["SQL in a cursor's uuid part", "appraisers", "XY-AMR", cursor(["张三", "00000000-0000-4000-8000-000000000000' OR '1'='1"])],
    ["a NUL in a cursor", "agencies", "", cursor(["\u0000", NOBODY])],
    ["a number far past bigint in a sequence cursor", "auditEvents", "HA-AMR", cursor([1e300])],
    ["a cursor of 10,000 parts", "institutions", "", cursor(Array.from({ length: 10_000 }, () => "x"))],
  ];
  it.each(cases)("%s", async (_name, list, as, after) => {
    const res = await hub.graphql(`query($after: String) { ${list}(after: $after) { totalCount edges { cursor } } }`, { as: as || undefined, variables: { after } });
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => [e.path?.join("."), e.extensions])).toEqual([[list, { code: "BAD_USER_INPUT", field: "after" }]]);
    expectClean(res.body, [after]);
  });

  it.each([
    ["institutions", cursor(["' OR 1=1 --", NOBODY])],
    ["agencies", cursor(["XY-COURT' OR '1'='1"])],
  ])("treats SQL inside a well-formed cursor on %s as a value: answered, no error", async (list, after) => {
    const res = await hub.graphql(`query($after: String) { ${list}(after: $after) { edges { cursor } } }`, { variables: { after } });
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
    expect(Array.isArray(res.body.data[list].edges)).toBe(true);
  });
});

describe("ids of the wrong shape: the same answer as an id that does not exist, never a database error", () => {
  const cases: Array<[string, string, string]> = [
    ["institution(id) with 1", "XY-AMR", `{ r: institution(id: "1") { name } }`],
    ["institution(id) with an Int literal", "XY-AMR", `{ r: institution(id: 42) { name } }`],
    ["appraiser(id) with SQL", "XY-AMR", `{ r: appraiser(id: "' OR 1=1 --") { name } }`],
    ["appraisalCase(id) with 1e3", "XY-COURT", `{ r: appraisalCase(id: "1e3") { status } }`],
    ["creditRecord(id) with a UUID of a bad digit", "XY-AMR", `{ r: creditRecord(id: "00000000-0000-0000-0000-00000000000Z") { id } }`],
    ["caseFeedback(id) of 10,000 characters", "XY-COURT", `{ r: caseFeedback(id: "${"9".repeat(10_000)}") { id } }`],
    ["collaborationRecord(id) with -1", "XY-COURT", `{ r: collaborationRecord(id: "-1") { id } }`],
    ["agency(code) with SQL", "XY-COURT", `{ r: agency(code: "XY-COURT' OR '1'='1") { name } }`],
  ];
  it.each(cases)("%s", async (_name, as, query) => {
    const res = await hub.graphql(query, { as });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ r: null });
    expect(res.body.errors).toBeUndefined();
  });

  const mutations: Array<[string, string, string, string]> = [
    ["updateInstitution with an id that is not a UUID", "XY-AMR", "updateInstitution", `mutation { updateInstitution(id: "' OR 1=1 --", expectedVersion: 1, input: { address: "x" }) { id } }`],
    ["recordCaseProgress with an id of 10,000 characters", "XY-COURT", "recordCaseProgress", `mutation { recordCaseProgress(caseId: "${"7".repeat(10_000)}", expectedVersion: 1, input: { action: ACCEPT }) { id } }`],
    ["addCollaborationEvent with a UUID of a bad digit", "XY-COURT", "addCollaborationEvent", `mutation { addCollaborationEvent(recordId: "00000000-0000-0000-0000-00000000000Z", expectedVersion: 1, input: { kind: REPLIED, note: "x" }) { id } }`],
  ];
  it.each(mutations)("%s: NOT_FOUND, audited, nothing written", async (_name, as, operation, query) => {
    const before = await ledger(hub, ["institutions", "case_events", "collaboration_events"]);
    const res = await hub.graphql(query, { as });
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => [e.path, e.extensions.code])).toEqual([[[operation], "NOT_FOUND"]]);
    expectClean(res.body);
    expect(await changesSince(hub, before)).toEqual({ rows: { institutions: 0, case_events: 0, collaboration_events: 0 }, audit: [refusal(operation, "NOT_FOUND")] });
  });
});

describe("text PostgreSQL cannot hold (U+0000) in lookups, filters and codes: BAD_USER_INPUT naming the input, never INTERNAL_SERVER_ERROR", () => {
  const NUL = "\u0000";
  const filter = (list: string, type: string, field: string) => ({
    query: `query($filter: ${type}) { ${list}(filter: $filter) { totalCount } }`,
    variables: () => ({ filter: { [field]: `X${NUL}` } }),
    field: `filter.${field}`,
  });
  const cases: Array<{ name: string; as?: string; scopes?: string[]; query: string; variables: () => Record<string, unknown>; field: string; tables?: string[] }> = [
    { name: "agency(code)", query: `query($code: String!) { agency(code: $code) { name } }`, variables: () => ({ code: `XY-${NUL}COURT` }), field: "code" },
    { name: "agency(code) written in the document", query: `{ agency(code: "XY-\\u0000COURT") { name } }`, variables: () => ({}), field: "code" },
    { name: "a filter written in the document", as: "HA-AMR", query: `{ auditEvents(filter: { agencyCode: "\\u0000" }) { totalCount } }`, variables: () => ({}), field: "filter.agencyCode" },
    { name: "appraisalCases(filter.agencyCaseNo)", as: "HA-AMR", ...filter("appraisalCases", "AppraisalCaseFilter", "agencyCaseNo") },
    { name: "appraisalCases(filter.entrustingAgencyCode)", as: "HA-AMR", ...filter("appraisalCases", "AppraisalCaseFilter", "entrustingAgencyCode") },
    { name: "auditEvents(filter.agencyCode)", as: "HA-AMR", ...filter("auditEvents", "AuditEventFilter", "agencyCode") },
    { name: "auditEvents(filter.operation)", as: "HA-AMR", ...filter("auditEvents", "AuditEventFilter", "operation") },
    { name: "auditEvents(filter.entityType)", as: "HA-AMR", ...filter("auditEvents", "AuditEventFilter", "entityType") },
    { name: "auditEvents(filter.entityId)", as: "HA-AMR", ...filter("auditEvents", "AuditEventFilter", "entityId") },
    { name: "abnormalPatentBatches(filter.batchNo)", as: "HA-AMR", ...filter("abnormalPatentBatches", "AbnormalPatentBatchFilter", "batchNo") },
    { name: "abnormalPatentItems(filter.applicationNumber)", as: "HA-AMR", ...filter("abnormalPatentItems", "AbnormalPatentItemFilter", "applicationNumber") },
    { name: "abnormalPatentItems(filter.patentAgencyCode)", as: "HA-AMR", ...filter("abnormalPatentItems", "AbnormalPatentItemFilter", "patentAgencyCode") },
    { name: "custodyTrademarks(filter.custodianAgencyCode)", as: "HA-AMR", ...filter("custodyTrademarks", "CustodyTrademarkFilter", "custodianAgencyCode") },
    {
      name: "openCollaboration's participant codes",
      as: "XY-COURT",
      query: `mutation($input: OpenCollaborationInput!) { openCollaboration(input: $input) { replayed } }`,
      variables: () => ({ input: { idempotencyKey: "leak-nul-collab", kind: "CONSULTATION", title: "鉴定咨询", participantAgencyCodes: ["XY-AMR", `XY-${NUL}PSB`] } }),
      field: "input.participantAgencyCodes[1]",
      tables: ["collaboration_records"],
    },
    {
      name: "placeTrademarkUnderCustody's custodian",
      as: "XY-AMR",
      query: `mutation($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed } }`,
      variables: () => ({ input: { idempotencyKey: "leak-nul-mark", registrationNumber: "77700001", niceClass: 30, markName: "测试茶", category: "KEY_INDUSTRY", ownerName: "测试茶业", ownerCreditCode: "91411500MA9F3K2L21", custodianAgencyCode: `XY-${NUL}IPAA`, registeredOn: "2020-01-01", expiresOn: "2030-01-01" } }),
      field: "input.custodianAgencyCode",
      tables: ["custody_trademarks"],
    },
    {
      name: "registerAgency's parent code",
      as: "HA-AMR",
      scopes: ["registry:admin"],
      query: `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed } }`,
      variables: () => ({ input: { code: "ZZ-NUL", name: "郑州市测试法院", kind: "COURT", regionCode: "410100", parentCode: `HA-${NUL}AMR` } }),
      field: "input.parentCode",
      tables: ["agencies"],
    },
    { name: "updateAgency(code)", as: "HA-AMR", scopes: ["registry:admin"], query: `mutation($code: String!) { updateAgency(code: $code, expectedVersion: 1, input: { name: "改名" }) { code } }`, variables: () => ({ code: `XY-${NUL}COURT` }), field: "code", tables: ["agencies"] },
    { name: "disableAgency(code)", as: "HA-AMR", scopes: ["registry:admin"], query: `mutation($code: String!) { disableAgency(code: $code, expectedVersion: 1, reason: "测试") { code } }`, variables: () => ({ code: `XY-${NUL}COURT` }), field: "code", tables: ["agencies"] },
    { name: "enableAgency(code)", as: "HA-AMR", scopes: ["registry:admin"], query: `mutation($code: String!) { enableAgency(code: $code, expectedVersion: 1) { code } }`, variables: () => ({ code: `XY-${NUL}COURT` }), field: "code", tables: ["agencies"] },
    {
      name: "registerClientSystem's agency code",
      as: "HA-AMR",
      scopes: ["registry:admin", "clients:manage"],
      query: `mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }`,
      variables: () => ({ input: { idempotencyKey: "leak-nul-client", agencyCode: `XY-${NUL}COURT`, name: "nul-system" } }),
      field: "input.agencyCode",
      tables: ["client_systems"],
    },
    { name: "updateIdentityProvider(agencyCode)", as: "HA-AMR", scopes: ["registry:admin"], query: `mutation($agencyCode: String!) { updateIdentityProvider(agencyCode: $agencyCode, expectedVersion: 1, input: { clientId: "x" }) { version } }`, variables: () => ({ agencyCode: `XY-${NUL}COURT` }), field: "agencyCode", tables: ["identity_providers"] },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const tables = [...(c.tables ?? []), "idempotency_keys"];
    const before = await ledger(hub, tables);
    const res = await hub.graphql(c.query, { as: c.as, scopes: c.scopes, variables: c.variables() });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: "BAD_USER_INPUT", field: c.field }]);
    expectClean(res.body);
    // Refused before anything ran: nothing written, and no audit entry (as for a variable of the wrong type).
    expect(await changesSince(hub, before)).toEqual({ rows: unchanged(tables), audit: [] });
  });

  it("keeps the rule of each kind of input elsewhere: a name's control character is still the service's refusal, audited", async () => {
    const before = await ledger(hub, ["agencies"]);
    const res = await hub.graphql(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed } }`, {
      as: "HA-AMR",
      scopes: ["registry:admin"],
      variables: { input: { code: "ZZ-CTL", name: "郑州市\u0007测试法院", kind: "COURT", regionCode: "410100" } },
    });
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: "BAD_USER_INPUT", field: "input.name" }]);
    expect(await changesSince(hub, before)).toEqual({ rows: { agencies: 0 }, audit: [refusal("registerAgency", "BAD_USER_INPUT")] });
  });
});

describe("unique violations: CONFLICT names the field, never the value; nothing written", () => {
  let serial = 0;
  const cases: Array<{ name: string; as: string; scopes?: string[]; operation: string; query: string; variables: () => Record<string, unknown>; field: string; table: string; secrets: string[] }> = [
    {
      name: "an institution with a credit code that is taken",
      as: "XY-AMR",
      operation: "registerInstitution",
      query: `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { replayed } }`,
      variables: () => ({ input: { name: "重复信用代码机构", creditCode: "91411500MA9F3K2L21", regionCode: "411500", technicalFields: ["PATENT"] } }),
      field: "input.creditCode",
      table: "institutions",
      secrets: ["91411500MA9F3K2L21"],
    },
    {
      name: "an appraiser with an ID number that is taken",
      as: "XY-AMR",
      operation: "registerAppraiser",
      query: `mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { replayed } }`,
      variables: () => ({ input: { institutionId: ids.chadu, name: "重复身份证号", idNumber: TAKEN_ID_NUMBER, technicalFields: ["PATENT"] } }),
      field: "input.idNumber",
      table: "appraisers",
      secrets: [TAKEN_ID_NUMBER, TAKEN_ID_NUMBER.slice(0, 6), TAKEN_ID_NUMBER.slice(-4), TAKEN_ID_NUMBER.slice(6, 14)],
    },
    {
      name: "an agency with a code that is taken",
      as: "HA-AMR",
      scopes: ["registry:admin"],
      operation: "registerAgency",
      query: `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed } }`,
      variables: () => ({ input: { code: "XY-COURT", name: "重复代码法院", kind: "COURT", regionCode: "411500" } }),
      field: "input.code",
      table: "agencies",
      secrets: ["XY-COURT"],
    },
    {
      name: "a client system with a name that is taken",
      as: "XY-COURT",
      scopes: ["clients:manage"],
      operation: "registerClientSystem",
      query: `mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }`,
      variables: () => ({ input: { idempotencyKey: `leak-client-${serial++}`, name: "default" } }),
      field: "input.name",
      table: "client_systems",
      secrets: ['"default"'],
    },
    {
      name: "an idempotency key reused with other input",
      as: "XY-COURT",
      operation: "openCollaboration",
      query: `mutation($input: OpenCollaborationInput!) { openCollaboration(input: $input) { replayed } }`,
      variables: () => ({ input: { idempotencyKey: "leak-key", kind: "CONSULTATION", title: "第二次的标题", participantAgencyCodes: ["XY-AMR"] } }),
      field: "idempotencyKey",
      table: "collaboration_records",
      secrets: ["第一次的标题", "第二次的标题", "leak-key"],
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await ledger(hub, [c.table, "idempotency_keys"]);
    const res = await hub.graphql(c.query, { as: c.as, scopes: c.scopes, variables: c.variables() });
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => [e.path, e.extensions.code, e.extensions.field])).toEqual([[[c.operation], "CONFLICT", c.field]]);
    expectClean(res.body, c.secrets);
    expect(await changesSince(hub, before)).toEqual({ rows: unchanged([c.table, "idempotency_keys"]), audit: [refusal(c.operation, "CONFLICT")] });
  });
});

describe("personal data in refused input is not echoed", () => {
  const badId = `${TAKEN_ID_NUMBER.slice(0, 17)}${TAKEN_ID_NUMBER.endsWith("0") ? "1" : "0"}`;
  const cases: Array<{ name: string; as?: string; query: string; variables: () => Record<string, unknown>; status: number; code: string; secret: string }> = [
    {
      name: "an ID number with a wrong check character",
      as: "XY-AMR",
      query: `mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { replayed } }`,
      variables: () => ({ input: { institutionId: NOBODY, name: "校验位错误", idNumber: badId, technicalFields: ["PATENT"] } }),
      status: 400,
      code: "BAD_USER_INPUT",
      secret: badId,
    },
    {
      name: "an ID number where a page size belongs",
      query: `query($n: Int) { institutions(first: $n) { totalCount } }`,
      variables: () => ({ n: TAKEN_ID_NUMBER }),
      status: 400,
      code: "BAD_USER_INPUT",
      secret: TAKEN_ID_NUMBER,
    },
    {
      name: "an ID number as an enum value",
      query: `query($f: InstitutionFilter) { institutions(filter: $f) { totalCount } }`,
      variables: () => ({ f: { listingStatus: TAKEN_ID_NUMBER } }),
      status: 400,
      code: "BAD_USER_INPUT",
      secret: TAKEN_ID_NUMBER,
    },
    {
      name: "an ID number written as a page size literal",
      query: `{ institutions(first: "${TAKEN_ID_NUMBER}") { totalCount } }`,
      variables: () => ({}),
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      secret: TAKEN_ID_NUMBER,
    },
    {
      name: "a phone number with letters in it",
      as: "XY-AMR",
      query: `mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { replayed } }`,
      variables: () => ({ input: { institutionId: ids.chadu, name: "电话错误", idNumber: idNumberFor("411502", 8_124), phone: "1390376ABCD", technicalFields: ["PATENT"] } }),
      status: 200,
      code: "BAD_USER_INPUT",
      secret: "1390376ABCD",
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await ledger(hub, ["appraisers"]);
    const res = await hub.graphql(c.query, { as: c.as, variables: c.variables() });
    expect(res.status).toBe(c.status);
    expect(codes(res.body)[0]).toBe(c.code);
    expectClean(res.body, [c.secret]);
    const changes = await changesSince(hub, before);
    expect(changes.rows).toEqual({ appraisers: 0 });
    // Refused while reading the variables: the mutation never ran, so no audit entry; refused by the service: one.
    expect(changes.audit).toEqual(c.status === 200 && c.as ? [refusal("registerAppraiser", c.code)] : []);
  });
});

describe("fields the caller may not read: null and FORBIDDEN on their own path, the rest delivered", () => {
  const cases: Array<{ name: string; as?: string; query: string; forbidden: string[]; delivered?: [string, unknown] }> = [
    {
      name: "an institution's contact phone and legal representative, for the public",
      query: `{ institution(creditCode: "91411500MA9F3K2L21") { name contactPhone legalRepresentative } }`,
      forbidden: ["institution.contactPhone", "institution.legalRepresentative"],
      delivered: ["institution.name", expect.any(String)],
    },
    {
      name: "appraisers' ID numbers and phones, for the public",
      query: `{ appraisers(first: 2) { edges { node { name idNumber phone } } } }`,
      forbidden: ["appraisers.edges.0.node.idNumber", "appraisers.edges.0.node.phone", "appraisers.edges.1.node.idNumber", "appraisers.edges.1.node.phone"],
      delivered: ["appraisers.edges.0.node.name", expect.any(String)],
    },
    {
      name: "a 新乡 institution's legal representative, for another institution's own system",
      as: "XY-ZYJD",
      query: `{ institution(creditCode: "91410700MA9G0T8C63") { name legalRepresentative listingHistory { reason } } }`,
      forbidden: ["institution.legalRepresentative", "institution.listingHistory"],
      delivered: ["institution.name", expect.any(String)],
    },
    {
      name: "another agency's client systems, for a court",
      as: "XY-COURT",
      query: `{ agency(code: "GS-PSB") { code clientSystems { name allowedScopes } } }`,
      forbidden: ["agency.clientSystems"],
      delivered: ["agency.code", "GS-PSB"],
    },
    { name: "the audit chain's verification, for a city bureau", as: "XY-AMR", query: `{ verifyAuditChain { ok } }`, forbidden: ["verifyAuditChain"] },
    { name: "the audit trail, for the public", query: `{ auditEvents(first: 1) { totalCount } }`, forbidden: ["auditEvents"] },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await ledger(hub, []);
    const res = await hub.graphql(c.query, { as: c.as });
    expect(res.status).toBe(200);
    expect((res.body.errors ?? []).map((e) => [e.path?.join("."), e.extensions.code]).sort()).toEqual(c.forbidden.map((path) => [path, "FORBIDDEN"]).sort());
    const at = (path: string) => path.split(".").reduce<any>((value, key) => value?.[key], res.body.data);
    for (const path of c.forbidden) expect([path, at(path)]).toEqual([path, null]);
    if (c.delivered) expect(at(c.delivered[0])).toEqual(c.delivered[1]);
    expectClean(res.body);
    // No digits of a phone or an ID number anywhere in the errors.
    expect(JSON.stringify(res.body.errors)).not.toMatch(/\d{6,}/);
    expect(await changesSince(hub, before)).toEqual({ rows: {}, audit: [] });
  });
});

describe("hidden records by id: exactly the answer of an id that does not exist", () => {
  const reads: Array<[string, string, (id: string) => string, () => string]> = [
    ["another agency's case, for a court", "XX-COURT", (id) => `{ appraisalCase(id: "${id}") { status agencyCaseNo } }`, () => ids.courtCase],
    ["a 新乡 institution under review, for a court", "XY-COURT", (id) => `{ institution(id: "${id}") { name } }`, () => ids.underReview],
    ["an appraiser of a removed institution, for another city's bureau", "XY-AMR", (id) => `{ appraiser(id: "${id}") { name idNumber } }`, () => ids.xuMing],
    ["a credit record not yet published, for a court", "XY-COURT", (id) => `{ creditRecord(id: "${id}") { id basis } }`, () => ids.futureCredit],
    ["a collaboration the court is no party to", "XX-COURT", (id) => `{ collaborationRecord(id: "${id}") { title } }`, () => ids.transfer],
    ["another court's evaluation", "XX-COURT", (id) => `{ caseFeedback(id: "${id}") { comment } }`, () => ids.evaluation],
  ];
  it.each(reads)("%s", async (_name, as, query, hidden) => {
    const [shown, absent] = await Promise.all([hub.graphql(query(hidden()), { as }), hub.graphql(query(NOBODY), { as })]);
    expect([shown.status, shown.body.errors ?? []]).toEqual([200, []]);
    expect(Object.values(shown.body.data)).toEqual([null]);
    expect({ data: absent.body.data, errors: absent.body.errors }).toEqual({ data: shown.body.data, errors: shown.body.errors });
  });

  const writes: Array<[string, string, string[] | undefined, string, (id: string) => string, () => string]> = [
    ["a step in XY-PSB's case, by a court", "XY-COURT", undefined, "recordCaseProgress", (id) => `mutation { recordCaseProgress(caseId: "${id}", expectedVersion: 1, input: { action: ACCEPT }) { id } }`, () => ids.psbCase],
    ["an edit of a 新乡 institution under review, by 信阳's bureau", "XY-AMR", undefined, "updateInstitution", (id) => `mutation { updateInstitution(id: "${id}", expectedVersion: 1, input: { address: "信阳" }) { id } }`, () => ids.underReview],
    ["an event on a collaboration the court is no party to", "XX-COURT", undefined, "addCollaborationEvent", (id) => `mutation { addCollaborationEvent(recordId: "${id}", expectedVersion: 1, input: { kind: REPLIED, note: "x" }) { id } }`, () => ids.transfer],
    ["handling a 信阳 complaint, by 新乡's bureau", "XX-AMR", undefined, "handleComplaint", (id) => `mutation { handleComplaint(id: "${id}", expectedVersion: 1, input: { to: ACKNOWLEDGED, note: "x" }) { id } }`, () => ids.complaint],
    ["editing another agency's client system", "XY-COURT", ["clients:manage"], "updateClientSystem", (id) => `mutation { updateClientSystem(id: "${id}", expectedVersion: 1, input: { description: "x" }) { id } }`, () => ids.gsPsbClient],
  ];
  it.each(writes)("%s: NOT_FOUND as for no record, each audited, nothing written", async (_name, as, scopes, operation, query, hidden) => {
    const watched = ["case_events", "collaboration_events", "complaint_events"];
    const before = await ledger(hub, watched);
    const shown = await hub.graphql(query(hidden()), { as, scopes });
    const absent = await hub.graphql(query(NOBODY), { as, scopes });
    expect(shown.body.errors?.map((e) => [e.path, e.extensions.code])).toEqual([[[operation], "NOT_FOUND"]]);
    expect({ data: absent.body.data, errors: absent.body.errors }).toEqual({ data: shown.body.data, errors: shown.body.errors });
    expectClean(shown.body, [hidden()]);
    expect(await changesSince(hub, before)).toEqual({ rows: unchanged(watched), audit: [refusal(operation, "NOT_FOUND"), refusal(operation, "NOT_FOUND")] });
  });
});

describe("field suggestions are removed: no message says what the schema holds", () => {
  const cases: Array<{ name: string; query: string; variables?: Record<string, unknown>; status: number; code: string; never: string[] }> = [
    { name: "a misspelt root field", query: `{ institutons { totalCount } }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"institutions"'] },
    { name: "a misspelt field of an object", query: `{ me { anonymus } }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"anonymous"'] },
    { name: "a misspelt protected field, for the public", query: `{ institution(creditCode: "91411500MA9F3K2L21") { contactPhon } }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"contactPhone"'] },
    { name: "a misspelt argument", query: `{ institution(creditCod: "91411500MA9F3K2L21") { name } }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"creditCode"'] },
    { name: "a misspelt mutation", query: `mutation { registerInstitutio(input: {}) { replayed } }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"registerInstitution"', '"registerInstitutionAgency"'] },
    { name: "a misspelt enum value", query: `{ institutions(filter: { listingStatus: LISTEDD }) { totalCount } }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"LISTED"'] },
    { name: "a misspelt type in a fragment", query: `{ ...F } fragment F on Institutoin { name }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"Institution"'] },
    { name: "a misspelt variable type", query: `query($a: Strin) { __typename }`, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"String"'] },
    { name: "a misspelt input field in a variable", query: `query($f: InstitutionFilter) { institutions(filter: $f) { totalCount } }`, variables: { f: { regionCod: "411500" } }, status: 400, code: "BAD_USER_INPUT", never: ['"regionCode"'] },
    { name: "a misspelt enum value in a variable", query: `query($f: InstitutionFilter) { institutions(filter: $f) { totalCount } }`, variables: { f: { listingStatus: "LISTEDD" } }, status: 400, code: "BAD_USER_INPUT", never: ['"LISTED"'] },
    { name: "a misspelt field in an inline fragment on a union", query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { nam } } }`, variables: { r: [] }, status: 400, code: "GRAPHQL_VALIDATION_FAILED", never: ['"name"'] },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const res = await hub.graphql(c.query, { variables: c.variables });
    expect(res.status).toBe(c.status);
    expect(codes(res.body)[0]).toBe(c.code);
    expectClean(res.body);
    const text = JSON.stringify(res.body.errors);
    expect(text).not.toMatch(/Did you mean|\?"/);
    for (const word of c.never) expect(text).not.toContain(word);
  });
});
