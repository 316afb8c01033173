import { startTestHub, TestHub } from "./support/test-hub";
import { Caller, CALLERS, denyingLayers, MATRIX, matrixIds, probe } from "./support/authorization-matrix";

let hub: TestHub;
let ids: Record<string, string>;
beforeAll(async () => {
  hub = await startTestHub();
  ids = await matrixIds(hub);
});
afterAll(() => hub.stop());

/**
 * Each probe also records which layer of the policy said no: a denial comes from a rule or a write
 * permission, a hidden record from a row predicate, a masked value from a disclosure or a row decision.
 */
const DENYING_LAYER = { denied: ["rule", "write"], hidden: ["row"], masked: ["disclosure", "row"] } as const;

describe.each(MATRIX)("$what", (entry) => {
  it.each(CALLERS)("%s", async (caller) => {
    const { outcome, trace } = await probe(hub, ids, caller, entry);
    expect(outcome).toBe(entry.expected[caller]);
    if (outcome in DENYING_LAYER) {
      const expectedLayers: readonly string[] = DENYING_LAYER[outcome as keyof typeof DENYING_LAYER];
      expect({ outcome, layers: denyingLayers(trace).filter((layer) => expectedLayers.includes(layer)) }).toEqual({ outcome, layers: expect.arrayContaining([expect.any(String)]) });
    }
  });
});

describe("row scoping", () => {
  it("shows a court only its own agency's audit entries, and a province bureau those of its jurisdiction", async () => {
    await hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "m1", name: "dash" }) { replayed } }`, { as: "XX-AMR", scopes: ["clients:manage"] });
    await hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "m1", name: "case" }) { replayed } }`, { as: "XY-COURT", scopes: ["clients:manage"] });
    await hub.hub.deps.trail.flush();
    const agenciesSeen = async (caller: Caller) => {
      const res = await hub.graphql(`{ auditEvents(first: 100) { edges { node { agencyCode } } } }`, { as: caller });
      return [...new Set(res.body.data.auditEvents.edges.map((e: any) => e.node.agencyCode))].sort();
    };
    // Every caller of the matrix above left DENIED entries of its own; each sees only its own agency's.
    expect(await agenciesSeen("XY-COURT")).toEqual(["XY-COURT"]);
    expect(await agenciesSeen("XX-COURT")).toEqual(["XX-COURT"]);
    expect(await agenciesSeen("XY-AMR")).toEqual(["XY-AMR"]);
    const province = await agenciesSeen("HA-AMR");
    expect(province).toEqual(expect.arrayContaining(["HA-AMR", "XX-AMR", "XY-COURT", "GS-PSB"]));
    expect(province).not.toContain("CNIPA");
    expect(await agenciesSeen("CNIPA")).toEqual(expect.arrayContaining(["CNIPA", "HA-AMR", "XY-COURT"]));
  });

  it("lists client systems only for agencies the caller administers", async () => {
    const res = await hub.graphql(`{ agencies(first: 100) { edges { node { code clientSystems { name } } } } }`, { as: "XY-AMR" });
    const visible = res.body.data.agencies.edges.filter((e: any) => e.node.clientSystems !== null).map((e: any) => e.node.code).sort();
    expect(visible).toEqual(["GS-PSB", "XY-AMR", "XY-CDJD", "XY-COURT", "XY-IPAA", "XY-PROC", "XY-PSB", "XY-ZYJD"]);
  });
});
