import { Field, Float, Int, ObjectType } from "type-graphql";
import { Guard } from "../policy/guard";
import { LocalDateScalar } from "../scalars/scalars";
import { FeedbackAverages } from "./case-feedback.resolver";

/** The object types of `statistics`, one per section of domain.md; their resolvers are in statistics.resolver.ts. */

@ObjectType({ description: "One count of a breakdown. `value` is null and `suppressed` true where a small count about people is hidden." })
@Guard("statisticsReader")
export class StatCell {
  @Field(() => String, { description: "The key: an enum value, a region code or a month (YYYY-MM)." }) key: string;
  @Field(() => String, { description: "The key in Chinese, for display." }) label: string;
  @Field(() => Int, { nullable: true, description: "The count; null when suppressed." }) value: number | null;
  @Field(() => Boolean, { description: "True when the count is hidden because it is small (or would give a small one away)." }) suppressed: boolean;
}

@ObjectType({ description: "A population counted by one dimension, with its total." })
@Guard("statisticsReader")
export class StatBreakdown {
  @Field(() => String, { description: "The dimension (listingStatus, region, technicalField…) or, in a series, the month (YYYY-MM)." }) key: string;
  @Field(() => String, { description: "A Chinese title for the breakdown or the month." }) label: string;
  @Field(() => [StatCell], { description: "Every key of the dimension, zeros included." }) cells: StatCell[];
  @Field(() => Int, { nullable: true, description: "The population's total; null when suppressed. For multi-valued dimensions (fields) cells overlap and add up to more." }) total: number | null;
  @Field(() => Boolean, { description: "True when the total is hidden because it is small." }) totalSuppressed: boolean;
}

@ObjectType({ description: "The directory as it stands today (the period does not apply)." })
@Guard("statisticsReader")
export class DirectoryStatistics {
  @Field(() => StatBreakdown, { description: "Institutions by listing status." }) institutionsByStatus: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Listed institutions by listing level." }) institutionsByLevel: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Listed institutions by technical field (an institution counts in each of its fields)." }) institutionsByField: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Listed institutions by the industries they serve (GB/T 4754 sections; an institution counts in each), for special statistics." }) institutionsByIndustry: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Institutions by child region (down to counties)." }) institutionsByRegion: StatBreakdown;
  @Field(() => StatBreakdown, { description: "The cultivation pipeline: institutions by cultivation stage." }) cultivation: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Institutions by credit grade." }) institutionCreditGrades: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Practising appraisers by technical field (suppressed for courts, procuratorates and police)." }) appraisersByField: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Practising appraisers by their highest title level (suppressed)." }) appraisersByTitleLevel: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Practising appraisers by child region (suppressed)." }) appraisersByRegion: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Practising appraisers by credit grade (suppressed)." }) appraiserCreditGrades: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Listed institutions with a verified compliance with a catalogue standard in force (贯彻知识产权鉴定标准), by child region." }) standardAdoptionByRegion: StatBreakdown;
}

@ObjectType({ description: "Appraisal cases of the region's institutions." })
@Guard("statisticsReader")
export class CaseStatistics {
  @Field(() => StatBreakdown, { description: "Cases entrusted in the period by the entrusting agency's kind." }) entrustedByAgencyKind: StatBreakdown;
  @Field(() => [StatBreakdown], { description: "Cases entrusted per month (key YYYY-MM) by the entrusting agency's kind." }) entrustedByMonth: StatBreakdown[];
  @Field(() => StatBreakdown, { description: "Cases entrusted in the period by the industry of the matter (GB/T 4754 section; NONE: not given), for special statistics (专项统计)." }) entrustedByIndustry: StatBreakdown;
  @Field(() => Int, { description: "Cases waiting for their opinion today." }) open: number;
  @Field(() => Int, { description: "Open cases past their acceptance or completion deadline today (working days)." }) overdue: number;
  @Field(() => StatBreakdown, { description: "Open cases by child region." }) openByRegion: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Overdue cases by child region." }) overdueByRegion: StatBreakdown;
  @Field(() => Int, { description: "Opinions issued in the period." }) issued: number;
  @Field(() => Float, { nullable: true, description: "Median working days from entrustment to issue, over opinions issued in the period." }) medianWorkingDays: number | null;
  @Field(() => Float, { nullable: true, description: "Share of the period's opinions issued by their completion deadline (0 to 1)." }) onTimeRate: number | null;
  @Field(() => Int, { description: "Court appearances requested in the period." }) courtAppearancesRequested: number;
  @Field(() => Int, { description: "Appearances recorded as attended in the period." }) courtAppearancesAttended: number;
  @Field(() => Int, { description: "Appearances recorded as missed in the period." }) courtAppearancesMissed: number;
  @Field(() => Float, { nullable: true, description: "Share of the period's feedback with a known outcome whose opinion was adopted." }) opinionAdoptionRate: number | null;
}

