import { patentApplicationNumberProblem, patentCheckCharacter } from "../src/domain/identifiers";
import { creditCodeFor } from "./support/directory";
import { addBureau } from "./support/agencies";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import type { AbnormalPatentAction, AbnormalPatentGrouping, AbnormalPatentHandlingInput, AbnormalPatentItemInput, ImportAbnormalPatentBatchInput } from "./gql/graphql";

/**
 * 非正常专利申请快速处置 through the real schema: import by a province-level bureau, allocation to the bureau
 * of the applicant's county (or city), handling by that bureau, escalation into exactly one credit record,
 * and withdrawal rates = WITHDRAWN ÷ (ALL − APPEAL_UPHELD) over what the caller may see.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  // The demo has city and province bureaus only; a county bureau takes its county's items.
  await addBureau(hub, { code: "GS-AMR", name: "固始县市场监督管理局", regionCode: "411525" });
});
afterAll(() => hub.stop());

const number = (first12: string) => `${first12}.${patentCheckCharacter(first12)}`;
/** A valid application number of `year`, type digit `type`, serial `n`. */
const appNo = (n: number, type = "1", year = "2025") => number(`${year}${type}${String(n).padStart(7, "0")}`);

const IMPORT = graphql(`mutation AbnormalImportBatch($input: ImportAbnormalPatentBatchInput!) { importAbnormalPatentBatch(input: $input) {
  created unchanged dryRun rejected { index field code message } batch { id batchNo itemCount withdrawnCount withdrawalRate deadline } } }`);
const HANDLE = graphql(`mutation AbnormalHandleItem($id: ID!, $v: Int!, $input: AbnormalPatentHandlingInput!) { recordAbnormalPatentHandling(itemId: $id, expectedVersion: $v, input: $input) {
  replayed item { id version status notifiedAt handledAt fedBackAt creditRecord { id subjectType subjectName behaviour severity } history { action fromStatus toStatus actorAgencyCode } } } }`);
const ITEMS = graphql(`query AbnormalItems($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {
  id applicationNumber status regionCode allocatedAgencyCode version deadline } } } }`);
const ITEMS_WITH_CREDIT_RECORD = graphql(`query AbnormalItemsWithCreditRecord($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {
  id applicationNumber status regionCode allocatedAgencyCode version deadline creditRecord { subjectType subjectName behaviour } } } } }`);
const RATES = graphql(`query AbnormalWithdrawalRates($groupBy: AbnormalPatentGrouping!, $filter: AbnormalPatentItemFilter) { abnormalPatentWithdrawalRates(groupBy: $groupBy, filter: $filter) {
  key label itemCount withdrawnCount appealUpheldCount appealedCount overdueCount escalatedCount withdrawalRate withdrawalTarget meetsTarget } }`);

const item = (n: number, region: string, extra: Partial<AbnormalPatentItemInput> = {}): AbnormalPatentItemInput => ({
  applicationNumber: appNo(n),
  applicantName: `测试申请人${n}`,
  applicantCreditCode: creditCodeFor(region, n),
  applicantRegionCode: region,
  patentAgencyName: "测试专利代理事务所",
  patentAgencyCode: "41199",
  patentAgencyCreditCode: creditCodeFor("411500", 9000),
  ...extra,
});

async function importBatch(input: ImportAbnormalPatentBatchInput, as = "HA-AMR") {
  return (await hub.data(IMPORT, { as, variables: { input } })).importAbnormalPatentBatch!;
}

async function itemsOf(batchId: string, as: string) {
  return (await hub.data(ITEMS, { as, variables: { filter: { batchId }, first: 100 } })).abnormalPatentItems!.edges.map((e) => e.node);
}

async function handle(as: string, id: string, version: number, input: AbnormalPatentHandlingInput) {
  return hub.graphql(HANDLE, { as, variables: { id, v: version, input } });
}

/** The item after a handling step that must succeed. */
async function handled(as: string, id: string, version: number, input: AbnormalPatentHandlingInput) {
  return (await hub.data(HANDLE, { as, variables: { id, v: version, input } })).recordAbnormalPatentHandling!.item;
}

