import { startTestHub, TestHub } from "./support/test-hub";
import { usingServer } from "./support/test-database";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const REGISTER = `mutation($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed clientSystem { id name version description } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateClientSystemInput!) { updateClientSystem(id: $id, expectedVersion: $v, input: $input) { id version description } }`;
const register = (input: Record<string, unknown>, as = "XY-AMR") => hub.graphql(REGISTER, { as, scopes: ["clients:manage"], variables: { input } });
const count = async (name: string) => (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM client_systems WHERE name = $1`, [name]))[0].n;

describe("idempotency keys", () => {
  it("returns the first result for a replay with the same key and input, and writes nothing new", async () => {
    const first = await register({ idempotencyKey: "idem-1", name: "replayed-sys", description: "a" });
    const again = await register({ idempotencyKey: "idem-1", name: "replayed-sys", description: "a" });
    expect(first.body.data.registerClientSystem.replayed).toBe(false);
    expect(again.body.data.registerClientSystem).toEqual({ ...first.body.data.registerClientSystem, replayed: true });
    expect(await count("replayed-sys")).toBe(1);
  });

  it("answers CONFLICT for the same key with a different input, and changes nothing", async () => {
    await register({ idempotencyKey: "idem-2", name: "conflict-sys" });
    const changed = await register({ idempotencyKey: "idem-2", name: "conflict-sys-2" });
    expect(changed.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
    expect(await count("conflict-sys-2")).toBe(0);
  });

  it("scopes keys to the client system: another agency may use the same key", async () => {
    await register({ idempotencyKey: "idem-3", name: "shared-key" }, "XY-AMR");
    const other = await register({ idempotencyKey: "idem-3", name: "shared-key" }, "XX-AMR");
    expect(other.body.data.registerClientSystem.replayed).toBe(false);
    expect(await count("shared-key")).toBe(2);
  });

  it("leaves no key behind when the first attempt fails inside its transaction, so a corrected retry with the same key succeeds", async () => {
    await register({ idempotencyKey: "idem-5", name: "taken-name" });
    // The key row is written first in the transaction; the duplicate name is found after it, and both roll back.
    const duplicate = await register({ idempotencyKey: "idem-6", name: "taken-name" });
    expect(duplicate.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.name" });
    const keys = async () => (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'idem-6'`))[0].n;
    expect(await keys()).toBe(0);
    const retry = await register({ idempotencyKey: "idem-6", name: "corrected-name" });
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data.registerClientSystem).toMatchObject({ replayed: false, clientSystem: { name: "corrected-name" } });
    expect(await count("corrected-name")).toBe(1);
    expect(await keys()).toBe(1);
  });

  it("refuses bad input before any key is taken, so the corrected retry with the same key succeeds", async () => {
    const bad = await register({ idempotencyKey: "idem-4", name: "Bad Name!" });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    const retry = await register({ idempotencyKey: "idem-4", name: "good-name" });
    expect(retry.body.data.registerClientSystem).toMatchObject({ replayed: false, clientSystem: { name: "good-name" } });
  });

  it(`creates exactly one record for 20 concurrent posts with the same key (${usingServer() ? "PostgreSQL server" : "PGlite"})`, async () => {
    const input = { idempotencyKey: "idem-race", name: "race-sys" };
    const results = await Promise.all(Array.from({ length: 20 }, () => register(input)));
    expect(results.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    const ids = new Set(results.map((r) => r.body.data.registerClientSystem.clientSystem.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.body.data.registerClientSystem.replayed)).toHaveLength(1);
    expect(await count("race-sys")).toBe(1);
  });
});

describe("optimistic concurrency", () => {
  it("applies an edit at the current version and bumps it; a stale version answers CONFLICT and changes nothing", async () => {
    const created = (await register({ idempotencyKey: "ver-1", name: "versioned" })).body.data.registerClientSystem.clientSystem;
    expect(created.version).toBe(1);
    const ok = await hub.graphql(UPDATE, { as: "XY-AMR", scopes: ["clients:manage"], variables: { id: created.id, v: 1, input: { description: "v2" } } });
    expect(ok.body.data.updateClientSystem).toEqual({ id: created.id, version: 2, description: "v2" });
    const stale = await hub.graphql(UPDATE, { as: "XY-AMR", scopes: ["clients:manage"], variables: { id: created.id, v: 1, input: { description: "lost update" } } });
    expect(stale.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion" });
    const [row] = await hub.db.dataSource.query(`SELECT description, version FROM client_systems WHERE id = $1`, [created.id]);
    expect(row).toEqual({ description: "v2", version: 2 });
  });

  it("lets only one of two concurrent edits at the same version win", async () => {
    const created = (await register({ idempotencyKey: "ver-2", name: "contended" })).body.data.registerClientSystem.clientSystem;
    const edits = await Promise.all(
      ["left", "right"].map((description) => hub.graphql(UPDATE, { as: "XY-AMR", scopes: ["clients:manage"], variables: { id: created.id, v: 1, input: { description } } })),
    );
    expect(edits.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(edits.filter((r) => r.body.errors?.[0].extensions.code === "CONFLICT")).toHaveLength(1);
  });

  it("treats another agency's client system as not found", async () => {
    const created = (await register({ idempotencyKey: "ver-3", name: "foreign" })).body.data.registerClientSystem.clientSystem;
    const res = await hub.graphql(UPDATE, { as: "XX-AMR", scopes: ["clients:manage"], variables: { id: created.id, v: 1, input: { description: "x" } } });
    expect(res.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });

  it("refuses to grant a scope the calling system does not hold", async () => {
    const res = await register({ idempotencyKey: "scope-1", name: "escalate", allowedScopes: ["pii:read"] }, "XY-COURT");
    expect(res.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});
