import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Credit by the national rules (issue 19): the MINOR severity, records that are not announced (轻微失信原则上不公示),
 * and the records made before the rules brought within them. GENERAL and SERIOUS keep their meaning, so no
 * severity changes; what changes is reported line by line in `migration_reports`, which `hub migrate` prints:
 *
 * - The decision day was the day of data entry. A record published before it was decided before it: its
 *   decision day becomes its first day of publication.
 * - Publication stops at the latest 12 months (GENERAL) or 36 months (SERIOUS) after the decision, the national
 *   maxima: a longer window is shortened to that day.
 *
 * The national figures are written here, not read from the configuration: a migration is a fixed step, and a
 * hub configured with shorter maxima applies them to the records made from then on.
 */
export class CreditRules1766400000000 implements MigrationInterface {
  name = "CreditRules1766400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE migration_reports (
      id bigserial PRIMARY KEY,
      migration text NOT NULL,
      line text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_severity_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_severity_check CHECK (severity IN ('MINOR','GENERAL','SERIOUS'))`);
    await q.query(`ALTER TABLE credit_records ADD COLUMN announced boolean NOT NULL DEFAULT true`);

    const report = (line: string) => q.query(`INSERT INTO migration_reports (migration, line) VALUES ($1, $2)`, [this.name, line]);
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM credit_records`);

    const moved: Array<{ id: string; doc: string; before: string; after: string }> = await q.query(
      `WITH moved AS (
         UPDATE credit_records r SET decided_on = r.publish_from
           FROM credit_records old WHERE old.id = r.id AND r.publish_from < r.decided_on
         RETURNING r.id, r.decision_doc_no AS doc, old.decided_on::text AS before, r.decided_on::text AS after)
       SELECT * FROM moved ORDER BY id`,
    );
    for (const r of moved) await report(`credit record ${r.id} (${r.doc}): decision day ${r.before} → ${r.after}, its first day of publication`);

    const shortened: Array<{ id: string; doc: string; severity: string; before: string; after: string }> = await q.query(
      `WITH shortened AS (
        UPDATE credit_records r
          SET publish_until = (r.decided_on + make_interval(months => CASE r.severity WHEN 'SERIOUS' THEN 36 ELSE 12 END))::date,
              publish_from = LEAST(r.publish_from, (r.decided_on + make_interval(months => CASE r.severity WHEN 'SERIOUS' THEN 36 ELSE 12 END))::date)
         FROM credit_records old
        WHERE old.id = r.id AND r.publish_until > (r.decided_on + make_interval(months => CASE r.severity WHEN 'SERIOUS' THEN 36 ELSE 12 END))::date
       RETURNING r.id, r.decision_doc_no AS doc, r.severity, old.publish_until::text AS before, r.publish_until::text AS after)
       SELECT * FROM shortened ORDER BY id`,
    );
    for (const r of shortened) await report(`credit record ${r.id} (${r.doc}, ${r.severity}): publication until ${r.before} → ${r.after}, the national maximum from its decision`);
    await report(`${n} credit record(s) checked against the national credit repair rules: ${moved.length} decision day(s) moved, ${shortened.length} publication window(s) shortened; severities unchanged`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Nothing older means MINOR; a determination is never deleted to make a rollback fit.
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM credit_records WHERE severity = 'MINOR'`);
    if (n > 0) throw new Error(`${n} MINOR credit record(s) exist: the version before the national rules cannot hold them`);
    await q.query(`ALTER TABLE credit_records DROP COLUMN announced`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_severity_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_severity_check CHECK (severity IN ('GENERAL','SERIOUS'))`);
    await q.query(`DROP TABLE migration_reports`);
  }
}
