import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";

export enum PublicReportStatus {
  RECEIVED = "RECEIVED",
  ACCEPTED = "ACCEPTED",
  MERGED = "MERGED",
  DISMISSED = "DISMISSED",
}
registerEnumType(PublicReportStatus, {
  name: "PublicReportStatus",
  description: "Where a public report stands: RECEIVED, then the bureau's triage: ACCEPTED (受理, handled as a complaint), MERGED into another report on the same matter, or DISMISSED with a reason.",
});

export enum PublicReportTriage {
  ACCEPT = "ACCEPT",
  MERGE = "MERGE",
  DISMISS = "DISMISS",
}
registerEnumType(PublicReportTriage, { name: "PublicReportTriage", description: "The bureau's triage of a public report." });

/**
 * 公众举报: a report from the anonymous public about an appraisal institution (or anyone claiming to be one),
 * for the market-regulation bureaus covering the subject's region. The reporter is known only by the
 * receipt code they were given (kept hashed) and an optional contact (sealed).
 */
@ObjectType({ description: "A report from the public about an appraisal institution (公众举报), for the bureaus covering the subject's region." })
@Guard("authenticated")
@Entity({ name: "public_reports" })
export class PublicReport {
  @Field(() => ID, { description: "The hub's id of the report." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "char", length: 64, name: "receipt_hash" })
  receiptHash: string;

  @Field(() => String, { description: "The subject's unified social credit code, as reported (checked)." })
  @Column({ type: "text", name: "subject_credit_code" })
  subjectCreditCode: string;

  @Field(() => String, { description: "The subject's name, as reported." })
  @Column({ type: "text", name: "subject_name" })
  subjectName: string;

  @Column({ type: "uuid", name: "subject_institution_id", nullable: true })
  subjectInstitutionId: string | null;

  @Field(() => String, { description: "Region the report belongs to: the institution's, or the registration region of the credit code." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => String, { description: "What the reporter describes." })
  @Column({ type: "text" })
  description: string;

  @Column({ type: "text", name: "contact_sealed", nullable: true })
  contactSealed: string | null;

  @Column({ type: "text", name: "contact_masked", nullable: true })
  contactMasked: string | null;

  @Field(() => PublicReportStatus, { description: "Where it stands." })
  @Column({ type: "text" })
  status: PublicReportStatus;

  @Field(() => String, { nullable: true, description: "The bureau's reason with its triage." })
  @Column({ type: "text", name: "triage_reason", nullable: true })
  triageReason: string | null;

  @Column({ type: "uuid", name: "merged_into_id", nullable: true })
  mergedIntoId: string | null;

  @Field(() => String, { nullable: true, description: "Code of the bureau that triaged it." })
  @Column({ type: "text", name: "triaged_by_agency_code", nullable: true })
  triagedByAgencyCode: string | null;

  @Field(() => Date, { nullable: true, description: "When it was triaged." })
  @Column({ type: "timestamptz", name: "triaged_at", nullable: true })
  triagedAt: Date | null;

  @Field(() => Date, { description: "When the hub received it." })
  @Column({ type: "timestamptz", name: "received_at", default: () => "now()" })
  receivedAt: Date;

  @Field(() => Int, { description: "Optimistic-concurrency version; triage quotes it." })
  @Column({ type: "int", default: 1 })
  version: number;
}

/** What the reporter gets back, once: the receipt code is shown here and never again. */
@ObjectType({ description: "The receipt of a public report. Keep the receipt code: it is shown once, and it is the only way to follow the report." })
@Public()
export class PublicReportReceipt {
  @Field(() => String, { description: "The receipt code (e.g. `7KQ2-M9XD-4TWP-H3RC`), for `publicReportStatus`." })
  receiptCode: string;

  @Field(() => PublicReportStatus, { description: "RECEIVED." })
  status: PublicReportStatus;

  @Field(() => Date, { description: "When the hub received it." })
  receivedAt: Date;
}

/** What a receipt code answers: where the report stands and nothing else. */
@ObjectType({ description: "Where a public report stands, for its reporter: nothing of its content, subject or handler." })
@Public()
export class PublicReportProgress {
  @Field(() => PublicReportStatus, { description: "Where it stands." })
  status: PublicReportStatus;

  @Field(() => Date, { description: "When the hub received it." })
  receivedAt: Date;

  @Field(() => Date, { nullable: true, description: "When it was triaged." })
  triagedAt: Date | null;
}
