import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";

/** 行业惩戒: what an industry association may impose on an appraiser under its own charter. */
export enum SanctionKind {
  CIRCULATED_CRITICISM = "CIRCULATED_CRITICISM",
  PUBLIC_CENSURE = "PUBLIC_CENSURE",
  MEMBERSHIP_REVOKED = "MEMBERSHIP_REVOKED",
}
registerEnumType(SanctionKind, {
  name: "SanctionKind",
  description: "An industry association's sanction under its charter (行业惩戒).",
  valuesConfig: {
    CIRCULATED_CRITICISM: { description: "通报批评" },
    PUBLIC_CENSURE: { description: "公开谴责" },
    MEMBERSHIP_REVOKED: { description: "取消会员资格" },
  },
});

/**
 * A sanction an industry association imposed on an appraiser (行业惩戒). It is the association's own
 * decision under its charter, distinct from a bureau's status decision: it does not change the appraiser's
 * status. For agencies, like the appraiser's status.
 */
@ObjectType({ description: "A sanction an industry association imposed on an appraiser under its charter (行业惩戒); it does not change the appraiser's status." })
@Guard("authenticated")
@Entity({ name: "disciplinary_sanctions" })
export class DisciplinarySanction {
  @Field(() => ID, { description: "The hub's id of the sanction." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "appraiser_id" })
  appraiserId: string;

  @Field(() => SanctionKind, { description: "What was imposed." })
  @Column({ type: "text" })
  kind: SanctionKind;

  @Field(() => String, { description: "Why." })
  @Column({ type: "text" })
  reason: string;

  @Field(() => String, { nullable: true, description: "The decision's document number." })
  @Column({ type: "text", name: "decision_doc_no", nullable: true })
  decisionDocNo: string | null;

  @Field(() => String, { description: "Day it was decided (YYYY-MM-DD)." })
  @Column({ type: "date", name: "decided_on" })
  decidedOn: string;

  @Column({ type: "uuid", name: "decided_by_agency_id" })
  decidedByAgencyId: string;

  @Field(() => String, { description: "Code of the association that decided." })
  @Column({ type: "text", name: "decided_by_agency_code" })
  decidedByAgencyCode: string;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
