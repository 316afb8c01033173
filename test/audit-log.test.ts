import { auditHash, ChainedContent } from "../src/audit/audit-chain";
import { auditLeafHash, MerkleFrontier, verifyConsistency, verifyInclusion } from "../src/audit/merkle";
import { verifyTreeHeadSignature } from "../src/audit/audit-tree-head";
import { verifyAuditLog } from "../src/audit/audit-verify";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * The audit log as an agency checks it (issue 20): an inclusion proof of one of its own entries against a
 * signed tree head, and a consistency proof that a later head extends one it kept, each verified with the
 * RFC 9162 algorithms and the hub's published key, against the untouched log and against logs an operator
 * tampered with.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const sql = (text: string, params: unknown[] = []) => hub.db.dataSource.query(text, params);
const buf = (hex: string) => Buffer.from(hex, "hex");

const PROOF = `query ($seq: ID!, $treeSize: String) {
  auditProof(seq: $seq, treeSize: $treeSize) {
    entry { seq occurredAt agencyCode regionCode clientName endUser requestId caseRef operation entityType entityId fields outcome errorCode prevHash hash }
    leafIndex leafHash auditPath
    treeHead { treeSize rootHash publishedAt keyId signature }
  }
}`;
const CONSISTENCY = `query ($from: String!, $to: String) {
  auditConsistency(from: $from, to: $to) { proof from { treeSize rootHash publishedAt keyId signature } to { treeSize rootHash publishedAt keyId signature } }
}`;

/** Registers a client system as XY-COURT (an audited change) and answers its audit entry's seq. */
async function courtEntry(key: string): Promise<string> {
  const res = await hub.graphql(`mutation ($key: String!) { registerClientSystem(input: { idempotencyKey: $key, name: $key }) { clientSystem { id } } }`, {
    as: "XY-COURT",
    scopes: ["clients:manage"],
    variables: { key },
  });
  const id = res.body.data.registerClientSystem.clientSystem.id;
  await hub.hub.deps.trail.flush();
  const [{ seq }] = await sql(`SELECT seq::text AS seq FROM audit_events WHERE entity_id = $1`, [id]);
  return seq;
}

async function publicKeys() {
  return (await (await fetch(`${hub.url}/.well-known/jwks.json`)).json()).keys;
}

type Head = { treeSize: string; rootHash: string; publishedAt: string; keyId: string; signature: string };
const asSigned = (head: Head) => ({ ...head, publishedAt: new Date(head.publishedAt) });

/** What an agency does with a proof: recompute the entry's hash from its fields, its leaf, the root, and check the head's signature. */
async function agencyAccepts(proof: any): Promise<boolean> {
  const e = proof.entry;
  const content: ChainedContent = { ...e, occurredAt: new Date(e.occurredAt) };
  if (auditHash(content) !== e.hash) return false;
  const leaf = auditLeafHash(e.hash);
  if (leaf.toString("hex") !== proof.leafHash) return false;
  const included = verifyInclusion(Number(proof.leafIndex), Number(proof.treeHead.treeSize), leaf, proof.auditPath.map(buf), buf(proof.treeHead.rootHash));
  return included && Number(proof.leafIndex) === Number(e.seq) - 1 && (await verifyTreeHeadSignature(asSigned(proof.treeHead), await publicKeys()));
}

/**
 * An operator with superuser rights, and the hub's signing key, rewrites history in the tree: the leaf of
 * `leafIndex` and every node above it (none when -1: the tree as the entries make it).
 */
async function rewriteLeaf(leafIndex: number, size: number): Promise<void> {
  const entries: Array<{ hash: string }> = await sql(`SELECT e.hash FROM audit_events e ORDER BY e.seq LIMIT $1`, [size]);
  const frontier = MerkleFrontier.empty();
  const rewritten = entries.flatMap((entry, i) => frontier.append(auditLeafHash(i === leafIndex ? "ab".repeat(32) : entry.hash)));
  await withTriggersDisabled("audit_tree_nodes", async () => {
    for (const node of rewritten) await sql(`UPDATE audit_tree_nodes SET hash = decode($3, 'hex') WHERE level = $1 AND idx = $2`, [node.level, node.index, node.hash.toString("hex")]);
  });
}

