import { GraphQLResolveInfo, responsePathAsArray } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { CreditIncentiveStatus } from "../domain/credit-enums";
import { Appraiser } from "../entities/appraiser.entity";
import { CreditIncentive } from "../entities/credit-incentive.entity";
import { Institution } from "../entities/institution.entity";
import { CreditIncentiveFilter, RecordCreditIncentiveInput } from "../inputs/credit-incentive.input";
import { Guard, Public } from "../policy/guard";
import type { Created } from "../services/command-runner";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";

const CreditIncentiveConnection = Connection(CreditIncentive, "CreditIncentive", "positive credit record");
const RecordCreditIncentivePayload = Payload("recordCreditIncentive", "incentive", CreditIncentive, "positive credit record", "authenticated");

@Resolver(() => CreditIncentive)
export class CreditIncentiveResolver {
  @Query(() => CreditIncentiveConnection, { description: "Positive credit records (守信激励) the caller may see: published ones for everyone; all of them for the bureaus and associations covering the subject." })
  @Public("creditIncentive.visible")
  async creditIncentives(@Arg("filter", () => CreditIncentiveFilter, { nullable: true }) filter: CreditIncentiveFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.creditIncentives.list(filter ?? {}, page.first, page.after));
  }

  @Query(() => CreditIncentive, { nullable: true, description: "One positive credit record; null when it does not exist for the caller." })
  @Public("creditIncentive.visible")
  creditIncentive(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<CreditIncentive | null> {
    return ctx.services.creditIncentives.byId(id);
  }

  @Mutation(() => RecordCreditIncentivePayload, { nullable: true, description: "Records a positive credit record (market-regulation bureau covering the subject). Idempotent per client system." })
  @Guard("creditDecider", "creditIncentive.record")
  recordCreditIncentive(@Arg("input", () => RecordCreditIncentiveInput) input: RecordCreditIncentiveInput, @Ctx() ctx: HubContext): Promise<Created<CreditIncentive>> {
    return ctx.services.creditIncentives.record(input);
  }

  @Mutation(() => CreditIncentive, { nullable: true, description: "Revokes a positive credit record (撤销), with a reason. For the bureau covering the subject." })
  @Guard("creditDecider", "creditIncentive.revoke")
  revokeCreditIncentive(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: HubContext,
  ): Promise<CreditIncentive> {
    return ctx.services.creditIncentives.revoke(id, expectedVersion, reason);
  }

  @FieldResolver(() => CreditIncentiveStatus, { description: "Status; EXPIRED once the publication window has passed." })
  @Public()
  status(@Root() incentive: CreditIncentive, @Ctx() ctx: HubContext): CreditIncentiveStatus {
    return ctx.services.creditIncentives.status(incentive);
  }

  @FieldResolver(() => String, { nullable: true, description: "For a PATENT_ATTORNEY subject, the practising certificate number: masked for agencies; in full (audited first) for a bureau or association covering the subject with scope `pii:read`. Not for the public." })
  @Guard("authenticated")
  subjectCertificateNo(@Root() incentive: CreditIncentive, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    return ctx.services.creditIncentives.certificateNo(incentive, responsePathAsArray(info.path));
  }
}

@Resolver(() => Institution)
export class InstitutionCreditIncentiveResolver {
  @FieldResolver(() => [CreditIncentive], { description: "Positive credit records (守信激励) about the institution that the caller may see." })
  @Public()
  creditIncentives(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<CreditIncentive[]> {
    return ctx.services.creditIncentives.forInstitution(institution);
  }
}

@Resolver(() => Appraiser)
export class AppraiserCreditIncentiveResolver {
  @FieldResolver(() => [CreditIncentive], { description: "Positive credit records (守信激励) about the appraiser that the caller may see." })
  @Public()
  creditIncentives(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<CreditIncentive[]> {
    return ctx.services.creditIncentives.forAppraiser(appraiser);
  }
}
