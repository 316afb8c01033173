import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Appraisers' status as of any day (issue 18): every status an appraiser had, from when, decided by whom,
 * with the reason and decision number. A trigger records the status an appraiser is registered with, with no
 * day (it holds from before the hub's records: appraisers practised before the hub knew them), whichever way
 * the appraiser was registered (the seed and imports included); `changeAppraiserStatus` records each change,
 * each no earlier than the last, so the rows' order is the order in time. Existing appraisers start with their
 * present status.
 */
export class AppraiserStatusHistory1765400000000 implements MigrationInterface {
  name = "AppraiserStatusHistory1765400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appraiser_status_events (
        id bigserial PRIMARY KEY,
        appraiser_id uuid NOT NULL REFERENCES appraisers (id),
        status text NOT NULL,
        reason text,
        decision_doc_no text,
        decided_by text,
        effective_on date,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX appraiser_status_events_by_appraiser ON appraiser_status_events (appraiser_id, id)`);
    await q.query(`
      CREATE FUNCTION appraiser_registered_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO appraiser_status_events (appraiser_id, status) VALUES (NEW.id, NEW.status);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER appraiser_registered_status AFTER INSERT ON appraisers FOR EACH ROW EXECUTE FUNCTION appraiser_registered_status()`);
    await q.query(`INSERT INTO appraiser_status_events (appraiser_id, status) SELECT id, status FROM appraisers`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER appraiser_registered_status ON appraisers`);
    await q.query(`DROP FUNCTION appraiser_registered_status()`);
    await q.query(`DROP TABLE appraiser_status_events`);
  }
}
