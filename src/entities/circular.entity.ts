import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";

export enum CircularKind {
  NOTICE = "NOTICE",
  COMMENDATION = "COMMENDATION",
  WARNING_EDUCATION = "WARNING_EDUCATION",
}
registerEnumType(CircularKind, {
  name: "CircularKind",
  description: "What a circular to a region is.",
  valuesConfig: { NOTICE: { description: "通报 (情况通报)" }, COMMENDATION: { description: "通报表扬" }, WARNING_EDUCATION: { description: "警示教育 (案例通报)" } },
});

/**
 * 通报: a circular a bureau or association addresses to every institution of a region. It exists for those
 * institutions and for the agencies supervising the region (bureaus, associations, procuratorates).
 */
@ObjectType({ description: "A circular to the institutions of a region (通报, 通报表扬, 警示教育)." })
@Guard("authenticated")
@Entity({ name: "circulars" })
export class Circular {
  @Field(() => ID, { description: "The hub's id of the circular." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => CircularKind, { description: "What it is." })
  @Column({ type: "text" })
  kind: CircularKind;

  @Field(() => String, { description: "The region whose institutions it addresses (and every region below it)." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => String, { description: "Title." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { description: "Text." })
  @Column({ type: "text" })
  body: string;

  @Field(() => String, { nullable: true, description: "Document number, e.g. 信鉴协〔2026〕5号." })
  @Column({ type: "text", name: "document_no", nullable: true })
  documentNo: string | null;

  @Field(() => String, { description: "Day it was issued (YYYY-MM-DD)." })
  @Column({ type: "date", name: "issued_on" })
  issuedOn: string;

  @Field(() => String, { description: "Code of the issuing bureau or association." })
  @Column({ type: "text", name: "issued_by_agency_code" })
  issuedByAgencyCode: string;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
