import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { Institution } from "../entities/institution.entity";
import { Standard } from "../entities/standard.entity";
import { TypicalCase } from "../entities/typical-case.entity";
import { PublishTypicalCaseInput, TypicalCaseFilter } from "../inputs/typical-case.input";
import { Guard, Public } from "../policy/guard";
import type { Created } from "../services/command-runner";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";

const PublishTypicalCasePayload = Payload("publishTypicalCase", "typicalCase", TypicalCase, "typical case", "caseLibrarian");
const TypicalCaseConnection = Connection(TypicalCase, "TypicalCase", "typical case");

@Resolver(() => TypicalCase)
export class TypicalCaseResolver {
  @Query(() => TypicalCaseConnection, { description: "The case library (知识产权鉴定应用案例库), newest first. Public." })
  @Public()
  async typicalCases(@Arg("filter", () => TypicalCaseFilter, { nullable: true }) filter: TypicalCaseFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.typicalCases.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => PublishTypicalCasePayload, {
    nullable: true,
    description:
      "Publishes a CLOSED case as typical in the case library. For bureaus and associations the case exists for (covering its institution or its entrusting agency); NOT_FOUND for others. The text must be de-identified: an ID number, phone, credit code, case or document number, or the name of a person the hub knows in the case answers BAD_USER_INPUT naming the field. Once per case (CONFLICT after).",
  })
  @Guard("caseLibrarian", "appraisalCase.visible")
  publishTypicalCase(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => PublishTypicalCaseInput) input: PublishTypicalCaseInput, @Ctx() ctx: HubContext): Promise<Created<TypicalCase>> {
    return ctx.services.typicalCases.publish(caseId, input);
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The institution that did the appraisal, only while it is listed." })
  @Public()
  institution(@Root() typical: TypicalCase, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return ctx.services.typicalCases.institutionOf(typical);
  }

  @FieldResolver(() => [Standard], { description: "The catalogue's standards the appraisal applied." })
  @Public()
  standardsApplied(@Root() typical: TypicalCase, @Ctx() ctx: HubContext): Promise<Standard[]> {
    return ctx.services.standards.byIds(typical.standardIds);
  }
}
