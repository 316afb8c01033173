import type { RequestScope } from "../../context/request-scope";
import { abnormalPatentStatistics, AbnormalPatentStatistics } from "./abnormal-patent-statistics";
import { caseStatistics, CaseStatistics } from "./case-statistics";
import { collaborationStatistics, CollaborationStatistics } from "./collaboration-statistics";
import { creditStatistics, CreditStatistics } from "./credit-statistics";
import { directoryStatistics, DirectoryStatistics } from "./directory-statistics";
import { feedbackStatistics, FeedbackStatistics } from "./feedback-statistics";
import type { StatBreakdown } from "./breakdown";
import { Sql, sqlRunner } from "./sql";
import { statisticsRequest, StatisticsRequest } from "./statistics-request";
import { institutionVisibility } from "../../policy/institution.visibility";

/**
 * Cross-agency statistics for a region and period (domain.md, "Statistics a bureau dashboard shows").
 * `open` checks the request once; each section is computed only when asked for, in PostgreSQL, and at most
 * once per request.
 */
export class StatisticsService {
  private readonly sql: Sql;
  private readonly sections = new WeakMap<StatisticsRequest, Map<string, Promise<unknown>>>();

  constructor(private readonly scope: RequestScope) {
    this.sql = sqlRunner(scope.reads);
  }

  open(args: { regionCode?: string | null; from?: string | null; to?: string | null }): StatisticsRequest {
    return statisticsRequest(this.scope.viewer, args, this.scope.policy.statisticsMinimumCount, this.scope.today());
  }

  private once<T>(req: StatisticsRequest, name: string, compute: () => Promise<T>): Promise<T> {
    let cache = this.sections.get(req);
    if (!cache) this.sections.set(req, (cache = new Map()));
    if (!cache.has(name)) cache.set(name, compute());
    return cache.get(name) as Promise<T>;
  }

  directory(req: StatisticsRequest): Promise<DirectoryStatistics> {
    return this.once(req, "directory", () => directoryStatistics(this.sql, req));
  }

  async cases(req: StatisticsRequest): Promise<CaseStatistics & { opinionAdoptionRate: number | null }> {
    return this.once(req, "cases", async () => {
      const [calendar, feedback] = await Promise.all([this.scope.loaders.calendar(), this.feedback(req)]);
      return { ...(await caseStatistics(this.sql, req, calendar, this.scope.policy)), opinionAdoptionRate: feedback.adoptionRate };
    });
  }

  feedback(req: StatisticsRequest): Promise<FeedbackStatistics> {
    const viewer = this.scope.viewer;
    return this.once(req, "feedback", () => feedbackStatistics(this.sql, req, (institution) => institutionVisibility.test(viewer, institution)));
  }

  /** Credit records, with the grade distributions the directory section counts. */
  credit(req: StatisticsRequest): Promise<CreditStatistics & { institutionGrades: StatBreakdown; appraiserGrades: StatBreakdown }> {
    return this.once(req, "credit", async () => {
      const [credit, directory] = await Promise.all([creditStatistics(this.sql, req), this.directory(req)]);
      return { ...credit, institutionGrades: directory.institutionCreditGrades, appraiserGrades: directory.appraiserCreditGrades };
    });
  }

  abnormalPatents(req: StatisticsRequest): Promise<AbnormalPatentStatistics> {
    return this.once(req, "abnormalPatents", () => abnormalPatentStatistics(this.sql, req, this.scope.policy.abnormalPatentWithdrawalTarget));
  }

  collaboration(req: StatisticsRequest): Promise<CollaborationStatistics> {
    return this.once(req, "collaboration", () => collaborationStatistics(this.sql, req));
  }
}
