import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { selectedColumns } from "../loaders/column-selection";
import { Guard, Public } from "../policy/guard";
import type { HubContext } from "../context/context";
import { InstitutionGrade, ListingLevel, ListingStatus } from "../domain/directory-enums";
import { InstitutionGradeRecord } from "../entities/institution-grade.entity";
import { RecordInstitutionGradeInput } from "../inputs/institution-grade.input";
import { PublicEvaluation } from "./public-evaluation.types";
import { findRegion } from "../domain/region-directory";
import { Appraiser, APPRAISER_COLUMN_NEEDS } from "../entities/appraiser.entity";
import { Institution } from "../entities/institution.entity";
import { ListingEvent } from "../entities/listing-event.entity";
import { BadUserInputError } from "../errors/errors";
import { CreditCodeScalar, LocalDateScalar } from "../scalars/scalars";
import { InstitutionFilter, RegisterInstitutionInput, UpdateInstitutionInput } from "../inputs/institution.input";
import { Connection, toConnection } from "./types/connection";
import { PageArgs } from "./types/page-args";
import { Payload } from "./types/payload";
import type { Created } from "../services/command-runner";

const RegisterInstitutionPayload = Payload("registerInstitution", "institution", Institution, "institution", "directoryRegistrar");
const RegisterInstitutionAgencyPayload = Payload("registerInstitutionAgency", "institution", Institution, "institution, with its own agency", "directoryRegistrar");

const RecordInstitutionGradePayload = Payload("recordInstitutionGrade", "grade", InstitutionGradeRecord, "grade", "gradeAssessor");

