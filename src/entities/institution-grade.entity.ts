import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Public } from "../policy/guard";
import { InstitutionGrade } from "../domain/directory-enums";

/** One grade the industry association gave an institution (等级评价): public, like the grade itself. */
@ObjectType({ description: "A grade the industry association gave an institution (等级评价), with its decision and validity." })
@Public()
@Entity({ name: "institution_grades" })
export class InstitutionGradeRecord {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Field(() => InstitutionGrade, { description: "The grade." })
  @Column({ type: "text" })
  grade: InstitutionGrade;

  @Field(() => String, { nullable: true, description: "Day it was decided (YYYY-MM-DD); null for a grade recorded before the hub kept decisions." })
  @Column({ type: "date", name: "decided_on", nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: "Last day it is valid; null when the decision set no end." })
  @Column({ type: "date", name: "valid_until", nullable: true })
  validUntil: string | null;

  @Field(() => String, { nullable: true, description: "The decision's document number." })
  @Column({ type: "text", name: "decision_doc_no", nullable: true })
  decisionDocNo: string | null;

  @Field(() => String, { nullable: true, description: "Code of the association that decided." })
  @Column({ type: "text", name: "decided_by_agency_code", nullable: true })
  decidedByAgencyCode: string | null;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
