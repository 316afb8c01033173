import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { CollaborationEvent, CollaborationParticipant, CollaborationRecord } from "../entities/collaboration-record.entity";
import { Institution } from "../entities/institution.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";
import { CollaborationEventInput, CollaborationRecordFilter, OpenCollaborationInput } from "../inputs/collaboration-record.input";

const CollaborationRecordConnection = Connection(CollaborationRecord, "CollaborationRecord", "collaboration record");

@ObjectType({ description: "How fast the participants answered, in hours from sending." })
@Guard("authenticated")
class CollaborationResponseTimes {
  @Field(() => Float, { nullable: true, description: "Until the first acceptance by a participant." }) hoursToAccept: number | null;
  @Field(() => Float, { nullable: true, description: "Until closing." }) hoursToClose: number | null;
}

const OpenCollaborationPayload = Payload("openCollaboration", "record", CollaborationRecord, "record", "authenticated");

@Resolver(() => CollaborationRecord)
export class CollaborationRecordResolver {
  @Query(() => CollaborationRecord, { nullable: true, description: "One collaboration record; null unless the caller is a party or a bureau covering its region." })
  @Guard("authenticated", "collaborationRecord.visible")
  collaborationRecord(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<CollaborationRecord | null> {
    return ctx.services.collaborationRecords.byId(id);
  }

  @Query(() => CollaborationRecordConnection, { nullable: true, description: "Collaboration records the caller is party to, or supervises as the bureau covering their region; newest first." })
  @Guard("authenticated", "collaborationRecord.visible")
  async collaborationRecords(@Arg("filter", () => CollaborationRecordFilter, { nullable: true }) filter: CollaborationRecordFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.collaborationRecords.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => OpenCollaborationPayload, { nullable: true, description: "Opens a collaboration record with the agencies involved (any agency may). Idempotent per client system." })
  @Guard("authenticated", "appraisalCase.visible", "institution.visible")
  async openCollaboration(@Arg("input", () => OpenCollaborationInput) input: OpenCollaborationInput, @Ctx() ctx: HubContext): Promise<Created<CollaborationRecord>> {
    return ctx.services.collaborationRecords.open(input);
  }

  @Mutation(() => CollaborationRecord, { nullable: true, description: "Adds a step to a collaboration's timeline (parties only; only the initiator sends and closes)." })
  @Guard("authenticated", "collaborationRecord.initiator", "collaborationRecord.party", "collaborationRecord.visible")
  addCollaborationEvent(
    @Arg("recordId", () => ID) recordId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => CollaborationEventInput) input: CollaborationEventInput,
    @Ctx() ctx: HubContext,
  ): Promise<CollaborationRecord> {
    return ctx.services.collaborationRecords.addEvent(recordId, expectedVersion, input);
  }

  @FieldResolver(() => [CollaborationParticipant], { description: "The parties." })
  @Guard("authenticated")
  participants(@Root() record: CollaborationRecord, @Ctx() ctx: HubContext): Promise<CollaborationParticipant[]> {
    return ctx.services.collaborationRecords.participants(record);
  }

  @FieldResolver(() => [CollaborationEvent], { description: "The timeline, oldest first." })
  @Guard("authenticated")
  timeline(@Root() record: CollaborationRecord, @Ctx() ctx: HubContext): Promise<CollaborationEvent[]> {
    return ctx.services.collaborationRecords.timeline(record);
  }

  @FieldResolver(() => [Institution], { description: "Related institutions the caller may see." })
  @Guard("authenticated")
  relatedInstitutions(@Root() record: CollaborationRecord, @Ctx() ctx: HubContext): Promise<Institution[]> {
    return ctx.services.collaborationRecords.relatedInstitutions(record);
  }

  @FieldResolver(() => [AppraisalCase], { description: "Related appraisal cases the caller may see." })
  @Guard("authenticated")
  relatedCases(@Root() record: CollaborationRecord, @Ctx() ctx: HubContext): Promise<AppraisalCase[]> {
    return ctx.services.collaborationRecords.relatedCases(record);
  }

  @FieldResolver(() => CollaborationResponseTimes, { description: "Response times, for statistics." })
  @Guard("authenticated")
  responseTimes(@Root() record: CollaborationRecord, @Ctx() ctx: HubContext): Promise<CollaborationResponseTimes> {
    return ctx.services.collaborationRecords.responseTimes(record);
  }
}
