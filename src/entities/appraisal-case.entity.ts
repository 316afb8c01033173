import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { IndustrySection } from "../domain/industry";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";
import { AgencyKind } from "./agency-kind";
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

  @Field(() => IndustrySection, { nullable: true, description: "Industry of the matter appraised (GB/T 4754 section), for special statistics (专项统计)." })
  @Column({ type: "text", name: "industry_section", nullable: true })
  industrySection: IndustrySection | null;

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

  /** `patent:` and `trademark:` keys of the subject (`domain/case-subject.ts`), compared for possible duplicates. */
  @Column({ type: "text", array: true, name: "object_keys", default: () => "'{}'" })
  objectKeys: string[];

  /** `party:` keys: the parties' credit codes. */
  @Column({ type: "text", array: true, name: "party_keys", default: () => "'{}'" })
  partyKeys: string[];

  /** The matter, normalized. */
  @Column({ type: "text", name: "matter_key", default: "" })
  matterKey: string;

  /** The case this one appraises again (重新鉴定), when it is a re-appraisal. */
  /** The catalogue's standards the appraisal applied, recorded with ISSUE (`AppraisalCase.standardsApplied`). */
  @Column({ type: "uuid", array: true, name: "standard_ids", default: () => "'{}'" })
  standardIds: string[];

  @Column({ type: "uuid", name: "reappraisal_of", nullable: true })
  reappraisalOfId: string | null;

  @Field(() => Int, { description: "Optimistic-concurrency version; every progress step must quote it." })
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}

export enum EntrustmentWarningCode {
  POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE",
}
registerEnumType(EntrustmentWarningCode, {
  name: "EntrustmentWarningCode",
  description: "Why an entrustment deserves a second look.",
  valuesConfig: { POSSIBLE_DUPLICATE: { description: "Another open or recent case may appraise the same subject (多头、重复鉴定)." } },
});

/**
 * Another case that may appraise the same subject, as the caller may know it: when it was entrusted, by
 * which kind of agency of which region, to which institution (the institution's own rules apply), and the
 * identifiers both cases share (the caller's own). The case itself (its number, its parties) only for
 * whoever may see that case.
 */
@ObjectType({ description: "Another case that may appraise the same subject (多头、重复鉴定), as far as the caller may know it." })
@Public()
export class PossibleDuplicate {
  /** The other case's id, for its visibility-checked lookup. */
  caseId: string;
  institutionId: string;

  @Field(() => AgencyKind, { description: "The kind of agency that entrusted it." })
  entrustingAgencyKind: AgencyKind;

  @Field(() => String, { description: "The entrusting agency's region code." })
  entrustingRegionCode: string;

  @Field(() => String, { description: "Day it was entrusted (YYYY-MM-DD)." })
  entrustedOn: string;

  @Field(() => [String], { description: "The subject identifiers both cases share, normalized (`patent:…`, `trademark:…`, `party:…`)." })
  sharedIdentifiers: string[];

  @Field(() => Boolean, { description: "Whether the matter is the same too." })
  sameMatter: boolean;
}

@ObjectType({ description: "Something about a new entrustment the entrusting agency should look at; the case is entrusted all the same." })
@Public()
export class EntrustmentWarning {
  @Field(() => EntrustmentWarningCode, { description: "What it is." })
  code: EntrustmentWarningCode;

  @Field(() => String, { description: "What it means, in a sentence." })
  message: string;

  @Field(() => PossibleDuplicate, { description: "The case it is about." })
  duplicate: PossibleDuplicate;
}
