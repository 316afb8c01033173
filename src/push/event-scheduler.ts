import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { HubPolicy, PushConfig } from "../config/config";
import { OVERDUE_SQL } from "../services/abnormal-patent.service";
import { alertWindow } from "../loaders/trademark-alert-feed";
import { caseDeadlines, OPEN_CASE_STATUSES } from "../domain/case-deadlines";
import { CaseStatus } from "../domain/case-enums";
import { addDays, todayInChina } from "../domain/local-date";
import { loadWorkingCalendar } from "../seed/calendar";
import { eventAbout, EventDraft } from "./event-types";
import type { MonthlyReportFiler } from "./monthly-report-filer";
import { writeEvents } from "./outbox";

/** Credit publication thresholds older than this are not raised late (a hub stopped for longer, or the upgrade that brought push). */
const LOOKBACK_DAYS = 30;
/** Rows deleted per table and round at most (past the retention period). */
const PRUNE_BATCH = 5_000;

/**
 * Time-driven events: a record crossing a threshold (a case deadline passed or near, a mark entering its
 * expiry window, a credit record's publication starting or ending, an abnormal-patent item left past its
 * deadline), and the jobs due on a day (the monthly reports filed on the first, `monthly-report-filer.ts`).
 * Rounds run on one instance at a time: the holder of the scheduler's lease, which it renews each
 * round and another instance takes over once it has expired (the holder stopped). Each event carries a key of
 * record and threshold, unique in the outbox, so it is raised once however many rounds see it. A round reads
 * outside any transaction and writes its events in one statement (on PGlite a transaction would hold the one
 * connection the API needs).
 */
