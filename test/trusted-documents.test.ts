import fs from "node:fs";
import { documentIdOf } from "../src/domain/trusted-document";
import { DASHBOARD_MANIFEST } from "../src/server/trusted-documents";
import { hubSchema } from "../src/schema/build-schema";
import { parse, validate } from "graphql";
import { capturedLogger } from "./support/log-capture";
import { changesSince, ledger } from "./support/hostile";
import { startTestHub, TestHub } from "./support/test-hub";
import { commandContexts } from "../src/hub";

/**
 * Trusted documents (issue 17): registry administrators register the operations a client system may run
 * (the manifest client-preset writes: `sha256:<hex>` → document); with HUB_TRUSTED_DOCUMENTS=required a
 * system runs only those, by id; `allow-listed` runs anything and counts what lies outside.
 */
const INSTITUTION = `query Institution($code: CreditCode!) { institution(creditCode: $code) { name listingStatus } }`;
const ME = `query Me { me { anonymous agency { code } } }`;
const manifestOf = (...documents: string[]) => Object.fromEntries(documents.map((d) => [documentIdOf(d), d]));
const REGISTER = `mutation($input: RegisterOperationManifestInput!) { registerOperationManifest(input: $input) { added removed manifest { version documentCount documents(first: 10) { edges { node { id operationNames } } } } } }`;
const admin = { as: "HA-AMR", scopes: ["registry:admin"] };

