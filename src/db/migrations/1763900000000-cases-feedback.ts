import { MigrationInterface, QueryRunner } from "typeorm";

/** The holiday calendar, appraisal cases with their event log, feedback with maintained summaries, complaints and supervision records. */
export class CasesFeedback1763900000000 implements MigrationInterface {
  name = "CasesFeedback1763900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY','WORKDAY')),
        name text NOT NULL DEFAULT '',
        source text NOT NULL DEFAULT ''
      )`);
    await q.query(`
      CREATE TABLE appraisal_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entrusting_agency_id uuid NOT NULL REFERENCES agencies(id),
        entrusting_agency_code text NOT NULL,
        entrusting_region_code text NOT NULL,
        agency_case_no text NOT NULL CHECK (length(agency_case_no) BETWEEN 1 AND 100),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        institution_region_code text NOT NULL,
        technical_field text NOT NULL,
        matter text NOT NULL,
        subject text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'ENTRUSTED' CHECK (status IN ('ENTRUSTED','ACCEPTED','REJECTED','IN_PROGRESS','MATERIALS_REQUESTED',
          'UNDER_REVIEW','ISSUED','COURT_APPEARANCE_REQUESTED','APPEARED','ABSENT','CLOSED','TERMINATED')),
        entrusted_on date NOT NULL,
        accepted_on date,
        issued_on date,
        opinion_doc_no text,
        opinion_sha256 char(64),
        extension_working_days int NOT NULL DEFAULT 0 CHECK (extension_working_days >= 0),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX appraisal_cases_entruster_idx ON appraisal_cases (entrusting_agency_id, entrusted_on DESC, id)`);
    await q.query(`CREATE INDEX appraisal_cases_institution_idx ON appraisal_cases (institution_id, entrusted_on DESC, id)`);
    await q.query(`CREATE INDEX appraisal_cases_region_idx ON appraisal_cases (institution_region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX appraisal_cases_entrusting_region_idx ON appraisal_cases (entrusting_region_code text_pattern_ops)`);
    await q.query(`
      CREATE TABLE case_events (
        seq bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES appraisal_cases(id),
        action text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        occurred_on date NOT NULL,
        note text,
        detail jsonb NOT NULL DEFAULT '{}',
        actor_agency_code text NOT NULL,
        actor_client_name text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, seq)`);
    await q.query(`CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TABLE case_appraisers (
        case_id uuid NOT NULL REFERENCES appraisal_cases(id),
        appraiser_id uuid NOT NULL REFERENCES appraisers(id),
        recusal_declaration text NOT NULL CHECK (length(recusal_declaration) > 0),
        assigned_on date NOT NULL,
        PRIMARY KEY (case_id, appraiser_id)
      )`);
    await q.query(`CREATE INDEX case_appraisers_appraiser_idx ON case_appraisers (appraiser_id)`);
    await q.query(`
      CREATE TABLE case_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('EVALUATION','COMPLAINT','COMMENDATION')),
        posting_agency_id uuid NOT NULL REFERENCES agencies(id),
        posting_agency_code text NOT NULL,
        posting_region_code text NOT NULL,
        agency_case_no text NOT NULL,
        case_id uuid REFERENCES appraisal_cases(id),
        appraiser_id uuid NOT NULL REFERENCES appraisers(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        institution_region_code text NOT NULL,
        rating_timeliness smallint CHECK (rating_timeliness BETWEEN 1 AND 5),
        rating_professionalism smallint CHECK (rating_professionalism BETWEEN 1 AND 5),
        rating_report_quality smallint CHECK (rating_report_quality BETWEEN 1 AND 5),
        rating_conduct smallint CHECK (rating_conduct BETWEEN 1 AND 5),
        rating_court_performance smallint CHECK (rating_court_performance BETWEEN 1 AND 5),
        opinion_adopted boolean,
        suspected_false_appraisal boolean NOT NULL DEFAULT false,
        comment text NOT NULL DEFAULT '',
        posted_at timestamptz NOT NULL,
        complaint_status text CHECK (complaint_status IN ('SUBMITTED','ACKNOWLEDGED','INVESTIGATING','RESOLVED','DISMISSED')),
        complaint_respond_by date,
        complaint_resolution text,
        violation_confirmed boolean,
        version int NOT NULL DEFAULT 1,
        CHECK ((kind = 'COMPLAINT') = (complaint_status IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX case_feedback_institution_idx ON case_feedback (institution_id, kind, posted_at)`);
    await q.query(`CREATE INDEX case_feedback_appraiser_idx ON case_feedback (appraiser_id, kind, posted_at)`);
    await q.query(`CREATE INDEX case_feedback_poster_idx ON case_feedback (posting_agency_id, posted_at DESC, id)`);
    await q.query(`CREATE INDEX case_feedback_region_idx ON case_feedback (institution_region_code text_pattern_ops, posted_at DESC)`);
    // Maintained in the same transaction as each feedback write, so reading a summary is one indexed row.
    await q.query(`
      CREATE TABLE feedback_summaries (
        subject_type text NOT NULL CHECK (subject_type IN ('INSTITUTION','APPRAISER')),
        subject_id uuid NOT NULL,
        feedback_count int NOT NULL DEFAULT 0,
        timeliness_sum int NOT NULL DEFAULT 0, timeliness_n int NOT NULL DEFAULT 0,
        professionalism_sum int NOT NULL DEFAULT 0, professionalism_n int NOT NULL DEFAULT 0,
        report_quality_sum int NOT NULL DEFAULT 0, report_quality_n int NOT NULL DEFAULT 0,
        conduct_sum int NOT NULL DEFAULT 0, conduct_n int NOT NULL DEFAULT 0,
        court_performance_sum int NOT NULL DEFAULT 0, court_performance_n int NOT NULL DEFAULT 0,
        adopted_count int NOT NULL DEFAULT 0,
        adoption_known_count int NOT NULL DEFAULT 0,
        complaint_count int NOT NULL DEFAULT 0,
        last_feedback_at timestamptz,
        PRIMARY KEY (subject_type, subject_id)
      )`);
    await q.query(`
      CREATE TABLE complaint_events (
        seq bigserial PRIMARY KEY,
        feedback_id uuid NOT NULL REFERENCES case_feedback(id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        note text NOT NULL,
        actor_agency_code text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX complaint_events_feedback_idx ON complaint_events (feedback_id, seq)`);
    await q.query(`CREATE TRIGGER complaint_events_no_change BEFORE UPDATE OR DELETE ON complaint_events FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TABLE supervision_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        institution_region_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PRACTICE_INSPECTION','DOCUMENT_QUALITY_REVIEW','CIRCULAR')),
        conducted_on date NOT NULL,
        result text NOT NULL CHECK (result IN ('PASSED','RECTIFICATION_REQUIRED','FAILED','NOTICE')),
        score numeric(5,2) CHECK (score BETWEEN 0 AND 100),
        findings text NOT NULL DEFAULT '',
        rectification_deadline date,
        recorded_by_agency_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX supervision_records_institution_idx ON supervision_records (institution_id, conducted_on DESC)`);
    await q.query(`CREATE INDEX supervision_records_region_idx ON supervision_records (institution_region_code text_pattern_ops, conducted_on DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["supervision_records", "complaint_events", "feedback_summaries", "case_feedback", "case_appraisers", "case_events", "appraisal_cases", "calendar_days"]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
