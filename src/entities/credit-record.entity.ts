import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";
import { CreditBehaviour, CreditRecordStatus, CreditSeverity, CreditSubjectType } from "../domain/credit-enums";

/**
 * 信用信息: a credit determination about an institution, appraiser, enterprise or patent/trademark agency.
 * Inside its publication window (公示) it is public; otherwise it exists for the bureaus and associations
 * covering the subject, the agencies it was shared with for joint punishment, and courts, procuratorates and
 * police whose own cases involved the subject. The announced fields are public; repair details are not.
 */
@ObjectType({ description: "A credit record (信用信息): a determination about a subject's conduct, its publication window and repair." })
@Public()
@Entity({ name: "credit_records" })
export class CreditRecord {
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

  /** The patent attorney, for PATENT_ATTORNEY subjects (`subjectCertificateNo` shows the certificate number). */
  @Column({ type: "uuid", name: "subject_attorney_id", nullable: true })
  subjectAttorneyId: string | null;

  @Field(() => String, { description: "Subject's name." })
  @Column({ type: "text", name: "subject_name" })
  subjectName: string;

  @Field(() => String, { description: "Region of the subject." })
  @Column({ type: "text", name: "subject_region_code" })
  subjectRegionCode: string;

  @Field(() => CreditBehaviour, { description: "Behaviour recorded." })
  @Column({ type: "text" })
  behaviour: CreditBehaviour;

  @Field(() => CreditSeverity, { description: "Severity." })
  @Column({ type: "text" })
  severity: CreditSeverity;

  @Field(() => String, { description: "Deciding agency." })
  @Column({ type: "text", name: "deciding_agency_code" })
  decidingAgencyCode: string;

  @Field(() => String, { description: "Decision document number." })
  @Column({ type: "text", name: "decision_doc_no" })
  decisionDocNo: string;

  @Field(() => String, { description: "Facts and legal basis of the determination." })
  @Column({ type: "text" })
  basis: string;

  @Field(() => String, { description: "Day of the decision document (认定之日); publication and repair periods count from it." })
  @Column({ type: "date", name: "decided_on" })
  decidedOn: string;

  @Field(() => String, { description: "First day of publication." })
  @Column({ type: "date", name: "publish_from" })
  publishFrom: string;

  @Field(() => String, { description: "Last day of publication." })
  @Column({ type: "date", name: "publish_until" })
  publishUntil: string;

  @Field(() => Boolean, { description: "Whether it is announced publicly (公示) inside its window: a MINOR record is not unless its decision says so; the window then only bounds how long it counts." })
  @Column({ type: "boolean" })
  announced: boolean;

  @Field(() => [String], { description: "Measures taken (约束措施)." })
  @Column({ type: "text", array: true })
  measures: string[];

  /** Stored status; the GraphQL `status` adds EXPIRED when the window has passed. */
  @Column({ type: "text", name: "status" })
  storedStatus: CreditRecordStatus;

  @Column({ type: "uuid", name: "source_complaint_id", nullable: true })
  sourceComplaintId: string | null;

  /** The escalated abnormal patent item this record came from (unique: one record per item). */
  @Column({ type: "uuid", name: "source_patent_item_id", nullable: true })
  sourcePatentItemId: string | null;

  @Field(() => String, { nullable: true, description: "Repair commitment (信用承诺): for the supervisors of the subject." })
  @Guard("creditSupervisor")
  @Column({ type: "text", name: "repair_commitment", nullable: true })
  repairCommitment: string | null;

  @Field(() => [String], { nullable: true, description: "References to repair evidence: for the supervisors of the subject." })
  @Guard("creditSupervisor")
  @Column({ type: "text", array: true, name: "repair_evidence" })
  repairEvidence: string[];

  @Field(() => String, { nullable: true, description: "Day repair was requested." })
  @Column({ type: "date", name: "repair_requested_on", nullable: true })
  repairRequestedOn: string | null;

  @Field(() => String, { nullable: true, description: "Agency that requested repair on the subject's behalf." })
  @Guard("creditSupervisor")
  @Column({ type: "text", name: "repair_requested_by", nullable: true })
  repairRequestedBy: string | null;

  @Field(() => String, { nullable: true, description: "Day repair was decided." })
  @Column({ type: "date", name: "repair_decided_on", nullable: true })
  repairDecidedOn: string | null;

  @Field(() => String, { nullable: true, description: "The bureau's note on the repair decision: for the supervisors of the subject." })
  @Guard("creditSupervisor")
  @Column({ type: "text", name: "repair_decision_note", nullable: true })
  repairDecisionNote: string | null;

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

/** A serious record shared with an agency for joint punishment (联合惩戒). */
@ObjectType({ description: "A serious credit record shared with an agency for joint punishment, and whether it acknowledged it." })
@Guard("authenticated")
@Entity({ name: "credit_shares" })
export class CreditShare {
  @PrimaryColumn({ type: "uuid", name: "record_id" })
  recordId: string;

  @PrimaryColumn({ type: "uuid", name: "agency_id" })
  agencyId: string;

  @Field(() => String, { description: "Agency it was shared with." })
  @Column({ type: "text", name: "agency_code" })
  agencyCode: string;

  @Field(() => Date, { description: "When it was shared." })
  @Column({ type: "timestamptz", name: "shared_at" })
  sharedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the agency acknowledged it." })
  @Column({ type: "timestamptz", name: "acknowledged_at", nullable: true })
  acknowledgedAt: Date | null;
}
