import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Guard, Public } from "../policy/guard";
import { TechnicalField } from "../domain/directory-enums";

export enum StandardKind {
  NATIONAL = "NATIONAL",
  INDUSTRY = "INDUSTRY",
  LOCAL = "LOCAL",
  GROUP = "GROUP",
}
registerEnumType(StandardKind, {
  name: "StandardKind",
  description: "Kind of standard.",
  valuesConfig: { NATIONAL: { description: "国家标准 (GB, GB/T)" }, INDUSTRY: { description: "行业标准" }, LOCAL: { description: "地方标准 (DB)" }, GROUP: { description: "团体标准 (T/)" } },
});

export enum StandardStatus {
  IN_FORCE = "IN_FORCE",
  SUPERSEDED = "SUPERSEDED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(StandardStatus, {
  name: "StandardStatus",
  description: "Whether the standard applies: in force (现行), superseded by a newer edition (被代替) or withdrawn (废止).",
});

/**
 * A standard of the catalogue (知识产权鉴定标准体系). Institutions' compliance and cases' applied standards
 * point at these entries, so "which standard" is a reference, not free text. The catalogue is public.
 */
@ObjectType({ description: "A standard in the hub's catalogue of IP-appraisal standards (知识产权鉴定标准)." })
@Public()
@Entity({ name: "standards" })
export class Standard {
  @Field(() => ID, { description: "The hub's id of the standard." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Code as published, e.g. `GB/T 45563.2—2025`." })
  @Column({ type: "text" })
  code: string;

  /** The code as the catalogue matches it (`domain/standard-code.ts`): unique. */
  @Column({ type: "text", name: "code_key" })
  codeKey: string;

  @Field(() => String, { description: "Title, e.g. 知识产权鉴定规范." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true, description: "Part, e.g. 第2部分：专利." })
  @Column({ type: "text", nullable: true })
  part: string | null;

  @Field(() => StandardKind, { description: "National, industry, local or group standard." })
  @Column({ type: "text" })
  kind: StandardKind;

  @Field(() => TechnicalField, { nullable: true, description: "The technical field it covers; null for a general standard." })
  @Column({ type: "text", name: "technical_field", nullable: true })
  technicalField: TechnicalField | null;

  @Field(() => String, { nullable: true, description: "Who issued it, e.g. 国家市场监督管理总局 国家标准化管理委员会." })
  @Column({ type: "text", name: "issued_by", nullable: true })
  issuedBy: string | null;

  @Field(() => String, { nullable: true, description: "Day it was issued (发布, YYYY-MM-DD)." })
  @Column({ type: "date", name: "issued_on", nullable: true })
  issuedOn: string | null;

  @Field(() => String, { nullable: true, description: "Day it took or takes effect (实施, YYYY-MM-DD)." })
  @Column({ type: "date", name: "effective_on", nullable: true })
  effectiveOn: string | null;

  @Field(() => StandardStatus, { description: "Whether it applies." })
  @Column({ type: "text" })
  status: StandardStatus;

  @Field(() => String, { nullable: true, description: "Code of the bureau that added it; null for the hub's own entries." })
  @Column({ type: "text", name: "added_by_agency_code", nullable: true })
  addedByAgencyCode: string | null;

  @Field(() => Int, { nullable: true, description: "Optimistic-concurrency version; edits quote it. For the bureaus that curate the catalogue." })
  @Guard("standardsCurator")
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
