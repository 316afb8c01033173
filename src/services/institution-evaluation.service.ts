import type { RequestScope } from "../context/request-scope";
import { ListingStatus } from "../domain/directory-enums";
import { addMonths } from "../domain/local-date";
import type { Institution } from "../entities/institution.entity";
import type { PublicEvaluation } from "../resolvers/public-evaluation.types";

/**
 * 及时公开评价结果: what the public learns of a listed institution's performance. Agencies' feedback over 12
 * months as a count and averages, withheld below the small-count threshold (a handful of ratings would point
 * at the cases and people behind them), and the outcome of its latest inspection.
 */
export class InstitutionEvaluationService {
  constructor(private readonly scope: RequestScope) {}

  async of(institution: Institution): Promise<PublicEvaluation | null> {
    if (institution.listingStatus !== ListingStatus.LISTED) return null;
    const facts = await this.scope.loaders.evaluationByInstitutionId.load(institution.id);
    const today = this.scope.today();
    const suppressed = facts.feedbackCount < this.scope.policy.statisticsMinimumCount;
    return {
      periodFrom: addMonths(today, -12),
      periodTo: today,
      suppressed,
      feedbackCount: suppressed ? null : facts.feedbackCount,
      averages: suppressed ? null : facts.averages,
      latestInspection: facts.latestInspection,
    };
  }
}
