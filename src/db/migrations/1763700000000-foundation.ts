import { MigrationInterface, QueryRunner } from "typeorm";

/** Agencies and their client systems, idempotency keys, and the append-only, hash-chained audit trail. */
export class Foundation1763700000000 implements MigrationInterface {
  name = "Foundation1763700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('COURT','PROCURATORATE','POLICE','MARKET_REGULATION','INDUSTRY_ASSOCIATION','APPRAISAL_INSTITUTION')),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        institution_id uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agencies_region_code_idx ON agencies (region_code text_pattern_ops)`);
    await q.query(`
      CREATE TABLE client_systems (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        description text NOT NULL DEFAULT '',
        allowed_scopes text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        jwks jsonb,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency_id, name)
      )`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        client_system_id uuid NOT NULL REFERENCES client_systems(id),
        key text NOT NULL,
        operation text NOT NULL,
        request_hash char(64) NOT NULL,
        result_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_system_id, key)
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY CHECK (seq > 0),
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
        error_code text,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_events_agency_idx ON audit_events (agency_code, seq)`);
    await q.query(`CREATE INDEX audit_events_region_idx ON audit_events (region_code text_pattern_ops, seq)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`);
    // Append-only tables (the audit trail here, the listing register later) refuse changes for everyone, the
    // hub included: tampering needs a superuser to disable the trigger, and then the hash chain shows it.
    await q.query(`
      CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION refuse_append_only_change()`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE client_systems`);
    await q.query(`DROP TABLE agencies`);
  }
}
