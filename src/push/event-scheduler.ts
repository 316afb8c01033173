import type { DataSource, EntityManager } from "typeorm";
import type { HubPolicy, PushConfig } from "../config/config";
import { AWAITING_APPLICANT } from "../domain/abnormal-patent-enums";
import { caseDeadlines, OPEN_CASE_STATUSES } from "../domain/case-deadlines";
import { CaseStatus } from "../domain/case-enums";
import { addDays, addMonths, todayInChina } from "../domain/local-date";
import { loadWorkingCalendar } from "../seed/calendar";
import { eventAbout, EventDraft } from "./event-types";
import { writeEvents } from "./outbox";

/** The advisory lock whose holder runs a scheduler round: one instance at a time (any value unique to this use). */
const SCHEDULER_LOCK = 716_016_001;

/** Credit publication thresholds older than this are not raised late (a hub stopped for longer, or the upgrade that brought push). */
const LOOKBACK_DAYS = 30;

/**
 * Time-driven events: a record crossing a threshold (a case deadline passed or near, a mark entering its
 * expiry window, a credit record's publication starting or ending, an abnormal-patent item left past its
 * deadline). A round runs in one transaction holding a transaction-scoped advisory lock, so one instance
 * raises at a time; each event carries a key of record and threshold, unique in the outbox, so it is raised
 * once however many rounds and instances see it.
 */
export class EventScheduler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: HubPolicy,
    private readonly config: Pick<PushConfig, "deadlineNoticeWorkingDays">,
    private readonly now: () => Date,
  ) {}

  /** One round; answers how many events it raised (0 when another instance holds the round). */
  async round(): Promise<number> {
    const today = todayInChina(this.now());
    // Read before the transaction: on PGlite the transaction holds the only connection.
    const calendar = await loadWorkingCalendar(this.dataSource);
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SCHEDULER_LOCK]);
      if (!locked) return 0;
      const drafts = [
        ...(await this.caseDeadlines(manager, calendar, today)),
        ...(await this.expiringMarks(manager, today)),
        ...(await this.creditPublication(manager, today)),
        ...(await this.overduePatentItems(manager, today)),
      ];
      return writeEvents(manager, drafts);
    });
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
    for (const event of events) byCase.set(event.case_id, [...(byCase.get(event.case_id) ?? []), { action: event.action, occurredOn: event.occurred_on }]);
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
    const horizon = addMonths(today, this.policy.trademarkExpiryAlertMonths);
    const marks: Array<{ id: string; region_code: string; expires_on: string }> = await manager.query(
      `SELECT id, region_code, expires_on FROM custody_trademarks WHERE custody_status = 'ACTIVE' AND expires_on <= $1 AND expires_on >= $2`,
      [horizon, today],
    );
    return marks.map((m) => eventAbout("custody_trademark.expiring", { id: m.id }, [m.region_code], `custody_trademark.expiring:${m.id}:${m.expires_on}`));
  }

  private async creditPublication(manager: EntityManager, today: string): Promise<EventDraft[]> {
    const since = addDays(today, -LOOKBACK_DAYS);
    const published: Array<{ id: string; subject_region_code: string }> = await manager.query(
      `SELECT id, subject_region_code FROM credit_records WHERE status = 'ACTIVE' AND publish_from <= $1 AND publish_from >= $2 AND publish_until >= $1`,
      [today, since],
    );
    const ended: Array<{ id: string; subject_region_code: string; publish_until: string }> = await manager.query(
      `SELECT id, subject_region_code, publish_until FROM credit_records WHERE status = 'ACTIVE' AND publish_until < $1 AND publish_until >= $2`,
      [today, since],
    );
    return [
      ...published.map((r) => eventAbout("credit_record.published", { id: r.id }, [r.subject_region_code], `credit_record.published:${r.id}`)),
      ...ended.map((r) => eventAbout("credit_record.publication_ended", { id: r.id }, [r.subject_region_code], `credit_record.publication_ended:${r.id}:${r.publish_until}`)),
    ];
  }

  private async overduePatentItems(manager: EntityManager, today: string): Promise<EventDraft[]> {
    const items: Array<{ id: string; allocated_region_code: string; region_code: string; deadline: string }> = await manager.query(
      `SELECT i.id, i.allocated_region_code, i.region_code, b.deadline FROM abnormal_patent_items i JOIN abnormal_patent_batches b ON b.id = i.batch_id
        WHERE i.status = ANY($1::text[]) AND b.deadline < $2`,
      [AWAITING_APPLICANT, today],
    );
    return items.map((i) => eventAbout("abnormal_patent_item.overdue", { id: i.id }, [i.allocated_region_code, i.region_code], `abnormal_patent_item.overdue:${i.id}:${i.deadline}`));
  }
}
