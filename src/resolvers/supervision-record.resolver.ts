import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { SupervisionKind, SupervisionResult } from "../domain/case-enums";
import { Institution } from "../entities/institution.entity";
import { SupervisionRecord } from "../entities/supervision-record.entity";
import { LocalDateScalar } from "../scalars/scalars";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { idempotencyKeyDescription } from "../domain/idempotency-key";

const SupervisionRecordConnection = Connection(SupervisionRecord, "SupervisionRecord", "supervision record");

@InputType({ description: "An inspection, document-quality review or circular about an institution in your jurisdiction." })
class RecordInspectionInput {
  @Field(() => String, { nullable: true, description: idempotencyKeyDescription("Optional: retrying with the same key and input returns the first result.") }) idempotencyKey?: string;
  @Field(() => ID, { description: "The institution." }) institutionId: string;
  @Field(() => SupervisionKind, { description: "Kind." }) kind: SupervisionKind;
  @Field(() => LocalDateScalar, { description: "Day it was conducted." }) conductedOn: string;
  @Field(() => SupervisionResult, { description: "Outcome." }) result: SupervisionResult;
  @Field(() => Float, { nullable: true, description: "Score 0–100." }) score?: number;
  @Field(() => String, { nullable: true, description: "Findings." }) findings?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Rectification deadline (required when rectification is required)." }) rectificationDeadline?: string;
}

@InputType({ description: "Narrows the supervision records." })
class SupervisionRecordFilter {
  @Field(() => ID, { nullable: true, description: "Institution." }) institutionId?: string;
  @Field(() => SupervisionKind, { nullable: true, description: "Kind." }) kind?: SupervisionKind;
}

@Resolver(() => SupervisionRecord)
export class SupervisionRecordResolver {
  @Query(() => SupervisionRecordConnection, { nullable: true, description: "Supervision records: for the bureaus, associations and procuratorates covering the institution, and the institution itself." })
  @Guard("authenticated", "supervisionRecord.visible")
  async supervisionRecords(@Arg("filter", () => SupervisionRecordFilter, { nullable: true }) filter: SupervisionRecordFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.supervisionRecords.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => SupervisionRecord, { nullable: true, description: "Records an inspection, document-quality review or circular. For the association or bureau covering the institution." })
  @Guard("supervisor", "institution.visible", "supervisionRecord.record")
  recordInspection(@Arg("input", () => RecordInspectionInput) input: RecordInspectionInput, @Ctx() ctx: HubContext): Promise<SupervisionRecord> {
    return ctx.services.supervisionRecords.record(input);
  }
}

@Resolver(() => Institution)
export class InstitutionSupervisionResolver {
  @FieldResolver(() => [SupervisionRecord], { nullable: true, description: "Supervision records about it, newest first (for those who may see them; empty for others)." })
  @Guard("authenticated")
  supervisionRecords(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<SupervisionRecord[]> {
    return ctx.services.supervisionRecords.forInstitution(institution);
  }
}
