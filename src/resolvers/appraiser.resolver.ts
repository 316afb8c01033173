import { GraphQLResolveInfo, responsePathAsArray } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Guard, Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { AppraiserStatus } from "../domain/directory-enums";
import { Appraiser } from "../entities/appraiser.entity";
import { AppraiserPractice } from "../entities/appraiser-practice.entity";
import { AppraiserStatusEvent } from "../entities/appraiser-status-event.entity";
import { DisciplinarySanction } from "../entities/disciplinary-sanction.entity";
import { ImposeSanctionInput } from "../inputs/disciplinary-sanction.input";
import { Qualification } from "../entities/directory-records";
import { qualificationsValidOn } from "../domain/appraiser-status";
import { LocalDateScalar } from "../scalars/scalars";
import { Institution } from "../entities/institution.entity";
import { AppraiserFilter, RegisterAppraiserInput, UpdateAppraiserInput } from "../inputs/appraiser.input";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";

const RegisterAppraiserPayload = Payload("registerAppraiser", "appraiser", Appraiser, "appraiser", "directoryRegistrar");
const ImposeSanctionPayload = Payload("imposeSanction", "sanction", DisciplinarySanction, "sanction", "disciplinarian");

const AppraiserConnection = Connection(Appraiser, "Appraiser", "appraiser");

