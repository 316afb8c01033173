import { escapeInvisible, freeTextCharacterProblem, nameCharacterProblem } from "../../src/domain/invisible-characters";
import { importInstitutions } from "../../src/exchange/institution-import";
import { commandContexts } from "../../src/hub";
import { creditCodeFor, idNumberFor } from "../support/directory";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * Hostile input (issue 15, finding 9): invisible characters in names, identifiers and free text. Every case
 * goes through the real schema, services and database. A refused write answers BAD_USER_INPUT naming the
 * field, and nothing is written: the table's rows, the SUCCESS audit entries and the idempotency keys are
 * counted before and after (the refusal itself leaves its REJECTED audit entry, as every refused mutation).
 *
 * The rule (`src/domain/invisible-characters.ts`): names and identifiers refuse every control and format
 * character; free text refuses the bidi embeddings, overrides and isolates and what hides text, and keeps the
 * joiners some scripts and emoji need.
 */
let hub: TestHub;
const ids: Record<string, string> = {};
beforeAll(async () => {
  hub = await startTestHub();
  const one = async (sql: string) => ((await hub.db.dataSource.query(sql)) as Array<{ id: string; version?: number }>)[0];
  ids.zhongyuan = (await one(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`)).id;
  ids.chadu = (await one(`SELECT id FROM institutions WHERE credit_code = '91411502MA4X7Q1R0F'`)).id;
  ids.zhangWei = (await one(`SELECT id FROM appraisers WHERE name = '张伟'`)).id;
  ids.liuYang = (await one(`SELECT id FROM appraisers WHERE name = '刘洋'`)).id;
});
afterAll(() => hub.stop());

/** Characters a name or an identifier may not hold. */
const INVISIBLE: Array<[string, string]> = [
  ["U+202E RIGHT-TO-LEFT OVERRIDE", "\u202e"],
  ["U+202D LEFT-TO-RIGHT OVERRIDE", "\u202d"],
  ["U+202A LEFT-TO-RIGHT EMBEDDING", "\u202a"],
  ["U+202B RIGHT-TO-LEFT EMBEDDING", "\u202b"],
  ["U+202C POP DIRECTIONAL FORMATTING", "\u202c"],
  ["U+2066 LEFT-TO-RIGHT ISOLATE", "\u2066"],
  ["U+2067 RIGHT-TO-LEFT ISOLATE", "\u2067"],
  ["U+2068 FIRST STRONG ISOLATE", "\u2068"],
  ["U+2069 POP DIRECTIONAL ISOLATE", "\u2069"],
  ["U+200B ZERO WIDTH SPACE", "\u200b"],
  ["U+200C ZERO WIDTH NON-JOINER", "\u200c"],
  ["U+200D ZERO WIDTH JOINER", "\u200d"],
  ["U+200E LEFT-TO-RIGHT MARK", "\u200e"],
  ["U+200F RIGHT-TO-LEFT MARK", "\u200f"],
  ["U+061C ARABIC LETTER MARK", "\u061c"],
  ["U+2060 WORD JOINER", "\u2060"],
  ["U+FEFF ZERO WIDTH NO-BREAK SPACE inside", "\ufeff"],
  ["U+00AD SOFT HYPHEN", "\u00ad"],
  ["U+E0041 TAG LATIN CAPITAL LETTER A", "\u{e0041}"],
  ["U+3164 HANGUL FILLER", "\u3164"],
  ["U+2028 LINE SEPARATOR", "\u2028"],
  ["a line feed", "\n"],
  ["U+0085 NEXT LINE, a C1 control", "\u0085"],
  ["a lone surrogate", "\ud800"],
];

/** Characters free text refuses, and characters it keeps. */
const HIDING: Array<[string, string]> = [
  ["U+202E RIGHT-TO-LEFT OVERRIDE", "\u202e"],
  ["U+202A LEFT-TO-RIGHT EMBEDDING", "\u202a"],
  ["U+202C POP DIRECTIONAL FORMATTING", "\u202c"],
  ["U+2066 LEFT-TO-RIGHT ISOLATE", "\u2066"],
  ["U+2069 POP DIRECTIONAL ISOLATE", "\u2069"],
  ["U+E0041 TAG LATIN CAPITAL LETTER A", "\u{e0041}"],
  ["U+FFF9 INTERLINEAR ANNOTATION ANCHOR", "\ufff9"],
  ["U+009B CONTROL SEQUENCE INTRODUCER, a C1 control", "\u009b"],
  ["a lone surrogate", "\udc00"],
];
const KEPT_IN_FREE_TEXT: Array<[string, string]> = [
  ["an emoji sequence with U+200D ZERO WIDTH JOINER", "鉴定人出庭 👨\u200d⚖️"],
  ["Persian with U+200C ZERO WIDTH NON-JOINER", "می\u200cخواهم"],
  ["line breaks and a tab", "第一行\n第二行\t完"],
  ["U+200B ZERO WIDTH SPACE and U+200E LEFT-TO-RIGHT MARK", "意见\u200b采纳\u200e"],
  ["U+00AD SOFT HYPHEN and U+2060 WORD JOINER", "知识\u00ad产权\u2060鉴定"],
];

describe("the character rules (pure)", () => {
  it.each(INVISIBLE)("a name may not hold %s", (_label, c) => {
    expect(nameCharacterProblem(`测试${c}名称`, "input.name")).toMatch(/^input\.name must /);
  });
  it.each(HIDING)("free text may not hold %s", (_label, c) => {
    expect(freeTextCharacterProblem(`说明${c}文字`, "input.comment")).toMatch(/^input\.comment must not contain/);
  });
  it.each(KEPT_IN_FREE_TEXT)("free text keeps %s", (_label, text) => {
    expect(freeTextCharacterProblem(text, "input.comment")).toBeNull();
  });
  it("keeps private-use characters in names (rare characters of people's names) and spells out what it refuses", () => {
    expect(nameCharacterProblem("张\ue000三", "input.name")).toBeNull();
    expect(escapeInvisible("（2024）豫15\u202e知民初32号")).toBe("（2024）豫15<U+202E>知民初32号");
  });
});

const count = async (sql: string, params: unknown[] = []) => ((await hub.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

/** What a refused write must leave unchanged: its table, the SUCCESS audit entries, the idempotency keys. */
async function written(table: string) {
  await hub.hub.deps.trail.flush();
  return {
    rows: await count(`SELECT count(*)::int AS n FROM ${table}`),
    audited: await count(`SELECT count(*)::int AS n FROM audit_events WHERE outcome = 'SUCCESS'`),
    keys: await count(`SELECT count(*)::int AS n FROM idempotency_keys`),
  };
}

interface WriteCase {
  what: string;
  as: string;
  scopes?: string[];
  query: string;
  variables: () => Record<string, unknown>;
  /** The table the write would add to or change. */
  table: string;
  /** The field BAD_USER_INPUT names. */
  field: string | RegExp;
}

const REGISTER_INSTITUTION = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { replayed } }`;
const REGISTER_APPRAISER = `mutation($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { replayed } }`;
const REGISTER_AGENCY = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed } }`;
const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { replayed } }`;
const FEEDBACK = `mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id } } }`;
const CREDIT = `mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed } }`;
const TRADEMARK = `mutation($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed } }`;
const COLLABORATION = `mutation($input: OpenCollaborationInput!) { openCollaboration(input: $input) { replayed } }`;
const CLIENT = `mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }`;
const LISTING = `mutation($id: ID!, $v: Int!, $reason: String!, $doc: String) { changeListingStatus(id: $id, expectedVersion: $v, to: SUSPENDED, reason: $reason, decisionDocNo: $doc) { version } }`;

let serial = 0;
const institution = (input: Record<string, unknown>) => () => ({
  input: { name: "浉河区测试鉴定中心", creditCode: creditCodeFor("411502", 7_000 + serial++), regionCode: "411502", technicalFields: ["PATENT"], ...input },
});
const appraiser = (input: Record<string, unknown>) => () => ({ input: { institutionId: ids.chadu, name: "测试鉴定人", idNumber: idNumberFor("411502", 7_000 + serial++), technicalFields: ["PATENT"], ...input } });
const entrust = (input: Record<string, unknown>) => () => ({
  input: { idempotencyKey: `hostile-entrust-${serial++}`, agencyCaseNo: "(2025)豫15知民初901号", institutionId: ids.zhongyuan, technicalField: "PATENT", matter: "专利侵权比对", ...input },
});
const feedback = (input: Record<string, unknown>) => () => ({
  input: { idempotencyKey: `hostile-feedback-${serial++}`, agencyCaseNo: "(2025)豫15刑初901号", appraiserId: ids.zhangWei, kind: "EVALUATION", ratings: { conduct: 4 }, ...input },
});
const credit = (input: Record<string, unknown>) => () => ({
  input: { idempotencyKey: `hostile-credit-${serial++}`, subjectAppraiserId: ids.liuYang, severity: "GENERAL", behaviour: "OUT_OF_SCOPE", decisionDocNo: "信市监〔2025〕901号", basis: "超出范围执业", ...input },
});
const trademark = (input: Record<string, unknown>) => () => ({
  input: {
    idempotencyKey: `hostile-mark-${serial++}`,
    registrationNumber: String(66_600_000 + serial),
    niceClass: 30,
    markName: "信阳毛尖",
    category: "GEOGRAPHICAL_INDICATION",
    ownerName: "信阳茶业协会",
    ownerCreditCode: "91411500MA9F3K2L21",
    custodianAgencyCode: "XY-AMR",
    registeredOn: "2015-01-01",
    expiresOn: "2035-01-01",
    ...input,
  },
});
const collaboration = (input: Record<string, unknown>) => () => ({
  input: { idempotencyKey: `hostile-collab-${serial++}`, kind: "CONSULTATION", title: "专利鉴定咨询", participantAgencyCodes: ["XY-AMR"], ...input },
});
const agency = (input: Record<string, unknown>) => () => ({ input: { idempotencyKey: `hostile-agency-${serial++}`, code: `ZZ-H${serial}`, name: "郑州市测试法院", kind: "COURT", regionCode: "410100", ...input } });
const listing = (reason: string, doc?: string) => () => ({ id: ids.zhongyuan, v: 999, reason, doc });

const NAME_CASES: WriteCase[] = [
  ...INVISIBLE.map(([label, c]): WriteCase => ({ what: `an institution's name with ${label}`, as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ name: `浉河区${c}测试鉴定中心` }), table: "institutions", field: "input.name" })),
  { what: "an institution's legal representative with U+202E", as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ legalRepresentative: "张\u202e三" }), table: "institutions", field: "input.legalRepresentative" },
  { what: "an institution's address with U+2067", as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ address: "信阳市\u2067浉河区" }), table: "institutions", field: "input.address" },
  { what: "an institution's credit code with U+200B inside", as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ creditCode: "91411500MA9\u200bF3K2L21" }), table: "institutions", field: /creditCode/ },
  { what: "a compliance standard's code with U+2060", as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ standards: [{ code: "GB/T\u2060 1234", title: "鉴定规范" }] }), table: "institutions", field: /^input\.standards/ },
  { what: "an appraiser's name with U+200D", as: "XY-AMR", query: REGISTER_APPRAISER, variables: appraiser({ name: "王\u200d五" }), table: "appraisers", field: "input.name" },
  { what: "an appraiser's title with U+202E", as: "XY-AMR", query: REGISTER_APPRAISER, variables: appraiser({ titles: [{ title: "高级\u202e工程师" }] }), table: "appraisers", field: /^input\.titles/ },
  { what: "an agency's name with U+202E", as: "HA-AMR", scopes: ["registry:admin"], query: REGISTER_AGENCY, variables: agency({ name: "郑州市\u202e中级人民法院" }), table: "agencies", field: "input.name" },
  { what: "an agency's code with U+202E", as: "HA-AMR", scopes: ["registry:admin"], query: REGISTER_AGENCY, variables: agency({ code: "ZZ-\u202eCOURT" }), table: "agencies", field: "input.code" },
  { what: "a court's case number with U+202E", as: "XY-COURT", query: ENTRUST, variables: entrust({ agencyCaseNo: "(2025)豫15知民初\u202e902号" }), table: "appraisal_cases", field: "input.agencyCaseNo" },
  { what: "a feedback's case number with U+200B", as: "XY-COURT", query: FEEDBACK, variables: feedback({ agencyCaseNo: "(2025)豫15\u200b刑初902号" }), table: "case_feedback", field: "input.agencyCaseNo" },
  { what: "a credit decision's document number with U+2066", as: "XY-AMR", query: CREDIT, variables: credit({ decisionDocNo: "信市监〔2025〕\u2066902号" }), table: "credit_records", field: "input.decisionDocNo" },
  { what: "a mark's name with U+200F", as: "XY-AMR", query: TRADEMARK, variables: trademark({ markName: "信阳\u200f毛尖" }), table: "custody_trademarks", field: "input.markName" },
  { what: "a mark owner's name with U+FEFF inside", as: "XY-AMR", query: TRADEMARK, variables: trademark({ ownerName: "信阳\ufeff茶业协会" }), table: "custody_trademarks", field: "input.ownerName" },
  { what: "a collaboration's title with U+202E", as: "XY-COURT", query: COLLABORATION, variables: collaboration({ title: "专利\u202e鉴定咨询" }), table: "collaboration_records", field: "input.title" },
  { what: "a listing decision's document number with U+202E", as: "XY-AMR", query: LISTING, variables: listing("暂停", "信市监〔2025〕\u202e903号"), table: "listing_events", field: "decisionDocNo" },
];

