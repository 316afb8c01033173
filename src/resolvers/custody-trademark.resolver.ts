import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { CustodyStatus, TrademarkAlertKind, TrademarkAlertStatus, TrademarkCategory } from "../domain/trademark-enums";
import { regionName } from "../domain/region-directory";
import { CustodyTrademark, TrademarkAlert } from "../entities/custody-trademark.entity";
import { CreditCodeScalar, LocalDateScalar, RegionCodeScalar } from "../scalars/scalars";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { idempotencyKeyDescription } from "../domain/idempotency-key";
import { Payload } from "./types/payload";

const TrademarkConnection = Connection(CustodyTrademark, "CustodyTrademark", "trademark under custody", "trademarks under custody");
const AlertConnection = Connection(TrademarkAlert, "TrademarkAlert", "trademark alert");

@InputType({ description: "A mark to place under monitoring and custody." })
class PlaceTrademarkUnderCustodyInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => String, { description: "Registration number (注册号)." }) registrationNumber: string;
  @Field(() => Int, { description: "Nice class, 1 to 45." }) niceClass: number;
  @Field(() => String, { description: "The mark." }) markName: string;
  @Field(() => TrademarkCategory, { description: "Why it is monitored." }) category: TrademarkCategory;
  @Field(() => String, { description: "Owner (registrant)." }) ownerName: string;
  @Field(() => CreditCodeScalar, { description: "Owner's unified social credit code." }) ownerCreditCode: string;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Owner's region (default: from the credit code)." }) regionCode?: string;
  @Field(() => String, { description: "Code of the custodian agency." }) custodianAgencyCode: string;
  @Field(() => LocalDateScalar, { description: "Registration day." }) registeredOn: string;
  @Field(() => LocalDateScalar, { description: "Last day of the registration period." }) expiresOn: string;
  @Field(() => String, { nullable: true, description: "Note." }) note?: string;
}

@InputType({ description: "Changes to a mark under custody. The custodian records renewals and notes; the bureau covering the owner's region also changes the custodian or ends custody." })
class UpdateCustodyTrademarkInput {
  @Field(() => LocalDateScalar, { nullable: true, description: "New expiry (a renewal, 续展)." }) expiresOn?: string;
  @Field(() => String, { nullable: true, description: "New custodian agency." }) custodianAgencyCode?: string;
  @Field(() => CustodyStatus, { nullable: true, description: "ENDED to end custody." }) custodyStatus?: CustodyStatus;
  @Field(() => String, { nullable: true, description: "Note." }) note?: string;
}

@InputType({ description: "An alert entered by the custodian." })
class RaiseTrademarkAlertInput {
  @Field(() => String, { description: idempotencyKeyDescription("Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT.") }) idempotencyKey: string;
  @Field(() => ID, { description: "The mark." }) trademarkId: string;
  @Field(() => TrademarkAlertKind, { description: "SIMILAR_FILING or NON_USE_CANCELLATION (EXPIRING is computed)." }) kind: TrademarkAlertKind;
  @Field(() => String, { description: "What was found." }) detail: string;
  @Field(() => String, { nullable: true, description: "Reference, e.g. the similar filing's application number." }) reference?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "Day by which to act (e.g. the opposition or answer deadline)." }) dueOn?: string;
}

@InputType({ description: "A handling step for an alert." })
class HandleTrademarkAlertInput {
  @Field(() => TrademarkAlertStatus, { description: "New status." }) status: TrademarkAlertStatus;
  @Field(() => String, { description: "What was done." }) note: string;
}

@InputType({ description: "Narrows the marks under custody." })
class CustodyTrademarkFilter {
  @Field(() => RegionCodeScalar, { nullable: true, description: "Owner's region (sub-regions included)." }) regionCode?: string;
  @Field(() => Int, { nullable: true, description: "Nice class." }) niceClass?: number;
  @Field(() => TrademarkCategory, { nullable: true, description: "Category." }) category?: TrademarkCategory;
  @Field(() => String, { nullable: true, description: "Custodian agency code." }) custodianAgencyCode?: string;
  @Field(() => String, { nullable: true, description: "Part of the mark." }) markContains?: string;
  @Field(() => CustodyStatus, { nullable: true, description: "Custody status." }) custodyStatus?: CustodyStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: "Expiring on or before this day." }) expiringBefore?: string;
}

@InputType({ description: "Narrows the alerts." })
class TrademarkAlertFilter {
  @Field(() => ID, { nullable: true, description: "The mark." }) trademarkId?: string;
  @Field(() => TrademarkAlertKind, { nullable: true, description: "Kind." }) kind?: TrademarkAlertKind;
  @Field(() => TrademarkAlertStatus, { nullable: true, description: "Status." }) status?: TrademarkAlertStatus;
  @Field(() => RegionCodeScalar, { nullable: true, description: "Owner's region (sub-regions included)." }) regionCode?: string;
  @Field(() => Boolean, { nullable: true, description: "Only OPEN and IN_PROGRESS alerts." }) unresolved?: boolean;
}

