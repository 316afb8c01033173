import { GraphQLResolveInfo, responsePathAsArray } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard, Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { CreditRecordStatus } from "../domain/credit-enums";
import { Appraiser } from "../entities/appraiser.entity";
import { CreditRecord, CreditShare } from "../entities/credit-record.entity";
import { Institution } from "../entities/institution.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";
import { CreditRecordFilter, CreditRepairInput, RecordCreditEventInput } from "../inputs/credit-record.input";

const CreditRecordConnection = Connection(CreditRecord, "CreditRecord", "credit record");

const RecordCreditEventPayload = Payload("recordCreditEvent", "record", CreditRecord, "record", "authenticated");

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  @Query(() => CreditRecordConnection, { description: "Credit records the caller may see: published ones for everyone; more for the subject's supervisors, agencies it was shared with, and the agencies whose cases involved the subject." })
  @Public("creditRecord.visible")
  async creditRecords(@Arg("filter", () => CreditRecordFilter, { nullable: true }) filter: CreditRecordFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.creditRecords.list(filter ?? {}, page.first, page.after));
  }

  @Query(() => CreditRecord, { nullable: true, description: "One credit record; null when it does not exist for the caller." })
  @Public("creditRecord.visible")
  creditRecord(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<CreditRecord | null> {
    return ctx.services.creditRecords.byId(id);
  }

  @Mutation(() => RecordCreditEventPayload, { nullable: true, description: "Records a credit determination (market-regulation bureau covering the subject). Idempotent per client system." })
  @Guard("creditDecider", "creditRecord.record")
  recordCreditEvent(@Arg("input", () => RecordCreditEventInput) input: RecordCreditEventInput, @Ctx() ctx: HubContext): Promise<Created<CreditRecord>> {
    return ctx.services.creditRecords.record(input);
  }

  @Mutation(() => CreditRecord, { nullable: true, description: "Requests repair of an ACTIVE record from its repairableFrom day (association or bureau covering the subject); earlier answers INVALID_STATE_TRANSITION with reason MINIMUM_PERIOD_NOT_OVER and repairableFrom." })
  @Guard("supervisor", "creditRecord.requestRepair")
  requestCreditRepair(
    @Arg("recordId", () => ID) recordId: string,
    @Arg("input", () => CreditRepairInput) input: CreditRepairInput,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version read; a stale one answers CONFLICT." }) expectedVersion: number | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRecord> {
    return ctx.services.creditRecords.requestRepair(recordId, expectedVersion, input);
  }

  @Mutation(() => CreditRecord, { nullable: true, description: "Approves (REPAIRED: publication stops at once) or refuses (back to ACTIVE) a repair request. For the bureau covering the subject." })
  @Guard("creditDecider", "creditRecord.decideRepair")
  decideCreditRepair(
    @Arg("recordId", () => ID) recordId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("note", () => String) note: string,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRecord> {
    return ctx.services.creditRecords.decideRepair(recordId, expectedVersion, approve, note);
  }

  @Mutation(() => CreditRecord, { nullable: true, description: "Revokes a determination (撤销), with a reason. For the bureau covering the subject." })
  @Guard("creditDecider", "creditRecord.revoke")
  revokeCreditRecord(
    @Arg("recordId", () => ID) recordId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRecord> {
    return ctx.services.creditRecords.revoke(recordId, expectedVersion, reason);
  }

  @Mutation(() => CreditShare, { nullable: true, description: "Acknowledges a serious record shared with the caller's agency for joint punishment." })
  @Guard("authenticated", "creditShare.recipient")
  acknowledgeCreditShare(@Arg("recordId", () => ID) recordId: string, @Ctx() ctx: HubContext): Promise<CreditShare> {
    return ctx.services.creditRecords.acknowledgeShare(recordId);
  }

  @FieldResolver(() => CreditRecordStatus, { description: "Status; EXPIRED once the publication window has passed." })
  @Public()
  status(@Root() record: CreditRecord, @Ctx() ctx: HubContext): CreditRecordStatus {
    return ctx.services.creditRecords.status(record);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "For a PATENT_ATTORNEY subject, the practising certificate number: masked (`11*********56`) for agencies; in full only for a bureau or association covering the subject with scope `pii:read`, each full read audited before it is answered. Not for the public.",
  })
  @Guard("authenticated")
  subjectCertificateNo(@Root() record: CreditRecord, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    return ctx.services.creditRecords.certificateNo(record, responsePathAsArray(info.path));
  }

  @FieldResolver(() => String, { nullable: true, description: "First day repair (信用修复) may be requested under the hub's rules: the day after the severity's minimum period from the decision (the decision day for MINOR). Null when the policy never allows it." })
  @Public()
  repairableFrom(@Root() record: CreditRecord, @Ctx() ctx: HubContext): string | null {
    return ctx.services.creditRecords.repairableFrom(record);
  }

  @FieldResolver(() => [CreditShare], { nullable: true, description: "Joint punishment: the agencies it was shared with (all for the subject's supervisors; its own share for an agency it was shared with)." })
  @Guard("authenticated")
  sharedWith(@Root() record: CreditRecord, @Ctx() ctx: HubContext): Promise<CreditShare[]> {
    return ctx.services.creditRecords.shares(record);
  }
}

@Resolver(() => Institution)
export class InstitutionCreditResolver {
  @FieldResolver(() => [CreditRecord], { description: "Credit records about the institution that the caller may see." })
  @Public()
  creditRecords(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<CreditRecord[]> {
    return ctx.services.creditRecords.forInstitution(institution);
  }
}

@Resolver(() => Appraiser)
export class AppraiserCreditResolver {
  @FieldResolver(() => [CreditRecord], { description: "Credit records about the appraiser that the caller may see." })
  @Public()
  creditRecords(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<CreditRecord[]> {
    return ctx.services.creditRecords.forAppraiser(appraiser);
  }
}
