import { NATIONAL_REGION } from "../auth/region";
import { Viewer } from "../auth/viewer";
import { createContext, HubDeps } from "../context/context";
import { isDatabaseUnavailable } from "../errors/database-unavailable";
import { ConflictError } from "../errors/errors";
import type { Logger } from "../logging/logger";
import { previousMonth } from "../services/monthly-report.service";

/** Who the audit trail names for a filing: the bureau, through the hub's scheduler (no client system of its own asked). */
const SCHEDULER_CLIENT = Object.freeze({ id: "hub-scheduler", name: "hub scheduler" });

/**
 * Files the monthly supervision reports that are due (定期汇总上报, the Xinxiang plan): on or after the first of a
 * month, the previous month's report of every active city and province market-regulation bureau that has not
 * filed it yet, made as that bureau sees its region (the same service as `monthlyReport`). Runs in the
 * scheduler's rounds, so on one instance at a time; the table's one report per region and month keeps a
 * filing single anyway. A hub stopped over the first files on its next start; a month it missed entirely
 * (stopped for the whole of the next one) is not filed late, as the reports are sent monthly.
 */
export class MonthlyReportFiler {
  constructor(
    private readonly deps: HubDeps,
    private readonly logger: Logger,
  ) {}

  /** Files what is due on `today`; answers how many reports it filed. One bureau's failure does not stop the others'. */
  async fileDue(today: string): Promise<number> {
    const month = previousMonth(today);
    const bureaus: Array<Record<string, any>> = await this.deps.dataSource.query(
      `SELECT DISTINCT ON (a.region_code) a.id, a.code, a.name, a.kind, a.region_code, a.institution_id FROM agencies a
        WHERE a.kind = 'MARKET_REGULATION' AND a.status = 'ACTIVE' AND a.region_code LIKE '%00' AND a.region_code <> $2 -- city and province level (auth/region.ts)
          AND NOT EXISTS (SELECT 1 FROM monthly_reports r WHERE r.region_code = a.region_code AND r.month = $1)
        ORDER BY a.region_code, a.code`,
      [month, NATIONAL_REGION],
    );
    let filed = 0;
    for (const bureau of bureaus) {
      const viewer = Viewer.of({ id: bureau.id, code: bureau.code, name: bureau.name, kind: bureau.kind, regionCode: bureau.region_code, institutionId: bureau.institution_id }, SCHEDULER_CLIENT, []);
      const context = createContext(this.deps, viewer, { id: `scheduler-monthly-report-${bureau.region_code}-${month}`, caseRef: null, caseRefProblem: "CASE_REF_MISSING", endUser: null });
      try {
        await context.services.monthlyReports.file(month);
        filed += 1;
        this.logger.info({ agency: bureau.code, regionCode: bureau.region_code, month }, "monthly report filed");
      } catch (error) {
        // Filed meanwhile (by another instance after a lease change): nothing is missing.
        if (error instanceof ConflictError) continue;
        // The database gone: the round fails, and the pusher reports it once rather than per bureau.
        if (isDatabaseUnavailable(error)) throw error;
        this.logger.error({ agency: bureau.code, month, errorName: (error as Error)?.name }, "monthly report filing failed; retried next round");
      }
    }
    return filed;
  }
}
