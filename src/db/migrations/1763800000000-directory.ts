import { MigrationInterface, QueryRunner } from "typeorm";

/** Regions, institutions with their append-only listing register, appraisers and their practice records. */
export class Directory1763800000000 implements MigrationInterface {
  name = "Directory1763800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        replaced_by text
      )`);
    await q.query(`
      CREATE TABLE institutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        legal_representative text NOT NULL DEFAULT '',
        contact_phone text NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '',
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        business_scope text NOT NULL DEFAULT '',
        technical_fields text[] NOT NULL DEFAULT '{}',
        appraisal_matters text[] NOT NULL DEFAULT '{}',
        standards jsonb NOT NULL DEFAULT '[]',
        listing_status text NOT NULL DEFAULT 'NOT_LISTED'
          CHECK (listing_status IN ('NOT_LISTED','RECOMMENDED','UNDER_REVIEW','LISTED','REJECTED','SUSPENDED','REMOVED')),
        listing_level text CHECK (listing_level IN ('NATIONAL','PROVINCIAL','MUNICIPAL')),
        listed_since date,
        grade text CHECK (grade IN ('A','AA','AAA','AAAA','AAAAA')),
        credit_grade text CHECK (credit_grade IN ('A','B','C','D')),
        cultivation_stage text CHECK (cultivation_stage IN ('CANDIDATE','CULTIVATING','GRADUATED','DROPPED')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Keyset pagination by (name, id), jurisdiction by region prefix, filters by status and field.
    await q.query(`CREATE INDEX institutions_name_id_idx ON institutions (name, id)`);
    await q.query(`CREATE INDEX institutions_region_idx ON institutions (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX institutions_status_idx ON institutions (listing_status)`);
    await q.query(`CREATE INDEX institutions_fields_idx ON institutions USING gin (technical_fields)`);
    await q.query(`
      CREATE TABLE listing_events (
        seq bigserial PRIMARY KEY,
        institution_id uuid NOT NULL REFERENCES institutions(id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        listing_level text,
        reason text NOT NULL,
        decision_doc_no text,
        deciding_agency_code text,
        effective_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX listing_events_as_of_idx ON listing_events (institution_id, effective_on DESC, seq DESC)`);
    await q.query(`CREATE TRIGGER listing_events_no_change BEFORE UPDATE OR DELETE ON listing_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER listing_events_no_truncate BEFORE TRUNCATE ON listing_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TABLE appraisers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        id_number_sealed text NOT NULL,
        id_number_hash char(64) NOT NULL UNIQUE,
        id_number_masked text NOT NULL,
        phone_sealed text,
        phone_masked text,
        institution_id uuid REFERENCES institutions(id),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        technical_fields text[] NOT NULL DEFAULT '{}',
        titles jsonb NOT NULL DEFAULT '[]',
        qualifications jsonb NOT NULL DEFAULT '[]',
        trainings jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','SUSPENDED','REVOKED','RETIRED')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX appraisers_institution_idx ON appraisers (institution_id, name, id)`);
    await q.query(`CREATE INDEX appraisers_name_id_idx ON appraisers (name, id)`);
    await q.query(`CREATE INDEX appraisers_region_idx ON appraisers (region_code text_pattern_ops)`);
    await q.query(`
      CREATE TABLE appraiser_practices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appraiser_id uuid NOT NULL REFERENCES appraisers(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        kind text NOT NULL CHECK (kind IN ('FULL_TIME','PART_TIME')),
        started_on date NOT NULL,
        ended_on date,
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    // At most one active full-time post per appraiser, enforced by the database itself.
    await q.query(`CREATE UNIQUE INDEX appraiser_practices_one_full_time_idx ON appraiser_practices (appraiser_id) WHERE kind = 'FULL_TIME' AND ended_on IS NULL`);
    await q.query(`CREATE INDEX appraiser_practices_appraiser_idx ON appraiser_practices (appraiser_id, started_on)`);
    await q.query(`ALTER TABLE agencies ADD CONSTRAINT agencies_institution_fk FOREIGN KEY (institution_id) REFERENCES institutions(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies DROP CONSTRAINT agencies_institution_fk`);
    await q.query(`DROP TABLE appraiser_practices`);
    await q.query(`DROP TABLE appraisers`);
    await q.query(`DROP TABLE listing_events`);
    await q.query(`DROP TABLE institutions`);
    await q.query(`DROP TABLE regions`);
  }
}
