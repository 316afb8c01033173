import { startTestHub, TestHub } from "./support/test-hub";

/**
 * Callers × operations → outcomes. `ok` means data came back without an error on the probed path; `denied`
 * means `null` with FORBIDDEN on that path while the rest of the response still arrived; `hidden` means
 * rows the caller may not see are simply absent.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

type Caller = "anonymous" | "XY-COURT" | "XX-COURT" | "XY-PROC" | "XY-PSB" | "GS-PSB" | "XY-AMR" | "XX-AMR" | "HA-AMR" | "CNIPA" | "XY-IPAA";
const CALLERS: Caller[] = ["anonymous", "XY-COURT", "XX-COURT", "XY-PROC", "XY-PSB", "GS-PSB", "XY-AMR", "XX-AMR", "HA-AMR", "CNIPA", "XY-IPAA"];
type Outcome = "ok" | "denied";

async function probe(caller: Caller, query: string, path: string[], scopes: string[] = []): Promise<Outcome> {
  const res = await hub.graphql(query, caller === "anonymous" ? {} : { as: caller, scopes });
  expect(res.status).toBe(200);
  const errors = res.body.errors ?? [];
  const onPath = errors.filter((e) => path.every((p, i) => e.path?.[i] === p));
  if (onPath.length > 0) {
    expect(onPath.map((e) => e.extensions.code)).toEqual(onPath.map(() => "FORBIDDEN"));
    let value: any = res.body.data;
    for (const p of path) value = value?.[p];
    expect(value ?? null).toBeNull();
    return "denied";
  }
  expect(errors).toEqual([]);
  return "ok";
}

const row = (outcomes: Partial<Record<Caller, Outcome>>, otherwise: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, outcomes[c] ?? otherwise])) as Record<Caller, Outcome>;

const MATRIX: Array<{ what: string; query: string; path: string[]; scopes?: string[]; expected: Record<Caller, Outcome> }> = [
  { what: "agency identity (code, name, kind, region)", query: `{ agency(code: "XY-COURT") { code name kind regionCode } }`, path: ["agency"], expected: row({}, "ok") },
  { what: "the agency list", query: `{ agencies(first: 100) { totalCount edges { node { code name } } } }`, path: ["agencies"], expected: row({}, "ok") },
  { what: "me", query: `{ me { anonymous } }`, path: ["me"], expected: row({}, "ok") },
  {
    what: "XY-COURT's status: itself and bureaus covering 信阳",
    query: `{ agency(code: "XY-COURT") { status } }`,
    path: ["agency", "status"],
    expected: row({ "XY-COURT": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "GS-PSB's client systems: itself and bureaus covering 固始县",
    query: `{ agency(code: "GS-PSB") { clientSystems { name } } }`,
    path: ["agency", "clientSystems"],
    expected: row({ "GS-PSB": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "the audit trail: courts, procuratorates, police and bureaus",
    query: `{ auditEvents(first: 5) { totalCount } }`,
    path: ["auditEvents"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied" }, "ok"),
  },
  {
    what: "verifying the audit chain: bureaus at province level and above",
    query: `{ verifyAuditChain { ok } }`,
    path: ["verifyAuditChain"],
    expected: row({ "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "registering a client system without the clients:manage scope",
    query: `mutation { registerClientSystem(input: { idempotencyKey: "k", name: "x" }) { replayed } }`,
    path: ["registerClientSystem"],
    expected: row({}, "denied"),
  },
];

describe.each(MATRIX)("$what", ({ query, path, scopes, expected }) => {
  it.each(CALLERS)("%s", async (caller) => {
    expect(await probe(caller, query, path, scopes)).toBe(expected[caller]);
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
    expect(visible).toEqual(["GS-PSB", "XY-AMR", "XY-COURT", "XY-IPAA", "XY-PROC", "XY-PSB"]);
  });
});
