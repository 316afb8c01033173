import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Abnormal patent application batches, items and their handling timeline (非正常专利申请快速处置); key
 * trademarks under custody and their alerts (重点商标监控及托管).
 */
export class PatentsTrademarks1764200000000 implements MigrationInterface {
  name = "PatentsTrademarks1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE abnormal_patent_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_no text NOT NULL UNIQUE CHECK (length(batch_no) BETWEEN 1 AND 50),
        region_code text NOT NULL,
        issued_by_agency_code text NOT NULL,
        received_on date NOT NULL,
        deadline date NOT NULL CHECK (deadline >= received_on),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE abnormal_patent_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES abnormal_patent_batches(id),
        application_number text NOT NULL CHECK (application_number ~ '^[0-9]{12}[.][0-9X]$'),
        patent_type text NOT NULL CHECK (patent_type IN ('INVENTION','UTILITY_MODEL','DESIGN')),
        title text,
        applicant_name text NOT NULL,
        applicant_kind text NOT NULL CHECK (applicant_kind IN ('ORGANIZATION','PERSON')),
        applicant_credit_code text,
        patent_agency_name text,
        patent_agency_code text,
        patent_agency_credit_code text,
        region_code text NOT NULL,
        allocated_agency_id uuid NOT NULL REFERENCES agencies(id),
        allocated_agency_code text NOT NULL,
        allocated_region_code text NOT NULL,
        status text NOT NULL DEFAULT 'NOTIFIED' CHECK (status IN ('NOTIFIED','WITHDRAWN','APPEALED','APPEAL_UPHELD','APPEAL_REJECTED','ESCALATED')),
        notified_at timestamptz,
        handled_at timestamptz,
        fed_back_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (batch_id, application_number),
        CHECK ((applicant_kind = 'ORGANIZATION') = (applicant_credit_code IS NOT NULL))
      )`);
    // Rates group items of a batch by region and agency; visibility is a prefix of the applicant's region.
    await q.query(`CREATE INDEX abnormal_patent_items_batch_region_idx ON abnormal_patent_items (batch_id, region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX abnormal_patent_items_region_idx ON abnormal_patent_items (region_code text_pattern_ops, status)`);
    await q.query(`CREATE INDEX abnormal_patent_items_agency_idx ON abnormal_patent_items (patent_agency_code)`);
    await q.query(`CREATE INDEX abnormal_patent_items_allocated_idx ON abnormal_patent_items (allocated_agency_id, status)`);
    await q.query(`
      CREATE TABLE abnormal_patent_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES abnormal_patent_items(id),
        action text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        note text NOT NULL DEFAULT '',
        actor_agency_code text NOT NULL,
        credit_record_id uuid REFERENCES credit_records(id),
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX abnormal_patent_events_item_idx ON abnormal_patent_events (item_id, occurred_at)`);
    await q.query(`CREATE TRIGGER abnormal_patent_events_no_change BEFORE UPDATE OR DELETE ON abnormal_patent_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    // At most one credit record per escalated item, whatever retries or races happen.
    await q.query(`ALTER TABLE credit_records ADD COLUMN source_patent_item_id uuid UNIQUE REFERENCES abnormal_patent_items(id)`);

    await q.query(`
      CREATE TABLE custody_trademarks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_number text NOT NULL UNIQUE CHECK (registration_number ~ '^G?[0-9]{4,10}$'),
        nice_class int NOT NULL CHECK (nice_class BETWEEN 1 AND 45),
        mark_name text NOT NULL CHECK (length(mark_name) BETWEEN 1 AND 100),
        category text NOT NULL CHECK (category IN ('WELL_KNOWN','GEOGRAPHICAL_INDICATION','KEY_INDUSTRY')),
        owner_name text NOT NULL,
        owner_credit_code text NOT NULL,
        region_code text NOT NULL,
        custodian_agency_id uuid NOT NULL REFERENCES agencies(id),
        custodian_agency_code text NOT NULL,
        registered_on date NOT NULL,
        expires_on date NOT NULL CHECK (expires_on > registered_on),
        custody_status text NOT NULL DEFAULT 'ACTIVE' CHECK (custody_status IN ('ACTIVE','ENDED')),
        note text NOT NULL DEFAULT '',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX custody_trademarks_region_idx ON custody_trademarks (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX custody_trademarks_custodian_idx ON custody_trademarks (custodian_agency_id)`);
    await q.query(`CREATE INDEX custody_trademarks_expiry_idx ON custody_trademarks (expires_on) WHERE custody_status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE trademark_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trademark_id uuid NOT NULL REFERENCES custody_trademarks(id),
        kind text NOT NULL CHECK (kind IN ('EXPIRING','SIMILAR_FILING','NON_USE_CANCELLATION')),
        detail text NOT NULL DEFAULT '',
        reference text,
        due_on date,
        raised_on date NOT NULL,
        raised_by_agency_code text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','RESOLVED','DISMISSED')),
        handling_note text,
        handled_by_agency_code text,
        handled_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'EXPIRING' OR due_on IS NOT NULL)
      )`);
    // An expiring alert is computed until someone handles it; then it is stored, once per expiry date.
    await q.query(`CREATE UNIQUE INDEX trademark_alerts_expiring_key ON trademark_alerts (trademark_id, due_on) WHERE kind = 'EXPIRING'`);
    await q.query(`CREATE INDEX trademark_alerts_trademark_idx ON trademark_alerts (trademark_id, raised_on DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trademark_alerts`);
    await q.query(`DROP TABLE custody_trademarks`);
    await q.query(`ALTER TABLE credit_records DROP COLUMN source_patent_item_id`);
    await q.query(`DROP TABLE abnormal_patent_events`);
    await q.query(`DROP TABLE abnormal_patent_items`);
    await q.query(`DROP TABLE abnormal_patent_batches`);
  }
}