const FREE_TEXT_CASES: WriteCase[] = [
  ...HIDING.map(([label, c]): WriteCase => ({ what: `a feedback comment with ${label}`, as: "XY-COURT", query: FEEDBACK, variables: feedback({ comment: `鉴定意见${c}被采纳` }), table: "case_feedback", field: "input.comment" })),
  { what: "a listing decision's reason with U+202E", as: "XY-AMR", query: LISTING, variables: listing("因\u202e整改暂停"), table: "listing_events", field: "reason" },
  { what: "an entrustment's subject with U+2067", as: "XY-COURT", query: ENTRUST, variables: entrust({ subject: "涉案\u2067专利" }), table: "appraisal_cases", field: "input.subject" },
  { what: "an entrustment's matter with U+202D", as: "XY-COURT", query: ENTRUST, variables: entrust({ matter: "专利\u202d侵权比对" }), table: "appraisal_cases", field: "input.matter" },
  { what: "a credit decision's basis with U+2068", as: "XY-AMR", query: CREDIT, variables: credit({ basis: "超出\u2068范围执业" }), table: "credit_records", field: "input.basis" },
  { what: "a collaboration's summary with U+202B", as: "XY-COURT", query: COLLABORATION, variables: collaboration({ summary: "请求\u202b协助" }), table: "collaboration_records", field: "input.summary" },
  { what: "an institution's business scope with U+202E", as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ businessScope: "专利\u202e鉴定" }), table: "institutions", field: "input.businessScope" },
  { what: "an institution's appraisal matters with U+2069", as: "XY-AMR", query: REGISTER_INSTITUTION, variables: institution({ appraisalMatters: ["专利\u2069侵权比对"] }), table: "institutions", field: "input.appraisalMatters" },
  { what: "a client system's description with U+202E", as: "XY-COURT", scopes: ["clients:manage"], query: CLIENT, variables: () => ({ input: { idempotencyKey: `hostile-client-${serial++}`, name: `case-${serial}`, description: "案件\u202e系统" } }), table: "client_systems", field: "input.description" },
  { what: "a client system's description with a NUL", as: "XY-COURT", scopes: ["clients:manage"], query: CLIENT, variables: () => ({ input: { idempotencyKey: `hostile-client-${serial++}`, name: `case-${serial}`, description: "案件\u0000系统" } }), table: "client_systems", field: "input.description" },
];

