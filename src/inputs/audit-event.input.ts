import { Field, InputType } from "type-graphql";
import { AuditOutcome } from "../entities/audit-event.entity";

@InputType({ description: "Narrows the audit trail." })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: "Only entries of this agency." }) agencyCode?: string | null;
  @Field(() => String, { nullable: true, description: "Only this operation, e.g. `registerClientSystem`." }) operation?: string | null;
  @Field(() => String, { nullable: true, description: "Only entries about this kind of record, e.g. `Institution`." }) entityType?: string | null;
  @Field(() => String, { nullable: true, description: "Only entries about this record." }) entityId?: string | null;
  @Field(() => AuditOutcome, { nullable: true, description: "Only entries with this outcome." }) outcome?: AuditOutcome | null;
  @Field(() => Date, { nullable: true, description: "From this instant (inclusive)." }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Until this instant (exclusive)." }) to?: Date | null;
}
