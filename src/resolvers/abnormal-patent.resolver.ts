import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { AbnormalPatentGrouping, AbnormalPatentStatus } from "../domain/abnormal-patent-enums";
import { regionName } from "../domain/region-directory";
import { AbnormalPatentBatch, AbnormalPatentEvent, AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import { CreditRecord } from "../entities/credit-record.entity";
import { LocalDateScalar } from "../scalars/scalars";
import type { WithdrawalRate } from "../services/abnormal-patent-rates";
import { AbnormalPatentBatchFilter, AbnormalPatentHandlingInput, AbnormalPatentItemFilter, ImportAbnormalPatentBatchInput } from "../inputs/abnormal-patent.input";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";

const BatchConnection = Connection(AbnormalPatentBatch, "AbnormalPatentBatch", "abnormal patent batch", "abnormal patent batches");
const ItemConnection = Connection(AbnormalPatentItem, "AbnormalPatentItem", "abnormal patent item");

@ObjectType({ description: "Counts of a group of abnormal patent items and its withdrawal rate = WITHDRAWN ÷ (ALL − APPEAL_UPHELD)." })
@Guard("patentBureau")
class AbnormalPatentRate {
  @Field(() => String, { description: "Batch id, region code or patent agency code ('' for items without an agency)." }) key: string;
  @Field(() => String, { description: "Batch number, region name or agency name." }) label: string;
  @Field(() => Int, { description: "Items." }) itemCount: number;
  @Field(() => Int, { description: "WITHDRAWN." }) withdrawnCount: number;
  @Field(() => Int, { description: "APPEALED, awaiting a decision." }) appealedCount: number;
  @Field(() => Int, { description: "APPEAL_UPHELD (left out of the rate's denominator)." }) appealUpheldCount: number;
  @Field(() => Int, { description: "OVERDUE." }) overdueCount: number;
  @Field(() => Int, { description: "ESCALATED." }) escalatedCount: number;
  @Field(() => Float, { nullable: true, description: "Withdrawal rate, 0 to 1; null when no item is left to withdraw." }) withdrawalRate: number | null;
  @Field(() => Float, { description: "The target rate (configuration, 0.9 by default)." }) withdrawalTarget: number;
  @Field(() => Boolean, { nullable: true, description: "Whether the rate reaches the target." }) meetsTarget: boolean | null;
}

@ObjectType({ description: "An item the import refused, by its position in the input." })
@Guard("patentImporter")
class AbnormalPatentImportRejection {
  @Field(() => Int, { description: "Position of the item in `items` (1 for the first)." }) index: number;
  @Field(() => String, { description: "The item's field at fault, e.g. applicationNumber." }) field: string;
  @Field(() => String, { description: "Error code (BAD_USER_INPUT, CONFLICT, FORBIDDEN)." }) code: string;
  @Field(() => String, { description: "What is wrong." }) message: string;
}

@ObjectType({ description: "What importAbnormalPatentBatch did." })
@Guard("patentImporter")
class AbnormalPatentImportReport {
  @Field(() => AbnormalPatentBatch, { nullable: true, description: "The batch (null when nothing was written to a new batch)." }) batch: AbnormalPatentBatch | null;
  @Field(() => Int, { description: "Items created (or, in a dry run, that would be)." }) created: number;
  @Field(() => Int, { description: "Items already in the batch with the same particulars." }) unchanged: number;
  @Field(() => [AbnormalPatentImportRejection], { description: "Items refused." }) rejected: AbnormalPatentImportRejection[];
  @Field(() => Boolean, { description: "True when nothing was written on purpose." }) dryRun: boolean;
}

const AbnormalPatentHandlingPayload = Payload("recordAbnormalPatentHandling", "item", AbnormalPatentItem, "item after the step", "patentBureau", "AbnormalPatentHandlingPayload");

@Resolver(() => AbnormalPatentBatch)
export class AbnormalPatentBatchResolver {
  @Query(() => BatchConnection, { nullable: true, description: "Abnormal patent batches with items in the caller's jurisdiction (market-regulation bureaus), newest first." })
  @Guard("patentBureau", "abnormalPatent.visible", "abnormalPatentBatch.visible")
  async abnormalPatentBatches(@Arg("filter", () => AbnormalPatentBatchFilter, { nullable: true }) filter: AbnormalPatentBatchFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.abnormalPatents.batches(filter ?? {}, page.first, page.after));
  }

  @Query(() => AbnormalPatentBatch, { nullable: true, description: "One batch; null unless it has items in the caller's jurisdiction." })
  @Guard("patentBureau", "abnormalPatent.visible", "abnormalPatentBatch.visible")
  abnormalPatentBatch(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<AbnormalPatentBatch | null> {
    return ctx.services.abnormalPatents.batchById(id);
  }

  @Query(() => [AbnormalPatentRate], { nullable: true, description: "Withdrawal rates over the items in the caller's jurisdiction matching the filter, per batch, region or patent agency." })
  @Guard("patentBureau", "abnormalPatent.visible")
  abnormalPatentWithdrawalRates(
    @Arg("groupBy", () => AbnormalPatentGrouping) groupBy: AbnormalPatentGrouping,
    @Arg("filter", () => AbnormalPatentItemFilter, { nullable: true }) filter: AbnormalPatentItemFilter | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<WithdrawalRate[]> {
    return ctx.services.withdrawalRates.rates(groupBy, filter ?? {});
  }

  @Mutation(() => AbnormalPatentImportReport, { nullable: true, description: "Imports a batch (province-level bureaus and above). Items are allocated to the bureau of the applicant's county, or city; re-importing an item changes nothing." })
  @Guard("patentImporter", "abnormalPatent.extendBatch", "abnormalPatent.importItem")
  importAbnormalPatentBatch(@Arg("input", () => ImportAbnormalPatentBatchInput) input: ImportAbnormalPatentBatchInput, @Ctx() ctx: HubContext) {
    return ctx.services.abnormalPatentImport.importBatch(input);
  }

  @FieldResolver(() => Int, { description: "Items in the caller's jurisdiction." })
  @Guard("patentBureau")
  async itemCount(@Root() batch: AbnormalPatentBatch, @Ctx() ctx: HubContext): Promise<number> {
    return (await ctx.services.withdrawalRates.batchTotals(batch)).itemCount;
  }

  @FieldResolver(() => Int, { description: "WITHDRAWN items in the caller's jurisdiction." })
  @Guard("patentBureau")
  async withdrawnCount(@Root() batch: AbnormalPatentBatch, @Ctx() ctx: HubContext): Promise<number> {
    return (await ctx.services.withdrawalRates.batchTotals(batch)).withdrawnCount;
  }

  @FieldResolver(() => Float, { nullable: true, description: "WITHDRAWN ÷ (ALL − APPEAL_UPHELD) over the items in the caller's jurisdiction." })
  @Guard("patentBureau")
  async withdrawalRate(@Root() batch: AbnormalPatentBatch, @Ctx() ctx: HubContext): Promise<number | null> {
    return (await ctx.services.withdrawalRates.batchTotals(batch)).withdrawalRate;
  }

  @FieldResolver(() => AbnormalPatentRate, { description: "All the batch's counts over the items in the caller's jurisdiction." })
  @Guard("patentBureau")
  totals(@Root() batch: AbnormalPatentBatch, @Ctx() ctx: HubContext): Promise<WithdrawalRate> {
    return ctx.services.withdrawalRates.batchTotals(batch);
  }

  @FieldResolver(() => [AbnormalPatentRate], { description: "Per region (county) of the applicants." })
  @Guard("patentBureau")
  byRegion(@Root() batch: AbnormalPatentBatch, @Ctx() ctx: HubContext): Promise<WithdrawalRate[]> {
    return ctx.services.withdrawalRates.batchRates(batch, AbnormalPatentGrouping.REGION);
  }

  @FieldResolver(() => [AbnormalPatentRate], { description: "Per patent agency." })
  @Guard("patentBureau")
  byPatentAgency(@Root() batch: AbnormalPatentBatch, @Ctx() ctx: HubContext): Promise<WithdrawalRate[]> {
    return ctx.services.withdrawalRates.batchRates(batch, AbnormalPatentGrouping.PATENT_AGENCY);
  }
}

@Resolver(() => AbnormalPatentItem)
export class AbnormalPatentItemResolver {
  @Query(() => ItemConnection, { nullable: true, description: "Abnormal patent items in the caller's jurisdiction (market-regulation bureaus), by application number." })
  @Guard("patentBureau", "abnormalPatent.visible")
  async abnormalPatentItems(@Arg("filter", () => AbnormalPatentItemFilter, { nullable: true }) filter: AbnormalPatentItemFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.abnormalPatents.items(filter ?? {}, page.first, page.after));
  }

  @Query(() => AbnormalPatentItem, { nullable: true, description: "One item; null unless it is in the caller's jurisdiction." })
  @Guard("patentBureau", "abnormalPatent.visible")
  abnormalPatentItem(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<AbnormalPatentItem | null> {
    return ctx.services.abnormalPatents.itemById(id);
  }

  @Mutation(() => AbnormalPatentHandlingPayload, { nullable: true, description: "Records a handling step (the bureau the item is allocated to). ESCALATE creates the credit record, once." })
  @Guard("patentBureau", "abnormalPatent.handle", "abnormalPatent.visible")
  recordAbnormalPatentHandling(
    @Arg("itemId", () => ID) itemId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => AbnormalPatentHandlingInput) input: AbnormalPatentHandlingInput,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.services.abnormalPatentHandling.handle(itemId, expectedVersion, input);
  }

  @FieldResolver(() => AbnormalPatentStatus, { description: "Status; OVERDUE when still waiting for the applicant after the batch's deadline." })
  @Guard("patentSupervisor")
  status(@Root() item: AbnormalPatentItem, @Ctx() ctx: HubContext): Promise<AbnormalPatentStatus> {
    return ctx.services.abnormalPatents.effectiveStatus(item);
  }

  @FieldResolver(() => AbnormalPatentBatch, { description: "The batch." })
  @Guard("patentSupervisor")
  batch(@Root() item: AbnormalPatentItem, @Ctx() ctx: HubContext): Promise<AbnormalPatentBatch> {
    return ctx.services.abnormalPatents.batchOf(item);
  }

  @FieldResolver(() => LocalDateScalar, { description: "The batch's deadline." })
  @Guard("patentSupervisor")
  async deadline(@Root() item: AbnormalPatentItem, @Ctx() ctx: HubContext): Promise<string> {
    return (await ctx.services.abnormalPatents.batchOf(item)).deadline;
  }

  @FieldResolver(() => String, { description: "Name of the applicant's region." })
  @Guard("patentSupervisor")
  regionName(@Root() item: AbnormalPatentItem): string {
    return regionName(item.regionCode);
  }

  @FieldResolver(() => [AbnormalPatentEvent], { description: "Handling steps, oldest first." })
  @Guard("patentSupervisor")
  history(@Root() item: AbnormalPatentItem, @Ctx() ctx: HubContext): Promise<AbnormalPatentEvent[]> {
    return ctx.services.abnormalPatents.history(item);
  }

  @FieldResolver(() => CreditRecord, { nullable: true, description: "The credit record the escalation created." })
  @Guard("patentSupervisor")
  creditRecord(@Root() item: AbnormalPatentItem, @Ctx() ctx: HubContext): Promise<CreditRecord | null> {
    return ctx.services.abnormalPatents.creditRecord(item);
  }
}
