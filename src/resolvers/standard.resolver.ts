import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../context/context";
import { ComplianceStandard } from "../entities/directory-records";
import { Standard } from "../entities/standard.entity";
import { AddStandardInput, StandardFilter, UpdateStandardInput } from "../inputs/standard.input";
import { Guard, Public } from "../policy/guard";
import type { Created } from "../services/command-runner";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";

const AddStandardPayload = Payload("addStandard", "standard", Standard, "catalogue entry", "standardsCurator");
const StandardConnection = Connection(Standard, "Standard", "standard");

@Resolver(() => Standard)
export class StandardResolver {
  @Query(() => StandardConnection, { description: "The catalogue of IP-appraisal standards (知识产权鉴定标准), by code. Public." })
  @Public()
  async standards(@Arg("filter", () => StandardFilter, { nullable: true }) filter: StandardFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.standards.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => AddStandardPayload, {
    nullable: true,
    description: "Adds a published standard to the catalogue. For market-regulation bureaus at province level and above; a code already there (however spelt) answers CONFLICT.",
  })
  @Guard("standardsCurator")
  addStandard(@Arg("input", () => AddStandardInput) input: AddStandardInput, @Ctx() ctx: HubContext): Promise<Created<Standard>> {
    return ctx.services.standards.add(input);
  }

  @Mutation(() => Standard, { nullable: true, description: "Edits a catalogue entry (its status when superseded or withdrawn). For market-regulation bureaus at province level and above; a stale expectedVersion answers CONFLICT." })
  @Guard("standardsCurator")
  updateStandard(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateStandardInput) input: UpdateStandardInput,
    @Ctx() ctx: HubContext,
  ): Promise<Standard> {
    return ctx.services.standards.update(id, expectedVersion, input);
  }
}

@Resolver(() => ComplianceStandard)
export class ComplianceStandardResolver {
  @FieldResolver(() => Standard, { nullable: true, description: "The catalogue entry complied with; null for an entry recorded before the catalogue existed." })
  @Public()
  standard(@Root() compliance: ComplianceStandard, @Ctx() ctx: HubContext): Promise<Standard | null> {
    return ctx.services.standards.byId(compliance.standardId);
  }
}
