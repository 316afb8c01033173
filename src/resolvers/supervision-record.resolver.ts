import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { Institution } from "../entities/institution.entity";
import { SupervisionRecord } from "../entities/supervision-record.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { RecordInspectionInput, SupervisionRecordFilter } from "../inputs/supervision-record.input";

const SupervisionRecordConnection = Connection(SupervisionRecord, "SupervisionRecord", "supervision record");

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