async function withTriggersDisabled(table: string, work: () => Promise<unknown>): Promise<void> {
  await sql(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    await work();
  } finally {
    await sql(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
}

describe("the audit log's proofs", () => {
  it("sequences a writer's entry within milliseconds of its commit, numbered, chained and in the tree", async () => {
    const res = await hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "log-fast", name: "log-fast" }) { clientSystem { id } } }`, { as: "XY-COURT", scopes: ["clients:manage"] });
    const id = res.body.data.registerClientSystem.clientSystem.id;
    const started = Date.now();
    let rows: Array<{ seq: string }> = [];
    while (rows.length === 0 && Date.now() - started < 2_000) {
      rows = await sql(`SELECT seq::text AS seq FROM audit_events WHERE entity_id = $1`, [id]);
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(rows).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(500);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit_tree_nodes WHERE level = 0 AND idx = $1::bigint - 1`, [rows[0].seq]);
    expect(n).toBe(1);
  });

  it("gives an agency a proof of its own entry that verifies against a head signed with the published key", async () => {
    const seq = await courtEntry("log-proof-1");
    const head = await hub.hub.treeHeads.publish();
    expect(head).toMatchObject({ treeSize: expect.any(String), keyId: hub.hub.signingKey.kid });
    const res = await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq } });
    expect(res.body.errors).toBeUndefined();
    const proof = res.body.data.auditProof;
    expect(proof.treeHead.treeSize).toBe(head!.treeSize);
    expect(await agencyAccepts(proof)).toBe(true);
    // The same proof fails for another entry's content, another root, or a head whose fields were changed.
    expect(await agencyAccepts({ ...proof, entry: { ...proof.entry, operation: "signIn" } })).toBe(false);
    expect(await agencyAccepts({ ...proof, treeHead: { ...proof.treeHead, rootHash: "00".repeat(32) } })).toBe(false);
    expect(await verifyTreeHeadSignature(asSigned({ ...proof.treeHead, treeSize: String(Number(proof.treeHead.treeSize) + 1) }), await publicKeys())).toBe(false);
  });

  it("answers NOT_FOUND for an entry of another agency, and BAD_USER_INPUT for one no head covers yet or a bad seq", async () => {
    const [{ seq: other }] = await sql(`SELECT seq::text AS seq FROM audit_events WHERE agency_code IS DISTINCT FROM 'XY-COURT' ORDER BY seq DESC LIMIT 1`);
    const hidden = await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq: other } });
    expect(hidden.body.data.auditProof).toBeNull();
    expect(hidden.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const fresh = await courtEntry("log-proof-2");
    const uncovered = await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq: fresh } });
    expect(uncovered.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "seq" });
    for (const seq of ["0", "-1", "1e3", "99999999999999999999"]) {
      const bad = await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq } });
      expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "seq" });
    }
    const noSuchHead = await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq: fresh, treeSize: "1" } });
    expect(noSuchHead.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "treeSize" });
  });

  it("signs a head over entries an instance left queued, and none while the log has not grown", async () => {
    // An instance stopped between its commit and sequencing: its entry waits in the queue.
    await sql(`INSERT INTO audit_queue (occurred_at, agency_code, region_code, operation, outcome) VALUES (now(), 'XY-COURT', '411500', 'read:left-behind', 'SUCCESS')`);
    const head = (await hub.hub.treeHeads.publish())!;
    const [{ seq }] = await sql(`SELECT e.seq::text AS seq FROM audit_events e WHERE e.operation = 'read:left-behind'`);
    expect(head.treeSize).toBe(seq);
    expect(await hub.hub.treeHeads.publish()).toBeNull();
    expect(await hub.hub.treeHeads.publish({ onlyIfDue: true })).toBeNull();
    const proof = (await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq } })).body.data.auditProof;
    expect(await agencyAccepts(proof)).toBe(true);
  });

  it("proves that a later head extends an earlier one", async () => {
    await courtEntry("log-consistency-0");
    const first = (await hub.hub.treeHeads.publish())!;
    await courtEntry("log-consistency-1");
    await courtEntry("log-consistency-2");
    const second = (await hub.hub.treeHeads.publish())!;
    const res = await hub.graphql(CONSISTENCY, { as: "XY-PSB", variables: { from: first.treeSize } });
    expect(res.body.errors).toBeUndefined();
    const { proof, from, to } = res.body.data.auditConsistency;
    expect([from.treeSize, to.treeSize]).toEqual([first.treeSize, second.treeSize]);
    expect(verifyConsistency(Number(first.treeSize), Number(second.treeSize), buf(first.rootHash), buf(to.rootHash), proof.map(buf))).toBe(true);
    expect(await verifyTreeHeadSignature(asSigned(to), await publicKeys())).toBe(true);
    const backwards = await hub.graphql(CONSISTENCY, { as: "XY-PSB", variables: { from: second.treeSize, to: first.treeSize } });
    expect(backwards.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });

  it("verifies offline, and shows an edited entry, a rewritten history and a cut-off tail", async () => {
    expect(await verifyAuditLog(hub.db.dataSource, await publicKeys())).toMatchObject({ ok: true, firstBreak: null, queued: 0 });
    const seq = await courtEntry("log-tamper-1");
    const kept = (await hub.hub.treeHeads.publish())!;
    const proof = (await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq } })).body.data.auditProof;
    expect(await agencyAccepts(proof)).toBe(true);

    // 1. The entry is edited in place: the chain shows it, and the agency's proof no longer holds for what the hub now serves.
    await withTriggersDisabled("audit_events", () => sql(`UPDATE audit_events SET end_user = 'someone else' WHERE seq = $1`, [seq]));
    const edited = (await hub.graphql(PROOF, { as: "XY-COURT", variables: { seq } })).body.data.auditProof;
    expect(await agencyAccepts(edited)).toBe(false);
    expect((await verifyAuditLog(hub.db.dataSource)).firstBreak).toMatchObject({ seq, reason: "CONTENT_CHANGED" });
    await withTriggersDisabled("audit_events", () => sql(`UPDATE audit_events SET end_user = $2 WHERE seq = $1`, [seq, proof.entry.endUser]));
    expect((await verifyAuditLog(hub.db.dataSource)).ok).toBe(true);

    // 2. History rewritten in the tree (a leaf and every node above it), and a new head signed over it with the hub's own key:
    // the head the agency kept cannot be proved to be extended by it.
    await rewriteLeaf(2, Number(kept.treeSize));
    await courtEntry("log-tamper-2");
    const forged = (await hub.hub.treeHeads.publish())!;
    const consistency = (await hub.graphql(CONSISTENCY, { as: "XY-COURT", variables: { from: kept.treeSize } })).body.data.auditConsistency;
    expect(consistency.to.treeSize).toBe(forged.treeSize);
    expect(await verifyTreeHeadSignature(asSigned(consistency.to), await publicKeys())).toBe(true);
    expect(verifyConsistency(Number(kept.treeSize), Number(forged.treeSize), buf(kept.rootHash), buf(forged.rootHash), consistency.proof.map(buf))).toBe(false);
    expect((await verifyAuditLog(hub.db.dataSource)).firstBreak).toMatchObject({ seq: "3", reason: "TREE_NODE_CHANGED" });
    await rewriteLeaf(-1, Number(forged.treeSize)); // put the tree back as the entries make it
    expect(await verifyAuditLog(hub.db.dataSource)).toMatchObject({ ok: false, firstBreak: { seq: forged.treeSize, reason: "TREE_HEAD_MISMATCH" } });

    // 3. The newest entries cut off (the forged head removed, as its operator would): the head the agency kept still covers them.
    await withTriggersDisabled("audit_tree_heads", () => sql(`DELETE FROM audit_tree_heads WHERE tree_size > $1::bigint`, [kept.treeSize]));
    expect((await verifyAuditLog(hub.db.dataSource)).ok).toBe(true);
    await withTriggersDisabled("audit_events", () => sql(`DELETE FROM audit_events WHERE seq >= $1::bigint`, [seq]));
    await withTriggersDisabled("audit_tree_nodes", () => sql(`DELETE FROM audit_tree_nodes WHERE (idx + 1) * 2 ^ level >= $1::bigint`, [seq]));
    expect(await verifyAuditLog(hub.db.dataSource)).toMatchObject({ ok: false, firstBreak: { reason: "ENTRIES_MISSING", seq } });
  });
});
