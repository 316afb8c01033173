import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Public } from "../policy/guard";
import { TechnicalField } from "../domain/directory-enums";

/**
 * A typical case of the case library (建立知识产权鉴定应用案例库): a closed appraisal, de-identified and published
 * by a bureau or association for everyone to learn from. Nothing in it names a person or a party.
 */
@ObjectType({ description: "A typical case of the IP-appraisal case library (知识产权鉴定应用案例库): de-identified, public." })
@Public()
@Entity({ name: "typical_cases" })
export class TypicalCase {
  @Field(() => ID, { description: "The hub's id of the typical case." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The appraisal case it was drawn from: never shown (its number would identify the parties). */
  @Column({ type: "uuid", name: "case_id" })
  caseId: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Field(() => String, { description: "Region of the institution that did the appraisal." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => TechnicalField, { description: "Technical field." })
  @Column({ type: "text", name: "technical_field" })
  technicalField: TechnicalField;

  @Field(() => String, { description: "Appraisal matter, e.g. 专利侵权比对." })
  @Column({ type: "text" })
  matter: string;

  @Field(() => String, { description: "Title." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { description: "What was appraised and how, de-identified." })
  @Column({ type: "text" })
  summary: string;

  @Field(() => [String], { description: "Key points (裁判/鉴定要点)." })
  @Column({ type: "text", array: true, name: "key_points" })
  keyPoints: string[];

  @Column({ type: "uuid", array: true, name: "standard_ids" })
  standardIds: string[];

  @Field(() => String, { description: "Day it was published (YYYY-MM-DD)." })
  @Column({ type: "date", name: "published_on" })
  publishedOn: string;

  @Field(() => String, { description: "Code of the bureau or association that published it." })
  @Column({ type: "text", name: "published_by_agency_code" })
  publishedByAgencyCode: string;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
