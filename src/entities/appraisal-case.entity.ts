import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { CaseStatus } from "../domain/case-enums";
import { TechnicalField } from "../domain/directory-enums";

/**
 * 鉴定委托: an appraisal an agency entrusted to an institution under one of its own case numbers. It exists
 * only for the entrusting agency, the institution, and the bureaus, associations and procuratorates whose
 * jurisdiction covers the institution or the entrusting agency: its fields need no further rule than that.
 */
@ObjectType({ description: "An appraisal case (鉴定委托): who entrusted which institution with what, and how far it has come." })
@Guard("authenticated")
@Entity({ name: "appraisal_cases" })
export class AppraisalCase {
  @Field(() => ID, { description: "The hub's id of the case." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "entrusting_agency_id" })
  entrustingAgencyId: string;

  @Field(() => String, { description: "Code of the entrusting agency." })
  @Column({ type: "text", name: "entrusting_agency_code" })
  entrustingAgencyCode: string;

  @Column({ type: "text", name: "entrusting_region_code" })
  entrustingRegionCode: string;

  @Field(() => String, { description: "The entrusting agency's own case number, e.g. (2024)豫15知民初32号." })
  @Column({ type: "text", name: "agency_case_no" })
  agencyCaseNo: string;

  /** `caseNumberKey(agencyCaseNo)`: what the case-number filter matches. */
  @Column({ type: "text", name: "agency_case_no_key" })
  agencyCaseNoKey: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Column({ type: "text", name: "institution_region_code" })
  institutionRegionCode: string;

  @Field(() => TechnicalField, { description: "Technical field of the appraisal." })
  @Column({ type: "text", name: "technical_field" })
  technicalField: TechnicalField;

  @Field(() => String, { description: "The appraisal matter (鉴定事项)." })
  @Column({ type: "text" })
  matter: string;

  @Field(() => String, { description: "What is appraised (the object of appraisal)." })
  @Column({ type: "text" })
  subject: string;

  @Field(() => CaseStatus, { description: "Where the case stands." })
  @Column({ type: "text" })
  status: CaseStatus;

  @Field(() => String, { description: "Day it was entrusted (YYYY-MM-DD)." })
  @Column({ type: "date", name: "entrusted_on" })
  entrustedOn: string;

  @Field(() => String, { nullable: true, description: "Day the institution accepted it." })
  @Column({ type: "date", name: "accepted_on", nullable: true })
  acceptedOn: string | null;

  @Field(() => String, { nullable: true, description: "Day the opinion was issued (签发)." })
  @Column({ type: "date", name: "issued_on", nullable: true })
  issuedOn: string | null;

  @Field(() => String, { nullable: true, description: "Document number of the appraisal opinion." })
  @Column({ type: "text", name: "opinion_doc_no", nullable: true })
  opinionDocNo: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the opinion file, to check a copy against." })
  @Column({ type: "char", length: 64, name: "opinion_sha256", nullable: true })
  opinionSha256: string | null;

  @Field(() => Int, { description: "Working days added to the completion deadline by recorded extensions." })
  @Column({ type: "int", name: "extension_working_days", default: 0 })
  extensionWorkingDays: number;

  @Field(() => Int, { description: "Optimistic-concurrency version; every progress step must quote it." })
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
