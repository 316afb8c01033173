import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor, registerInstitution } from "./support/directory";
import { graphql } from "./gql";
import type { RecordCreditEventInput } from "./gql/graphql";
import { ConfigError, loadConfig } from "../src/config/config";
import { migrate, migrationReport } from "../src/db/database";
import { MIGRATIONS } from "../src/db/migrations";
import { CreditRules1766400000000 } from "../src/db/migrations/1766400000000-credit-rules";

/** The national credit repair rules (国家发展和改革委员会令第36号) as the hub's default policy, and the migration to them. */
let clock = new Date("2026-04-10T02:00:00Z");
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
});
afterAll(() => hub.stop());

const RECORD = graphql(`mutation CreditRulesRecord($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { record { id severity announced decidedOn publishFrom publishUntil repairableFrom status version } }
}`);
const SEEN = graphql(`query CreditRulesSeen($id: ID!) { creditRecord(id: $id) { id } }`);
const GRADE = graphql(`query CreditRulesGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }`);

let n = 0;
async function institution(on: TestHub = hub) {
  n++;
  const code = creditCodeFor("411503", 61_000 + n);
  await registerInstitution(on, "XY-AMR", { name: `信用规则测试机构${n}`, creditCode: code, regionCode: "411503", technicalFields: ["PATENT"] });
  return code;
}
const input = (code: string, extra: Partial<RecordCreditEventInput>): RecordCreditEventInput => ({
  idempotencyKey: `rules-${++n}`,
  subjectCreditCode: code,
  behaviour: "OUT_OF_SCOPE",
  severity: "GENERAL",
  decisionDocNo: "信市监信〔2026〕40号",
  basis: "事实与依据",
  ...extra,
});
const record = async (code: string, extra: Partial<RecordCreditEventInput>, on: TestHub = hub) => on.graphql(RECORD, { as: "XY-AMR", variables: { input: input(code, extra) } });

describe("the migration to the national rules", () => {
  // A hub of its own: going back past the later migrations needs a database without MINOR or patent attorney
  // records, so the demo's are removed first.
  let empty: TestHub;
  beforeAll(async () => {
    empty = await startTestHub();
    await empty.db.dataSource.query(`DELETE FROM credit_records WHERE severity = 'MINOR' OR subject_type = 'PATENT_ATTORNEY'`);
  });
  afterAll(() => empty.stop());

  it("moves decision days to the first day of publication, shortens windows past the maximum, and reports each change", async () => {
    const ds = empty.db.dataSource;
    // Back to just before it (and the migrations after it).
    const after = MIGRATIONS.slice(MIGRATIONS.indexOf(CreditRules1766400000000));
    for (const _ of after) await ds.undoLastMigration({ transaction: "each" });
    const legacy = async (doc: string, severity: string, decided: string, from: string, until: string) =>
      (
        await ds.query(
          `INSERT INTO credit_records (subject_type, subject_credit_code, subject_name, subject_region_code, behaviour, severity, deciding_agency_code, decision_doc_no, basis, decided_on, publish_from, publish_until)
           VALUES ('ENTERPRISE', $1, '迁移测试企业', '411500', 'OTHER_VIOLATION', $2, 'XY-AMR', $3, '依据', $4, $5, $6) RETURNING id`,
          [creditCodeFor("411500", 62_000 + ++n), severity, doc, decided, from, until],
        )
      )[0].id as string;
    const early = await legacy("旧〔2024〕1号", "GENERAL", "2025-03-01", "2024-06-01", "2025-06-01");
    const long = await legacy("旧〔2024〕2号", "GENERAL", "2024-01-10", "2024-01-10", "2026-01-10");
    const serious = await legacy("旧〔2024〕3号", "SERIOUS", "2024-01-10", "2024-01-10", "2027-01-10");
    const total = (await ds.query(`SELECT count(*)::int AS n FROM credit_records`))[0].n;

    const ran = await migrate(ds);
    expect(ran).toEqual(after.map((m) => m.name));
    const rows = async (id: string) => (await ds.query(`SELECT decided_on::text AS d, publish_from::text AS f, publish_until::text AS u, announced FROM credit_records WHERE id = $1`, [id]))[0];
    expect(await rows(early)).toEqual({ d: "2024-06-01", f: "2024-06-01", u: "2025-06-01", announced: true });
    expect(await rows(long)).toEqual({ d: "2024-01-10", f: "2024-01-10", u: "2025-01-10", announced: true });
    expect(await rows(serious)).toEqual({ d: "2024-01-10", f: "2024-01-10", u: "2027-01-10", announced: true });
    const report = await migrationReport(ds, ran);
    // The third and the demo's were made within the rules: only the first two change.
    expect(report).toEqual([
      `credit record ${early} (旧〔2024〕1号): decision day 2025-03-01 → 2024-06-01, its first day of publication`,
      `credit record ${long} (旧〔2024〕2号, GENERAL): publication until 2026-01-10 → 2025-01-10, the national maximum from its decision`,
      `${total} credit record(s) checked against the national credit repair rules: 1 decision day(s) moved, 1 publication window(s) shortened; severities unchanged`,
    ]);
  });
});