@ObjectType({ description: "Average ratings of one month's feedback." })
@Guard("statisticsReader")
export class MonthlyRatings {
  @Field(() => String, { description: "YYYY-MM." }) month: string;
  @Field(() => String, { description: "The month in Chinese." }) label: string;
  @Field(() => Int, { description: "Feedback posted in the month." }) count: number;
  @Field(() => FeedbackAverages, { description: "Average ratings; null where nothing was rated." }) averages: FeedbackAverages;
}

@ObjectType({ description: "Feedback about one institution in the period." })
@Guard("statisticsReader")
export class InstitutionFeedbackStatistics {
  @Field(() => String, { description: "The institution's id." }) institutionId: string;
  @Field(() => String, { description: "The institution's name." }) name: string;
  @Field(() => String, { description: "The institution's region code." }) regionCode: string;
  @Field(() => Int, { description: "Feedback posted about it in the period." }) count: number;
  @Field(() => FeedbackAverages, { nullable: true, description: "Average ratings; null when fewer feedbacks than the suppression threshold back them." }) averages: FeedbackAverages | null;
  @Field(() => Int, { nullable: true, description: "Complaints received in the period; null when suppressed." }) complaints: number | null;
  @Field(() => Boolean, { description: "True when the complaint count is hidden." }) complaintsSuppressed: boolean;
}

@ObjectType({ description: "Feedback about the region's institutions posted in the period." })
@Guard("statisticsReader")
export class FeedbackStatistics {
  @Field(() => Int, { description: "Feedback posted in the period (evaluations, complaints, commendations)." }) count: number;
  @Field(() => FeedbackAverages, { description: "Average ratings over the period." }) averages: FeedbackAverages;
  @Field(() => Float, { nullable: true, description: "Share of feedback with a known outcome whose opinion was adopted." }) adoptionRate: number | null;
  @Field(() => StatBreakdown, { description: "Feedback per month." }) feedbackByMonth: StatBreakdown;
  @Field(() => [MonthlyRatings], { description: "Average ratings per month." }) ratingsByMonth: MonthlyRatings[];
  @Field(() => StatBreakdown, { description: "Complaints received per month (suppressed)." }) complaintsByMonth: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Complaints received in the period by child region (suppressed)." }) complaintsByRegion: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Of those, complaints resolved or dismissed by now, by child region (suppressed)." }) complaintsResolvedByRegion: StatBreakdown;
  institutions: InstitutionFeedbackStatistics[];
}

@ObjectType({ description: "Credit records about subjects in the region." })
@Guard("statisticsReader")
export class CreditStatistics {
  @Field(() => StatBreakdown, { description: "Active records today by behaviour (suppressed)." }) activeByBehaviour: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Active records today by severity (suppressed)." }) activeBySeverity: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Repairs requested in the period, by outcome (suppressed)." }) repairs: StatBreakdown;
  @Field(() => Float, { nullable: true, description: "Granted ÷ decided among those repairs; null when none was decided or a count is hidden." }) repairRate: number | null;
  @Field(() => StatBreakdown, { description: "Institutions by credit grade (as in the directory section)." }) institutionGrades: StatBreakdown;
  @Field(() => StatBreakdown, { description: "Practising appraisers by credit grade (suppressed)." }) appraiserGrades: StatBreakdown;
}