async function post(hub: TestHub, body: Record<string, unknown>, as?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (as) headers.authorization = `Bearer ${await hub.token(as)}`;
  const res = await fetch(`${hub.url}/graphql`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

describe("registering a manifest", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ transport: "http" });
  }, 60_000);
  afterAll(() => hub?.stop());

  it("adds documents, harmlessly again, replaces on request, and audits each registration", async () => {
    const first = await hub.graphql(REGISTER, { ...admin, variables: { input: { agencyCode: "XY-COURT", clientName: "default", manifest: manifestOf(INSTITUTION, ME) } } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.registerOperationManifest).toMatchObject({ added: 2, removed: 0, manifest: { version: 1, documentCount: 2 } });
    const names = first.body.data.registerOperationManifest.manifest.documents.edges.map((e: { node: { operationNames: string[] } }) => e.node.operationNames[0]).sort();
    expect(names).toEqual(["Institution", "Me"]);
    const again = await hub.graphql(REGISTER, { ...admin, variables: { input: { agencyCode: "XY-COURT", clientName: "default", manifest: manifestOf(INSTITUTION, ME) } } });
    expect(again.body.data.registerOperationManifest).toMatchObject({ added: 0, removed: 0, manifest: { version: 1, documentCount: 2 } });
    const replaced = await hub.graphql(REGISTER, { ...admin, variables: { input: { agencyCode: "XY-COURT", clientName: "default", manifest: manifestOf(ME), replace: true } } });
    expect(replaced.body.data.registerOperationManifest).toMatchObject({ added: 0, removed: 1, manifest: { version: 2, documentCount: 1 } });
    await hub.hub.deps.trail.flush();
    const audited = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'registerOperationManifest' AND agency_code = 'HA-AMR' AND outcome = 'SUCCESS'`);
    expect(audited[0].n).toBe(3);
  });

  it.each([
    ["an id that is not the document's SHA-256", { [documentIdOf("{ me { anonymous } }")]: "{ me { anonymous agency { code } } }" }, /is not the SHA-256/],
    ["a key that is no document id", { me: "{ me { anonymous } }" }, /must be a document id/],
    ["a document that does not parse", manifestOf("query { me {"), /not valid GraphQL/],
    ["a document the schema does not have", manifestOf("query { nothingHere }"), /does not validate/],
    ["an empty manifest", {}, /holds no documents/],
  ])("refuses %s, naming it, and writes nothing", async (_name, manifest, message) => {
    const before = await ledger(hub, ["trusted_documents", "client_systems"]);
    const res = await hub.graphql(REGISTER, { ...admin, variables: { input: { agencyCode: "XX-COURT", clientName: "default", manifest } } });
    expect(res.body.errors?.map((e) => [e.extensions.code, String(e.extensions.field).startsWith("input.manifest")])).toEqual([["BAD_USER_INPUT", true]]);
    expect(res.body.errors![0].message).toMatch(message);
    expect((await changesSince(hub, before)).rows).toEqual({ trusted_documents: 0, client_systems: 0 });
  });

  it("keeps another province's systems out of reach (they do not exist for the administrator) and the people's web system out of it", async () => {
    const cnipa = await hub.graphql(REGISTER, { ...admin, variables: { input: { agencyCode: "CNIPA", clientName: "default", manifest: manifestOf(ME) } } });
    expect(cnipa.body.errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    const web = await hub.graphql(REGISTER, { as: "CNIPA", scopes: ["registry:admin"], variables: { input: { agencyCode: "XY-COURT", clientName: "web", manifest: manifestOf(ME) } } });
    expect(web.body.errors?.map((e) => e.extensions.code)).toEqual(expect.arrayContaining([expect.stringMatching(/NOT_FOUND|BAD_USER_INPUT/)]));
  });
});

describe("HUB_TRUSTED_DOCUMENTS=required", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ transport: "http", env: { HUB_TRUSTED_DOCUMENTS: "required" } });
    // The registry administrator's own system sends text, which `required` refuses: the operator registers.
    const refused = await hub.graphql(REGISTER, { ...admin, variables: { input: { agencyCode: "XY-COURT", clientName: "default", manifest: manifestOf(INSTITUTION) } } });
    expect(refused.body.errors?.map((e) => e.extensions.code)).toEqual(["OPERATION_NOT_ALLOWLISTED"]);
    const contexts = await commandContexts(hub.config, hub.db, undefined, "test", "operator");
    try {
      await contexts.newContext().services.operationManifests.register({ agencyCode: "XY-COURT", clientName: "default", manifest: manifestOf(INSTITUTION) });
    } finally {
      await contexts.close();
    }
  }, 60_000);
  afterAll(() => hub?.stop());

  it("runs a registered operation by its document id, and by Apollo's persisted-query hash", async () => {
    const variables = { code: "91411500MA9F3K2L21" };
    const byId = await post(hub, { documentId: documentIdOf(INSTITUTION), variables }, "XY-COURT");
    expect([byId.status, byId.body.errors, byId.body.data?.institution?.name]).toEqual([200, undefined, expect.any(String)]);
    const byHash = await post(hub, { extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf(INSTITUTION).slice(7) } }, variables }, "XY-COURT");
    expect([byHash.status, byHash.body.errors]).toEqual([200, undefined]);
  });

  it.each([
    ["the text of a registered operation", { query: INSTITUTION, variables: { code: "x" } }, "XY-COURT"],
    ["the text of another operation", { query: ME }, "XY-COURT"],
    ["an unknown document id", { documentId: documentIdOf(ME) }, "XY-COURT"],
    ["an unknown Apollo hash", { extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf(ME).slice(7) } } }, "XY-COURT"],
    ["another system's registered operation (its manifest is not this one's)", { documentId: documentIdOf(INSTITUTION), variables: { code: "x" } }, "XX-COURT"],
    ["text from a system that registered nothing", { query: ME }, "XX-COURT"],
  ])("refuses %s: OPERATION_NOT_ALLOWLISTED, nothing runs", async (_name, body, as) => {
    const res = await post(hub, body, as);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.extensions.code)).toEqual(["OPERATION_NOT_ALLOWLISTED"]);
    expect(res.body.data).toBeUndefined();
  });

  it.each([
    ["as the query parameter", `query=${encodeURIComponent(ME)}`],
    // Express's parser stops after 1,000 parameters; Apollo's reads on: both must see the same query.
    ["past 1,000 empty parameters", `${"&".repeat(1000)}query=${encodeURIComponent(ME)}`],
  ])("refuses the text over GET too, %s", async (_name, search) => {
    const res = await fetch(`${hub.url}/graphql?${search}`, { headers: { authorization: `Bearer ${await hub.token("XY-COURT")}`, "apollo-require-preflight": "true" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("OPERATION_NOT_ALLOWLISTED");
  });

  it("runs the hub's own pages' documents for any system, and the public's text (public fields only)", async () => {
    const dashboard = JSON.parse(fs.readFileSync(DASHBOARD_MANIFEST, "utf8")) as Record<string, string>;
    const meId = Object.keys(dashboard).find((id) => dashboard[id].startsWith("query DashboardMe"))!;
    const res = await post(hub, { documentId: meId }, "XX-COURT");
    expect([res.status, res.body.errors, res.body.data.me.agency.code]).toEqual([200, undefined, "XX-COURT"]);
    const anonymous = await post(hub, { query: `{ institutions(first: 1) { totalCount } }` });
    expect([anonymous.status, anonymous.body.errors]).toEqual([200, undefined]);
  });
});

describe("HUB_TRUSTED_DOCUMENTS=allow-listed", () => {
  it("runs text outside the manifest, and logs (its id, not its text) and counts it", async () => {
    const { logger, lines } = capturedLogger("warn");
    const hub = await startTestHub({ transport: "http", logger, env: { HUB_TRUSTED_DOCUMENTS: "allow-listed", LOG_LEVEL: "warn" } });
    try {
      const res = await post(hub, { query: ME }, "XY-COURT");
      expect([res.status, res.body.errors]).toEqual([200, undefined]);
      const logged = lines.filter((line) => line.includes("trusted documents"));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(documentIdOf(ME));
      expect(logged[0]).not.toContain("anonymous agency");
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toMatch(/hub_untrusted_operations_total\{mode="allow-listed",outcome="allowed"\} 1/);
    } finally {
      await hub.stop();
    }
  }, 60_000);
});

describe("the dashboard's manifest", () => {
  it("names each document by the SHA-256 of its text, and each validates against the schema", async () => {
    const manifest = JSON.parse(fs.readFileSync(DASHBOARD_MANIFEST, "utf8")) as Record<string, string>;
    const { unguarded } = await hubSchema();
    for (const [id, document] of Object.entries(manifest)) {
      expect(documentIdOf(document)).toBe(id);
      expect(validate(unguarded, parse(document))).toEqual([]);
    }
    expect(Object.values(manifest).map((d) => /^(?:query|subscription) (\w+)/.exec(d)?.[1])).toEqual(
      expect.arrayContaining(["DashboardMe", "DashboardDirectory", "DashboardCases", "DashboardFeedback", "DashboardCredit", "DashboardAbnormalPatents", "DashboardCollaboration", "DashboardLive"]),
    );
  });
});
