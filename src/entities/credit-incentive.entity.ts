import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";
import { CreditIncentiveKind, CreditIncentiveStatus, CreditSubjectType } from "../domain/credit-enums";

/**
 * 守信激励: a positive credit record (a commendation, a red list entry, a credit commitment kept) about an
 * institution, appraiser, patent attorney or other subject, with its incentive measures. Published inside its
 * window like a determination; otherwise it exists for the bureaus and associations covering the subject.
 * Kept apart from determinations so that a system asking "any credit records?" never reads praise as fault.
 */
@ObjectType({ description: "A positive credit record (守信激励): a commendation, red list entry or credit commitment kept, and the incentives that go with it." })
@Public()
@Entity({ name: "credit_incentives" })
export class CreditIncentive {
  @Field(() => ID, { description: "The hub's id of the record." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => CreditSubjectType, { description: "Kind of subject." })
  @Column({ type: "text", name: "subject_type" })
  subjectType: CreditSubjectType;

  @Field(() => String, { nullable: true, description: "Subject's unified social credit code (institutions, enterprises, agencies)." })
  @Column({ type: "text", name: "subject_credit_code", nullable: true })
  subjectCreditCode: string | null;

  @Column({ type: "uuid", name: "subject_institution_id", nullable: true })
  subjectInstitutionId: string | null;

  @Field(() => ID, { nullable: true, description: "The appraiser, for appraiser subjects." })
  @Column({ type: "uuid", name: "subject_appraiser_id", nullable: true })
  subjectAppraiserId: string | null;

  @Column({ type: "uuid", name: "subject_attorney_id", nullable: true })
  subjectAttorneyId: string | null;

  @Field(() => String, { description: "Subject's name." })
  @Column({ type: "text", name: "subject_name" })
  subjectName: string;

  @Field(() => String, { description: "Region of the subject." })
  @Column({ type: "text", name: "subject_region_code" })
  subjectRegionCode: string;

  @Field(() => CreditIncentiveKind, { description: "What earned it." })
  @Column({ type: "text" })
  kind: CreditIncentiveKind;

  @Field(() => [String], { description: "Incentive measures (激励措施): e.g. 绿色通道, 优先推荐, 减少检查频次." })
  @Column({ type: "text", array: true })
  measures: string[];

  @Field(() => String, { description: "Deciding agency." })
  @Column({ type: "text", name: "deciding_agency_code" })
  decidingAgencyCode: string;

  @Field(() => String, { description: "Decision document number." })
  @Column({ type: "text", name: "decision_doc_no" })
  decisionDocNo: string;

  @Field(() => String, { description: "Facts and basis." })
  @Column({ type: "text" })
  basis: string;

  @Field(() => String, { description: "Day of the decision document." })
  @Column({ type: "date", name: "decided_on" })
  decidedOn: string;

  @Field(() => String, { description: "First day of publication." })
  @Column({ type: "date", name: "publish_from" })
  publishFrom: string;

  @Field(() => String, { description: "Last day of publication (and of the incentives)." })
  @Column({ type: "date", name: "publish_until" })
  publishUntil: string;

  /** Stored status; the GraphQL `status` adds EXPIRED when the window has passed. */
  @Column({ type: "text", name: "status" })
  storedStatus: CreditIncentiveStatus;

  @Field(() => String, { nullable: true, description: "Why it was revoked: for the supervisors of the subject." })
  @Guard("creditSupervisor")
  @Column({ type: "text", name: "revoke_reason", nullable: true })
  revokeReason: string | null;

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version: for the supervisors of the subject." })
  @Guard("creditSupervisor")
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  /** The last change (the writing transaction's start): what `creditExport(updatedSince)` goes by. */
  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
