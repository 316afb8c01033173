import { createClient, type Client } from "graphql-ws/client";
import WebSocket from "ws";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * Issue 16: live events over WebSocket (graphql-ws at /graphql), for the dashboard and any system that prefers
 * a socket: the same recipients as the webhooks, the caller identified like an HTTP request, only
 * subscriptions served.
 */
const CHADU = "91411502MA4X7Q1R0F";
const LIVE = `subscription($types: [String!]) { hubEvents(types: $types) { type entityType entityId version record } }`;

describe("hubEvents over WebSocket", () => {
  let hub: TestHub;
  const clients: Client[] = [];
  beforeAll(async () => {
    hub = await startTestHub({ env: { HUB_PUSH_POLL_MS: "50" } });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await hub?.stop();
  });

  const connect = (connectionParams: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const client = createClient({
      url: hub.url.replace(/^http/, "ws") + "/graphql",
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
      connectionParams,
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return client;
  };

  /** Subscribes; collects what comes, and the error or close that ends it. */
  const listen = (client: Client, variables: Record<string, unknown> = {}, query = LIVE) => {
    const got: any[] = [];
    const ended: { error?: unknown } = {};
    client.subscribe({ query, variables }, { next: (value) => got.push(value), error: (error) => (ended.error = error), complete: () => undefined });
    return { got, ended };
  };

  const until = async (done: () => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const suspendAndRelist = async () => {
    for (const to of ["SUSPENDED", "LISTED"]) {
      const [row] = await hub.db.dataSource.query(`SELECT id, version FROM institutions WHERE credit_code = $1`, [CHADU]);
      const answer = await hub.graphql(`mutation($id: ID!, $v: Int!, $to: ListingStatus!) { changeListingStatus(id: $id, expectedVersion: $v, to: $to, reason: "实时测试") { id } }`, {
        as: "XY-AMR",
        variables: { id: row.id, v: row.version, to },
      });
      expect(answer.body.errors).toBeUndefined();
    }
    return (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = $1`, [CHADU]))[0].id as string;
  };

  it("delivers an event to a recipient connected with its token, as it reads the record, and nothing to a caller who is not one", async () => {
    const bureau = listen(connect({ authorization: `Bearer ${await hub.token("XY-AMR")}` }), { types: ["institution.listing_status_changed"] });
    const otherCity = listen(connect({ authorization: `Bearer ${await hub.token("XX-COURT")}` }));
    // Connected and subscribed before the change (the feed starts where the outbox stands when one subscribes).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const id = await suspendAndRelist();
    await until(() => bureau.got.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bureau.got.map((r) => [r.data.hubEvents.type, r.data.hubEvents.entityId, r.data.hubEvents.record.listingStatus])).toEqual([
      ["institution.listing_status_changed", id, expect.any(String)],
      ["institution.listing_status_changed", id, expect.any(String)],
    ]);
    expect(bureau.got[1].data.hubEvents.version).toBe(bureau.got[0].data.hubEvents.version + 1);
    expect(otherCity.got).toEqual([]);
  });

  it("accepts the token as the handshake's Authorization header too (a router propagating the client's)", async () => {
    const viaHeader = listen(connect({}, { authorization: `Bearer ${await hub.token("XY-AMR")}` }), { types: ["institution.listing_status_changed"] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await suspendAndRelist();
    await until(() => viaHeader.got.length >= 2);
  });

  it("closes an anonymous connection, or one with a bad token, and serves no query or mutation over the socket", async () => {
    const anonymous = listen(connect());
    const forged = listen(connect({ authorization: "Bearer not-a-token" }));
    await until(() => anonymous.ended.error !== undefined && forged.ended.error !== undefined);
    expect((anonymous.ended.error as { code?: number }).code).toBe(4403);
    expect((forged.ended.error as { code?: number }).code).toBe(4403);
    const query = listen(connect({ authorization: `Bearer ${await hub.token("XY-AMR")}` }), {}, `{ institutions(first: 1) { totalCount } }`);
    await until(() => query.ended.error !== undefined);
    expect(query.ended.error).toEqual([expect.objectContaining({ message: expect.stringContaining("Only subscriptions"), extensions: { code: "BAD_REQUEST" } })]);
  });

  it("serves a person signed in from the hub's own page, and refuses the same session cookie from another site's page", async () => {
    const [bureau] = await hub.db.dataSource.query(`SELECT a.id AS agency_id, c.id AS client_id FROM agencies a JOIN client_systems c ON c.agency_id = a.id WHERE a.code = 'XY-AMR' AND c.name = 'default'`);
    const session = await hub.hub.credentials.sessions.start({ agencyId: bureau.agency_id, clientSystemId: bureau.client_id, subject: "wang", person: "王科长", scopes: [] });
    const cookie = `hub_session=${session.token}`;
    const own = listen(connect({}, { cookie, origin: hub.url }), { types: ["institution.listing_status_changed"] });
    const foreign = listen(connect({}, { cookie, origin: "https://evil.example" }));
    await until(() => foreign.ended.error !== undefined);
    expect((foreign.ended.error as { code?: number }).code).toBe(4403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await suspendAndRelist();
    await until(() => own.got.length >= 2);
    expect(own.ended.error).toBeUndefined();
  });
});