describe.each([
  ["names and identifiers", NAME_CASES],
  ["free text", FREE_TEXT_CASES],
])("%s: refused with BAD_USER_INPUT naming the field, nothing written", (_kind, cases) => {
  it.each(cases.map((c) => [c.what, c] as const))("%s", async (_what, c) => {
    const before = await written(c.table);
    const res = await hub.graphql(c.query, { as: c.as, scopes: c.scopes, variables: c.variables() });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const field = res.body.errors![0].extensions.field;
    if (typeof c.field === "string") expect(field).toBe(c.field);
    else expect(String(field ?? res.body.errors![0].message)).toMatch(c.field);
    expect(await written(c.table)).toEqual(before);
  });
});

describe("free text keeps the joiners and marks that scripts and emoji need", () => {
  it.each(KEPT_IN_FREE_TEXT)("%s: written and stored as sent", async (_label, comment) => {
    const before = await written("case_feedback");
    const res = await hub.graphql(FEEDBACK, { as: "XY-COURT", variables: feedback({ comment })() });
    expect(res.body.errors).toBeUndefined();
    const id = res.body.data.postCaseFeedback.feedback.id;
    expect((await hub.db.dataSource.query(`SELECT comment FROM case_feedback WHERE id = $1`, [id]))[0].comment).toBe(comment);
    const after = await written("case_feedback");
    expect({ rows: after.rows - before.rows, audited: after.audited - before.audited }).toEqual({ rows: 1, audited: 1 });
  });
});

