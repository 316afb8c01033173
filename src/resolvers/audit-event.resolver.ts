import { Arg, Args, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { AuditEvent } from "../entities/audit-event.entity";
import { PageArgs } from "./types/page-args";
import { Connection, toConnection } from "./types/connection";
import { AuditEventFilter } from "../inputs/audit-event.input";
import { CHAIN_WALK_COST, Cost } from "./types/cost";

const AuditEventConnection = Connection(AuditEvent, "AuditEvent", "audit entry", "audit entries");

@ObjectType({ description: "The first broken link of the audit chain." })
@Guard("auditVerifier")
class AuditChainBreak {
  @Field(() => String, { description: "Seq of the first entry that fails." }) seq: string;
  @Field(() => String, { description: "CONTENT_CHANGED, LINK_BROKEN or ENTRIES_MISSING." }) reason: string;
  @Field(() => String, { description: "What exactly does not hold." }) detail: string;
}

@ObjectType({ description: "Result of walking the audit hash chain." })
@Guard("auditVerifier")
class AuditChainVerification {
  @Field(() => Boolean, { description: "True when every entry is intact and linked to the one before it." }) ok: boolean;
  @Field(() => Int, { description: "Entries checked before the first break (all of them when ok)." }) checked: number;
  @Field(() => String, { nullable: true, description: "Seq of the last entry: keep it with headHash outside the hub to detect a cut-off tail." }) headSeq: string | null;
  @Field(() => String, { nullable: true, description: "Hash of the last entry." }) headHash: string | null;
  @Field(() => AuditChainBreak, { nullable: true, description: "The first broken link; null when the chain is intact." }) firstBreak: AuditChainBreak | null;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { nullable: true, description: "The audit trail, newest first: your own agency's entries, or, for market-regulation bureaus at province level and above, every entry in their jurisdiction." })
  @Guard("auditReader", "auditEvent.visible")
  async auditEvents(
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    return toConnection(await ctx.services.auditEvents.list(filter ?? {}, page.first, page.after));
  }

  @Query(() => AuditChainVerification, { nullable: true, description: "Walks the whole audit hash chain and reports the first broken link." })
  @Guard("auditVerifier")
  @Cost(CHAIN_WALK_COST)
  verifyAuditChain(@Ctx() ctx: HubContext): Promise<AuditChainVerification> {
    return ctx.services.auditEvents.verify();
  }
}