@ObjectType({ description: "Withdrawal of abnormal patent applications in one group. Figures are null and `suppressed` true for a group too small to show." })
@Guard("statisticsReader")
export class StatisticsWithdrawalRate {
  @Field(() => String, { description: "Batch id or region code." }) key: string;
  @Field(() => String, { description: "Batch number or region name." }) label: string;
  @Field(() => Int, { nullable: true, description: "Items." }) itemCount: number | null;
  @Field(() => Int, { nullable: true, description: "WITHDRAWN." }) withdrawnCount: number | null;
  @Field(() => Int, { nullable: true, description: "APPEALED, awaiting a decision." }) appealedCount: number | null;
  @Field(() => Int, { nullable: true, description: "APPEAL_UPHELD (left out of the denominator)." }) appealUpheldCount: number | null;
  @Field(() => Int, { nullable: true, description: "OVERDUE today." }) overdueCount: number | null;
  @Field(() => Int, { nullable: true, description: "ESCALATED." }) escalatedCount: number | null;
  @Field(() => Float, { nullable: true, description: "WITHDRAWN ÷ (ALL − APPEAL_UPHELD); null when nothing is left to withdraw or hidden." }) withdrawalRate: number | null;
  @Field(() => Float, { description: "The target rate (0.9 by default)." }) withdrawalTarget: number;
  @Field(() => Boolean, { nullable: true, description: "Whether the rate reaches the target." }) meetsTarget: boolean | null;
  @Field(() => Boolean, { description: "True when the group's figures are hidden." }) suppressed: boolean;
}

@ObjectType({ description: "Abnormal patent applications of batches received in the period, with applicants in the region." })
@Guard("statisticsReader")
export class AbnormalPatentStatistics {
  @Field(() => Float, { description: "The target withdrawal rate (the 90% line)." }) withdrawalTarget: number;
  @Field(() => StatisticsWithdrawalRate, { description: "All of the region's items." }) total: StatisticsWithdrawalRate;
  @Field(() => [StatisticsWithdrawalRate], { description: "Per batch." }) byBatch: StatisticsWithdrawalRate[];
  @Field(() => [StatisticsWithdrawalRate], { description: "Per child region (down to counties)." }) byRegion: StatisticsWithdrawalRate[];
}

@ObjectType({ description: "Collaboration records from one agency kind to another." })
@Guard("statisticsReader")
export class CollaborationFlow {
  @Field(() => String, { description: "The initiator's agency kind." }) fromKind: string;
  @Field(() => String, { description: "It in Chinese." }) fromLabel: string;
  @Field(() => String, { description: "A participant's agency kind." }) toKind: string;
  @Field(() => String, { description: "It in Chinese." }) toLabel: string;
  @Field(() => Int, { description: "Records." }) count: number;
}

@ObjectType({ description: "Enforcement collaboration opened in the period in the region." })
@Guard("statisticsReader")
export class CollaborationStatistics {
  @Field(() => Int, { description: "Records opened." }) opened: number;
  @Field(() => Int, { description: "Of those, closed by now." }) closed: number;
  @Field(() => StatBreakdown, { description: "Records by kind (transfer, referral, joint enforcement…)." }) byKind: StatBreakdown;
  @Field(() => [CollaborationFlow], { description: "Flows between agency kinds, largest first." }) flows: CollaborationFlow[];
  @Field(() => Int, { description: "Records in which another party has acted." }) responded: number;
  @Field(() => Float, { nullable: true, description: "Average hours from opening to another party's first event." }) averageResponseHours: number | null;
}

@ObjectType({ description: "Statistics of a region over a period, one field per section of domain.md." })
@Guard("statisticsReader")
export class Statistics {
  @Field(() => String, { description: "The region." }) regionCode: string;
  @Field(() => String, { description: "Its name." }) regionName: string;
  @Field(() => LocalDateScalar, { description: "First day of the period." }) from: string;
  @Field(() => LocalDateScalar, { description: "Last day of the period (inclusive)." }) to: string;
  @Field(() => Int, { description: "The smallest count about people shown to this caller; 1 when nothing is suppressed." }) threshold: number;
}

@ObjectType({ description: "A file the hub made for the caller, inline: a spreadsheet or a page to print." })
@Guard("statisticsReader")
export class GeneratedFile {
  @Field(() => String, { description: "A file name to save it under." }) filename: string;
  @Field(() => String, { description: "Its media type, e.g. application/vnd.openxmlformats-officedocument.spreadsheetml.sheet." }) mediaType: string;
  @Field(() => String, { description: "The content, base64-encoded." }) contentBase64: string;
}
