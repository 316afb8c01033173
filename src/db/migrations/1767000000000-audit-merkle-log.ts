import { MigrationInterface, QueryRunner } from "typeorm";
import { storeTreeNodes } from "../../audit/audit-tree-store";
import { auditLeafHash, MerkleFrontier } from "../../audit/merkle";

/**
 * The audit trail becomes a verifiable log (issue 20): writers queue their entries in their own transaction
 * (`audit_queue`), one sequencer at a time numbers, chains and hashes them into `audit_events` and the Merkle
 * tree's complete subtrees (`audit_tree_nodes`), and the hub signs tree heads (`audit_tree_heads`). The
 * existing trail becomes the tree's first leaves.
 */
export class AuditMerkleLog1767000000000 implements MigrationInterface {
  name = "AuditMerkleLog1767000000000";

  async up(q: QueryRunner): Promise<void> {
    // The queue holds an entry from its writer's commit until the sequencer moves it, milliseconds later:
    // the sequencer deletes what it moves, nobody edits an entry.
    await q.query(`CREATE TABLE audit_queue (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      agency_code text,
      region_code text CHECK (region_code ~ '^[0-9]{6}$'),
      client_name text,
      end_user text,
      request_id text,
      case_ref text,
      operation text NOT NULL,
      entity_type text,
      entity_id text,
      fields text[] NOT NULL DEFAULT '{}',
      outcome text NOT NULL CHECK (outcome IN ('SUCCESS','DENIED','REJECTED')),
      error_code text
    )`);
    // The sequencer's one-statement batch raises through this when the queue lost an entry under it.
    await q.query(`CREATE FUNCTION audit_sequencer_refuse(message text) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', message USING ERRCODE = 'serialization_failure'; END $$`);
    await q.query(`CREATE TRIGGER audit_queue_no_update BEFORE UPDATE ON audit_queue FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER audit_queue_no_truncate BEFORE TRUNCATE ON audit_queue FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TABLE audit_tree_nodes (
      level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
      idx bigint NOT NULL CHECK (idx >= 0),
      hash bytea NOT NULL CHECK (length(hash) = 32),
      PRIMARY KEY (level, idx)
    )`);
    await q.query(`CREATE TABLE audit_tree_heads (
      tree_size bigint PRIMARY KEY CHECK (tree_size > 0),
      root_hash char(64) NOT NULL,
      published_at timestamptz NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL
    )`);
    for (const table of ["audit_tree_nodes", "audit_tree_heads"]) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    }
    // The trail so far: its entries become the first leaves, in seq order.
    const frontier = MerkleFrontier.empty();
    let after = "0";
    for (;;) {
      const rows: Array<{ seq: string; hash: string }> = await q.query(`SELECT e.seq::text AS seq, e.hash FROM audit_events e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT 5000`, [after]);
      if (rows.length === 0) break;
      await storeTreeNodes(q.manager, rows.flatMap((row) => frontier.append(auditLeafHash(row.hash))));
      after = rows[rows.length - 1].seq;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_tree_heads`);
    await q.query(`DROP TABLE audit_tree_nodes`);
    await q.query(`DROP TABLE audit_queue`);
    await q.query(`DROP FUNCTION audit_sequencer_refuse(text)`);
  }
}
