import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import { ListingLevel, ListingStatus } from "../domain/directory-enums";

/** One decision of the listing register (名录库动态调整). Append-only: the database refuses edits. */
@ObjectType({ description: "A decision of the listing register: from which status to which, why, by whom, effective when." })
@Guard("authenticated")
@Entity({ name: "listing_events" })
export class ListingEvent {
  @Field(() => ID, { description: "Position in the register." })
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq: string;

  @Column({ type: "uuid", name: "institution_id" })
  institutionId: string;

  @Field(() => ListingStatus, { description: "Status before." })
  @Column({ type: "text", name: "from_status" })
  fromStatus: ListingStatus;

  @Field(() => ListingStatus, { description: "Status after." })
  @Column({ type: "text", name: "to_status" })
  toStatus: ListingStatus;

  @Field(() => ListingLevel, { nullable: true, description: "Directory level, for listings." })
  @Column({ type: "text", name: "listing_level", nullable: true })
  listingLevel: ListingLevel | null;

  @Field(() => String, { description: "Reason given with the decision." })
  @Column({ type: "text" })
  reason: string;

  @Field(() => String, { nullable: true, description: "Decision document number, e.g. 信市监〔2024〕12号." })
  @Column({ type: "text", name: "decision_doc_no", nullable: true })
  decisionDocNo: string | null;

  @Field(() => String, { nullable: true, description: "Code of the deciding agency." })
  @Column({ type: "text", name: "deciding_agency_code", nullable: true })
  decidingAgencyCode: string | null;

  @Field(() => String, { description: "Day the decision takes effect (YYYY-MM-DD)." })
  @Column({ type: "date", name: "effective_on" })
  effectiveOn: string;

  @Field(() => Date, { description: "When the hub recorded it." })
  @Column({ type: "timestamptz", name: "recorded_at", default: () => "now()" })
  recordedAt: Date;
}
