import { AuditTrail } from "../src/audit/audit-trail";
import { AuditSequencer } from "../src/audit/audit-sequencer";
import { createDataSource } from "../src/db/data-source";
import { AuditOutcome } from "../src/entities/audit-event.entity";
import { verifyAuditLog } from "../src/audit/audit-verify";
import { startTestHub, TestHub } from "./support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const actor = { agencyCode: "XY-AMR", regionCode: "411500", clientName: "default", endUser: null, requestId: "r1", caseRef: null };
const sql = (text: string, params: unknown[] = []) => hub.db.dataSource.query(text, params);

describe("audit trail", () => {
  it("records a change with who, why and what, in the transaction of the change", async () => {
    const res = await hub.graphql(
      `mutation { registerClientSystem(input: { idempotencyKey: "audit-1", name: "dashboard-2", description: "大屏" }) { clientSystem { id } } }`,
      { as: "XY-AMR", scopes: ["clients:manage"], headers: { "x-request-id": "req-audit-1", "x-case-ref": encodeURIComponent("(2024)豫15知民初32号"), "x-end-user": "zhang.wei" } },
    );
    const id = res.body.data.registerClientSystem.clientSystem.id;
    await hub.hub.deps.trail.flush();
    const [entry] = await sql(`SELECT * FROM audit_events WHERE entity_id = $1`, [id]);
    expect(entry).toMatchObject({
      agency_code: "XY-AMR",
      region_code: "411500",
      client_name: "default",
      end_user: "zhang.wei",
      request_id: "req-audit-1",
      case_ref: "(2024)豫15知民初32号",
      operation: "registerClientSystem",
      entity_type: "ClientSystem",
      outcome: "SUCCESS",
    });
    expect(entry.fields).toEqual(expect.arrayContaining(["name", "description"]));
  });

  it("records a denied mutation attempt with its error code", async () => {
    await hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "denied-1", name: "nope" }) { replayed } }`, {
      as: "GS-PSB",
      headers: { "x-request-id": "req-denied-1" },
    });
    await hub.hub.deps.trail.flush();
    const rows = await sql(`SELECT agency_code, operation, outcome, error_code FROM audit_events WHERE request_id = 'req-denied-1'`);
    expect(rows).toEqual([{ agency_code: "GS-PSB", operation: "registerClientSystem", outcome: "DENIED", error_code: "FORBIDDEN" }]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the trail", async () => {
    await expect(sql(`UPDATE audit_events SET operation = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it("keeps one unforked chain under concurrent writers, including a second process's trail", async () => {
    // A second hub process: on a server, its own connection pool; PGlite admits one process, so there it is
    // a second trail over the same database. Their sequencers race for the log's head; its key lets one at a time extend it.
    const secondPool = hub.databaseUrl ? await createDataSource({ kind: "postgres", url: hub.databaseUrl }).initialize() : hub.db.dataSource;
    const other = new AuditTrail(secondPool, { flushIntervalMs: 5, batchSize: 3 });
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i++) {
      writes.push(hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "c-${i}", name: "sys-${i}" }) { replayed } }`, { as: "HA-AMR", scopes: ["clients:manage"] }));
      other.enqueue(actor, { operation: `read:Appraiser.idNumber`, entityType: "Appraiser", entityId: String(i), outcome: AuditOutcome.SUCCESS });
      hub.hub.deps.trail.enqueue(actor, { operation: "read:Appraiser.phone", entityType: "Appraiser", entityId: String(i), outcome: AuditOutcome.SUCCESS });
    }
    await Promise.all(writes);
    await Promise.all([other.close(), hub.hub.deps.trail.flush()]);
    if (secondPool !== hub.db.dataSource) await secondPool.destroy();
    const [{ n, max }] = await sql(`SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_events`);
    expect(n).toBe(max);
    const [{ forks }] = await sql(`SELECT count(*)::int AS forks FROM (SELECT prev_hash FROM audit_events GROUP BY prev_hash HAVING count(*) > 1) f`);
    expect(forks).toBe(0);
    expect((await verifyAuditLog(hub.db.dataSource)).ok).toBe(true);
  });

  it("never makes a writer wait for the log: changes commit while nothing can be appended to it, and are sequenced after", async () => {
    if (!hub.databaseUrl) return; // holding the log from elsewhere needs a second connection
    const blocker = await createDataSource({ kind: "postgres", url: hub.databaseUrl }).initialize();
    const runner = blocker.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // Nobody can append to the log (or its tree) until this transaction ends; reading it is still allowed.
    await runner.query(`LOCK TABLE audit_events, audit_tree_nodes IN EXCLUSIVE MODE`);
    try {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "held-${i}", name: "held-${i}" }) { clientSystem { id } } }`, { as: "HA-AMR", scopes: ["clients:manage"] }),
        ),
      );
      expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(Date.now() - started).toBeLessThan(5_000);
      const [{ queued }] = await sql(`SELECT count(*)::int AS queued FROM audit_queue WHERE operation = 'registerClientSystem'`);
      expect(queued).toBe(5);
    } finally {
      await runner.commitTransaction();
      await runner.release();
      await blocker.destroy();
    }
    await hub.hub.deps.trail.flush();
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'registerClientSystem' AND entity_id IN (SELECT id::text FROM client_systems WHERE name LIKE 'held-%')`);
    expect(n).toBe(5);
    expect((await verifyAuditLog(hub.db.dataSource)).ok).toBe(true);
  });

  it("lets two sequencers race over one queue: each entry appended once, in one unforked chain and tree", async () => {
    const secondPool = hub.databaseUrl ? await createDataSource({ kind: "postgres", url: hub.databaseUrl }).initialize() : hub.db.dataSource;
    // 300 entries queued as writers queue them; the two sequencers below take them in batches of 7, both at once.
    await sql(`INSERT INTO audit_queue (occurred_at, agency_code, operation, entity_id, outcome) SELECT now(), 'XY-AMR', 'read:race', s.n::text, 'SUCCESS' FROM generate_series(0, 299) AS s(n) ORDER BY s.n`);
    const [a, b] = [new AuditSequencer(hub.db.dataSource, { batchSize: 7 }), new AuditSequencer(secondPool, { batchSize: 7 })];
    await Promise.all([a.drain(), b.drain(), a.drain()]);
    if (secondPool !== hub.db.dataSource) await secondPool.destroy();
    const rows: Array<{ entity_id: string }> = await sql(`SELECT entity_id FROM audit_events WHERE operation = 'read:race' ORDER BY seq`);
    expect(rows.map((r) => Number(r.entity_id))).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(await sql(`SELECT count(*)::int AS n FROM audit_queue`)).toEqual([{ n: 0 }]);
    expect(await verifyAuditLog(hub.db.dataSource)).toMatchObject({ ok: true, firstBreak: null });
  });

  it("loses no queued entry on a clean shutdown", async () => {
    const trail = new AuditTrail(hub.db.dataSource, { flushIntervalMs: 60_000, batchSize: 1000 });
    for (let i = 0; i < 25; i++) trail.enqueue(actor, { operation: "read:shutdown", entityId: String(i), outcome: AuditOutcome.SUCCESS });
    await trail.close();
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'read:shutdown'`);
    expect(n).toBe(25);
  });

  describe("tampering (the trigger disabled by a superuser)", () => {
    const withTriggerDisabled = async (work: () => Promise<unknown>) => {
      await sql(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
      try {
        await work();
      } finally {
        await sql(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
      }
    };

    it("finds an edited entry, and finds a deleted one", async () => {
      expect((await verifyAuditLog(hub.db.dataSource)).ok).toBe(true);
      const [original] = await sql(`SELECT seq::text AS seq, agency_code FROM audit_events WHERE seq = 5`);

      await withTriggerDisabled(() => sql(`UPDATE audit_events SET agency_code = 'XX-AMR' WHERE seq = 5`));
      const edited = await verifyAuditLog(hub.db.dataSource);
      expect(edited).toMatchObject({ ok: false, checked: 4, firstBreak: { seq: "5", reason: "CONTENT_CHANGED" } });

      await withTriggerDisabled(() => sql(`UPDATE audit_events SET agency_code = $1 WHERE seq = 5`, [original.agency_code]));
      expect((await verifyAuditLog(hub.db.dataSource)).ok).toBe(true);

      await withTriggerDisabled(() => sql(`DELETE FROM audit_events WHERE seq = 9`));
      const deleted = await verifyAuditLog(hub.db.dataSource);
      expect(deleted).toMatchObject({ ok: false, checked: 8, firstBreak: { seq: "10", reason: "ENTRIES_MISSING" } });
    });
  });
});
