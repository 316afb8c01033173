import { addMonths, todayInChina } from "../src/domain/local-date";
import { creditCodeFor } from "./support/directory";
import { startTestHub, TestHub } from "./support/test-hub";
import { graphql } from "./gql";
import type { AlertsQuery, PlaceTrademarkUnderCustodyInput, RaiseTrademarkAlertInput, TrademarkAlertFilter } from "./gql/graphql";

/**
 * 重点商标监控及托管 through the real schema: bureaus place marks under custody, the custodian enters and
 * handles alerts, EXPIRING alerts are computed from the expiry date (and stored once handled), and a mark
 * exists only for the bureaus and associations covering its owner's region and for its custodian.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const today = todayInChina();
const PLACE = graphql(`mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }`);
const MARKS = graphql(`query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {
  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }`);
const ALERTS = graphql(`query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }`);
const HANDLE = graphql(`mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }`);
const UPDATE = graphql(`mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }`);
const RAISE = graphql(`mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }`);

const mark = (n: number, extra: Partial<PlaceTrademarkUnderCustodyInput> = {}): PlaceTrademarkUnderCustodyInput => ({
  idempotencyKey: `mark-${n}`,
  registrationNumber: String(40000000 + n),
  niceClass: 30,
  markName: `测试商标${n}`,
  category: "KEY_INDUSTRY",
  ownerName: `测试企业${n}`,
  ownerCreditCode: creditCodeFor("411502", 7000 + n),
  custodianAgencyCode: "XY-IPAA",
  registeredOn: "2016-05-01",
  expiresOn: "2036-04-30",
  ...extra,
});

async function place(input: PlaceTrademarkUnderCustodyInput, as = "XY-AMR") {
  return (await hub.data(PLACE, { as, variables: { input } })).placeTrademarkUnderCustody!.trademark;
}

describe("the demo marks", () => {
  it("shows 信阳毛尖 and the other marks to the bureaus and associations covering them, and to their custodians", async () => {
    const names = async (as: string) => {
      return (await hub.data(MARKS, { as })).custodyTrademarks!.edges.map((e) => e.node.markName).sort();
    };
    expect(await names("XY-AMR")).toEqual(["信阳毛尖", "信阳红", "固始鸡"].sort());
    expect(await names("XY-IPAA")).toEqual(["信阳毛尖", "信阳红", "固始鸡"].sort());
    expect(await names("XX-AMR")).toEqual(["原阳大米", "心连心"].sort());
    expect(await names("HA-AMR")).toHaveLength(5);
    expect(await names("XY-COURT")).toEqual([]);
    const anonymous = await hub.graphql(MARKS);
    expect(anonymous.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const tea = (await hub.data(MARKS, { as: "XY-AMR", variables: { filter: { markContains: "毛尖" } } })).custodyTrademarks!.edges[0].node;
    expect(tea).toMatchObject({ markName: "信阳毛尖", niceClass: 30, category: "GEOGRAPHICAL_INDICATION", regionName: "信阳市", custodianAgencyCode: "XY-IPAA" });
    expect(tea.alerts.map((a) => [a.kind, a.status])).toEqual([["SIMILAR_FILING", "OPEN"]]);
  });

  it("computes the expiring alert of a mark within six months of its expiry", async () => {
    const alerts = (await hub.data(ALERTS, { as: "XY-IPAA", variables: { filter: { kind: "EXPIRING" } } })).trademarkAlerts!;
    expect(alerts.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: "EXPIRING", status: "OPEN", dueOn: addMonths(today, 4), raisedOn: addMonths(addMonths(today, 4), -6), raisedByAgencyCode: "hub" }),
    ]);
  });
});

describe("custody", () => {
  it("is placed by the bureau covering the owner's region, once per registration number", async () => {
    const first = await place(mark(1));
    expect(first).toMatchObject({ markName: "测试商标1", regionCode: "411502", custodianAgencyCode: "XY-IPAA", version: 1 });
    const replay = await hub.data(PLACE, { as: "XY-AMR", variables: { input: mark(1) } });
    expect(replay.placeTrademarkUnderCustody).toMatchObject({ replayed: true, trademark: { id: first.id } });
    const duplicate = await hub.graphql(PLACE, { as: "XY-AMR", variables: { input: { ...mark(1), idempotencyKey: "mark-1-again" } } });
    expect(duplicate.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.registrationNumber" });
    const outside = await hub.graphql(PLACE, { as: "XX-AMR", variables: { input: mark(2) } });
    expect(outside.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    for (const as of ["XY-IPAA", "XY-COURT"]) expect((await hub.graphql(PLACE, { as, variables: { input: mark(2) } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it.each([
    ["a Nice class outside 1–45", { niceClass: 46 }, "input.niceClass"],
    ["a malformed registration number", { registrationNumber: "12-34" }, "input.registrationNumber"],
    ["an expiry before registration", { expiresOn: "2015-01-01" }, "input.expiresOn"],
    ["an unknown custodian", { custodianAgencyCode: "NOBODY" }, "input.custodianAgencyCode"],
  ])("refuses %s with BAD_USER_INPUT", async (_what, change, field) => {
    const res = await hub.graphql(PLACE, { as: "XY-AMR", variables: { input: { ...mark(3), ...change } } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("alerts", () => {
  it("are entered and handled by the custodian only, along OPEN → IN_PROGRESS → RESOLVED", async () => {
    const m = await place(mark(10));
    const input: RaiseTrademarkAlertInput = { idempotencyKey: "alert-10", trademarkId: m.id, kind: "SIMILAR_FILING", detail: "近似商标申请", reference: "第80000010号" };
    expect((await hub.graphql(RAISE, { as: "XY-AMR", variables: { input } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await hub.graphql(RAISE, { as: "XX-AMR", variables: { input } })).body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    expect((await hub.graphql(RAISE, { as: "XY-IPAA", variables: { input: { ...input, kind: "EXPIRING" } } })).body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.kind" });
    const alert = (await hub.data(RAISE, { as: "XY-IPAA", variables: { input } })).raiseTrademarkAlert!.alert;
    expect(alert).toMatchObject({ kind: "SIMILAR_FILING", status: "OPEN", raisedByAgencyCode: "XY-IPAA" });
    expect((await hub.data(RAISE, { as: "XY-IPAA", variables: { input } })).raiseTrademarkAlert!).toMatchObject({ replayed: true, alert: { id: alert.id } });

    expect((await hub.graphql(HANDLE, { as: "XY-AMR", variables: { id: alert.id, v: 1, input: { status: "IN_PROGRESS", note: "跟进" } } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const inProgress = (await hub.data(HANDLE, { as: "XY-IPAA", variables: { id: alert.id, v: 1, input: { status: "IN_PROGRESS", note: "已提出异议" } } })).handleTrademarkAlert!;
    expect(inProgress).toMatchObject({ status: "IN_PROGRESS", version: 2, handledByAgencyCode: "XY-IPAA" });
    expect((await hub.graphql(HANDLE, { as: "XY-IPAA", variables: { id: alert.id, v: 1, input: { status: "RESOLVED", note: "x" } } })).body.errors?.[0].extensions.code).toBe("CONFLICT");
    const resolved = (await hub.data(HANDLE, { as: "XY-IPAA", variables: { id: alert.id, v: 2, input: { status: "RESOLVED", note: "异议成立，近似商标不予注册" } } })).handleTrademarkAlert!;
    expect(resolved.status).toBe("RESOLVED");
    const reopen = await hub.graphql(HANDLE, { as: "XY-IPAA", variables: { id: alert.id, v: 3, input: { status: "OPEN", note: "x" } } });
    expect(reopen.body.errors?.[0].extensions).toMatchObject({ code: "INVALID_STATE_TRANSITION", from: "RESOLVED", to: "OPEN" });
    const unresolved = await hub.data(ALERTS, { as: "XY-AMR", variables: { filter: { trademarkId: m.id, unresolved: true } } });
    expect(unresolved.trademarkAlerts!.totalCount).toBe(0);
  });

  it("stores a computed expiring alert when it is handled, and a renewal resolves it", async () => {
    const expiresOn = addMonths(today, 2);
    const m = await place(mark(20, { registeredOn: addMonths(expiresOn, -120), expiresOn }));
    const list = async () => (await hub.data(ALERTS, { as: "XY-IPAA", variables: { filter: { trademarkId: m.id } } })).trademarkAlerts!;
    const [computed] = (await list()).edges.map((e) => e.node);
    expect(computed).toMatchObject({ id: `expiring:${m.id}:${expiresOn}`, kind: "EXPIRING", status: "OPEN", version: 1, dueOn: expiresOn });
    const handled = (await hub.data(HANDLE, { as: "XY-IPAA", variables: { id: computed.id, v: 1, input: { status: "IN_PROGRESS", note: "已提醒权利人办理续展" } } })).handleTrademarkAlert!;
    expect(handled).toMatchObject({ kind: "EXPIRING", status: "IN_PROGRESS", version: 2 });
    expect(handled.id).not.toBe(computed.id);
    // Listed once, now as the stored alert.
    expect((await list()).edges.map((e) => [e.node.id, e.node.status])).toEqual([[handled.id, "IN_PROGRESS"]]);
    // The custodian records the renewal; the alert about the old expiry is resolved and no new one is due.
    const renewed = (await hub.data(UPDATE, { as: "XY-IPAA", variables: { id: m.id, v: m.version, input: { expiresOn: addMonths(expiresOn, 120) } } })).updateCustodyTrademark!;
    expect(renewed).toMatchObject({ version: 2, expiresOn: addMonths(expiresOn, 120) });
    expect((await list()).edges.map((e) => [e.node.kind, e.node.status, e.node.handlingNote])).toEqual([["EXPIRING", "RESOLVED", `已续展，有效期至 ${addMonths(expiresOn, 120)}`]]);
    // Only the bureau changes the custodian or ends custody.
    const custodian = await hub.graphql(UPDATE, { as: "XY-IPAA", variables: { id: m.id, v: 2, input: { custodyStatus: "ENDED" } } });
    expect(custodian.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const ended = await hub.data(UPDATE, { as: "XY-AMR", variables: { id: m.id, v: 2, input: { custodyStatus: "ENDED" } } });
    expect(ended.updateCustodyTrademark).toMatchObject({ custodyStatus: "ENDED", version: 3 });
  });

  it("gives a mark the same alerts as the alert list, and pages on from a computed alert", async () => {
    const expiresOn = addMonths(today, 3);
    const m = await place(mark(21, { registeredOn: addMonths(expiresOn, -120), expiresOn }));
    await hub.data(RAISE, { as: "XY-IPAA", variables: { input: { idempotencyKey: "alert-21", trademarkId: m.id, kind: "SIMILAR_FILING", detail: "第30类近似商标申请" } } });
    const onMark = (await hub.data(MARKS, { as: "XY-IPAA", variables: { filter: { markContains: "测试商标21" } } })).custodyTrademarks!.edges[0].node.alerts;
    const listed = (await hub.data(ALERTS, { as: "XY-IPAA", variables: { filter: { trademarkId: m.id } } })).trademarkAlerts!.edges.map((e) => e.node);
    expect(onMark.map((a) => [a.kind, a.id])).toEqual(listed.map((a) => [a.kind, a.id]));
    expect(listed.map((a) => a.kind)).toEqual(["SIMILAR_FILING", "EXPIRING"]);
    // Computed alerts end pages: their cursor (id expiring:…) must lead on.
    const ids: string[] = [];
    const filter: TrademarkAlertFilter = { kind: "EXPIRING", unresolved: true };
    let after: string | null = null;
    do {
      const page: AlertsQuery["trademarkAlerts"] = (await hub.data(ALERTS, { as: "XY-IPAA", variables: { filter, first: 1, after } })).trademarkAlerts;
      ids.push(...page!.edges.map((e) => e.node.id));
      after = page!.pageInfo.hasNextPage ? page!.pageInfo.endCursor! : null;
    } while (after);
    expect(ids.filter((id) => id.startsWith("expiring:")).length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("pages through alerts newest first with a stable cursor", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: AlertsQuery["trademarkAlerts"] = (await hub.data(ALERTS, { as: "HA-AMR", variables: { first: 2, after } })).trademarkAlerts;
      total = page!.totalCount;
      seen.push(...page!.edges.map((e) => e.node.raisedOn + e.node.id));
      after = page!.pageInfo.hasNextPage ? page!.pageInfo.endCursor! : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort().reverse()).toEqual(seen);
  });
});
