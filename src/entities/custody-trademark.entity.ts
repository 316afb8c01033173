import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { CustodyStatus, TrademarkAlertKind, TrademarkAlertStatus, TrademarkCategory } from "../domain/trademark-enums";
import { LocalDateScalar } from "../scalars/scalars";

/**
 * 重点商标: a well-known, geographical-indication or key-industry mark under monitoring and custody. It
 * exists for the bureaus and associations covering the owner's region and for its custodian.
 */
@ObjectType({ description: "A key trademark under monitoring and custody (重点商标监控及托管)." })
@Guard("trademarkReader")
@Entity({ name: "custody_trademarks" })
export class CustodyTrademark {
  @Field(() => ID, { description: "The hub's id." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Registration number (注册号)." })
  @Column({ type: "text", name: "registration_number" })
  registrationNumber: string;

  @Field(() => Int, { description: "Nice class, 1 to 45." })
  @Column({ type: "int", name: "nice_class" })
  niceClass: number;

  @Field(() => String, { description: "The mark, e.g. 信阳毛尖." })
  @Column({ type: "text", name: "mark_name" })
  markName: string;

  @Field(() => TrademarkCategory, { description: "Why it is monitored." })
  @Column({ type: "text" })
  category: TrademarkCategory;

  @Field(() => String, { description: "Owner (registrant)." })
  @Column({ type: "text", name: "owner_name" })
  ownerName: string;

  @Field(() => String, { description: "Owner's unified social credit code." })
  @Column({ type: "text", name: "owner_credit_code" })
  ownerCreditCode: string;

  @Field(() => String, { description: "Owner's region; the bureaus and associations covering it supervise the custody." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Column({ type: "uuid", name: "custodian_agency_id" })
  custodianAgencyId: string;

  @Field(() => String, { description: "Code of the custodian agency (托管服务机构)." })
  @Column({ type: "text", name: "custodian_agency_code" })
  custodianAgencyCode: string;

  @Field(() => LocalDateScalar, { description: "Registration day." })
  @Column({ type: "date", name: "registered_on" })
  registeredOn: string;

  @Field(() => LocalDateScalar, { description: "Last day of the current registration period (renewals move it)." })
  @Column({ type: "date", name: "expires_on" })
  expiresOn: string;

  @Field(() => CustodyStatus, { description: "ACTIVE while under custody." })
  @Column({ type: "text", name: "custody_status" })
  custodyStatus: CustodyStatus;

  @Field(() => String, { description: "Note." })
  @Column({ type: "text", default: "" })
  note: string;

  @Field(() => Int, { description: "Optimistic-concurrency version." })
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}

/**
 * An alert about a mark under custody. EXPIRING alerts are computed from the expiry date and stored only
 * once someone handles them; the others are entered by the custodian.
 */
@ObjectType({ description: "An alert about a mark under custody, with its handling status." })
@Guard("authenticated")
@Entity({ name: "trademark_alerts" })
export class TrademarkAlert {
  @Field(() => ID, { description: "The alert's id (a computed EXPIRING alert has a stable id of its own until it is handled)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ID, { description: "The mark." })
  @Column({ type: "uuid", name: "trademark_id" })
  trademarkId: string;

  @Field(() => TrademarkAlertKind, { description: "Kind." })
  @Column({ type: "text" })
  kind: TrademarkAlertKind;

  @Field(() => String, { description: "What was found." })
  @Column({ type: "text", default: "" })
  detail: string;

  @Field(() => String, { nullable: true, description: "Reference, e.g. the similar filing's application number or the cancellation case number." })
  @Column({ type: "text", nullable: true })
  reference: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day by which to act (the expiry date for EXPIRING)." })
  @Column({ type: "date", name: "due_on", nullable: true })
  dueOn: string | null;

  @Field(() => LocalDateScalar, { description: "Day the alert was raised (for EXPIRING: the day the expiry came within the window)." })
  @Column({ type: "date", name: "raised_on" })
  raisedOn: string;

  @Field(() => String, { description: "Agency that raised it (`hub` for computed alerts)." })
  @Column({ type: "text", name: "raised_by_agency_code" })
  raisedByAgencyCode: string;

  @Field(() => TrademarkAlertStatus, { description: "Handling status." })
  @Column({ type: "text" })
  status: TrademarkAlertStatus;

  @Field(() => String, { nullable: true, description: "Handling note." })
  @Column({ type: "text", name: "handling_note", nullable: true })
  handlingNote: string | null;

  @Field(() => String, { nullable: true, description: "Agency that last handled it." })
  @Column({ type: "text", name: "handled_by_agency_code", nullable: true })
  handledByAgencyCode: string | null;

  @Field(() => Date, { nullable: true, description: "When it was last handled." })
  @Column({ type: "timestamptz", name: "handled_at", nullable: true })
  handledAt: Date | null;

  @Field(() => Int, { description: "Optimistic-concurrency version; quote it when handling." })
  @Column({ type: "int", default: 1 })
  version: number;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
