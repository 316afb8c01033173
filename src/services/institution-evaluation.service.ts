import type { RequestScope } from "../context/request-scope";
import { ListingStatus } from "../domain/directory-enums";
import { addMonths } from "../domain/local-date";
import type { Institution } from "../entities/institution.entity";
import type { PublicEvaluation } from "../resolvers/public-evaluation.types";

/**
 * 及时公开评价结果: what the public learns of a listed institution's performance. Agencies' evaluations and
 * commendations over 12 months as a count and averages, each withheld below the small-count threshold (a
 * handful of ratings would point at the cases and people behind them), and the outcome of its latest inspection.
 */
export class InstitutionEvaluationService {
  constructor(private readonly scope: RequestScope) {}

  async of(institution: Institution): Promise<PublicEvaluation | null> {
    if (institution.listingStatus !== ListingStatus.LISTED) return null;
    const facts = await this.scope.loaders.evaluationByInstitutionId.load(institution.id);
    const today = this.scope.today();
    const minimum = this.scope.policy.statisticsMinimumCount;
    const suppressed = facts.feedbackCount < minimum;
    // Each average is withheld on its own too: a rating few agencies gave would point at them.
    const shown = (rated: { average: number | null; ratings: number }) => (rated.ratings < minimum ? null : rated.average);
    const a = facts.averages;
    return {
      periodFrom: addMonths(today, -12),
      periodTo: today,
      suppressed,
      feedbackCount: suppressed ? null : facts.feedbackCount,
      averages: suppressed
        ? null
        : { timeliness: shown(a.timeliness), professionalism: shown(a.professionalism), reportQuality: shown(a.reportQuality), conduct: shown(a.conduct), courtPerformance: shown(a.courtPerformance) },
      latestInspection: facts.latestInspection,
    };
  }
}