@Resolver(() => Appraiser)
export class AppraiserResolver {
  @Query(() => Appraiser, { nullable: true, description: "One appraiser; null when it does not exist for the caller." })
  @Public("appraiser.visible")
  appraiser(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<Appraiser | null> {
    return ctx.services.appraisers.byId(id);
  }

  @Query(() => AppraiserConnection, { description: "Appraisers the caller may see, by name." })
  @Public("appraiser.visible")
  async appraisers(
    @Arg("filter", () => AppraiserFilter, { nullable: true }) filter: AppraiserFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    return toConnection(await ctx.services.appraisers.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => RegisterAppraiserPayload, {
    nullable: true,
    description: "Registers an appraiser at an institution. A registered ID number answers CONFLICT. Answers `{ appraiser replayed }` (until issue 13 it answered the appraiser itself).",
  })
  @Guard("directoryRegistrar", "appraiser.manage", "institution.visible")
  registerAppraiser(@Arg("input", () => RegisterAppraiserInput) input: RegisterAppraiserInput, @Ctx() ctx: HubContext): Promise<Created<Appraiser>> {
    return ctx.services.appraisers.register(input);
  }

  @Mutation(() => Appraiser, { nullable: true, description: "Edits an appraiser and their posts; a stale expectedVersion answers CONFLICT." })
  @Guard("directoryRegistrar", "appraiser.manage", "appraiser.visible", "institution.visible")
  updateAppraiser(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateAppraiserInput) input: UpdateAppraiserInput,
    @Ctx() ctx: HubContext,
  ): Promise<Appraiser> {
    return ctx.services.appraisers.update(id, expectedVersion, input);
  }

  @Mutation(() => Appraiser, {
    nullable: true,
    description: "Suspends, reinstates, revokes or retires an appraiser, with a reason, the decision's document number and the day it takes effect, all kept in `statusHistory`.",
  })
  @Guard("directoryRegistrar", "appraiser.manage", "appraiser.visible")
  changeAppraiserStatus(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("to", () => AppraiserStatus) to: AppraiserStatus,
    @Arg("reason", () => String) reason: string,
    @Arg("decisionDocNo", () => String, { nullable: true, description: "The decision's document number (决定书文号)." }) decisionDocNo: string | null,
    @Arg("effectiveOn", () => LocalDateScalar, { nullable: true, description: "Day it takes effect (default today; not in the future, not before the last recorded status)." }) effectiveOn: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<Appraiser> {
    return ctx.services.appraisers.changeStatus(id, expectedVersion, to, reason, decisionDocNo, effectiveOn);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Resident ID number. Masked (`411502********1232`) for agencies; in full only for a bureau or association in jurisdiction with scope `pii:read` and an X-Case-Ref, and each full read is audited before it is answered. A caller with `pii:read` who gets it masked finds the reason in `extensions.disclosure`. Not for the public.",
  })
  @Guard("authenticated")
  idNumber(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<string> {
    return ctx.services.appraisers.idNumber(appraiser, responsePathAsArray(info.path));
  }

  @FieldResolver(() => String, { nullable: true, description: "Phone: in full (audited) for bureaus and associations in jurisdiction, masked for other agencies, not for the public." })
  @Guard("authenticated")
  phone(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    return ctx.services.appraisers.phone(appraiser, responsePathAsArray(info.path));
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The institution of the appraiser's current post." })
  @Public()
  institution(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return ctx.services.appraisers.institutionOf(appraiser);
  }

  @FieldResolver(() => [AppraiserStatusEvent], { nullable: true, description: "Every status the appraiser had, oldest first: the one registered with, then each decision with its reason, document number, deciding agency and the day it took effect. For agencies." })
  @Guard("appraiserDetails")
  statusHistory(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<AppraiserStatusEvent[]> {
    return ctx.services.appraisers.statusHistory(appraiser);
  }

  @FieldResolver(() => AppraiserStatus, { nullable: true, description: "The status in force on `date` (was the appraiser practising the day a case was entrusted?): the status registered with holds until the first decision. For agencies." })
  @Guard("appraiserDetails")
  statusOn(@Root() appraiser: Appraiser, @Arg("date", () => LocalDateScalar) date: string, @Ctx() ctx: HubContext): Promise<AppraiserStatus | null> {
    return ctx.services.appraisers.statusOn(appraiser, date);
  }

  @FieldResolver(() => [Qualification], { nullable: true, description: "The qualifications valid on `date`: begun by then and not yet expired. For agencies." })
  @Guard("appraiserDetails")
  qualificationsValidOn(@Root() appraiser: Appraiser, @Arg("date", () => LocalDateScalar) date: string): Qualification[] {
    return qualificationsValidOn(appraiser.qualifications, date);
  }

  @FieldResolver(() => [DisciplinarySanction], { nullable: true, description: "Sanctions industry associations imposed under their charters (行业惩戒), newest first: for agencies. They do not change the status." })
  @Guard("appraiserDetails")
  sanctions(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<DisciplinarySanction[]> {
    return ctx.services.sanctions.forAppraiser(appraiser);
  }

  @Mutation(() => ImposeSanctionPayload, {
    nullable: true,
    description: "An industry association imposes a sanction on an appraiser in its jurisdiction under its charter (行业惩戒: 通报批评, 公开谴责, 取消会员资格). It is kept with the appraiser; it does not change the status, which is a bureau's decision. Idempotent per client system.",
  })
  @Guard("disciplinarian", "disciplinarySanction.impose", "appraiser.visible")
  imposeSanction(@Arg("input", () => ImposeSanctionInput) input: ImposeSanctionInput, @Ctx() ctx: HubContext): Promise<Created<DisciplinarySanction>> {
    return ctx.services.sanctions.impose(input);
  }

  @FieldResolver(() => [AppraiserPractice], { nullable: true, description: "Posts, newest first (at most one active full-time post): for agencies." })
  @Guard("appraiserDetails")
  practiceHistory(@Root() appraiser: Appraiser, @Ctx() ctx: HubContext): Promise<AppraiserPractice[]> {
    return ctx.services.appraisers.practices(appraiser);
  }
}

@Resolver(() => AppraiserPractice)
export class AppraiserPracticeResolver {
  @FieldResolver(() => Institution, { nullable: true, description: "The institution of this post." })
  @Guard("agencyReader")
  institution(@Root() practice: AppraiserPractice, @Ctx() ctx: HubContext): Promise<Institution | null> {
    return ctx.services.appraisers.institutionOfPractice(practice);
  }
}