const InstitutionConnection = Connection(Institution, "Institution", "institution");

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => Institution, { nullable: true, description: "One institution by `id` or by `creditCode` (give exactly one). Null when it does not exist for the caller." })
  @Public("institution.visible")
  institution(
    @Arg("id", () => ID, { nullable: true }) id: string | undefined,
    @Arg("creditCode", () => CreditCodeScalar, { nullable: true }) creditCode: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<Institution | null> {
    if ((id === undefined) === (creditCode === undefined)) throw new BadUserInputError("Give exactly one of id and creditCode.", id === undefined ? "id" : "creditCode");
    return id !== undefined ? ctx.services.institutions.byId(id) : ctx.services.institutions.byCreditCode(creditCode!);
  }

  @Query(() => InstitutionConnection, { description: "Institutions the caller may see, by name." })
  @Public("institution.visible")
  async institutions(
    @Arg("filter", () => InstitutionFilter, { nullable: true }) filter: InstitutionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    return toConnection(await ctx.services.institutions.list(filter ?? {}, page.first, page.after));
  }

  @Mutation(() => RegisterInstitutionPayload, {
    nullable: true,
    description: "Registers an institution (NOT_LISTED). For the market-regulation bureau of its region; a registered credit code answers CONFLICT. Answers `{ institution replayed }` (until issue 13 it answered the institution itself).",
  })
  @Guard("directoryRegistrar", "institution.register")
  registerInstitution(@Arg("input", () => RegisterInstitutionInput) input: RegisterInstitutionInput, @Ctx() ctx: HubContext): Promise<Created<Institution>> {
    return ctx.services.institutions.register(input);
  }

  @Mutation(() => RegisterInstitutionAgencyPayload, {
    nullable: true,
    description: "Registers the own agency (kind APPRAISAL_INSTITUTION) and `default` client system of an institution already in the directory, e.g. when it is listed, so its case system can report progress. For the bureau covering it; an institution has one.",
  })
  @Guard("directoryRegistrar", "institution.register", "institution.visible")
  registerInstitutionAgency(
    @Arg("institutionId", () => ID) institutionId: string,
    @Arg("agencyCode", () => String) agencyCode: string,
    @Arg("idempotencyKey", () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<Created<Institution>> {
    return ctx.services.institutions.registerAgencyOf(institutionId, agencyCode, idempotencyKey);
  }

  @Mutation(() => Institution, { nullable: true, description: "Edits an institution. For the market-regulation bureau of its region; a stale expectedVersion answers CONFLICT." })
  @Guard("directoryRegistrar", "institution.register", "institution.visible")
  updateInstitution(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => UpdateInstitutionInput) input: UpdateInstitutionInput,
    @Ctx() ctx: HubContext,
  ): Promise<Institution> {
    return ctx.services.institutions.update(id, expectedVersion, input);
  }

  @Mutation(() => Institution, {
    nullable: true,
    description:
      "Moves the listing register one step (名录库动态调整) and records the decision. Bureaus of the region decide; associations may only recommend. Moves outside the state machine answer INVALID_STATE_TRANSITION; so do moves the listing conditions refuse, with extension `reason`: admission (UNDER_REVIEW → LISTED) needs a verified compliance with a catalogue standard in force (NO_VERIFIED_STANDARD) and HUB_LISTING_MIN_APPRAISERS active appraisers, 3 by default (TOO_FEW_APPRAISERS); a REJECTED or REMOVED institution may be recommended again after HUB_REAPPLICATION_WAIT_MONTHS (0) or HUB_RELISTING_WAIT_MONTHS (12) (WAITING_PERIOD).",
  })
  @Guard("listingDecider", "institution.decideListing", "institution.listingMove", "institution.visible")
  changeListingStatus(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("to", () => ListingStatus) to: ListingStatus,
    @Arg("reason", () => String) reason: string,
    @Arg("decisionDocNo", () => String, { nullable: true }) decisionDocNo: string | undefined,
    @Arg("effectiveOn", () => LocalDateScalar, { nullable: true, description: "Day it takes effect: today by default; not in the future, not before the previous decision." }) effectiveOn: string | undefined,
    @Arg("listingLevel", () => ListingLevel, { nullable: true, description: "Directory level, with a move to LISTED." }) listingLevel: ListingLevel | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<Institution> {
    return ctx.services.institutions.changeListingStatus({ id, expectedVersion, to, reason, decisionDocNo, effectiveOn, listingLevel });
  }

  @Mutation(() => Institution, {
    nullable: true,
    description:
      "Moves a LISTED institution to another directory level (名录库互荐共享, e.g. MUNICIPAL → PROVINCIAL) as a register decision of its own (LISTED → LISTED at the new level); the listing continues. For a bureau covering the institution at the target level or above; an institution not LISTED answers INVALID_STATE_TRANSITION.",
  })
  @Guard("directoryRegistrar", "institution.decideListingLevel", "institution.visible")
  changeListingLevel(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("level", () => ListingLevel) level: ListingLevel,
    @Arg("reason", () => String) reason: string,
    @Arg("decisionDocNo", () => String, { nullable: true }) decisionDocNo: string | undefined,
    @Arg("effectiveOn", () => LocalDateScalar, { nullable: true, description: "Day it takes effect: today by default; not in the future, not before the previous decision." }) effectiveOn: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<Institution> {
    return ctx.services.institutions.changeListingLevel({ id, expectedVersion, level, reason, decisionDocNo, effectiveOn });
  }

  @FieldResolver(() => [ListingEvent], { nullable: true, description: "The listing register's decisions about it, newest first, with reasons: for agencies." })
  @Guard("institutionDetails")
  listingHistory(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<ListingEvent[]> {
    return ctx.services.institutions.listingHistory(institution);
  }

  @FieldResolver(() => ListingStatus, { description: "Its listing status on a given day, from the register: \"was it listed on the day we entrusted it?\"" })
  @Public()
  listingStatusOn(@Root() institution: Institution, @Arg("date", () => LocalDateScalar) date: string, @Ctx() ctx: HubContext): Promise<ListingStatus> {
    return ctx.services.institutions.listingStatusOn(institution, date);
  }

  @FieldResolver(() => [Appraiser], { description: "Its current appraisers, by name." })
  @Public()
  appraisers(@Root() institution: Institution, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo): Promise<Appraiser[]> {
    return ctx.services.appraisers.appraisersOf(institution, selectedColumns(info, Appraiser, APPRAISER_COLUMN_NEEDS));
  }

  @FieldResolver(() => String, { nullable: true, description: "Code of the institution's own agency (its case system's), if it has one: for the bureaus and associations covering it." })
  @Guard("institutionSupervisor")
  async agencyCode(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await ctx.services.agencies.ofInstitution(institution.id))?.code ?? null;
  }

  @FieldResolver(() => InstitutionGrade, { nullable: true, description: "Grade from the industry association's evaluation (等级评价) in force today: the latest, unless it has lapsed." })
  @Public()
  grade(@Root() institution: Institution, @Ctx() ctx: HubContext): InstitutionGrade | null {
    return ctx.services.institutionGrades.current(institution);
  }

  @FieldResolver(() => [InstitutionGradeRecord], { description: "The association's grades, the latest decision first, with their decisions and validity." })
  @Public()
  gradeHistory(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<InstitutionGradeRecord[]> {
    return ctx.services.institutionGrades.history(institution);
  }

  @FieldResolver(() => PublicEvaluation, {
    nullable: true,
    description: "Published evaluation of a LISTED institution (及时公开评价结果): agencies' feedback over 12 months, aggregated and withheld below HUB_STATISTICS_MIN_COUNT items, and its latest inspection. Null while not listed. Public.",
  })
  @Public()
  publicEvaluation(@Root() institution: Institution, @Ctx() ctx: HubContext): Promise<PublicEvaluation | null> {
    return ctx.services.institutionEvaluations.of(institution);
  }

  @Mutation(() => RecordInstitutionGradePayload, {
    nullable: true,
    description: "The industry association covering an institution records its grade (等级评价) with the decision's day, validity and document number; the history is kept and the institution shows the grade decided last while it is valid. Idempotent per client system.",
  })
  @Guard("gradeAssessor", "institution.grade", "institution.visible")
  recordInstitutionGrade(@Arg("input", () => RecordInstitutionGradeInput) input: RecordInstitutionGradeInput, @Ctx() ctx: HubContext): Promise<Created<InstitutionGradeRecord>> {
    return ctx.services.institutionGrades.record(input);
  }

  @FieldResolver(() => String, { nullable: true, description: "Name of its region, e.g. 信阳市." })
  @Public()
  regionName(@Root() institution: Institution): string | null {
    return findRegion(institution.regionCode)?.name ?? null;
  }
}
