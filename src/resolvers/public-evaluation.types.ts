import { Field, Float, Int, ObjectType } from "type-graphql";
import { SupervisionKind, SupervisionResult } from "../domain/case-enums";
import { Public } from "../policy/guard";

@ObjectType({ description: "Average ratings (1–5) over the period; null where fewer than HUB_STATISTICS_MIN_COUNT ratings were given." })
@Public()
export class PublicRatings {
  @Field(() => Float, { nullable: true, description: "Timeliness." }) timeliness: number | null;
  @Field(() => Float, { nullable: true, description: "Professionalism." }) professionalism: number | null;
  @Field(() => Float, { nullable: true, description: "Quality of the report." }) reportQuality: number | null;
  @Field(() => Float, { nullable: true, description: "Conduct." }) conduct: number | null;
  @Field(() => Float, { nullable: true, description: "Performance in court." }) courtPerformance: number | null;
}

@ObjectType({ description: "The outcome of an institution's latest practice inspection or document-quality review." })
@Public()
export class InspectionOutcome {
  @Field(() => SupervisionKind, { description: "Inspection or review." }) kind: SupervisionKind;
  @Field(() => String, { description: "Day it was conducted." }) conductedOn: string;
  @Field(() => SupervisionResult, { description: "Outcome." }) result: SupervisionResult;
  @Field(() => Float, { nullable: true, description: "Score, 0–100." }) score: number | null;
}

@ObjectType({ description: "What is published about a listed institution's performance (及时公开评价结果): agencies' satisfaction over 12 months, aggregated, and its latest inspection." })
@Public()
export class PublicEvaluation {
  @Field(() => String, { description: "First day of the period (12 months up to today)." }) periodFrom: string;
  @Field(() => String, { description: "Last day of the period (today)." }) periodTo: string;
  @Field(() => Boolean, { description: "True when fewer evaluations and commendations than HUB_STATISTICS_MIN_COUNT were posted: the count and averages are then withheld." }) suppressed: boolean;
  @Field(() => Int, { nullable: true, description: "Evaluations and commendations agencies posted in the period (complaints are not counted here); null when suppressed." }) feedbackCount: number | null;
  @Field(() => PublicRatings, { nullable: true, description: "Average ratings in the period; null when suppressed." }) averages: PublicRatings | null;
  @Field(() => InspectionOutcome, { nullable: true, description: "The latest inspection or document-quality review; null when there was none." }) latestInspection: InspectionOutcome | null;
}
