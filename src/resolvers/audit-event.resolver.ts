import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
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
  @Field(() => String, { description: "CONTENT_CHANGED, LINK_BROKEN, ENTRIES_MISSING, TREE_NODE_CHANGED, TREE_HEAD_MISMATCH or TREE_HEAD_SIGNATURE_INVALID." }) reason: string;
  @Field(() => String, { description: "What exactly does not hold." }) detail: string;
}

@ObjectType({ description: "Result of verifying the whole audit log: its hash chain, its Merkle tree and its signed tree heads." })
@Guard("auditVerifier")
class AuditChainVerification {
  @Field(() => Boolean, { description: "True when every entry is intact and linked to the one before it, every stored tree node matches the entries, and every signed tree head matches the tree at its size and is signed by the hub." }) ok: boolean;
  @Field(() => Int, { description: "Entries checked before the first break (all of them when ok)." }) checked: number;
  @Field(() => Int, { description: "Signed tree heads recomputed from the entries and their signatures checked." }) treeHeadsChecked: number;
  @Field(() => Int, { description: "Entries committed but not yet sequenced into the log (the sequencer takes them within milliseconds)." }) queued: number;
  @Field(() => String, { nullable: true, description: "Seq of the last entry: keep it with headHash outside the hub to detect a cut-off tail." }) headSeq: string | null;
  @Field(() => String, { nullable: true, description: "Hash of the last entry." }) headHash: string | null;
  @Field(() => AuditChainBreak, { nullable: true, description: "The first broken link; null when the chain is intact." }) firstBreak: AuditChainBreak | null;
}

@ObjectType({
  description:
    "A signed tree head of the audit log (as Certificate Transparency's STH): the hub's signed commitment that the log's first `treeSize` entries have the Merkle tree root `rootHash` (RFC 9162 hashing). Keep the heads you receive: a later head must be provably consistent with them.",
})
@Guard("auditReader")
class AuditTreeHead {
  @Field(() => String, { description: "Entries the head covers: seq 1 to treeSize." }) treeSize: string;
  @Field(() => String, { description: "Root of the Merkle tree of those entries, hex." }) rootHash: string;
  @Field(() => Date, { description: "When the hub signed it." }) publishedAt: Date;
  @Field(() => String, { description: "`kid` of the hub's key that signed it, in `/.well-known/jwks.json`." }) keyId: string;
  @Field(() => String, { description: 'Compact JWS (ES256, typ `audit-tree-head+jws`) over `{"treeSize","rootHash","publishedAt"}` exactly as given here.' }) signature: string;
}

@ObjectType({ description: "Proof that one audit entry is in the log under a signed tree head (RFC 9162 §2.1.3)." })
@Guard("auditReader")
class AuditInclusionProof {
  @Field(() => AuditEvent, { description: "The entry: recompute its hash from its fields, its leaf hash as SHA-256(0x00 ‖ hash bytes), then the root from auditPath." }) entry: AuditEvent;
  @Field(() => String, { description: "Its leaf index: seq − 1." }) leafIndex: string;
  @Field(() => String, { description: "SHA-256(0x00 ‖ the entry's hash as bytes), hex." }) leafHash: string;
  @Field(() => AuditTreeHead, { description: "The signed head the proof leads to." }) treeHead: AuditTreeHead;
  @Field(() => [String], { description: "The inclusion path, from the leaf's sibling up, hex." }) auditPath: string[];
}

@ObjectType({ description: "Proof that a later signed tree head extends an earlier one: no entry under the earlier head was changed or removed (RFC 9162 §2.1.4)." })
@Guard("auditReader")
class AuditConsistencyProof {
  @Field(() => AuditTreeHead, { description: "The earlier head." }) from: AuditTreeHead;
  @Field(() => AuditTreeHead, { description: "The later head." }) to: AuditTreeHead;
  @Field(() => [String], { description: "The consistency path, hex." }) proof: string[];
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

  @Query(() => AuditTreeHead, { nullable: true, description: "The audit log's latest signed tree head; null before the first is published." })
  @Guard("auditReader")
  auditTreeHead(@Ctx() ctx: HubContext): Promise<AuditTreeHead | null> {
    return ctx.services.auditEvents.treeHead();
  }

  @Query(() => AuditInclusionProof, {
    nullable: true,
    description: "The inclusion proof of an audit entry you may read (your own agency's) against the latest signed tree head, or the one of `treeSize`. BAD_USER_INPUT while no signed head covers the entry yet.",
  })
  @Guard("auditReader", "auditEvent.visible")
  auditProof(@Arg("seq", () => ID) seq: string, @Arg("treeSize", () => String, { nullable: true }) treeSize: string | undefined, @Ctx() ctx: HubContext): Promise<AuditInclusionProof> {
    return ctx.services.auditEvents.proof(seq, treeSize);
  }

  @Query(() => AuditConsistencyProof, { nullable: true, description: "Proves that the signed tree head of size `to` (the latest when omitted) extends the one of size `from`." })
  @Guard("auditReader")
  auditConsistency(@Arg("from", () => String) from: string, @Arg("to", () => String, { nullable: true }) to: string | undefined, @Ctx() ctx: HubContext): Promise<AuditConsistencyProof> {
    return ctx.services.auditEvents.consistency(from, to);
  }

  @Query(() => AuditChainVerification, { nullable: true, description: "Verifies the whole audit log (hash chain, Merkle tree, signed tree heads) and reports the first break." })
  @Guard("auditVerifier")
  @Cost(CHAIN_WALK_COST)
  verifyAuditChain(@Ctx() ctx: HubContext): Promise<AuditChainVerification> {
    return ctx.services.auditEvents.verify();
  }
}
