import { MigrationInterface, QueryRunner } from "typeorm";

/** Enforcement collaboration records (执法协作): parties, and an append-only timeline. */
export class Collaboration1764000000000 implements MigrationInterface {
  name = "Collaboration1764000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collaboration_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('CASE_TRANSFER','CLUE_REFERRAL','JOINT_ENFORCEMENT','APPRAISAL_ASSISTANCE','INFORMATION_REQUEST','CONSULTATION','CROSS_REGION')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '',
        initiator_agency_id uuid NOT NULL REFERENCES agencies(id),
        initiator_agency_code text NOT NULL,
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        outcome text CHECK (outcome IN ('CASE_FILED','NOT_FILED','ADMINISTRATIVE_PENALTY','PROSECUTED','REFERRED_ONWARD','INFORMATION_PROVIDED','RESOLVED','NO_ACTION')),
        related_institution_ids uuid[] NOT NULL DEFAULT '{}',
        related_case_ids uuid[] NOT NULL DEFAULT '{}',
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'CLOSED') = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX collaboration_records_region_idx ON collaboration_records (region_code text_pattern_ops, opened_at DESC)`);
    await q.query(`
      CREATE TABLE collaboration_participants (
        record_id uuid NOT NULL REFERENCES collaboration_records(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        agency_code text NOT NULL,
        role text NOT NULL CHECK (role IN ('INITIATOR','PARTICIPANT')),
        PRIMARY KEY (record_id, agency_id)
      )`);
    await q.query(`CREATE INDEX collaboration_participants_agency_idx ON collaboration_participants (agency_id, record_id)`);
    await q.query(`
      CREATE TABLE collaboration_events (
        seq bigserial PRIMARY KEY,
        record_id uuid NOT NULL REFERENCES collaboration_records(id),
        kind text NOT NULL CHECK (kind IN ('SENT','RECEIVED','ACCEPTED','REPLIED','INFORMATION_PROVIDED','CLOSED')),
        note text NOT NULL DEFAULT '',
        actor_agency_code text NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX collaboration_events_record_idx ON collaboration_events (record_id, seq)`);
    await q.query(`CREATE TRIGGER collaboration_events_no_change BEFORE UPDATE OR DELETE ON collaboration_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["collaboration_events", "collaboration_participants", "collaboration_records"]) await q.query(`DROP TABLE ${table}`);
  }
}
