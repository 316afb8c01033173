import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../policy/guard";
import type { HubContext } from "../context/context";
import { regionName } from "../domain/region-directory";
import { CustodyTrademark, TrademarkAlert } from "../entities/custody-trademark.entity";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import { CustodyTrademarkFilter, HandleTrademarkAlertInput, PlaceTrademarkUnderCustodyInput, RaiseTrademarkAlertInput, TrademarkAlertFilter, UpdateCustodyTrademarkInput } from "../inputs/custody-trademark.input";

const TrademarkConnection = Connection(CustodyTrademark, "CustodyTrademark", "trademark under custody", "trademarks under custody");
const AlertConnection = Connection(TrademarkAlert, "TrademarkAlert", "trademark alert");

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
