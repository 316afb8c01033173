import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Guard, Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { Agency } from "../entities/agency.entity";
import { ClientSystem } from "../entities/client-system.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { AgencyFilter } from "../inputs/agency.input";

const AgencyConnection = Connection(Agency, "Agency", "agency", "agencies");

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
