import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";
import { IndustrySection } from "../domain/industry";
import { CreditGrade, CultivationStage, InstitutionGrade, ListingLevel, ListingStatus, TechnicalField } from "../domain/directory-enums";
import { ComplianceStandard } from "./directory-records";

/**
 * 鉴定机构: an IP appraisal institution in the shared directory. Listed institutions' directory data is
 * public (名录库予以公开); contact details and the register's reasons are for agencies; institutions that are
 * not listed exist only for the bureaus and associations of their region, and, once suspended or removed,
 * for courts, procuratorates and police too.
 */
@ObjectType({ description: "An IP appraisal institution (鉴定机构) in the shared directory." })
@Public()
@Entity({ name: "institutions" })
export class Institution {
  @Field(() => ID, { description: "The hub's id of the institution. Federation key." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Registered name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { description: "Unified social credit code (统一社会信用代码). Federation key." })
  @Column({ type: "text", name: "credit_code", unique: true })
  creditCode: string;

  @Field(() => String, { nullable: true, description: "Legal representative (法定代表人): for agencies." })
  @Guard("institutionDetails")
  @Column({ type: "text", name: "legal_representative" })
  legalRepresentative: string;

  @Field(() => String, { nullable: true, description: "Contact phone: for agencies." })
  @Guard("institutionDetails")
  @Column({ type: "text", name: "contact_phone" })
  contactPhone: string;

  @Field(() => String, { description: "Address." })
  @Column({ type: "text" })
  address: string;

  @Field(() => String, { description: "Region code (GB/T 2260) of the institution's registration." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => String, { nullable: true, description: "Business scope (经营范围): for agencies." })
  @Guard("institutionDetails")
  @Column({ type: "text", name: "business_scope" })
  businessScope: string;

  @Field(() => [TechnicalField], { description: "Technical fields it may appraise." })
  @Column({ type: "text", array: true, name: "technical_fields" })
  technicalFields: TechnicalField[];

  @Field(() => [IndustrySection], { description: "Industries it serves (GB/T 4754 sections), for special statistics (专项统计)." })
  @Column({ type: "text", array: true, name: "industry_sections" })
  industrySections: IndustrySection[];

  @Field(() => [String], { description: "Appraisal matters it may take (鉴定事项), e.g. 专利侵权比对." })
  @Column({ type: "text", array: true, name: "appraisal_matters" })
  appraisalMatters: string[];

  @Field(() => [ComplianceStandard], { description: "Standards it complies with, as verified." })
  @Column({ type: "jsonb" })
  standards: ComplianceStandard[];

  @Field(() => ListingStatus, { description: "Current status in the directory." })
  @Column({ type: "text", name: "listing_status" })
  listingStatus: ListingStatus;

  @Field(() => ListingLevel, { nullable: true, description: "Which directory lists it." })
  @Column({ type: "text", name: "listing_level", nullable: true })
  listingLevel: ListingLevel | null;

  @Field(() => String, { nullable: true, description: "Day the current listing began (YYYY-MM-DD); null when not listed." })
  @Column({ type: "date", name: "listed_since", nullable: true })
  listedAt: string | null;

  /** The latest grade from the industry association's evaluation; `Institution.grade` answers it while it is valid. */
  @Column({ type: "text", nullable: true })
  grade: InstitutionGrade | null;

  /** Last day the latest grade is valid; null when its decision set no end. */
  @Column({ type: "date", name: "grade_valid_until", nullable: true })
  gradeValidUntil: string | null;

  @Field(() => CreditGrade, { nullable: true, description: "Credit grade (A–D) for graded supervision: for agencies." })
  @Guard("institutionDetails")
  @Column({ type: "text", name: "credit_grade", nullable: true })
  creditGrade: CreditGrade | null;

  @Field(() => [String], { nullable: true, description: "What decided the credit grade (active records, complaints, inspections): for agencies." })
  @Guard("institutionDetails")
  @Column({ type: "jsonb", name: "credit_grade_why", default: () => "'[]'" })
  creditGradeWhy: string[];

  @Field(() => CultivationStage, { nullable: true, description: "Stage in the cultivation plan: for the bureaus and associations of its region." })
  @Guard("institutionSupervisor")
  @Column({ type: "text", name: "cultivation_stage", nullable: true })
  cultivationStage: CultivationStage | null;

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version; edits and listing changes must quote it. For the bureaus and associations of its region." })
  @Guard("institutionSupervisor")
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