describe("publication and repair by severity", () => {
  it.each([
    ["MINOR", { announced: false, publishUntil: "2026-07-01", repairableFrom: "2026-04-01" }],
    ["GENERAL", { announced: true, publishUntil: "2027-04-01", repairableFrom: "2026-07-02" }],
    ["SERIOUS", { announced: true, publishUntil: "2029-04-01", repairableFrom: "2027-04-02" }],
  ] as const)("%s: the window and the first repair day count from the decision document", async (severity, expected) => {
    const res = await record(await institution(), { severity, decidedOn: "2026-04-01" });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordCreditEvent!.record).toMatchObject({ severity, decidedOn: "2026-04-01", publishFrom: "2026-04-01", ...expected });
  });

  it("refuses a window past the maximum or short of the minimum, a decision in the future and publication before it", async () => {
    const code = await institution();
    const refusal = async (extra: Partial<RecordCreditEventInput>) => (await record(code, extra)).body.errors?.[0];
    const tooLong = await refusal({ decidedOn: "2026-04-01", publishUntil: "2027-04-02" });
    expect(tooLong?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.publishUntil" });
    expect(tooLong?.message).toContain("2027-04-01");
    expect((await refusal({ decidedOn: "2026-04-01", publishUntil: "2026-06-30" }))?.message).toContain("at least 3 months");
    expect((await refusal({ severity: "SERIOUS", decidedOn: "2026-04-01", publishUntil: "2029-04-02" }))?.extensions.field).toBe("input.publishUntil");
    expect((await refusal({ severity: "MINOR", announce: true, decidedOn: "2026-04-01", publishUntil: "2026-07-02" }))?.extensions.field).toBe("input.publishUntil");
    expect((await refusal({ decidedOn: "2026-04-11" }))?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.decidedOn" });
    expect((await refusal({ decidedOn: "2026-04-01", publishFrom: "2026-03-31" }))?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.publishFrom" });
    expect((await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM credit_records WHERE subject_credit_code = $1`, [code]))[0].n).toBe(0);
  });

  it("keeps a MINOR record from the public unless its decision announces it, and grades its subject B", async () => {
    const code = await institution();
    const quiet = (await record(code, { severity: "MINOR" })).body.data!.recordCreditEvent!.record;
    expect(quiet.announced).toBe(false);
    expect((await hub.graphql(SEEN, { variables: { id: quiet.id } })).body.data!.creditRecord).toBeNull();
    expect((await hub.graphql(SEEN, { as: "XX-COURT", variables: { id: quiet.id } })).body.data!.creditRecord).toBeNull();
    expect((await hub.graphql(SEEN, { as: "XY-AMR", variables: { id: quiet.id } })).body.data!.creditRecord).toEqual({ id: quiet.id });
    expect((await hub.data(GRADE, { as: "XY-AMR", variables: { c: code } })).institution).toEqual({ creditGrade: "B", creditGradeWhy: ["1 active minor credit record(s)"] });

    const announced = (await record(code, { severity: "MINOR", announce: true })).body.data!.recordCreditEvent!.record;
    expect(announced).toMatchObject({ announced: true, publishUntil: "2026-07-10" });
    expect((await hub.graphql(SEEN, { variables: { id: announced.id } })).body.data!.creditRecord).toEqual({ id: announced.id });
  });

  it("lets a MINOR record be repaired on the day it is decided", async () => {
    const created = (await record(await institution(), { severity: "MINOR" })).body.data!.recordCreditEvent!.record;
    const asked = await hub.graphql(graphql(`mutation CreditRulesRepairMinor($id: ID!) { requestCreditRepair(recordId: $id, input: { commitment: "已履行义务并作出信用承诺" }) { status } }`), { as: "XY-AMR", variables: { id: created.id } });
    expect(asked.body.data!.requestCreditRepair!.status).toBe("REPAIR_REQUESTED");
  });

  it("shares only the severities the policy shares for joint punishment", async () => {
    const general = await record(await institution(), { shareWithAgencyCodes: ["XY-COURT"] });
    expect(general.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.shareWithAgencyCodes" });
  });
});

describe("the rules as configuration", () => {
  let local: TestHub;
  beforeAll(async () => {
    local = await startTestHub({
      now: () => clock,
      env: { HUB_CREDIT_GENERAL_MIN_MONTHS: "6", HUB_CREDIT_GENERAL_MAX_MONTHS: "24", HUB_CREDIT_GENERAL_REPAIR_MONTHS: "6", HUB_CREDIT_MINOR_ANNOUNCED: "true" },
    });
  });
  afterAll(() => local.stop());

  it("changes the default window, the bounds and the first repair day", async () => {
    const code = await institution(local);
    const general = (await record(code, { decidedOn: "2026-04-01" }, local)).body.data!.recordCreditEvent!.record;
    expect(general).toMatchObject({ publishUntil: "2028-04-01", repairableFrom: "2026-10-02" });
    expect((await record(code, { decidedOn: "2026-04-01", publishUntil: "2026-09-30" }, local)).body.errors?.[0].message).toContain("at least 6 months");
    expect((await record(code, { severity: "MINOR" }, local)).body.data!.recordCreditEvent!.record.announced).toBe(true);
  });

  it("refuses rules that contradict themselves and the setting they replaced", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ HUB_ENV: "test", ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ HUB_CREDIT_SERIOUS_MIN_MONTHS: "40" })).toEqual([expect.stringContaining("HUB_CREDIT_SERIOUS_MIN_MONTHS (40) is more than HUB_CREDIT_SERIOUS_MAX_MONTHS (36)")]);
    expect(problems({ HUB_CREDIT_GENERAL_REPAIR_MONTHS: "13" })).toEqual([expect.stringContaining("HUB_CREDIT_GENERAL_REPAIR_MONTHS (13)")]);
    expect(problems({ HUB_CREDIT_REPAIR_WAITING_MONTHS: "6" })).toEqual([expect.stringContaining("replaced by HUB_CREDIT_MINOR_REPAIR_MONTHS")]);
    expect(problems({ HUB_CREDIT_SHARED_SEVERITIES: "SERIOUS,HUGE" })[0]).toContain("HUGE");
    expect(loadConfig({ HUB_ENV: "test", HUB_CREDIT_SHARED_SEVERITIES: "GENERAL, SERIOUS" }).policy.creditSharedSeverities).toEqual(["GENERAL", "SERIOUS"]);
  });
});