export class EventScheduler {
  private readonly instance = randomUUID();
  private running: Promise<number> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: HubPolicy,
    private readonly config: Pick<PushConfig, "deadlineNoticeWorkingDays" | "schedulerIntervalMs" | "retentionSeconds">,
    private readonly now: () => Date,
    private readonly filer?: Pick<MonthlyReportFiler, "fileDue">,
  ) {}

  /** One round; answers how many events it raised (0 when another instance holds the lease). Calls during a round share it. */
  round(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves once a round in progress has ended. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<number> {
    if (!(await this.holdLease())) return 0;
    const today = todayInChina(this.now());
    const calendar = await loadWorkingCalendar(this.dataSource);
    const manager = this.dataSource.manager;
    const drafts = [
      ...(await this.caseDeadlines(manager, calendar, today)),
      ...(await this.expiringMarks(manager, today)),
      ...(await this.creditPublication(manager, today)),
      ...(await this.overduePatentItems(manager, today)),
    ];
    const raised = await writeEvents(manager, drafts);
    await this.prune();
    await this.filer?.fileDue(today);
    return raised;
  }

  /**
   * Deletes settled deliveries and spent events past the retention period, a bounded batch per round. Events
   * of the scheduler's own stay: their keys are what keeps a threshold from being raised twice.
   */
  private async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM webhook_deliveries WHERE id IN (
         SELECT id FROM webhook_deliveries WHERE status IN ('DELIVERED', 'DEAD', 'WITHHELD') AND created_at < now() - make_interval(secs => $1) LIMIT $2)`,
      [this.config.retentionSeconds, PRUNE_BATCH],
    );
    await this.dataSource.query(
      `DELETE FROM hub_events WHERE seq IN (
         SELECT e.seq FROM hub_events e WHERE e.fanned_out_at < now() - make_interval(secs => $1) AND e.dedupe_key IS NULL
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_seq = e.seq) LIMIT $2)`,
      [this.config.retentionSeconds, PRUNE_BATCH],
    );
  }

  /** Gives the lease up (a stop), so another instance takes the rounds over at once rather than when it expires. */
  async release(): Promise<void> {
    await this.dataSource.query(`DELETE FROM push_scheduler_lease WHERE name = 'scheduler' AND holder = $1`, [this.instance]);
  }

  /** Takes or renews the lease: free, expired, or already this instance's. Two intervals and a margin long. */
  private async holdLease(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH taken AS (
         INSERT INTO push_scheduler_lease (name, holder, lease_until) VALUES ('scheduler', $1, now() + make_interval(secs => $2))
         ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
          WHERE push_scheduler_lease.lease_until < now() OR push_scheduler_lease.holder = EXCLUDED.holder
         RETURNING 1)
       SELECT * FROM taken`,
      [this.instance, (2 * this.config.schedulerIntervalMs) / 1000 + 10],
    );
    return rows.length > 0;
  }

  private async caseDeadlines(manager: EntityManager, calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>, today: string): Promise<EventDraft[]> {
    const cases: Array<Record<string, any>> = await manager.query(
      `SELECT id, status, entrusted_on, accepted_on, extension_working_days, institution_region_code, entrusting_region_code FROM appraisal_cases WHERE status = ANY($1::text[])`,
      [OPEN_CASE_STATUSES],
    );
    if (cases.length === 0) return [];
    const events: Array<{ case_id: string; action: string; occurred_on: string }> = await manager.query(
      `SELECT case_id, action, occurred_on FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY seq`,
      [cases.map((c) => c.id)],
    );
    const byCase = new Map<string, Array<{ action: string; occurredOn: string }>>();
    for (const event of events) {
      let list = byCase.get(event.case_id);
      if (!list) byCase.set(event.case_id, (list = []));
      list.push({ action: event.action, occurredOn: event.occurred_on });
    }
    const drafts: EventDraft[] = [];
    for (const c of cases) {
      const status = c.status as CaseStatus;
      const deadlines = caseDeadlines(
        { status, entrustedOn: c.entrusted_on, acceptedOn: c.accepted_on, extensionWorkingDays: c.extension_working_days },
        byCase.get(c.id) ?? [],
        calendar,
        this.policy,
        today,
      );
      const regions = [c.institution_region_code, c.entrusting_region_code];
      // The threshold crossed: acceptance while entrusted, completion after (an extension moves it, and a new one is raised).
      const due = status === CaseStatus.ENTRUSTED ? `accept:${deadlines.acceptBy}` : `complete:${deadlines.completeBy}`;
      if (deadlines.overdue) drafts.push(eventAbout("appraisal_case.overdue", { id: c.id }, regions, `appraisal_case.overdue:${c.id}:${due}`));
      const notice = this.config.deadlineNoticeWorkingDays;
      if (!deadlines.overdue && notice > 0 && deadlines.completeBy && !deadlines.clockPaused && status !== CaseStatus.ENTRUSTED && today <= deadlines.completeBy) {
        if (calendar.workingDaysBetween(today, deadlines.completeBy) <= notice) {
          drafts.push(eventAbout("appraisal_case.deadline_approaching", { id: c.id }, regions, `appraisal_case.deadline_approaching:${c.id}:${deadlines.completeBy}`));
        }
      }
    }
    return drafts;
  }

  private async expiringMarks(manager: EntityManager, today: string): Promise<EventDraft[]> {
    // The window of the EXPIRING alert rule (`loaders/trademark-alert-feed.ts`): the event is that alert appearing.
    const { horizon } = alertWindow(today, this.policy.trademarkExpiryAlertMonths);
    const marks: Array<{ id: string; region_code: string; expires_on: string }> = await manager.query(
      `SELECT id, region_code, expires_on FROM custody_trademarks WHERE custody_status = 'ACTIVE' AND expires_on <= $1 AND expires_on >= $2`,
      [horizon, today],
    );
    return marks.map((m) => eventAbout("custody_trademark.expiring", { id: m.id }, [m.region_code], `custody_trademark.expiring:${m.id}:${m.expires_on}`));
  }

  private async creditPublication(manager: EntityManager, today: string): Promise<EventDraft[]> {
    const since = addDays(today, -LOOKBACK_DAYS);
    const published: Array<{ id: string; subject_region_code: string }> = await manager.query(
      `SELECT id, subject_region_code FROM credit_records WHERE announced AND status = 'ACTIVE' AND publish_from <= $1 AND publish_from >= $2 AND publish_until >= $1`,
      [today, since],
    );
    const ended: Array<{ id: string; subject_region_code: string; publish_until: string }> = await manager.query(
      `SELECT id, subject_region_code, publish_until FROM credit_records WHERE announced AND status = 'ACTIVE' AND publish_until < $1 AND publish_until >= $2`,
      [today, since],
    );
    return [
      ...published.map((r) => eventAbout("credit_record.published", { id: r.id }, [r.subject_region_code], `credit_record.published:${r.id}`)),
      ...ended.map((r) => eventAbout("credit_record.publication_ended", { id: r.id }, [r.subject_region_code], `credit_record.publication_ended:${r.id}:${r.publish_until}`)),
    ];
  }

  private async overduePatentItems(manager: EntityManager, today: string): Promise<EventDraft[]> {
    // The items the abnormal-patent service calls OVERDUE, by the same clause.
    const items: Array<{ id: string; allocated_region_code: string; region_code: string; deadline: string }> = await manager
      .createQueryBuilder()
      .select(["i.id AS id", "i.allocated_region_code AS allocated_region_code", "i.region_code AS region_code", "b.deadline AS deadline"])
      .from("abnormal_patent_items", "i")
      .innerJoin("abnormal_patent_batches", "b", "b.id = i.batch_id")
      .where(OVERDUE_SQL, { today })
      .getRawMany();
    return items.map((i) => eventAbout("abnormal_patent_item.overdue", { id: i.id }, [i.allocated_region_code, i.region_code], `abnormal_patent_item.overdue:${i.id}:${i.deadline}`));
  }
}