async function auditHead(): Promise<number> {
  await hub.hub.deps.trail.flush();
  const [{ seq }] = await hub.db.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS seq FROM audit_events`);
  return seq;
}

describe("patent application numbers", () => {
  it.each([
    ["202410123456.0", undefined],
    ["202410123456.1", "check character"],
    ["202440123456.0", "type digit"],
    ["20241012345.0", "12 digits"],
    ["202410123456", "12 digits"],
  ])("%s → %s", (value, problem) => {
    const found = patentApplicationNumberProblem(value);
    if (problem) expect(found).toContain(problem);
    else expect(found).toBeUndefined();
  });

  it("writes a check value of 10 as X", () => {
    // Find a number whose weighted sum is 10 mod 11 and check it round-trips.
    const withX = Array.from({ length: 200 }, (_, i) => `2025100${String(i).padStart(5, "0")}`).find((n) => patentCheckCharacter(n) === "X")!;
    expect(patentApplicationNumberProblem(`${withX}.X`)).toBeUndefined();
    expect(patentApplicationNumberProblem(`${withX}.0`)).toContain("check character");
  });
});

describe("the demo batches", () => {
  it("shows each bureau its part of a batch, with counts and rates over that part only", async () => {
    const query = graphql(`query AbnormalDemoBatches { abnormalPatentBatches { totalCount edges { node { batchNo itemCount withdrawnCount withdrawalRate
      totals { appealUpheldCount overdueCount escalatedCount meetsTarget withdrawalTarget } byRegion { key label itemCount } } } } }`);
    const view = async (as: string) => {
      return Object.fromEntries((await hub.data(query, { as })).abnormalPatentBatches!.edges.map((e) => [e.node.batchNo, e.node]));
    };
    const province = await view("HA-AMR");
    const old = province["2024年第3批"];
    expect(old).toMatchObject({ itemCount: 9, withdrawnCount: 6, totals: { appealUpheldCount: 0, overdueCount: 2, escalatedCount: 1, meetsTarget: false, withdrawalTarget: 0.9 } });
    expect(old.withdrawalRate).toBeCloseTo(6 / 9);
    const xinyang = (await view("XY-AMR"))["2024年第3批"];
    expect(xinyang).toMatchObject({ itemCount: 7, withdrawnCount: 5 });
    expect(xinyang.withdrawalRate).toBeCloseTo(5 / 7);
    expect(xinyang.byRegion.map((r) => r.key).every((k) => k.startsWith("4115"))).toBe(true);
    expect(xinyang.byRegion.find((r) => r.key === "411525")).toEqual({ key: "411525", label: "固始县", itemCount: 3 });
    const xinxiang = (await view("XX-AMR"))["2024年第3批"];
    expect(xinxiang).toMatchObject({ itemCount: 2, withdrawnCount: 1, withdrawalRate: 0.5 });
    // The current batch: one appeal upheld leaves the denominator.
    const current = Object.entries(await view("XY-AMR")).find(([no]) => no !== "2024年第3批")![1];
    expect(current).toMatchObject({ itemCount: 4, withdrawnCount: 1, totals: { appealUpheldCount: 1, overdueCount: 0 } });
    expect(current.withdrawalRate).toBeCloseTo(1 / 3);
  });

  it("turned the escalated item into one credit record about its patent agency", async () => {
    const data = await hub.data(ITEMS_WITH_CREDIT_RECORD, {
      as: "XY-AMR",
      variables: { filter: { status: "ESCALATED" } },
    });
    expect(data.abnormalPatentItems!.edges.map((e) => e.node.creditRecord)).toEqual([
      { subjectType: "PATENT_AGENCY", subjectName: "郑州中原慧诚专利代理有限公司", behaviour: "ABNORMAL_PATENT_APPLICATION" },
    ]);
  });
});

describe("importing a batch", () => {
  it("allocates each item to its county's bureau, else the city's (a functional zone's too), else the province's", async () => {
    const regions = { "411525": "GS-AMR", "411502": "XY-AMR", "411500": "XY-AMR", "410783": "XX-AMR", "410728": "XX-AMR", "410105": "HA-AMR", "411571": "XY-AMR" } as Record<string, string>;
    const input = { batchNo: "测试-分配", items: Object.keys(regions).map((region, i) => item(100 + i, region === "410728" ? "410783" : region, { applicantRegionCode: region })) };
    const report = await importBatch(input);
    expect(report).toMatchObject({ created: 7, unchanged: 0, rejected: [] });
    const items = await itemsOf(report.batch!.id, "HA-AMR");
    const allocation = Object.fromEntries(items.map((i) => [i.applicationNumber, [i.regionCode, i.allocatedAgencyCode]]));
    Object.entries(regions).forEach(([region, bureau], i) => {
      // 410728 (长垣县, replaced in 2019) is filed under 410783 (长垣市).
      expect(allocation[appNo(100 + i)]).toEqual([region === "410728" ? "410783" : region, bureau]);
    });
    // The county bureau sees its item and nothing else; the city sees its counties.
    expect((await itemsOf(report.batch!.id, "GS-AMR")).map((i) => i.regionCode)).toEqual(["411525"]);
    // 信阳高新区 (411571), a zone under the city with no bureau of its own, is the city's.
    expect((await itemsOf(report.batch!.id, "XY-AMR")).map((i) => i.regionCode).sort()).toEqual(["411500", "411502", "411525", "411571"]);
  });

  it("imports 500 items in one call, reports bad ones by position, and changes nothing when run again", async () => {
    const counties = ["411502", "411503", "411521", "411522", "411523", "411524", "411525", "411526", "411527", "411528", "410702", "410783"];
    const items: AbnormalPatentItemInput[] = Array.from({ length: 500 }, (_, i) => item(1000 + i, counties[i % counties.length]));
    const bad = (i: number, change: Partial<AbnormalPatentItemInput>) => (items[i] = { ...items[i], ...change });
    bad(9, { applicationNumber: `${appNo(1009).slice(0, 13)}${appNo(1009).endsWith("1") ? "2" : "1"}` });
    bad(19, { patentType: "DESIGN" });
    bad(29, { applicantKind: "PERSON" });
    bad(39, { applicantRegionCode: "110000" });
    bad(49, { applicationNumber: appNo(1000) });
    bad(59, { patentAgencyCode: "4119" });
    const before = await auditHead();
    const report = await importBatch({ batchNo: "2025年第9批", items });
    expect(report.created).toBe(494);
    expect(report.rejected).toEqual([
      { index: 10, field: "applicationNumber", code: "BAD_USER_INPUT", message: "The check character of the patent application number is wrong." },
      { index: 20, field: "patentType", code: "BAD_USER_INPUT", message: "patentType does not match the type digit of the application number." },
      { index: 30, field: "applicantCreditCode", code: "BAD_USER_INPUT", message: "A natural-person applicant has no credit code." },
      { index: 40, field: "applicantRegionCode", code: "FORBIDDEN", message: "The applicant's region is outside your jurisdiction." },
      { index: 50, field: "applicationNumber", code: "BAD_USER_INPUT", message: "This application number already appeared earlier in the batch." },
      { index: 60, field: "patentAgencyCode", code: "BAD_USER_INPUT", message: "A patent agency code (机构代码) has 5 digits." },
    ]);
    expect(report.batch).toMatchObject({ batchNo: "2025年第9批", itemCount: 494, withdrawnCount: 0, withdrawalRate: 0 });
    // One audit entry for the import.
    expect(await auditHead()).toBe(before + 1);

    const again = await importBatch({ batchNo: "2025年第9批", items });
    expect(again).toMatchObject({ created: 0, unchanged: 494 });
    expect(again.rejected).toHaveLength(6);
    expect(await auditHead()).toBe(before + 1);

    // An item already imported with other particulars is refused; new items join the batch.
    const changed = await importBatch({ batchNo: "2025年第9批", items: [{ ...items[0], applicantName: "另一申请人" }, item(1600, "411502")] });
    expect(changed).toMatchObject({ created: 1, unchanged: 0, rejected: [{ index: 1, field: "applicationNumber", code: "CONFLICT" }] });
    expect(changed.batch!.itemCount).toBe(495);
  });

  it("writes nothing in a dry run, keeps a batch's deadline, and is for province-level bureaus only", async () => {
    const before = await auditHead();
    const dry = await importBatch({ batchNo: "测试-试运行", items: [item(2000, "411502")], dryRun: true });
    expect(dry).toMatchObject({ created: 1, dryRun: true, batch: null });
    expect((await hub.data(graphql(`query AbnormalDryRunBatch { abnormalPatentBatches(filter: { batchNo: "测试-试运行" }) { totalCount } }`), { as: "HA-AMR" })).abnormalPatentBatches!.totalCount).toBe(0);
    expect(await auditHead()).toBe(before);

    const first = await importBatch({ batchNo: "测试-期限", receivedOn: "2025-03-01", items: [item(2001, "411502")] });
    expect(first.batch!.deadline).toBe("2025-03-31");
    const moved = await hub.graphql(IMPORT, { as: "HA-AMR", variables: { input: { batchNo: "测试-期限", deadline: "2025-05-01", items: [item(2002, "411502")] } } });
    expect(moved.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.deadline" });

    for (const as of ["XY-AMR", "XY-COURT", "XY-IPAA"]) {
      const res = await hub.graphql(IMPORT, { as, variables: { input: { batchNo: "测试-越权", items: [item(2003, "411502")] } } });
      expect(res.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
      expect(res.body.data!.importAbnormalPatentBatch).toBeNull();
    }
    const empty = await hub.graphql(IMPORT, { as: "HA-AMR", variables: { input: { batchNo: "测试-空", items: [] } } });
    expect(empty.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.items" });
  });
});

describe("handling", () => {
  let current: { id: string; version: number };
  let pastDue: Array<{ id: string; version: number; applicationNumber: string }>;
  beforeAll(async () => {
    const inTime = await importBatch({ batchNo: "测试-处置", deadline: "2099-12-31", items: [item(3000, "411502")] });
    [current] = await itemsOf(inTime.batch!.id, "XY-AMR");
    const late = await importBatch({
      batchNo: "测试-逾期",
      receivedOn: "2025-01-02",
      deadline: "2025-02-01",
      items: [item(3001, "411502"), item(3002, "411502", { applicantCreditCode: null, applicantName: "张某" }), item(3003, "411502"), item(3004, "411525")],
    });
    pastDue = await itemsOf(late.batch!.id, "HA-AMR");
  });

  it("is recorded only by the bureau the item is allocated to", async () => {
    const notify: AbnormalPatentHandlingInput = { action: "NOTIFY" };
    expect((await handle("HA-AMR", current.id, current.version, notify)).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await handle("XX-AMR", current.id, current.version, notify)).body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    expect((await handle("XY-COURT", current.id, current.version, notify)).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const gushi = pastDue.find((i) => i.applicationNumber === appNo(3004))!;
    expect((await handle("XY-AMR", gushi.id, gushi.version, notify)).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await handle("GS-AMR", gushi.id, gushi.version, notify)).body.errors).toBeUndefined();
  });

  it("keeps the first notification, result and feedback times, and follows the state machine", async () => {
    const feedBackFirst = await handle("XY-AMR", current.id, current.version, { action: "FEED_BACK" });
    expect(feedBackFirst.body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    const notified = await handled("XY-AMR", current.id, current.version, { action: "NOTIFY" });
    expect(notified.notifiedAt).not.toBeNull();
    const again = await handled("XY-AMR", current.id, notified.version, { action: "NOTIFY", note: "再次提醒" });
    expect(again.notifiedAt).toBe(notified.notifiedAt);
    expect((await handle("XY-AMR", current.id, again.version, { action: "ESCALATE", escalation: { subject: "APPLICANT", decisionDocNo: "测〔2025〕1号" } })).body.errors?.[0].extensions).toMatchObject({
      code: "INVALID_STATE_TRANSITION",
      from: "NOTIFIED",
      to: "ESCALATED",
    });
    expect((await handle("XY-AMR", current.id, notified.version, { action: "APPEAL" })).body.errors?.[0].extensions.code).toBe("CONFLICT");
    const appealed = await handled("XY-AMR", current.id, again.version, { action: "APPEAL" });
    expect(appealed).toMatchObject({ status: "APPEALED" });
    expect(appealed.handledAt).not.toBeNull();
    const rejected = await handled("XY-AMR", current.id, appealed.version, { action: "REJECT_APPEAL" });
    const withdrawn = await handled("XY-AMR", current.id, rejected.version, { action: "WITHDRAW" });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", handledAt: appealed.handledAt, fedBackAt: null });
    const fedBack = await handled("XY-AMR", current.id, withdrawn.version, { action: "FEED_BACK" });
    expect(fedBack.fedBackAt).not.toBeNull();
    expect(fedBack.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ["NOTIFY", "NOTIFIED", "NOTIFIED"],
      ["NOTIFY", "NOTIFIED", "NOTIFIED"],
      ["APPEAL", "NOTIFIED", "APPEALED"],
      ["REJECT_APPEAL", "APPEALED", "APPEAL_REJECTED"],
      ["WITHDRAW", "APPEAL_REJECTED", "WITHDRAWN"],
      ["FEED_BACK", "WITHDRAWN", "WITHDRAWN"],
    ]);
    expect((await handle("XY-AMR", current.id, fedBack.version, { action: "WITHDRAW" })).body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
  });

  it("shows items past the deadline as OVERDUE, and filters by it", async () => {
    const overdue = await hub.data(ITEMS, { as: "XY-AMR", variables: { filter: { status: "OVERDUE", applicationNumber: appNo(3001) } } });
    expect(overdue.abnormalPatentItems!.edges.map((e) => [e.node.status, e.node.deadline])).toEqual([["OVERDUE", "2025-02-01"]]);
    const notified = await hub.data(ITEMS, { as: "XY-AMR", variables: { filter: { status: "NOTIFIED", applicationNumber: appNo(3001) } } });
    expect(notified.abnormalPatentItems!.totalCount).toBe(0);
  });

  it("escalates into exactly one credit record, however often and however concurrently it is retried", async () => {
    const target = pastDue.find((i) => i.applicationNumber === appNo(3001))!;
    const input: AbnormalPatentHandlingInput = { idempotencyKey: "escalate-3001", action: "ESCALATE", note: "逾期未撤回", escalation: { subject: "APPLICANT", decisionDocNo: "豫测信〔2025〕1号" } };
    const results = await Promise.all(Array.from({ length: 6 }, () => handle("XY-AMR", target.id, target.version, input)));
    for (const r of results) expect(r.body.errors).toBeUndefined();
    expect(results.filter((r) => !r.body.data!.recordAbnormalPatentHandling!.replayed)).toHaveLength(1);
    const escalated = results[0].body.data!.recordAbnormalPatentHandling!.item;
    expect(escalated).toMatchObject({ status: "ESCALATED", creditRecord: { subjectType: "ENTERPRISE", subjectName: "测试申请人3001", behaviour: "ABNORMAL_PATENT_APPLICATION", severity: "GENERAL" } });
    // Without the key, the stale version is a CONFLICT; with the fresh one the machine refuses a second escalation.
    const stale = await handle("XY-AMR", target.id, target.version, { ...input, idempotencyKey: undefined });
    expect(stale.body.errors?.[0].extensions.code).toBe("CONFLICT");
    const twice = await handle("XY-AMR", target.id, escalated.version, { ...input, idempotencyKey: undefined });
    expect(twice.body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");
    const [{ n }] = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM credit_records WHERE source_patent_item_id = $1`, [target.id]);
    expect(n).toBe(1);
    // The record is a credit record like every other: the bureau finds it by the applicant's credit code.
    const records = await hub.data(graphql(`query AbnormalEscalatedCreditRecords($code: CreditCode!) { creditRecords(filter: { subjectCreditCode: $code }) { totalCount } }`), {
      as: "XY-AMR",
      variables: { code: creditCodeFor("411502", 3001) },
    });
    expect(records.creditRecords!.totalCount).toBe(1);
  });

  it("refuses to escalate to a subject without a credit code", async () => {
    const person = pastDue.find((i) => i.applicationNumber === appNo(3002))!;
    const res = await handle("XY-AMR", person.id, person.version, { action: "ESCALATE", escalation: { subject: "APPLICANT", decisionDocNo: "豫测信〔2025〕2号" } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.escalation.subject" });
    const none = await handle("XY-AMR", person.id, person.version, { action: "ESCALATE" });
    expect(none.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.escalation" });
    const [{ n }] = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM credit_records WHERE source_patent_item_id = $1`, [person.id]);
    expect(n).toBe(0);
  });
});

describe("withdrawal rates", () => {
  it("leave upheld appeals out of the denominator, per batch, county and patent agency", async () => {
    // 10 items in 罗山县: 6 withdrawn, 2 appeals upheld, 1 appeal pending, 1 notified → 6 ÷ (10 − 2) = 75%.
    const items = Array.from({ length: 10 }, (_, i) => item(4000 + i, "411521", i >= 8 ? { patentAgencyName: "另一代理所", patentAgencyCode: "41177", patentAgencyCreditCode: null } : {}));
    const report = await importBatch({ batchNo: "测试-撤回率", deadline: "2099-12-31", items });
    const rows = await itemsOf(report.batch!.id, "XY-AMR");
    const steps = (n: number): AbnormalPatentAction[] => (n < 6 ? ["WITHDRAW"] : n < 8 ? ["APPEAL", "UPHOLD_APPEAL"] : n === 8 ? ["APPEAL"] : []);
    for (const row of rows) {
      let version = row.version;
      for (const action of steps(Number(row.applicationNumber.slice(5, 12)) - 4000)) {
        const res = await handle("XY-AMR", row.id, version, { action });
        expect(res.body.errors).toBeUndefined();
        version = res.body.data!.recordAbnormalPatentHandling!.item.version;
      }
    }
    const rates = async (groupBy: AbnormalPatentGrouping, as = "XY-AMR") => (await hub.data(RATES, { as, variables: { groupBy, filter: { batchId: report.batch!.id } } })).abnormalPatentWithdrawalRates!;
    const [batch] = await rates("BATCH");
    expect(batch).toMatchObject({ label: "测试-撤回率", itemCount: 10, withdrawnCount: 6, appealUpheldCount: 2, appealedCount: 1, withdrawalRate: 0.75, withdrawalTarget: 0.9, meetsTarget: false });
    expect(await rates("REGION")).toEqual([expect.objectContaining({ key: "411521", label: "罗山县", itemCount: 10, withdrawalRate: 0.75 })]);
    // Agency 41199 had items 0–7 (6 withdrawn, 2 upheld: 100%); 41177 items 8–9 (none withdrawn: 0%).
    expect((await rates("PATENT_AGENCY")).map((r) => [r.key, r.label, r.itemCount, r.withdrawalRate, r.meetsTarget])).toEqual([
      ["41177", "另一代理所", 2, 0, false],
      ["41199", "测试专利代理事务所", 8, 1, true],
    ]);
    // Other bureaus' rates leave the items out: Xinxiang has none of this batch.
    expect(await rates("BATCH", "XX-AMR")).toEqual([]);
  });

  it("are for market-regulation bureaus only", async () => {
    for (const as of ["XY-COURT", "XY-PSB", "XY-IPAA", "XY-ZYJD"]) {
      const res = await hub.graphql(RATES, { as, variables: { groupBy: "BATCH" } });
      expect(res.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
      expect(res.body.data!.abnormalPatentWithdrawalRates).toBeNull();
    }
    const anonymous = await hub.graphql(graphql(`query AbnormalItemsAnonymous { abnormalPatentItems { totalCount } }`));
    expect(anonymous.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});
