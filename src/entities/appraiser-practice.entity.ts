import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { PracticeKind } from "../domain/directory-enums";

/** A post of an appraiser at an institution. At most one active full-time post (a unique index). */
@ObjectType({ description: "A post of an appraiser at an institution: full-time or part-time, from when, until when." })
@Guard("authenticated")
@Entity({ name: "appraiser_practices" })
export class AppraiserPractice {
  @Field(() => ID, { description: "Id of the post." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "appraiser_id" })
  appraiserId: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Field(() => PracticeKind, { description: "Full-time or part-time." })
  @Column({ type: "text" })
  kind: PracticeKind;

  @Field(() => String, { description: "Started on (YYYY-MM-DD)." })
  @Column({ type: "date", name: "started_on" })
  startedOn: string;

  @Field(() => String, { nullable: true, description: "Ended on (YYYY-MM-DD); null while active." })
  @Column({ type: "date", name: "ended_on", nullable: true })
  endedOn: string | null;
}
