import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Guard } from "../policy/guard";

/** An appraiser assigned to a case, with the recusal declaration (回避声明) made on assignment. */
@ObjectType({ description: "An appraiser assigned to a case, with the recusal declaration made on assignment." })
@Guard("authenticated")
@Entity({ name: "case_appraisers" })
export class CaseAppraiser {
  @PrimaryColumn({ type: "uuid", name: "case_id" })
  caseId: string;

  @PrimaryColumn({ type: "uuid", name: "appraiser_id" })
  appraiserId: string;

  @Field(() => String, { description: "The declaration that no ground for recusal applies, or how it was handled." })
  @Column({ type: "text", name: "recusal_declaration" })
  recusalDeclaration: string;

  @Field(() => String, { description: "Day of assignment." })
  @Column({ type: "date", name: "assigned_on" })
  assignedOn: string;
}
