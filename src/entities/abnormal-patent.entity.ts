import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { AbnormalPatentAction, AbnormalPatentStatus, ApplicantKind, PatentType } from "../domain/abnormal-patent-enums";
import { LocalDateScalar } from "../scalars/scalars";

/**
 * 非正常专利申请 batch: a list from the national office, passed on by a province-level bureau (e.g.
 * "2024年第3批"), with one deadline for every item. Counts and rates are computed over the items the caller
 * may see, so a city bureau sees its part of a province's batch.
 */
@ObjectType({ description: "A batch of abnormal patent applications (非正常专利申请), as issued by a province-level bureau." })
@Guard("patentBureau")
@Entity({ name: "abnormal_patent_batches" })
export class AbnormalPatentBatch {
  @Field(() => ID, { description: "The hub's id of the batch." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Batch number as issued, e.g. 2024年第3批." })
  @Column({ type: "text", name: "batch_no" })
  batchNo: string;

  @Field(() => String, { description: "Region of the bureau that issued it." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => String, { description: "Code of the bureau that issued it." })
  @Column({ type: "text", name: "issued_by_agency_code" })
  issuedByAgencyCode: string;

  @Field(() => LocalDateScalar, { description: "Day the batch was received." })
  @Column({ type: "date", name: "received_on" })
  receivedOn: string;

  @Field(() => LocalDateScalar, { description: "Last day for handling its items; items still waiting afterwards are OVERDUE." })
  @Column({ type: "date" })
  deadline: string;

  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}

/** One application of a batch, allocated to the bureau of the applicant's county (or city). */
@ObjectType({ description: "An abnormal patent application of a batch and its handling." })
@Guard("patentSupervisor")
@Entity({ name: "abnormal_patent_items" })
export class AbnormalPatentItem {
  @Field(() => ID, { description: "The hub's id of the item." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "batch_id" })
  batchId: string;

  @Field(() => String, { description: "Patent application number, e.g. 202410123456.0." })
  @Column({ type: "text", name: "application_number" })
  applicationNumber: string;

  @Field(() => PatentType, { description: "Patent type." })
  @Column({ type: "text", name: "patent_type" })
  patentType: PatentType;

  @Field(() => String, { nullable: true, description: "Title of the application." })
  @Column({ type: "text", nullable: true })
  title: string | null;

  @Field(() => String, { description: "Applicant's name." })
  @Column({ type: "text", name: "applicant_name" })
  applicantName: string;

  @Field(() => ApplicantKind, { description: "Organization or natural person." })
  @Column({ type: "text", name: "applicant_kind" })
  applicantKind: ApplicantKind;

  @Field(() => String, { nullable: true, description: "Applicant's unified social credit code (organizations)." })
  @Column({ type: "text", name: "applicant_credit_code", nullable: true })
  applicantCreditCode: string | null;

  @Field(() => String, { nullable: true, description: "Patent agency (专利代理机构) name." })
  @Column({ type: "text", name: "patent_agency_name", nullable: true })
  patentAgencyName: string | null;

  @Field(() => String, { nullable: true, description: "Patent agency code (机构代码, 5 digits)." })
  @Column({ type: "text", name: "patent_agency_code", nullable: true })
  patentAgencyCode: string | null;

  @Field(() => String, { nullable: true, description: "Patent agency's unified social credit code." })
  @Column({ type: "text", name: "patent_agency_credit_code", nullable: true })
  patentAgencyCreditCode: string | null;

  @Field(() => String, { description: "Region (county where known) of the applicant's address." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Column({ type: "uuid", name: "allocated_agency_id" })
  allocatedAgencyId: string;

  @Field(() => String, { description: "Code of the bureau the item is allocated to, which handles it." })
  @Column({ type: "text", name: "allocated_agency_code" })
  allocatedAgencyCode: string;

  @Field(() => String, { description: "Region of the bureau the item is allocated to." })
  @Column({ type: "text", name: "allocated_region_code" })
  allocatedRegionCode: string;

  /** Stored status; the GraphQL `status` adds OVERDUE after the batch's deadline. */
  @Column({ type: "text", name: "status" })
  storedStatus: AbnormalPatentStatus;

  @Field(() => Date, { nullable: true, description: "First time the applicant was notified (第一时间通报)." })
  @Column({ type: "timestamptz", name: "notified_at", nullable: true })
  notifiedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "First time a result was recorded (第一时间处理)." })
  @Column({ type: "timestamptz", name: "handled_at", nullable: true })
  handledAt: Date | null;

  @Field(() => Date, { nullable: true, description: "First time the result was reported up (第一时间反馈)." })
  @Column({ type: "timestamptz", name: "fed_back_at", nullable: true })
  fedBackAt: Date | null;

  @Field(() => Int, { description: "Optimistic-concurrency version; quote it when recording handling." })
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}

/** A step of an item's handling. Append-only. */
@ObjectType({ description: "A handling step of an abnormal patent item." })
@Guard("patentBureau")
@Entity({ name: "abnormal_patent_events" })
export class AbnormalPatentEvent {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "item_id" })
  itemId: string;

  @Field(() => AbnormalPatentAction, { description: "What was recorded." })
  @Column({ type: "text" })
  action: AbnormalPatentAction;

  @Field(() => AbnormalPatentStatus, { description: "Status before (OVERDUE when it was)." })
  @Column({ type: "text", name: "from_status" })
  fromStatus: AbnormalPatentStatus;

  @Field(() => AbnormalPatentStatus, { description: "Status after." })
  @Column({ type: "text", name: "to_status" })
  toStatus: AbnormalPatentStatus;

  @Field(() => String, { description: "Note." })
  @Column({ type: "text", default: "" })
  note: string;

  @Field(() => String, { description: "Agency that recorded it." })
  @Column({ type: "text", name: "actor_agency_code" })
  actorAgencyCode: string;

  @Field(() => ID, { nullable: true, description: "The credit record an escalation created." })
  @Column({ type: "uuid", name: "credit_record_id", nullable: true })
  creditRecordId: string | null;

  @Field(() => Date, { description: "When." })
  @Column({ type: "timestamptz", name: "occurred_at" })
  occurredAt: Date;
}
