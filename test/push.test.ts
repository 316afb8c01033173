import { Webhook } from "standardwebhooks";
import { eventRecipient } from "../src/policy/hub-event.visibility";
import { startTestHub, TestHub } from "./support/test-hub";
import { WebhookReceiver } from "./support/webhook-receiver";

/**
 * Issue 16: the hub pushes what changed. Events are written in the transaction of the change (the outbox),
 * fanned out to the subscriptions whose systems are among the record's recipients and may read it, and
 * delivered per Standard Webhooks to receivers on loopback: signed, retried with the same `webhook-id`,
 * in order per record, without one slow receiver holding up another.
 */
const SUBSCRIBE = `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { subscription { id url events regionCode status version } secret replayed } }`;
const DELIVERIES = `query($filter: WebhookDeliveryFilter) { webhookDeliveries(filter: $filter, first: 50) { totalCount edges { node { id eventType entityType entityId status attempts lastResponseCode lastError deliveredAt } } } }`;
const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id version status } } }`;
const CHANGE_LISTING = `mutation($id: ID!, $v: Int!, $to: ListingStatus!) { changeListingStatus(id: $id, expectedVersion: $v, to: $to, reason: "推送测试") { id version listingStatus } }`;

/** Webhooks are administered by a system holding clients:manage (every agency's default system may). */
const MANAGE = ["clients:manage"];
const CHADU = "91411502MA4X7Q1R0F"; // 信阳茶都 (411502), XY-AMR's jurisdiction
const HUAXIN = "91410700MA9G0T8C63"; // 新乡华信 (410700), XX-AMR's

describe("webhooks", () => {
  let hub: TestHub;
  const receivers: WebhookReceiver[] = [];
  const receiver = async () => {
    const r = await WebhookReceiver.start();
    receivers.push(r);
    return r;
  };
  let keys = 0;
  /** The data of an operation that must succeed. */
  const data = async (query: string, options: { as: string; scopes?: string[]; variables?: Record<string, unknown> }): Promise<any> => {
    const { body } = await hub.graphql(query, options);
    if (body.errors?.length || !body.data) throw new Error(`the operation failed: ${JSON.stringify(body.errors?.map((e: any) => [e.extensions?.code, e.message]))}`);
    return body.data;
  };
  const subscribe = async (as: string, url: string, events: string[], regionCode?: string) =>
    (await data(SUBSCRIBE, { as, scopes: MANAGE, variables: { input: { idempotencyKey: `push-test-${++keys}`, url, events, regionCode } } })).subscribeWebhook as {
      subscription: { id: string; version: number };
      secret: string;
    };
  const institution = async (creditCode: string) =>
    (await hub.db.dataSource.query(`SELECT id, version, listing_status FROM institutions WHERE credit_code = $1`, [creditCode]))[0] as { id: string; version: number; listing_status: string };
  const setListing = async (as: string, creditCode: string, to: string) => {
    const current = await institution(creditCode);
    return data(CHANGE_LISTING, { as, variables: { id: current.id, v: current.version, to } });
  };

  beforeAll(async () => {
    hub = await startTestHub({
      env: {
        HUB_PUSH_WORKERS: "true",
        HUB_PUSH_POLL_MS: "50",
        HUB_WEBHOOK_RETRY_BASE_MS: "100",
        HUB_WEBHOOK_RETRY_MAX_DELAY_MS: "200",
        HUB_WEBHOOK_RESPONSE_TIMEOUT_MS: "1500",
        HUB_WEBHOOK_CONNECT_TIMEOUT_MS: "500",
        // Dead-lettered after 3 s of failures (24 h at least in production).
        HUB_WEBHOOK_RETRY_FOR: "3",
        // Rounds are run by the tests themselves.
        HUB_SCHEDULER_INTERVAL_MS: "3600000",
      },
    });
  });
  afterAll(async () => {
    await hub?.stop();
    for (const r of receivers) await r.stop();
  });

  it("refuses an unknown event type, a host the deployment does not allow and credentials in the URL, each with a coded error naming the field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ url: "http://127.0.0.1:9/x", events: ["institution.listing_changed"] }, "input.events"],
      [{ url: "http://127.0.0.1:9/x", events: [] }, "input.events"],
      [{ url: "https://receiver.example.org/x", events: ["appraisal_case.overdue"] }, "input.url"],
      [{ url: "http://user:pw@127.0.0.1:9/x", events: ["appraisal_case.overdue"] }, "input.url"],
      [{ url: "ftp://127.0.0.1/x", events: ["appraisal_case.overdue"] }, "input.url"],
      [{ url: "http://127.0.0.1:9/x", events: ["appraisal_case.overdue"], regionCode: "999999" }, "input.regionCode"],
    ];
    for (const [input, field] of cases) {
      const answer = await hub.graphql(SUBSCRIBE, { as: "XY-COURT", scopes: MANAGE, variables: { input: { idempotencyKey: `bad-${field}-${Math.random()}`, ...input } } });
      expect({ input, code: answer.body.errors?.[0]?.extensions?.code, field: answer.body.errors?.[0]?.extensions?.field }).toEqual({ input, code: "BAD_USER_INPUT", field });
    }
  });

  it("answers the signing secret once, and the same one to a retry with the same key; webhooks lists the system's own subscriptions only", async () => {
    const input = { idempotencyKey: "secret-once", url: "http://127.0.0.1:9/secret", events: ["appraisal_case.overdue"] };
    const first = (await data(SUBSCRIBE, { as: "XY-PSB", scopes: MANAGE, variables: { input } })).subscribeWebhook;
    const again = (await data(SUBSCRIBE, { as: "XY-PSB", scopes: MANAGE, variables: { input } })).subscribeWebhook;
    expect(first.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(again).toEqual({ ...first, replayed: true });
    const mine = await data(`{ webhooks { id url } }`, { as: "XY-PSB", scopes: MANAGE });
    expect(mine.webhooks).toEqual([{ id: first.subscription.id, url: "http://127.0.0.1:9/secret" }]);
    expect((await data(`{ webhooks { id } }`, { as: "XX-PSB", scopes: MANAGE })).webhooks).toEqual([]);
    // Another system does not find it to edit or delete.
    const other = await hub.graphql(`mutation($id: ID!) { deleteWebhook(id: $id, expectedVersion: 1) { id } }`, { as: "XX-PSB", scopes: MANAGE, variables: { id: first.subscription.id } });
    expect(other.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const deleted = await data(`mutation($id: ID!) { deleteWebhook(id: $id, expectedVersion: 1) { id status } }`, { as: "XY-PSB", scopes: MANAGE, variables: { id: first.subscription.id } });
    expect(deleted.deleteWebhook.status).toBe("DELETED");
    expect((await data(`{ webhooks { id } }`, { as: "XY-PSB", scopes: MANAGE })).webhooks).toEqual([]);
  });

  it("pushes a signed institution.listing_status_changed to the court with an open case at the institution within seconds, nothing about another city's, and nothing to another city's court", async () => {
    const xyCourt = await receiver();
    const xxCourt = await receiver();
    const xySub = await subscribe("XY-COURT", xyCourt.url, ["institution.listing_status_changed"]);
    await subscribe("XX-COURT", xxCourt.url, ["institution.listing_status_changed"]);
    const chadu = await institution(CHADU);
    await data(ENTRUST, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "push-open-case", agencyCaseNo: "(2026)豫15知民初901号", institutionId: chadu.id, technicalField: "TRADEMARK", matter: "商标近似比对", subject: "推送测试" } },
    });

    const started = Date.now();
    await setListing("XY-AMR", CHADU, "SUSPENDED");
    await setListing("XX-AMR", HUAXIN, "SUSPENDED");
    await xyCourt.until(() => xyCourt.received.length >= 1, 5_000);
    const latency = Date.now() - started;
    // Both suspensions have been fanned out by now (in order); a moment more for a stray delivery to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(latency).toBeLessThan(5_000);
    expect(xyCourt.messages().map((m) => [m.type, m.data.id, m.data.record.listingStatus])).toEqual([["institution.listing_status_changed", chadu.id, "SUSPENDED"]]);
    expect(xxCourt.received).toEqual([]);
    // Signed per Standard Webhooks with the subscription's secret; the id is the delivery's.
    const [got] = xyCourt.received;
    expect(() => new Webhook(xySub.secret).verify(got.body, { "webhook-id": got.id, "webhook-timestamp": got.timestamp, "webhook-signature": got.signature })).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(got.body, { "webhook-id": got.id, "webhook-timestamp": got.timestamp, "webhook-signature": got.signature })).toThrow();
    const deliveries = (await data(DELIVERIES, { as: "XY-COURT", scopes: MANAGE })).webhookDeliveries;
    expect(deliveries.edges.map((e: any) => [e.node.eventType, e.node.status, e.node.attempts, e.node.lastResponseCode, `msg_${e.node.id}`])).toEqual([
      ["institution.listing_status_changed", "DELIVERED", 1, 204, got.id],
    ]);
    await setListing("XY-AMR", CHADU, "LISTED");
    await setListing("XX-AMR", HUAXIN, "LISTED");
  });

  it("retries a receiver that fails three times with the same webhook-id, then records exactly one success", async () => {
    const flaky = await receiver();
    flaky.behave = (_request, nth) => (nth <= 3 ? 500 : 204);
    await subscribe("XY-AMR", flaky.url, ["institution.listing_status_changed"]);
    await setListing("XY-AMR", CHADU, "SUSPENDED");
    await flaky.until(() => flaky.received.some((r) => r.answered === 204), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(flaky.received.map((r) => r.answered)).toEqual([500, 500, 500, 204]);
    expect(new Set(flaky.received.map((r) => r.id)).size).toBe(1);
    const deliveries = (await data(DELIVERIES, { as: "XY-AMR", scopes: MANAGE })).webhookDeliveries.edges.map((e: any) => e.node);
    expect(deliveries.filter((d: any) => d.status === "DELIVERED")).toEqual([expect.objectContaining({ attempts: 4, lastResponseCode: 204, lastError: null })]);
    await setListing("XY-AMR", CHADU, "LISTED");
  });

  it("a receiver that hangs does not delay another receiver's delivery", async () => {
    const hanging = await receiver();
    hanging.behave = () => "hang";
    const quick = await receiver();
    await subscribe("XY-PROC", hanging.url, ["appraisal_case.entrusted", "appraisal_case.accepted"]);
    await subscribe("XY-IPAA", quick.url, ["institution.listing_status_changed"]);
    // Enough events for the hanging receiver to hold its share of the slots.
    const chadu = await institution(CHADU);
    for (let i = 0; i < 6; i++) {
      await data(ENTRUST, {
        as: "XY-COURT",
        variables: { input: { idempotencyKey: `push-hang-${i}`, agencyCaseNo: `(2026)豫15知民初95${i}号`, institutionId: chadu.id, technicalField: "TRADEMARK", matter: "商标近似比对", subject: "推送测试" } },
      });
    }
    await hanging.until(() => hanging.received.length >= 1, 5_000);
    const started = Date.now();
    await setListing("XY-AMR", CHADU, "SUSPENDED");
    await quick.until(() => quick.received.length >= 1, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    await setListing("XY-AMR", CHADU, "LISTED");
  });

  it("sends a new subscription what happens once it exists, not an earlier event still waiting to be fanned out", async () => {
    const late = await receiver();
    await subscribe("XY-IPAA", late.url, ["institution.listing_status_changed"], "411502");
    // An event of a minute ago that no instance has fanned out yet: it happened before the subscription.
    await hub.db.dataSource.query(
      `INSERT INTO hub_events (type, entity_type, entity_id, version, region_codes, occurred_at)
       SELECT 'institution.listing_status_changed', 'Institution', id::text, version, ARRAY[region_code], now() - interval '1 minute' FROM institutions WHERE credit_code = $1`,
      [CHADU],
    );
    const before = (await institution(CHADU)).version;
    await setListing("XY-AMR", CHADU, "SUSPENDED");
    await setListing("XY-AMR", CHADU, "LISTED");
    await late.until(() => late.messages().some((m) => m.data.version === before + 2), 10_000);
    expect(late.messages().map((m) => m.data.version)).toEqual([before + 1, before + 2]);
  });

  it("delivers one record's events in order: a later change waits until the earlier one's delivery succeeds", async () => {
    const first = await receiver();
    first.behave = (_request, nth) => (nth === 1 ? 503 : 204);
    await subscribe("XY-IPAA", first.url, ["institution.listing_status_changed"], "411502");
    await setListing("XY-AMR", CHADU, "SUSPENDED");
    await setListing("XY-AMR", CHADU, "LISTED");
    await first.until(() => first.received.filter((r) => r.answered === 204).length >= 2, 10_000);
    expect(first.messages().map((m) => m.data.version)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    const [failed, retried, next] = first.received;
    expect([failed.answered, retried.answered, next.answered]).toEqual([503, 204, 204]);
    expect(retried.id).toBe(failed.id);
    const versions = first.messages().map((m) => m.data.version!);
    expect(versions[2]).toBe(versions[0] + 1);
  });

  it("dead-letters a delivery after the retry window, shows it to its subscriber, and redeliverWebhook sends it again with the same webhook-id", async () => {
    const down = await receiver();
    down.behave = () => 500;
    await subscribe("XX-AMR", down.url, ["institution.listing_status_changed"]);
    await setListing("XX-AMR", HUAXIN, "SUSPENDED");
    const deadOnes = async () => (await data(DELIVERIES, { as: "XX-AMR", scopes: MANAGE, variables: { filter: { status: "DEAD" } } })).webhookDeliveries.edges.map((e: any) => e.node);
    const deadline = Date.now() + 10_000;
    while ((await deadOnes()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const [dead] = await deadOnes();
    expect(dead).toMatchObject({ eventType: "institution.listing_status_changed", status: "DEAD", lastResponseCode: 500, lastError: "answered 500" });
    expect(dead.attempts).toBeGreaterThan(2);
    const attempts = down.received.length;
    expect(new Set(down.received.map((r) => r.id))).toEqual(new Set([`msg_${dead.id}`]));

    down.behave = () => 204;
    const redelivered = await data(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status } }`, { as: "XX-AMR", scopes: MANAGE, variables: { id: dead.id } });
    expect(redelivered.redeliverWebhook).toEqual({ id: dead.id, status: "PENDING" });
    await down.until(() => down.received.length > attempts && down.received.at(-1)!.answered === 204, 5_000);
    expect(down.received.at(-1)!.id).toBe(`msg_${dead.id}`);
    // A delivery still pending or being sent is not redelivered; another system does not find it.
    const other = await hub.graphql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }`, { as: "XY-AMR", scopes: MANAGE, variables: { id: dead.id } });
    expect(other.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    await setListing("XX-AMR", HUAXIN, "LISTED");
  });

  it("raises one appraisal_case.overdue when a case passes its deadline, however many scheduler rounds run, at once or later", async () => {
    const court = await receiver();
    await subscribe("XY-COURT", court.url, ["appraisal_case.overdue"]);
    const chadu = await institution(CHADU);
    // Entrusted long ago and never accepted: the acceptance deadline has passed.
    const entrusted = await data(ENTRUST, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "push-overdue", agencyCaseNo: "(2026)豫15知民初970号", institutionId: chadu.id, technicalField: "TRADEMARK", matter: "商标近似比对", subject: "逾期测试", entrustedOn: "2026-01-05" } },
    });
    const caseId = entrusted.entrustAppraisal.appraisalCase.id;
    await Promise.all([hub.hub.pusher.runScheduler(), hub.hub.pusher.runScheduler(), hub.hub.pusher.runScheduler()]);
    await hub.hub.pusher.runScheduler();
    const raised = await hub.db.dataSource.query(`SELECT dedupe_key FROM hub_events WHERE type = 'appraisal_case.overdue' AND entity_id = $1`, [caseId]);
    expect(raised).toEqual([{ dedupe_key: `appraisal_case.overdue:${caseId}:accept:2026-01-14` }]);
    await court.until(() => court.messages().some((m) => m.data.id === caseId), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(court.messages().filter((m) => m.data.id === caseId).map((m) => [m.type, m.data.record.status, m.data.record.deadlines.overdue])).toEqual([["appraisal_case.overdue", "ENTRUSTED", true]]);
  });

  it("decides recipients by the policy: loosened, the other city's court would hear of an institution it has no case with", async () => {
    const xxCourt = await receiver();
    await subscribe("XX-COURT", xxCourt.url, ["institution.listing_status_changed"]);
    eventRecipient.loosened = true;
    try {
      await setListing("XY-AMR", CHADU, "SUSPENDED");
      await xxCourt.until(() => xxCourt.received.length >= 1, 5_000);
    } finally {
      eventRecipient.loosened = false;
    }
    expect(xxCourt.messages().map((m) => m.type)).toEqual(["institution.listing_status_changed"]);
    await setListing("XY-AMR", CHADU, "LISTED");
  });

  it("withholds a queued delivery whose subscriber is no longer a recipient when it is due, and never lists it", async () => {
    const police = await receiver();
    const { subscription } = await subscribe("GS-PSB", police.url, ["institution.listing_status_changed"]);
    const chadu = await institution(CHADU);
    // GS-PSB's case (固始, with no other case there) at 信阳茶都 makes it a recipient of the institution's events ...
    const entrusted = await data(ENTRUST, {
      as: "GS-PSB",
      variables: { input: { idempotencyKey: "push-withheld", agencyCaseNo: "固公经立字〔2026〕901号", institutionId: chadu.id, technicalField: "TRADEMARK", matter: "商标近似比对", subject: "推送测试" } },
    });
    const paused = await data(`mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, expectedVersion: $v, input: { status: PAUSED }) { version status } }`, {
      as: "GS-PSB",
      scopes: MANAGE,
      variables: { id: subscription.id, v: subscription.version },
    });
    expect(paused.updateWebhook.status).toBe("PAUSED");
    await setListing("XY-AMR", CHADU, "SUSPENDED");
    // ... so the suspension is queued for it while it is paused,
    const queued = async () => (await data(DELIVERIES, { as: "GS-PSB", scopes: MANAGE, variables: { filter: { subscriptionId: subscription.id } } })).webhookDeliveries;
    const deadline = Date.now() + 5_000;
    while ((await queued()).totalCount === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await queued()).edges.map((e: any) => e.node.status)).toEqual(["PENDING"]);
    // ... but the institution rejects the case before the delivery is due: no open case, no longer a recipient.
    const rejected = await hub.graphql(`mutation($id: ID!, $v: Int!) { recordCaseProgress(caseId: $id, expectedVersion: $v, input: { action: REJECT, rejectionReason: NO_CAPACITY }) { status } }`, {
      as: "XY-CDJD",
      variables: { id: entrusted.entrustAppraisal.appraisalCase.id, v: entrusted.entrustAppraisal.appraisalCase.version },
    });
    expect(rejected.body.errors).toBeUndefined();
    await data(`mutation($id: ID!, $v: Int!) { updateWebhook(id: $id, expectedVersion: $v, input: { status: ACTIVE }) { version } }`, { as: "GS-PSB", scopes: MANAGE, variables: { id: subscription.id, v: paused.updateWebhook.version } });
    const settled = Date.now() + 5_000;
    while ((await queued()).totalCount > 0 && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await queued()).totalCount).toBe(0);
    const [row] = await hub.db.dataSource.query(`SELECT status FROM webhook_deliveries WHERE subscription_id = $1`, [subscription.id]);
    expect(row.status).toBe("WITHHELD");
    expect(police.received).toEqual([]);
    await setListing("XY-AMR", CHADU, "LISTED");
  });

  it("tells the province's systems of the monthly reports filed on the first, and not a city of another's report", async () => {
    const province = await receiver();
    const xinyang = await receiver();
    await subscribe("HA-AMR", province.url, ["monthly_report.filed"]);
    await subscribe("XY-AMR", xinyang.url, ["monthly_report.filed"]);
    // As on the first of the month: 新乡's and the province's reports not filed yet (信阳's is, by the demo).
    await hub.db.dataSource.query(`DELETE FROM monthly_reports WHERE region_code IN ('410700', '410000')`);
    await hub.hub.pusher.runScheduler();
    const filed = () => province.messages().filter((m) => m.type === "monthly_report.filed");
    await province.until(() => filed().length >= 2, 5_000);
    expect(filed().map((m) => [m.data.record.regionCode, m.data.record.filedBy.code]).sort()).toEqual([
      ["410000", "HA-AMR"],
      ["410700", "XX-AMR"],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(xinyang.received).toEqual([]);
  });

  it("reports what it pushes on /metrics", async () => {
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    for (const name of ["hub_events_written_total", "hub_events_fanned_out_total", "hub_webhook_deliveries_total", "hub_webhook_delivery_latency_seconds", "hub_webhook_attempt_duration_seconds"]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/hub_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(text).toMatch(/hub_webhook_deliveries_total\{outcome="dead"\} [1-9]/);
    expect(text).toMatch(/hub_webhook_queue_depth\{queue="deliveries"\} \d+/);
  });
});
