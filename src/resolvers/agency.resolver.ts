import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from "type-graphql";
import { Guard, Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { AgencyKind } from "../entities/agency-kind";
import { Agency } from "../entities/agency.entity";
import { ClientSystem } from "../entities/client-system.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";

const AgencyConnection = Connection(Agency, "Agency", "agency", "agencies");

@InputType({ description: "Narrows the agency list." })
class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true, description: "Only agencies of this kind." })
  kind?: AgencyKind;

  @Field(() => String, { nullable: true, description: "Only agencies whose region lies within this region (sub-regions included)." })
  regionCode?: string;
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: "An agency by its code, e.g. `XY-COURT`." })
  @Public()
  agency(@Arg("code", () => String) code: string, @Ctx() ctx: HubContext): Promise<Agency | null> {
    return ctx.services.agencies.byCode(code);
  }

  @Query(() => AgencyConnection, { description: "The agencies registered with the hub, by code." })
  @Public()
  async agencies(
    @Arg("filter", () => AgencyFilter, { nullable: true }) filter: AgencyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    return toConnection(await ctx.services.agencies.list(filter ?? {}, page.first, page.after));
  }

  @FieldResolver(() => [ClientSystem], { nullable: true, description: "The agency's client systems: for the agency itself and its supervising bureaus." })
  @Guard("agencyAdministration")
  clientSystems(@Root() agency: Agency, @Ctx() ctx: HubContext): Promise<ClientSystem[]> {
    return ctx.services.agencies.clientSystems(agency);
  }
}
