import { MigrationInterface, QueryRunner } from "typeorm";

/** Credit records (信用信息) with repair and joint-punishment sharing; credit grades with their reasons. */
export class Credit1764100000000 implements MigrationInterface {
  name = "Credit1764100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (subject_type IN ('INSTITUTION','APPRAISER','ENTERPRISE','PATENT_AGENCY','TRADEMARK_AGENCY')),
        subject_credit_code text,
        subject_institution_id uuid REFERENCES institutions(id),
        subject_appraiser_id uuid REFERENCES appraisers(id),
        subject_name text NOT NULL,
        subject_region_code text NOT NULL,
        behaviour text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('GENERAL','SERIOUS')),
        deciding_agency_code text NOT NULL,
        decision_doc_no text NOT NULL,
        basis text NOT NULL,
        decided_on date NOT NULL,
        publish_from date NOT NULL,
        publish_until date NOT NULL CHECK (publish_until >= publish_from),
        measures text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','REPAIR_REQUESTED','REPAIRED','REVOKED')),
        source_complaint_id uuid UNIQUE REFERENCES case_feedback(id),
        repair_commitment text,
        repair_evidence text[] NOT NULL DEFAULT '{}',
        repair_requested_on date,
        repair_requested_by text,
        repair_decided_on date,
        repair_decision_note text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((subject_type = 'APPRAISER') = (subject_appraiser_id IS NOT NULL)),
        CHECK (subject_type <> 'INSTITUTION' OR subject_institution_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX credit_records_region_idx ON credit_records (subject_region_code text_pattern_ops, decided_on DESC)`);
    await q.query(`CREATE INDEX credit_records_institution_idx ON credit_records (subject_institution_id) WHERE subject_institution_id IS NOT NULL`);
    await q.query(`CREATE INDEX credit_records_appraiser_idx ON credit_records (subject_appraiser_id) WHERE subject_appraiser_id IS NOT NULL`);
    await q.query(`CREATE INDEX credit_records_code_idx ON credit_records (subject_credit_code)`);
    await q.query(`CREATE INDEX credit_records_published_idx ON credit_records (publish_from, publish_until) WHERE status IN ('ACTIVE','REPAIR_REQUESTED')`);
    await q.query(`
      CREATE TABLE credit_shares (
        record_id uuid NOT NULL REFERENCES credit_records(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        agency_code text NOT NULL,
        shared_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        PRIMARY KEY (record_id, agency_id)
      )`);
    await q.query(`CREATE INDEX credit_shares_agency_idx ON credit_shares (agency_id)`);
    await q.query(`ALTER TABLE institutions ADD COLUMN credit_grade_why jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE appraisers ADD COLUMN credit_grade text CHECK (credit_grade IN ('A','B','C','D'))`);
    await q.query(`ALTER TABLE appraisers ADD COLUMN credit_grade_why jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appraisers DROP COLUMN credit_grade_why`);
    await q.query(`ALTER TABLE appraisers DROP COLUMN credit_grade`);
    await q.query(`ALTER TABLE institutions DROP COLUMN credit_grade_why`);
    await q.query(`DROP TABLE credit_shares`);
    await q.query(`DROP TABLE credit_records`);
  }
}