const PlaceTrademarkUnderCustodyPayload = Payload("placeTrademarkUnderCustody", "trademark", CustodyTrademark, "mark", "authenticated");

const RaiseTrademarkAlertPayload = Payload("raiseTrademarkAlert", "alert", TrademarkAlert, "alert", "authenticated");

@Resolver(() => CustodyTrademark)
export class CustodyTrademarkResolver {
  @Query(() => TrademarkConnection, { nullable: true, description: "Marks under custody the caller supervises (bureaus and associations in jurisdiction) or keeps (custodian), soonest expiry first." })
  @Guard("authenticated", "custodyTrademark.visible")
  async custodyTrademarks(@Arg("filter", () => CustodyTrademarkFilter, { nullable: true }) filter: CustodyTrademarkFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.custodyTrademarks.list(filter ?? {}, page.first, page.after));
  }

  @Query(() => CustodyTrademark, { nullable: true, description: "One mark under custody; null when it does not exist for the caller." })
  @Guard("authenticated", "custodyTrademark.visible")
  custodyTrademark(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<CustodyTrademark | null> {
    return ctx.services.custodyTrademarks.byId(id);
  }

  @Query(() => AlertConnection, { nullable: true, description: "Alerts about the marks the caller may see, computed EXPIRING alerts included, newest first." })
  @Guard("authenticated", "custodyTrademark.visible")
  async trademarkAlerts(@Arg("filter", () => TrademarkAlertFilter, { nullable: true }) filter: TrademarkAlertFilter | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HubContext) {
    return toConnection(await ctx.services.custodyTrademarks.alerts(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => PlaceTrademarkUnderCustodyPayload, { nullable: true, description: "Places a mark under monitoring and custody (market-regulation bureau covering the owner's region). Idempotent per client system." })
  @Guard("trademarkRegistrar", "custodyTrademark.place")
  placeTrademarkUnderCustody(@Arg("input", () => PlaceTrademarkUnderCustodyInput) input: PlaceTrademarkUnderCustodyInput, @Ctx() ctx: HubContext) {
    return ctx.services.custodyTrademarks.placeUnderCustody(input);
  }

  @Mutation(() => CustodyTrademark, { nullable: true, description: "Updates a mark under custody: a renewal resolves its expiring alert." })
  @Guard("authenticated", "custodyTrademark.supervise", "custodyTrademark.update", "custodyTrademark.visible")
  updateCustodyTrademark(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateCustodyTrademarkInput) input: UpdateCustodyTrademarkInput,
    @Ctx() ctx: HubContext,
  ): Promise<CustodyTrademark> {
    return ctx.services.custodyTrademarks.update(id, expectedVersion, input);
  }

  @Mutation(() => RaiseTrademarkAlertPayload, { nullable: true, description: "Enters an alert about a mark (its custodian). Idempotent per client system." })
  @Guard("authenticated", "custodyTrademark.custodian", "custodyTrademark.visible")
  raiseTrademarkAlert(@Arg("input", () => RaiseTrademarkAlertInput) input: RaiseTrademarkAlertInput, @Ctx() ctx: HubContext) {
    return ctx.services.custodyTrademarks.raiseAlert(input);
  }

  @Mutation(() => TrademarkAlert, { nullable: true, description: "Moves an alert along OPEN → IN_PROGRESS → RESOLVED or DISMISSED (the mark's custodian)." })
  @Guard("authenticated", "custodyTrademark.custodian", "custodyTrademark.visible")
  handleTrademarkAlert(
    @Arg("alertId", () => ID) alertId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => HandleTrademarkAlertInput) input: HandleTrademarkAlertInput,
    @Ctx() ctx: HubContext,
  ): Promise<TrademarkAlert> {
    return ctx.services.custodyTrademarks.handleAlert(alertId, expectedVersion, input);
  }

  @FieldResolver(() => String, { description: "Name of the owner's region." })
  @Guard("trademarkReader")
  regionName(@Root() mark: CustodyTrademark): string {
    return regionName(mark.regionCode);
  }

  @FieldResolver(() => [TrademarkAlert], { description: "Its alerts, newest first, the computed EXPIRING alert included while unhandled." })
  @Guard("trademarkReader")
  alerts(@Root() mark: CustodyTrademark, @Ctx() ctx: HubContext): Promise<TrademarkAlert[]> {
    return ctx.services.custodyTrademarks.alertsOf(mark);
  }
}
