import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { Agency } from "../entities/agency.entity";

@ObjectType({ description: "Who the hub takes the caller to be." })
@Public()
export class Me {
  @Field(() => Boolean, { description: "True for the anonymous public (no bearer token)." })
  anonymous: boolean;

  @Field(() => Agency, { nullable: true, description: "The calling agency, from the hub's registry." })
  agency: Agency | null;

  @Field(() => String, { nullable: true, description: "Name of the calling client system." })
  clientSystem: string | null;

  @Field(() => [String], { description: "Scopes granted to this request: the token's scopes that the registry allows." })
  scopes: string[];

  @Field(() => String, { description: "The request id (X-Request-Id) this answer belongs to." })
  requestId: string;
}

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { description: "The caller as the hub sees it: agency, client system and scopes." })
  @Public()
  async me(@Ctx() ctx: HubContext): Promise<Me> {
    return {
      anonymous: ctx.viewer.isAnonymous,
      agency: await ctx.services.agencies.current(),
      clientSystem: ctx.viewer.client?.name ?? null,
      scopes: [...ctx.viewer.scopes].sort(),
      requestId: ctx.request.id,
    };
  }
}
