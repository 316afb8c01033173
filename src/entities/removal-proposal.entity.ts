import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";

export enum RemovalProposalStatus {
  PROPOSED = "PROPOSED",
  REVIEWED = "REVIEWED",
  REMOVED = "REMOVED",
  DECLINED = "DECLINED",
}
registerEnumType(RemovalProposalStatus, {
  name: "RemovalProposalStatus",
  description: "PROPOSED (by a SERIOUS false-appraisal credit determination) → REVIEWED (法制审核 recorded) → REMOVED by the bureau's decision; or DECLINED.",
});

export enum LegalReviewConclusion {
  LAWFUL = "LAWFUL",
  RETURNED = "RETURNED",
}
registerEnumType(LegalReviewConclusion, {
  name: "LegalReviewConclusion",
  description: "The legal review's conclusion (法制审核意见): LAWFUL (同意), or RETURNED for the facts, basis or procedure to be completed.",
});

/**
 * A proposal to remove an institution from the directory, made by a SERIOUS false-appraisal credit
 * determination (经依法认定有故意作虚假鉴定…移出名录库). A person decides: the legal review is recorded first, and
 * only a LAWFUL review lets the bureau remove. For the bureaus and associations covering the institution.
 */
@ObjectType({ description: "A proposal to remove an institution from the directory after a confirmed false appraisal, with its legal review and decision." })
@Guard("authenticated")
@Entity({ name: "removal_proposals" })
export class RemovalProposal {
  @Field(() => ID, { description: "The hub's id of the proposal." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Column({ type: "text", name: "institution_region_code" })
  institutionRegionCode: string;

  @Field(() => ID, { description: "The credit record that proposed it." })
  @Column({ type: "uuid", name: "credit_record_id" })
  creditRecordId: string;

  @Field(() => String, { description: "Why it was proposed." })
  @Column({ type: "text" })
  reason: string;

  @Field(() => RemovalProposalStatus, { description: "Where it stands." })
  @Column({ type: "text" })
  status: RemovalProposalStatus;

  @Field(() => LegalReviewConclusion, { nullable: true, description: "The legal review's conclusion." })
  @Column({ type: "text", name: "legal_review_conclusion", nullable: true })
  legalReviewConclusion: LegalReviewConclusion | null;

  @Field(() => String, { nullable: true, description: "The legal review's opinion." })
  @Column({ type: "text", name: "legal_review_opinion", nullable: true })
  legalReviewOpinion: string | null;

  @Field(() => String, { nullable: true, description: "Day of the legal review." })
  @Column({ type: "date", name: "legal_reviewed_on", nullable: true })
  legalReviewedOn: string | null;

  @Field(() => String, { nullable: true, description: "Code of the bureau whose legal department reviewed it." })
  @Column({ type: "text", name: "legal_reviewed_by_agency_code", nullable: true })
  legalReviewedByAgencyCode: string | null;

  @Field(() => String, { nullable: true, description: "The decision's reason." })
  @Column({ type: "text", name: "decision_reason", nullable: true })
  decisionReason: string | null;

  @Field(() => String, { nullable: true, description: "The decision's document number." })
  @Column({ type: "text", name: "decision_doc_no", nullable: true })
  decisionDocNo: string | null;

  @Field(() => String, { nullable: true, description: "Day the decision took effect." })
  @Column({ type: "date", name: "decided_on", nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: "Code of the deciding bureau." })
  @Column({ type: "text", name: "decided_by_agency_code", nullable: true })
  decidedByAgencyCode: string | null;

  @Field(() => Date, { description: "When it was proposed." })
  @Column({ type: "timestamptz", name: "proposed_at", default: () => "now()" })
  proposedAt: Date;

  @Field(() => Int, { description: "Optimistic-concurrency version; the review and the decision quote it." })
  @Column({ type: "int", default: 1 })
  version: number;
}
