import { startTestHub, TestHub } from "./support/test-hub";

let clock = new Date("2026-03-02T01:00:00Z");
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
});
afterAll(() => hub.stop());

const OPEN = `mutation($input: OpenCollaborationInput!) { openCollaboration(input: $input) { replayed record { id version status } } }`;
const EVENT = `mutation($id: ID!, $v: Int!, $input: CollaborationEventInput!) { addCollaborationEvent(recordId: $id, expectedVersion: $v, input: $input) { version status outcome } }`;
const zhongyuan = async () => (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`))[0].id as string;

async function open(as: string, input: Record<string, unknown>) {
  return hub.graphql(OPEN, { as, variables: { input: { kind: "CLUE_REFERRAL", title: "商标侵权线索移送", participantAgencyCodes: ["XY-PSB"], ...input } } });
}

describe("collaboration records", () => {
  it("exists for its parties and the bureaus covering its region, and for no one else", async () => {
    const created = await open("XY-AMR", { idempotencyKey: "c-vis", participantAgencyCodes: ["XY-PSB", "XY-PROC"], regionCode: "411502" });
    const id = created.body.data.openCollaboration.record.id;
    const sees = async (as?: string) => {
      const res = await hub.graphql(`query($id: ID!) { collaborationRecord(id: $id) { id participants { agencyCode role } } }`, { as, variables: { id } });
      return res.body.errors?.[0]?.extensions.code ?? (res.body.data.collaborationRecord ? "ok" : "hidden");
    };
    for (const as of ["XY-AMR", "XY-PSB", "XY-PROC", "HA-AMR", "CNIPA"]) expect([as, await sees(as)]).toEqual([as, "ok"]);
    for (const as of ["XX-AMR", "XY-COURT", "XY-IPAA", "GS-PSB", "XY-ZYJD"]) expect([as, await sees(as)]).toEqual([as, "hidden"]);
    expect(await sees()).toBe("FORBIDDEN");
    const listed = await hub.graphql(`{ collaborationRecords { edges { node { id } } } }`, { as: "XY-COURT" });
    expect(listed.body.data.collaborationRecords.edges.map((e: any) => e.node.id)).not.toContain(id);
  });

  it("replays an open retried with the same key, and refuses the key with other input", async () => {
    const input = { idempotencyKey: "c-retry", title: "协商会商" };
    const first = await open("XY-COURT", input);
    const again = await open("XY-COURT", input);
    expect(again.body.data.openCollaboration).toEqual({ ...first.body.data.openCollaboration, replayed: true });
    expect((await open("XY-COURT", { ...input, title: "另一个标题" })).body.errors?.[0].extensions.code).toBe("CONFLICT");
  });

  it.each([
    ["an unknown participant", { participantAgencyCodes: ["NO-SUCH"] }, "input.participantAgencyCodes"],
    ["only the initiator itself", { participantAgencyCodes: ["XY-AMR"] }, "input.participantAgencyCodes"],
    ["an institution the initiator cannot see", { relatedInstitutionIds: ["00000000-0000-4000-8000-000000000000"] }, "input.relatedInstitutionIds"],
    ["an empty title", { title: " " }, "input.title"],
  ])("refuses %s with BAD_USER_INPUT", async (_label, override, field) => {
    const res = await open("XY-AMR", { idempotencyKey: `c-bad-${field}-${_label.length}`, ...override });
    expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field });
  });

  it("records the timeline by its parties, closes only by the initiator with an outcome, and measures response times", async () => {
    clock = new Date("2026-03-02T01:00:00Z");
    const created = await open("XY-AMR", { idempotencyKey: "c-timeline", kind: "CASE_TRANSFER", relatedInstitutionIds: [await zhongyuan()] });
    const { id, version } = created.body.data.openCollaboration.record;
    const event = (as: string, v: number, input: Record<string, unknown>) => hub.graphql(EVENT, { as, variables: { id, v, input } });

    clock = new Date("2026-03-02T06:00:00Z");
    expect((await event("XY-PSB", version, { kind: "RECEIVED" })).body.data.addCollaborationEvent.version).toBe(version + 1);
    const accepted = await event("XY-PSB", version + 1, { kind: "ACCEPTED", note: "受理" });
    let v = accepted.body.data.addCollaborationEvent.version;
    expect((await event("XY-PSB", v, { kind: "CLOSED", outcome: "CASE_FILED" })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await event("XY-PSB", v, { kind: "SENT" })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await event("HA-AMR", v, { kind: "REPLIED" })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await event("XX-COURT", v, { kind: "REPLIED" })).body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    expect((await event("XY-AMR", v - 1, { kind: "REPLIED" })).body.errors?.[0].extensions.code).toBe("CONFLICT");
    expect((await event("XY-AMR", v, { kind: "CLOSED" })).body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.outcome" });

    clock = new Date("2026-03-03T07:00:00Z");
    const closed = await event("XY-AMR", v, { kind: "CLOSED", outcome: "CASE_FILED", note: "公安机关已立案" });
    expect(closed.body.data.addCollaborationEvent).toMatchObject({ status: "CLOSED", outcome: "CASE_FILED" });
    v = closed.body.data.addCollaborationEvent.version;
    expect((await event("XY-PSB", v, { kind: "REPLIED" })).body.errors?.[0].extensions.code).toBe("INVALID_STATE_TRANSITION");

    const read = await hub.graphql(
      `query($id: ID!) { collaborationRecord(id: $id) { timeline { kind actorAgencyCode } responseTimes { hoursToAccept hoursToClose } relatedInstitutions { name } } }`,
      { as: "XY-PSB", variables: { id } },
    );
    const record = read.body.data.collaborationRecord;
    expect(record.timeline.map((e: any) => `${e.kind}:${e.actorAgencyCode}`)).toEqual(["SENT:XY-AMR", "RECEIVED:XY-PSB", "ACCEPTED:XY-PSB", "CLOSED:XY-AMR"]);
    expect(record.responseTimes).toEqual({ hoursToAccept: 5, hoursToClose: 30 });
    expect(record.relatedInstitutions).toEqual([{ name: "信阳中原知识产权鉴定中心" }]);
  });
});
