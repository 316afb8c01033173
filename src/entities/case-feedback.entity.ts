import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { ComplaintStatus, FeedbackKind } from "../domain/case-enums";

/**
 * 从业情况反馈: what a court, procuratorate or police system reports about an appraiser (and so the
 * appraiser's institution) after a case. It exists for the agency that posted it and for the bureaus and
 * associations whose jurisdiction covers the institution; everyone else sees only summaries.
 */
@ObjectType({ description: "Feedback from an agency about an appraiser and institution after one of its cases: an evaluation, a complaint or a commendation." })
@Guard("authenticated")
@Entity({ name: "case_feedback" })
export class CaseFeedback {
  @Field(() => ID, { description: "The hub's id of the feedback." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => FeedbackKind, { description: "Evaluation, complaint or commendation." })
  @Column({ type: "text" })
  kind: FeedbackKind;

  @Column({ type: "uuid", name: "posting_agency_id" })
  postingAgencyId: string;

  @Field(() => String, { description: "Code of the agency that posted it (set by the hub from the caller)." })
  @Column({ type: "text", name: "posting_agency_code" })
  postingAgencyCode: string;

  @Column({ type: "text", name: "posting_region_code" })
  postingRegionCode: string;

  @Field(() => String, { nullable: true, description: "The posting agency's case number; null for a complaint filed outside a case." })
  @Column({ type: "text", name: "agency_case_no", nullable: true })
  agencyCaseNo: string | null;

  @Column({ type: "uuid", name: "case_id", nullable: true })
  caseId: string | null;

  /** Null for a complaint about the institution as a whole. */
  @Column({ type: "uuid", name: "appraiser_id", nullable: true })
  appraiserId: string | null;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Column({ type: "text", name: "institution_region_code" })
  institutionRegionCode: string;

  @Field(() => Int, { nullable: true, description: "Timeliness, 1–5." })
  @Column({ type: "smallint", name: "rating_timeliness", nullable: true })
  timeliness: number | null;

  @Field(() => Int, { nullable: true, description: "Professionalism, 1–5." })
  @Column({ type: "smallint", name: "rating_professionalism", nullable: true })
  professionalism: number | null;

  @Field(() => Int, { nullable: true, description: "Quality of the report, 1–5." })
  @Column({ type: "smallint", name: "rating_report_quality", nullable: true })
  reportQuality: number | null;

  @Field(() => Int, { nullable: true, description: "Conduct, 1–5." })
  @Column({ type: "smallint", name: "rating_conduct", nullable: true })
  conduct: number | null;

  @Field(() => Int, { nullable: true, description: "Performance in court, 1–5 (when the appraiser appeared)." })
  @Column({ type: "smallint", name: "rating_court_performance", nullable: true })
  courtPerformance: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the opinion was adopted (采信)." })
  @Column({ type: "boolean", name: "opinion_adopted", nullable: true })
  opinionAdopted: boolean | null;

  @Field(() => Boolean, { description: "Whether false appraisal (虚假鉴定) is suspected." })
  @Column({ type: "boolean", name: "suspected_false_appraisal", default: false })
  suspectedFalseAppraisal: boolean;

  @Field(() => String, { description: "Free-text comment." })
  @Column({ type: "text", default: "" })
  comment: string;

  @Field(() => Date, { description: "When it was posted (set by the hub)." })
  @Column({ type: "timestamptz", name: "posted_at" })
  postedAt: Date;

  @Field(() => ComplaintStatus, { nullable: true, description: "For complaints: where handling stands." })
  @Column({ type: "text", name: "complaint_status", nullable: true })
  complaintStatus: ComplaintStatus | null;

  @Field(() => String, { nullable: true, description: "For complaints: the day by which it must be resolved or dismissed (working days)." })
  @Column({ type: "date", name: "complaint_respond_by", nullable: true })
  complaintRespondBy: string | null;

  /** For complaints: the working days given at filing; `complaintRespondBy` is recomputed from them when the calendar changes. */
  @Column({ type: "int", name: "complaint_response_working_days", nullable: true })
  complaintResponseWorkingDays: number | null;

  @Field(() => String, { nullable: true, description: "For complaints: the resolution." })
  @Column({ type: "text", name: "complaint_resolution", nullable: true })
  complaintResolution: string | null;

  @Field(() => Boolean, { nullable: true, description: "For complaints: whether a violation was confirmed." })
  @Column({ type: "boolean", name: "violation_confirmed", nullable: true })
  violationConfirmed: boolean | null;

  @Field(() => String, { nullable: true, description: "For a complaint filed on behalf of a party (当事人): the party's name." })
  @Column({ type: "text", name: "party_name", nullable: true })
  partyName: string | null;

  @Column({ type: "text", name: "party_contact_sealed", nullable: true })
  partyContactSealed: string | null;

  @Column({ type: "text", name: "party_contact_masked", nullable: true })
  partyContactMasked: string | null;

  /** The public report a bureau accepted as this complaint. */
  @Column({ type: "uuid", name: "public_report_id", nullable: true })
  publicReportId: string | null;

  @Field(() => Int, { description: "Optimistic-concurrency version (complaint handling quotes it)." })
  @Column({ type: "int", default: 1 })
  version: number;
}
