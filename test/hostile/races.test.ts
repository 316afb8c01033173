import { graphqlAt } from "../support/write-load";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase, OpenDatabase } from "../../src/db/database";
import { buildHub, Hub } from "../../src/hub";
import { silentLogger } from "../../src/logging/logger";
import { creditCodeFor, idNumberFor } from "../support/directory";
import { changesSince, ledger, type AuditTrace } from "../support/hostile";
import { usingServer } from "../support/test-database";
import { startTestHub, TestHub } from "../support/test-hub";

/**
 * Races (issue 15): the same write sent many times at once over real HTTP. However the requests interleave,
 * one wins: one record per idempotency key (the others replayed), one edit per expectedVersion (the others
 * CONFLICT), one record per credit code, ID number, agency code or system name (the others CONFLICT), never
 * a 500; the tables, the idempotency keys and the audit trail say exactly that (one SUCCESS entry, and one
 * REJECTED entry with CONFLICT per loser); and the audit chain verifies afterwards.
 *
 * On PGlite the hub's one connection runs the transactions one after another, which checks the logic; on
 * the PostgreSQL server of TEST_DATABASE_URL they overlap on a pool of connections, which checks the locks
 * and the unique indexes. The server also runs what only it can: two hub instances on one database, and a
 * look at what the races left open.
 */
let hub: TestHub;
const ids: Record<string, string> = {};
const N = 20;