describe("other doors", () => {
  it("refuses a search filter holding a bidi override", async () => {
    const res = await hub.graphql(`{ institutions(filter: { nameContains: "中原\u202e" }) { totalCount } }`);
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.nameContains" });
  });

  it("refuses an X-End-User (the person the audit trail names) with a bidi override, before anything runs", async () => {
    const before = await written("agencies");
    await expect(hub.graphql(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed } }`, {
      as: "HA-AMR",
      scopes: ["registry:admin"],
      headers: { "x-end-user": encodeURIComponent("张\u202e三") },
      variables: agency({})(),
    })).rejects.toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "X-End-User" } });
    expect(await written("agencies")).toEqual(before);
  });

  it("lets an X-Case-Ref with a bidi override inside justify nothing, and audits it with the override spelled out", async () => {
    const res = await hub.graphql(`query($id: ID!) { appraiser(id: $id) { idNumber } }`, {
      as: "XY-AMR",
      scopes: ["pii:read"],
      headers: { "x-case-ref": encodeURIComponent("(2024)豫15\u202e知民初32号"), "x-request-id": "hostile-case-ref-rlo" },
      variables: { id: ids.zhangWei },
    });
    expect(res.body.data.appraiser.idNumber).toBe("411502********1232");
    expect(res.body.extensions?.disclosure.masked).toEqual([expect.objectContaining({ reason: "CASE_REF_INVALID" })]);
    await hub.hub.deps.trail.flush();
    const audited = await hub.db.dataSource.query(`SELECT outcome, error_code, case_ref FROM audit_events WHERE request_id = 'hostile-case-ref-rlo'`);
    expect(audited).toEqual([{ outcome: "DENIED", error_code: "CASE_REF_INVALID", case_ref: "(2024)豫15<U+202E>知民初32号" }]);
  });

  it("refuses CSV rows whose name or legal representative holds an invisible character, and imports the rest", async () => {
    const csv = [
      "名称,统一社会信用代码,行政区划代码,法定代表人,技术领域,经营范围",
      `信阳\u202e导入鉴定中心,${creditCodeFor("411500", 7_901)},411500,王一,专利,专利鉴定`,
      `信阳导入鉴定所,${creditCodeFor("411500", 7_902)},411500,王\u200b二,专利,专利鉴定`,
      `信阳导入鉴定站,${creditCodeFor("411500", 7_903)},411500,王三,专利,专利鉴定 👨\u200d⚖️`,
    ].join("\n");
    const before = await written("institutions");
    const contexts = await commandContexts(hub.config, hub.db, "XY-AMR", "import-institutions");
    let report;
    try {
      report = await importInstitutions(contexts.newContext, Buffer.from(csv, "utf8"), { dryRun: false });
    } finally {
      await contexts.close();
    }
    expect(report.created).toBe(1);
    expect(report.rejected.map(({ row, column }) => [row, column])).toEqual([
      [2, "名称"],
      [3, "法定代表人"],
    ]);
    const after = await written("institutions");
    expect({ rows: after.rows - before.rows, audited: after.audited - before.audited }).toEqual({ rows: 1, audited: 1 });
  });
});
