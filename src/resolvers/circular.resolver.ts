import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { HubContext } from "../context/context";
import { Circular } from "../entities/circular.entity";
import { CircularFilter, IssueCircularInput } from "../inputs/circular.input";
import { Guard } from "../policy/guard";
import type { Created } from "../services/command-runner";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";

const IssueCircularPayload = Payload("issueCircular", "circular", Circular, "circular", "supervisor");
const CircularConnection = Connection(Circular, "Circular", "circular");

@Resolver(() => Circular)
export class CircularResolver {
  @Query(() => Circular, { nullable: true, description: "One circular; null when it does not exist for the caller." })
  @Guard("authenticated", "circular.visible")
  circular(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<Circular | null> {
    return ctx.services.circulars.byId(id);
  }

  @Query(() => CircularConnection, {
    description: "Circulars to regions, newest first: for the institutions of the region addressed, and for the bureaus, associations and procuratorates whose jurisdiction is in it or covers it.",
  })
  @Guard("authenticated", "circular.visible")
  async circulars(@Arg("filter", () => CircularFilter, { nullable: true }) filter: CircularFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.circulars.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => IssueCircularPayload, {
    nullable: true,
    description: "Issues a circular (通报, 通报表扬, 警示教育) to every institution of a region in the caller's jurisdiction. Bureaus and associations; idempotent per client system with a key.",
  })
  @Guard("supervisor", "circular.issue")
  issueCircular(@Arg("input", () => IssueCircularInput) input: IssueCircularInput, @Ctx() ctx: HubContext): Promise<Created<Circular>> {
    return ctx.services.circulars.issue(input);
  }
}
