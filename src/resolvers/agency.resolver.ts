import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard, Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { Agency } from "../entities/agency.entity";
import { Institution } from "../entities/institution.entity";
import { ClientSystem } from "../entities/client-system.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { AgencyFilter, RegisterAgencyInput, UpdateAgencyInput } from "../inputs/agency.input";
import { RecordStatus } from "../entities/agency-kind";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";

const AgencyConnection = Connection(Agency, "Agency", "agency", "agencies");
const RegisterAgencyPayload = Payload("registerAgency", "agency", Agency, "agency registered", "registryAdministrator");

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

  @FieldResolver(() => Institution, { nullable: true, description: "For an appraisal institution's own agency: its entry in the directory. For the agency itself and the bureaus covering it." })
  @Guard("agencyAdministration")
  institution(@Root() agency: Agency, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return agency.institutionId ? ctx.services.institutions.byId(agency.institutionId) : Promise.resolve(null);
  }

  @Mutation(() => RegisterAgencyPayload, {
    nullable: true,
    description: "Registers an agency (接入单位) in the caller's jurisdiction. For registry administrators: market-regulation bureaus at province level or above whose system holds `registry:admin` (CNIPA: every region).",
  })
  @Guard("registryAdministrator", "agency.administer")
  registerAgency(@Arg("input", () => RegisterAgencyInput) input: RegisterAgencyInput, @Ctx() ctx: HubContext): Promise<Created<Agency>> {
    return ctx.services.agencies.register(input);
  }

  @Mutation(() => Agency, { nullable: true, description: "Edits an agency's name, region or parent. For registry administrators covering its region (the old and the new); a stale `expectedVersion` answers CONFLICT." })
  @Guard("registryAdministrator", "agency.administer")
  updateAgency(
    @Arg("code", () => String) code: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateAgencyInput) input: UpdateAgencyInput,
    @Ctx() ctx: HubContext,
  ): Promise<Agency> {
    return ctx.services.agencies.update(code, expectedVersion, input);
  }

  @Mutation(() => Agency, { nullable: true, description: "Disables an agency: its systems' tokens are refused (401) from the next request on. For registry administrators covering its region, never for their own agency." })
  @Guard("registryAdministrator", "agency.administer", "agency.disable")
  disableAgency(
    @Arg("code", () => String) code: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: HubContext,
  ): Promise<Agency> {
    return ctx.services.agencies.setStatus(code, expectedVersion, RecordStatus.DISABLED, reason);
  }

  @Mutation(() => Agency, { nullable: true, description: "Enables a disabled agency again. For registry administrators covering its region." })
  @Guard("registryAdministrator", "agency.administer")
  enableAgency(
    @Arg("code", () => String) code: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<Agency> {
    return ctx.services.agencies.setStatus(code, expectedVersion, RecordStatus.ACTIVE, reason);
  }
}
