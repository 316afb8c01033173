import { startTestHub, TestHub } from "./support/test-hub";
import { CHANGE_LISTING, creditCodeFor, moveListing, qualifyForListing, registerInstitution } from "./support/directory";
import { graphql } from "./gql";
import type { InstitutionFilter, ListingStatus } from "./gql/graphql";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

describe("registering institutions", () => {
  it("registers an institution in the bureau's jurisdiction as NOT_LISTED, audited", async () => {
    const code = creditCodeFor("411502", 1);
    const res = await registerInstitution(hub, "XY-AMR", { name: "浉河区测试鉴定中心", creditCode: code, regionCode: "411502", address: "信阳市浉河区", contactPhone: "0376-1234567" });
    expect(res.body.errors).toBeUndefined();
    const { institution } = res.body.data!.registerInstitution!;
    expect(institution).toMatchObject({ version: 1, listingStatus: "NOT_LISTED", creditCode: code });
    await hub.hub.deps.trail.flush();
    const [entry] = await hub.db.dataSource.query(`SELECT operation, agency_code FROM audit_events WHERE entity_id = $1`, [institution.id]);
    expect(entry).toEqual({ operation: "registerInstitution", agency_code: "XY-AMR" });
  });

  it.each([
    ["a wrong check character", { creditCode: "91411500MA45XXXX0Y" }, "input.creditCode"],
    ["an unknown region", { regionCode: "419999" }, "input.regionCode"],
    ["an empty name", { name: "  " }, "input.name"],
    ["an oversized address", { address: "路".repeat(301) }, "input.address"],
    ["no technical field", { technicalFields: [] }, "input.technicalFields"],
  ])("refuses %s with BAD_USER_INPUT on the field, and writes nothing", async (_label, override, field) => {
    const before = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM institutions`);
    const res = await registerInstitution(hub, "XY-AMR", { name: "测试机构", creditCode: creditCodeFor("411500", 2), regionCode: "411500", ...override });
    const error = res.body.errors?.[0];
    expect(error?.extensions.code).toBe("BAD_USER_INPUT");
    expect(error?.extensions.field).toBe(field);
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM institutions`)).toEqual(before);
  });

  it("refuses a code that is no longer valid (长垣县 410728 became 长垣市 410783 in 2019)", async () => {
    const res = await registerInstitution(hub, "XX-AMR", { name: "长垣测试", creditCode: creditCodeFor("410728", 3), regionCode: "410728" });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.regionCode" });
  });

  it("answers CONFLICT for a credit code that is already registered", async () => {
    const res = await registerInstitution(hub, "XY-AMR", { name: "重复", creditCode: "91411500MA9F3K2L21", regionCode: "411500" });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "CONFLICT", field: "input.creditCode" });
  });

  it("refuses a bureau outside the institution's region, and courts altogether", async () => {
    const outside = await registerInstitution(hub, "XX-AMR", { name: "越权", creditCode: creditCodeFor("411500", 4), regionCode: "411500" });
    expect(outside.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const court = await registerInstitution(hub, "XY-COURT", { name: "越权", creditCode: creditCodeFor("411500", 4), regionCode: "411500" });
    expect(court.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("replays a registration retried with the same idempotency key", async () => {
    const input = { idempotencyKey: "inst-retry-1", name: "重试机构", creditCode: creditCodeFor("411503", 5), regionCode: "411503" };
    const first = await registerInstitution(hub, "XY-AMR", input);
    const again = await registerInstitution(hub, "XY-AMR", input);
    expect(again.body.data!.registerInstitution!.institution.id).toBe(first.body.data!.registerInstitution!.institution.id);
    expect([first.body.data!.registerInstitution!.replayed, again.body.data!.registerInstitution!.replayed]).toEqual([false, true]);
  });

  it("edits at the current version and refuses a stale one", async () => {
    const created = (await registerInstitution(hub, "XY-AMR", { name: "待编辑", creditCode: creditCodeFor("411521", 6), regionCode: "411521" })).body.data!.registerInstitution!.institution;
    const UPDATE = graphql(`mutation InstitutionUpdate($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, expectedVersion: $v, input: $input) { name version } }`);
    const ok = await hub.graphql(UPDATE, { as: "XY-AMR", variables: { id: created.id, v: 1, input: { name: "已编辑", address: "信阳市新七大道1号" } } });
    expect(ok.body.data!.updateInstitution).toEqual({ name: "已编辑", version: 2 });
    const stale = await hub.graphql(UPDATE, { as: "XY-AMR", variables: { id: created.id, v: 1, input: { name: "丢失的修改" } } });
    expect(stale.body.errors?.[0].extensions.code).toBe("CONFLICT");
  });
});

describe("the listing register", () => {
  async function freshInstitution(n: number, region = "411502") {
    return (await registerInstitution(hub, "XY-AMR", { name: `名录测试${n}`, creditCode: creditCodeFor(region, 100 + n), regionCode: region })).body.data!.registerInstitution!.institution;
  }

  it("answers 'listed on that day?' from the history, across a suspension and a re-listing", async () => {
    const inst = await freshInstitution(1);
    let v = await qualifyForListing(hub, "XY-AMR", { id: inst.id, version: inst.version! }, "411502", 9101);
    const moves: Array<[string, ListingStatus, string]> = [
      ["XY-IPAA", "RECOMMENDED", "2025-01-02"],
      ["XY-AMR", "UNDER_REVIEW", "2025-01-10"],
      ["XY-AMR", "LISTED", "2025-02-01"],
      ["XY-AMR", "SUSPENDED", "2025-06-01"],
      ["XY-AMR", "LISTED", "2025-09-01"],
    ];
    for (const [as, to, on] of moves) {
      const res = await moveListing(hub, as, inst.id, v, to, on);
      expect(res.body.errors).toBeUndefined();
      v = res.body.data!.changeListingStatus!.version!;
    }
    // The status on 2025-01-01, 01-31, 02-01, 05-31, 06-01, 08-31, 09-01 and 2026-01-01.
    const query = graphql(`query InstitutionListingOnDays($id: ID!) { institution(id: $id) { listingStatus listedAt
      d0: listingStatusOn(date: "2025-01-01") d1: listingStatusOn(date: "2025-01-31") d2: listingStatusOn(date: "2025-02-01") d3: listingStatusOn(date: "2025-05-31")
      d4: listingStatusOn(date: "2025-06-01") d5: listingStatusOn(date: "2025-08-31") d6: listingStatusOn(date: "2025-09-01") d7: listingStatusOn(date: "2026-01-01") } }`);
    const answer = (await hub.data(query, { variables: { id: inst.id } })).institution!;
    expect([answer.d0, answer.d1, answer.d2, answer.d3, answer.d4, answer.d5, answer.d6, answer.d7]).toEqual(["NOT_LISTED", "UNDER_REVIEW", "LISTED", "LISTED", "SUSPENDED", "SUSPENDED", "LISTED", "LISTED"]);
    expect(answer).toMatchObject({ listingStatus: "LISTED", listedAt: "2025-09-01" });

    const listedOn = async (day: string) => {
      const r = await hub.data(graphql(`query InstitutionsListedOn($d: Date) { institutions(first: 100, filter: { listedOn: $d, regionCode: "411502" }) { edges { node { id } } } }`), { variables: { d: day } });
      return r.institutions!.edges.some((e) => e.node.id === inst.id);
    };
    expect(await listedOn("2025-03-15")).toBe(true);
    expect(await listedOn("2025-07-01")).toBe(false);
    expect(await listedOn("2025-10-01")).toBe(true);
    expect(await listedOn("2024-12-31")).toBe(false);
  });

  it("keeps suspended and removed institutions visible to courts, with the reason; hides them from the public", async () => {
    const removed = graphql(`query InstitutionRemoved { institution(creditCode: "91410783MA3W5N6P4P") { name listingStatus listingHistory { toStatus reason decisionDocNo } } }`);
    const court = await hub.graphql(removed, { as: "XY-COURT" });
    expect(court.body.data!.institution!.listingStatus).toBe("REMOVED");
    expect(court.body.data!.institution!.listingHistory![0]).toEqual({ toStatus: "REMOVED", reason: "整改期满仍不符合条件，移出名录库", decisionDocNo: "新市监〔2023〕77号" });
    expect((await hub.graphql(removed)).body.data!.institution).toBeNull();
  });

  it("answers INVALID_STATE_TRANSITION for a move the machine does not allow, and changes nothing", async () => {
    const inst = await freshInstitution(2);
    const res = await moveListing(hub, "XY-AMR", inst.id, inst.version!, "LISTED");
    expect(res.body.errors?.[0].extensions).toEqual({ code: "INVALID_STATE_TRANSITION", from: "NOT_LISTED", to: "LISTED" });
    const [row] = await hub.db.dataSource.query(`SELECT listing_status, version FROM institutions WHERE id = $1`, [inst.id]);
    expect(row).toEqual({ listing_status: "NOT_LISTED", version: 1 });
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM listing_events WHERE institution_id = $1`, [inst.id])).toEqual([{ n: 0 }]);
  });

  it("answers CONFLICT, not a state verdict, to a caller quoting a stale version", async () => {
    const inst = await freshInstitution(6);
    const moved = await moveListing(hub, "XY-AMR", inst.id, inst.version!, "RECOMMENDED");
    expect(moved.body.errors).toBeUndefined();
    const replay = await moveListing(hub, "XY-AMR", inst.id, inst.version!, "RECOMMENDED");
    expect(replay.body.errors?.[0].extensions).toEqual({ code: "CONFLICT", field: "expectedVersion" });
  });

  it("lets an association recommend but not decide", async () => {
    const inst = await freshInstitution(3);
    const recommended = await moveListing(hub, "XY-IPAA", inst.id, inst.version!, "RECOMMENDED");
    expect(recommended.body.data!.changeListingStatus!.listingStatus).toBe("RECOMMENDED");
    const decided = await moveListing(hub, "XY-IPAA", inst.id, recommended.body.data!.changeListingStatus!.version!, "UNDER_REVIEW");
    expect(decided.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("refuses a stale version, a future effective day, and a day before the previous decision", async () => {
    const inst = await freshInstitution(4);
    const first = await moveListing(hub, "XY-AMR", inst.id, inst.version!, "RECOMMENDED", "2025-03-01");
    const v = first.body.data!.changeListingStatus!.version!;
    expect((await moveListing(hub, "XY-AMR", inst.id, v - 1, "UNDER_REVIEW")).body.errors?.[0].extensions.code).toBe("CONFLICT");
    expect((await moveListing(hub, "XY-AMR", inst.id, v, "UNDER_REVIEW", "2099-01-01")).body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "effectiveOn" });
    expect((await moveListing(hub, "XY-AMR", inst.id, v, "UNDER_REVIEW", "2025-02-01")).body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "effectiveOn" });
  });

  it("refuses an empty reason and a badly written date", async () => {
    const inst = await freshInstitution(5);
    const noReason = await hub.graphql(CHANGE_LISTING, { as: "XY-AMR", variables: { id: inst.id, v: 1, to: "RECOMMENDED", reason: " " } });
    expect(noReason.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "reason" });
    const badDate = await hub.graphql(CHANGE_LISTING, { as: "XY-AMR", variables: { id: inst.id, v: 1, to: "RECOMMENDED", reason: "x", on: "2025-02-30" } });
    expect(badDate.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("makes the register append-only in the database", async () => {
    await expect(hub.db.dataSource.query(`DELETE FROM listing_events`)).rejects.toThrow(/append-only/);
  });
});

describe("the institution list", () => {
  const list = async (filter: InstitutionFilter, as?: string) => {
    const res = await hub.graphql(graphql(`query InstitutionList($f: InstitutionFilter) { institutions(first: 100, filter: $f) { totalCount edges { node { name regionCode listingStatus technicalFields } } } }`), { as, variables: { f: filter } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.institutions!;
  };

  it("covers sub-regions: 信阳市 includes 固始县 for the bureau", async () => {
    const regions = (await list({ regionCode: "411500" }, "XY-AMR")).edges.map((e) => e.node.regionCode);
    expect(regions).toEqual(expect.arrayContaining(["411500", "411502", "411525"]));
    expect(regions.every((r) => r.startsWith("4115"))).toBe(true);
  });

  it("filters by field, status and name, and counts what the caller may see", async () => {
    const gi = await list({ technicalField: "GEOGRAPHICAL_INDICATION" });
    expect(gi.edges.map((e) => e.node.name)).toEqual(["信阳茶都知识产权鉴定评估有限公司"]);
    const listed = await list({ listingStatus: "LISTED" });
    expect(listed.edges.every((e) => e.node.listingStatus === "LISTED")).toBe(true);
    expect((await list({ nameContains: "新乡" }, "XX-AMR")).totalCount).toBeGreaterThanOrEqual(3);
    expect((await list({ nameContains: "%" })).totalCount).toBe(0);
  });
});