beforeAll(async () => {
  hub = await startTestHub({ transport: "http" });
  const one = async (sql: string) => ((await hub.db.dataSource.query(sql)) as Array<{ id: string }>)[0].id;
  ids.zyjd = await one(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`);
  ids.chadu = await one(`SELECT id FROM institutions WHERE credit_code = '91411502MA4X7Q1R0F'`);
  ids.zhangWei = await one(`SELECT id FROM appraisers WHERE name = '张伟'`);
  ids.liuYang = await one(`SELECT id FROM appraisers WHERE name = '刘洋'`);
}, 60_000);
afterAll(() => hub?.stop());

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions: Record<string, any> }> };
}

/** POSTs to a hub's /graphql as `as`; the token is made once per burst so the requests leave together. */
async function burst(url: string, token: string, requests: Array<{ query: string; variables: Record<string, unknown> }>): Promise<Answer[]> {
  return Promise.all(requests.map(({ query, variables }) => graphqlAt(url, query, variables, token)));
}

const outcome = (answer: Answer) => (answer.body.errors ? String(answer.body.errors[0].extensions.code) : answer.status === 200 ? "OK" : `HTTP ${answer.status}`);
const tally = (answers: Answer[]) => answers.reduce<Record<string, number>>((counts, answer) => ({ ...counts, [outcome(answer)]: (counts[outcome(answer)] ?? 0) + 1 }), {});
const only = (audit: AuditTrace[], operation: string) => audit.filter((entry) => entry.operation === operation);
const conflicts = (operation: string, n: number): AuditTrace[] => Array.from({ length: n }, () => ({ operation, outcome: "REJECTED", errorCode: "CONFLICT" }));
const success = (operation: string): AuditTrace => ({ operation, outcome: "SUCCESS", errorCode: null });

let serial = 0;

interface CreateCase {
  name: string;
  as: string;
  scopes?: string[];
  operation: string;
  /** The payload's record field. */
  record: string;
  table: string;
  /** Variant 0 is the input of the identical writes; the others differ from it, in their unique values too. */
  input: (key: string, variant: number) => Record<string, unknown>;
}

const CREATES: CreateCase[] = [
  {
    name: "registerInstitution",
    as: "XY-AMR",
    operation: "registerInstitution",
    record: "institution",
    table: "institutions",
    input: (key, v) => ({ idempotencyKey: key, name: `竞态鉴定中心${v}`, creditCode: creditCodeFor("411502", 10_000 + serial * 100 + v), regionCode: "411502", technicalFields: ["PATENT"] }),
  },
  {
    name: "registerAppraiser",
    as: "XY-AMR",
    operation: "registerAppraiser",
    record: "appraiser",
    table: "appraisers",
    input: (key, v) => ({ idempotencyKey: key, institutionId: ids.chadu, name: `竞态鉴定人${v}`, idNumber: idNumberFor("411502", 10_000 + serial * 100 + v), technicalFields: ["PATENT"] }),
  },
  {
    name: "entrustAppraisal",
    as: "XY-COURT",
    operation: "entrustAppraisal",
    record: "appraisalCase",
    table: "appraisal_cases",
    input: (key, v) => ({ idempotencyKey: key, agencyCaseNo: `(2025)豫15知民初${900 + serial}号`, institutionId: ids.zyjd, technicalField: "PATENT", matter: `专利侵权比对${v}` }),
  },
  {
    name: "postCaseFeedback",
    as: "XY-COURT",
    operation: "postCaseFeedback",
    record: "feedback",
    table: "case_feedback",
    input: (key, v) => ({ idempotencyKey: key, agencyCaseNo: `(2025)豫15刑初${900 + serial}号`, appraiserId: ids.zhangWei, kind: "EVALUATION", ratings: { conduct: 1 + (v % 5) }, comment: `竞态评价${v}` }),
  },
  {
    name: "openCollaboration",
    as: "XY-COURT",
    operation: "openCollaboration",
    record: "record",
    table: "collaboration_records",
    input: (key, v) => ({ idempotencyKey: key, kind: "CONSULTATION", title: `竞态咨询${v}`, participantAgencyCodes: ["XY-AMR"] }),
  },
  {
    name: "recordCreditEvent",
    as: "XY-AMR",
    operation: "recordCreditEvent",
    record: "record",
    table: "credit_records",
    input: (key, v) => ({ idempotencyKey: key, subjectAppraiserId: ids.liuYang, severity: "GENERAL", behaviour: "OUT_OF_SCOPE", decisionDocNo: `竞〔2025〕${serial}号`, basis: `竞态${v}` }),
  },
  {
    name: "registerClientSystem",
    as: "XY-COURT",
    scopes: ["clients:manage"],
    operation: "registerClientSystem",
    record: "clientSystem",
    table: "client_systems",
    input: (key, v) => ({ idempotencyKey: key, name: `race-${serial}-${v}`, description: `竞态${v}` }),
  },
];

const INPUT_TYPES: Record<string, string> = {
  registerInstitution: "RegisterInstitutionInput",
  registerAppraiser: "RegisterAppraiserInput",
  entrustAppraisal: "EntrustAppraisalInput",
  postCaseFeedback: "PostCaseFeedbackInput",
  openCollaboration: "OpenCollaborationInput",
  recordCreditEvent: "RecordCreditEventInput",
  registerClientSystem: "RegisterClientSystemInput",
  registerAgency: "RegisterAgencyInput",
  placeTrademarkUnderCustody: "PlaceTrademarkUnderCustodyInput",
  registerIdentityProvider: "RegisterIdentityProviderInput",
};
const creating = (c: { operation: string; record: string }) => `mutation($input: ${INPUT_TYPES[c.operation]}!) { ${c.operation}(input: $input) { replayed ${c.record} { id } } }`;

describe(`${N} identical creating writes at once with one idempotency key: one record, the rest replayed`, () => {
  it.each(CREATES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    serial++;
    const key = `race-${c.operation}-${serial}`;
    const input = c.input(key, 0);
    const before = await ledger(hub, [c.table, "idempotency_keys"]);
    const answers = await burst(hub.url, await hub.token(c.as, { scopes: c.scopes }), Array.from({ length: N }, () => ({ query: creating(c), variables: { input } })));
    expect(tally(answers)).toEqual({ OK: N });
    const payloads = answers.map((answer) => answer.body.data[c.operation]);
    expect(new Set(payloads.map((p) => p[c.record].id)).size).toBe(1);
    expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
    const changes = await changesSince(hub, before);
    expect(changes.rows).toEqual({ [c.table]: 1, idempotency_keys: 1 });
    // One write, audited once; a replay writes nothing, not even an audit entry.
    expect(only(changes.audit, c.operation)).toEqual([success(c.operation)]);
    expect(changes.audit.filter((entry) => entry.outcome !== "SUCCESS")).toEqual([]);
  });

  it.each(CREATES.map((c) => [c.name, c] as const))("%s, with a different input each time: one record, the rest CONFLICT on the key", async (_name, c) => {
    serial++;
    const key = `race-differ-${c.operation}-${serial}`;
    const before = await ledger(hub, [c.table, "idempotency_keys"]);
    const answers = await burst(hub.url, await hub.token(c.as, { scopes: c.scopes }), Array.from({ length: N }, (_, v) => ({ query: creating(c), variables: { input: c.input(key, v + 1) } })));
    expect(tally(answers)).toEqual({ OK: 1, CONFLICT: N - 1 });
    for (const answer of answers.filter((a) => a.body.errors)) expect(answer.body.errors![0].extensions.field).toBe("idempotencyKey");
    const changes = await changesSince(hub, before);
    expect(changes.rows).toEqual({ [c.table]: 1, idempotency_keys: 1 });
    expect(only(changes.audit, c.operation)).toEqual(expect.arrayContaining([success(c.operation), ...conflicts(c.operation, N - 1)]));
    expect(only(changes.audit, c.operation)).toHaveLength(N);
  });
});

describe("edits at once with the same expectedVersion: one succeeds, the others CONFLICT", () => {
  interface EditCase {
    name: string;
    as: string;
    scopes?: string[];
    operation: string;
    table: string;
    /** Makes the record to edit; answers its id and version. */
    make: () => Promise<{ id: string; version: number }>;
    edit: (id: string, version: number, variant: number) => { query: string; variables: Record<string, unknown> };
    /** The table an edit adds a row to besides the record's own version, if any. */
    log?: string;
  }
  const created = async (as: string, scopes: string[] | undefined, c: CreateCase) => {
    serial++;
    const res = await hub.graphql(creating(c).replace(`${c.record} { id }`, `${c.record} { id version }`), { as, scopes, variables: { input: c.input(`race-edit-${serial}`, 0) } });
    if (res.body.errors) throw new Error(`setup failed: ${JSON.stringify(res.body.errors)}`);
    return res.body.data[c.operation][c.record] as { id: string; version: number };
  };
  const byName = (name: string) => CREATES.find((c) => c.name === name)!;
  const EDITS: EditCase[] = [
    {
      name: "updateInstitution",
      as: "XY-AMR",
      operation: "updateInstitution",
      table: "institutions",
      make: () => created("XY-AMR", undefined, byName("registerInstitution")),
      edit: (id, v, i) => ({ query: `mutation($id: ID!, $v: Int!, $a: String!) { updateInstitution(id: $id, expectedVersion: $v, input: { address: $a }) { version } }`, variables: { id, v, a: `信阳市浉河区竞态路${i}号` } }),
    },
    {
      name: "updateAppraiser",
      as: "XY-AMR",
      operation: "updateAppraiser",
      table: "appraisers",
      make: () => created("XY-AMR", undefined, byName("registerAppraiser")),
      edit: (id, v, i) => ({ query: `mutation($id: ID!, $v: Int!, $n: String!) { updateAppraiser(id: $id, expectedVersion: $v, input: { name: $n }) { version } }`, variables: { id, v, n: `竞态改名${i}` } }),
    },
    {
      name: "updateClientSystem",
      as: "XY-COURT",
      scopes: ["clients:manage"],
      operation: "updateClientSystem",
      table: "client_systems",
      make: () => created("XY-COURT", ["clients:manage"], byName("registerClientSystem")),
      edit: (id, v, i) => ({ query: `mutation($id: ID!, $v: Int!, $d: String!) { updateClientSystem(id: $id, expectedVersion: $v, input: { description: $d }) { version } }`, variables: { id, v, d: `竞态说明${i}` } }),
    },
    {
      name: "addCollaborationEvent",
      as: "XY-AMR",
      operation: "addCollaborationEvent",
      table: "collaboration_records",
      log: "collaboration_events",
      make: () => created("XY-COURT", undefined, byName("openCollaboration")),
      edit: (id, v, i) => ({ query: `mutation($id: ID!, $v: Int!, $n: String!) { addCollaborationEvent(recordId: $id, expectedVersion: $v, input: { kind: REPLIED, note: $n }) { version } }`, variables: { id, v, n: `竞态答复${i}` } }),
    },
  ];

  it.each(EDITS.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const record = await c.make();
    const tables = [c.table, ...(c.log ? [c.log] : [])];
    const before = await ledger(hub, tables);
    const answers = await burst(hub.url, await hub.token(c.as, { scopes: c.scopes }), Array.from({ length: N }, (_, i) => c.edit(record.id, record.version, i)));
    expect(tally(answers)).toEqual({ OK: 1, CONFLICT: N - 1 });
    for (const answer of answers.filter((a) => a.body.errors)) expect(answer.body.errors![0].extensions.field).toBe("expectedVersion");
    expect(answers.find((a) => !a.body.errors)!.body.data[c.operation].version).toBe(record.version + 1);
    const [{ version }] = (await hub.db.dataSource.query(`SELECT version FROM ${c.table} WHERE id = $1`, [record.id])) as Array<{ version: number }>;
    expect(version).toBe(record.version + 1);
    const changes = await changesSince(hub, before);
    expect(changes.rows).toEqual(Object.fromEntries(tables.map((t) => [t, t === c.log ? 1 : 0])));
    expect(only(changes.audit, c.operation)).toEqual(expect.arrayContaining([success(c.operation), ...conflicts(c.operation, N - 1)]));
    expect(only(changes.audit, c.operation)).toHaveLength(N);
  });
});

describe("registrations at once of the same unique value (no idempotency key): one succeeds, the others CONFLICT", () => {
  /** A complaint about 张伟 resolved with a confirmed violation, which one credit record may come from. */
  const resolvedComplaint = async () => {
    const posted = await hub.graphql(`mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id version } } }`, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "race-complaint", agencyCaseNo: "(2025)豫15知民初977号", appraiserId: ids.zhangWei, kind: "COMPLAINT", comment: "鉴定人未按期出具意见" } },
    });
    if (posted.body.errors) throw new Error(`setup failed: ${JSON.stringify(posted.body.errors)}`);
    let { id, version } = posted.body.data.postCaseFeedback.feedback as { id: string; version: number };
    for (const input of [{ to: "ACKNOWLEDGED", note: "已收到" }, { to: "INVESTIGATING", note: "调查中" }, { to: "RESOLVED", note: "查实", resolution: "违规属实", violationConfirmed: true }]) {
      const res = await hub.graphql(`mutation($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { version } }`, { as: "XY-AMR", variables: { id, v: version, input } });
      if (res.body.errors) throw new Error(`setup failed: ${JSON.stringify(res.body.errors)}`);
      version = res.body.data.handleComplaint.version;
    }
    ids.complaint = id;
  };
  const UNIQUES: Array<{ name: string; as: string; scopes?: string[]; operation: string; record: string; table: string; field: string; input: (i: number) => Record<string, unknown>; prepare?: () => Promise<void> }> = [
    {
      name: "the same credit code",
      as: "XY-AMR",
      operation: "registerInstitution",
      record: "institution",
      table: "institutions",
      field: "input.creditCode",
      input: (i) => ({ name: `同码机构${i}`, creditCode: creditCodeFor("411502", 9_500), regionCode: "411502", technicalFields: ["PATENT"] }),
    },
    {
      name: "the same ID number",
      as: "XY-AMR",
      operation: "registerAppraiser",
      record: "appraiser",
      table: "appraisers",
      field: "input.idNumber",
      input: (i) => ({ institutionId: ids.chadu, name: `同号鉴定人${i}`, idNumber: idNumberFor("411502", 9_500), technicalFields: ["PATENT"] }),
    },
    {
      name: "the same agency code",
      as: "HA-AMR",
      scopes: ["registry:admin"],
      operation: "registerAgency",
      record: "agency",
      table: "agencies",
      field: "input.code",
      input: (i) => ({ code: "ZZ-RACE", name: `郑州市竞态法院${i}`, kind: "COURT", regionCode: "410100" }),
    },
    {
      name: "the same client system name, each with its own key",
      as: "XY-COURT",
      scopes: ["clients:manage"],
      operation: "registerClientSystem",
      record: "clientSystem",
      table: "client_systems",
      field: "input.name",
      input: (i) => ({ idempotencyKey: `race-name-${i}`, name: "race-same-name" }),
    },
    {
      name: "the same complaint turned into a credit record, each with its own key",
      as: "XY-AMR",
      operation: "recordCreditEvent",
      record: "record",
      table: "credit_records",
      field: "input.fromComplaintId",
      prepare: resolvedComplaint,
      input: (i) => ({ idempotencyKey: `race-complaint-${i}`, fromComplaintId: ids.complaint, severity: "GENERAL", behaviour: "OUT_OF_SCOPE", decisionDocNo: `竞〔2025〕投${i}号`, basis: "投诉查实" }),
    },
    {
      name: "the same mark placed under custody, each with its own key",
      as: "XY-AMR",
      operation: "placeTrademarkUnderCustody",
      record: "trademark",
      table: "custody_trademarks",
      field: "input.registrationNumber",
      input: (i) => ({ idempotencyKey: `race-mark-${i}`, registrationNumber: "88800001", niceClass: 30, markName: "竞态茶", category: "GEOGRAPHICAL_INDICATION", ownerName: "竞态茶业", ownerCreditCode: "91411500MA9F3K2L21", custodianAgencyCode: "XY-IPAA", registeredOn: "2015-01-01", expiresOn: "2035-01-01" }),
    },
    {
      name: "the same agency's identity provider, each with its own key",
      as: "XX-COURT",
      scopes: ["clients:manage"],
      operation: "registerIdentityProvider",
      record: "identityProvider",
      table: "identity_providers",
      field: "input.agencyCode",
      input: (i) => ({ idempotencyKey: `race-idp-${i}`, agencyCode: "XX-COURT", issuer: "https://idp.xx-court.example", clientId: `hub-${i}` }),
    },
  ];

  it.each(UNIQUES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await c.prepare?.();
    const before = await ledger(hub, [c.table]);
    const answers = await burst(hub.url, await hub.token(c.as, { scopes: c.scopes }), Array.from({ length: N }, (_, i) => ({ query: creating(c), variables: { input: c.input(i) } })));
    expect(tally(answers)).toEqual({ OK: 1, CONFLICT: N - 1 });
    for (const answer of answers.filter((a) => a.body.errors)) expect(answer.body.errors![0].extensions.field).toBe(c.field);
    const changes = await changesSince(hub, before);
    expect(changes.rows).toEqual({ [c.table]: 1 });
    expect(only(changes.audit, c.operation)).toEqual(expect.arrayContaining([success(c.operation), ...conflicts(c.operation, N - 1)]));
    expect(only(changes.audit, c.operation)).toHaveLength(N);
  });
});

const describeOnServer = usingServer() ? describe : describe.skip;

describeOnServer("two hub instances on one PostgreSQL database (PostgreSQL only: an embedded database belongs to one process)", () => {
  let second: { hub: Hub; db: OpenDatabase; url: string } | undefined;
  beforeAll(async () => {
    const db = await openDatabase(hub.config, silentLogger(), { kind: "postgres", url: hub.databaseUrl! });
    const other = await buildHub(hub.config, silentLogger(), db);
    const server: Server = other.httpServer;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    second = { hub: other, db, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }, 60_000);
  afterAll(async () => {
    if (!second) return;
    await new Promise<void>((resolve) => {
      second!.hub.httpServer.close(() => resolve());
      second!.hub.httpServer.closeAllConnections();
    });
    await second.hub.stop();
    await second.db.close();
  });

  it("one key, one version, one credit code sent to both at once: one winner each", async () => {
    const token = await hub.token("XY-AMR");
    const both = (request: (i: number) => { query: string; variables: Record<string, unknown> }) =>
      Promise.all([burst(hub.url, token, Array.from({ length: N / 2 }, (_, i) => request(i))), burst(second!.url, token, Array.from({ length: N / 2 }, (_, i) => request(N / 2 + i)))]).then((halves) => halves.flat());
    const register = CREATES.find((c) => c.name === "registerInstitution")!;
    serial++;
    const keyed = register.input("race-two-instances", 0);
    const replays = await both(() => ({ query: creating(register).replace("institution { id }", "institution { id version }"), variables: { input: keyed } }));
    expect(tally(replays)).toEqual({ OK: N });
    expect(replays.filter((a) => !a.body.data.registerInstitution.replayed)).toHaveLength(1);
    const { id, version } = replays[0].body.data.registerInstitution.institution;

    const edits = await both((i) => ({ query: `mutation($id: ID!, $v: Int!, $a: String!) { updateInstitution(id: $id, expectedVersion: $v, input: { address: $a }) { version } }`, variables: { id, v: version, a: `两实例路${i}号` } }));
    expect(tally(edits)).toEqual({ OK: 1, CONFLICT: N - 1 });

    const code = creditCodeFor("411502", 9_600);
    const duplicates = await both((i) => ({ query: creating(register), variables: { input: { name: `两实例同码${i}`, creditCode: code, regionCode: "411502", technicalFields: ["PATENT"] } } }));
    expect(tally(duplicates)).toEqual({ OK: 1, CONFLICT: N - 1 });
    const [{ n }] = (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM institutions WHERE credit_code = $1`, [code])) as Array<{ n: number }>;
    expect(n).toBe(1);
  });

  it("leaves no transaction open and no advisory lock held once the races are answered", async () => {
    await hub.hub.deps.trail.flush();
    await second!.hub.deps.trail.flush();
    const [state] = (await hub.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%') AS open,
              (SELECT count(*)::int FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()) AS advisory`,
    )) as Array<{ open: number; advisory: number }>;
    expect(state).toEqual({ open: 0, advisory: 0 });
  });
});

describe("afterwards", () => {
  it("the audit chain verifies, as the province bureau reads it", async () => {
    await hub.hub.deps.trail.flush();
    const res = await hub.graphql(`{ verifyAuditChain { ok checked firstBreak { seq } } }`, { as: "HA-AMR" });
    expect(res.body.errors).toBeUndefined();
    const [{ n }] = (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`)) as Array<{ n: number }>;
    expect(res.body.data.verifyAuditChain).toEqual({ ok: true, checked: n, firstBreak: null });
  });
});
