import { allow, rule } from "graphql-shield";
import type { ShieldRule } from "graphql-shield/typings/types";
import type { HubContext } from "../context/context";
import type { Agency } from "../entities/agency.entity";
import { WEB_CLIENT_NAME, type ClientSystem } from "../entities/client-system.entity";
import type { WebhookSubscription } from "../entities/webhook-subscription.entity";
import type { WebhookDelivery } from "../entities/webhook-delivery.entity";
import { webhookSubscriptionVisibility } from "./webhook-subscription.visibility";
import type { IdentityProvider } from "../entities/identity-provider.entity";
import type { Institution } from "../entities/institution.entity";
import type { Appraiser } from "../entities/appraiser.entity";
import type { CreditRecord } from "../entities/credit-record.entity";
import type { AppraisalCase } from "../entities/appraisal-case.entity";
import type { AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import type { CustodyTrademark } from "../entities/custody-trademark.entity";
import { SCOPES } from "../auth/scopes";
import { AgencyKind } from "../entities/agency-kind";
import type { Viewer } from "../auth/viewer";
import { bureauCovering, CASE_PARTIES, COMPLAINANTS, DIRECTORY_READERS, ENFORCEMENT, ENTRUSTERS, FEEDBACK_POSTERS, isBureau, OVERSIGHT, oversightCovering, provinceBureau } from "./agency-groups";
import { predicate } from "./decision";
import { custodyTrademarkVisibility } from "./custody-trademark.visibility";
import { abnormalPatentVisibility } from "./abnormal-patent.visibility";

/**
 * The field and operation rules: whether a field, query or mutation may be used at all. Types and fields
 * name one of these with `@Guard`. Which records a list or lookup returns is the row layer
 * (`*.visibility.ts`); whether this caller may change this record, the write layer (`*.permissions.ts`).
 *
 * Rules that read only the caller are cached per request (`contextual`); rules that read the parent row are
 * never cached (`no_cache`), so one row's answer is never reused for another.
 */

// --- rules about the caller alone (also the first half of the write permissions) ---------------------------
export const authenticated = predicate("authenticated", "rule", "any authenticated agency", (viewer: Viewer) => !viewer.isAnonymous);
export const clientManager = predicate("clientManager", "rule", "systems holding the clients:manage scope", (viewer: Viewer) => !viewer.isAnonymous && viewer.hasScope(SCOPES.CLIENTS_MANAGE));
export const agencyReader = predicate("agencyReader", "rule", "courts, procuratorates, police, bureaus and associations", (viewer: Viewer) => viewer.isKind(...DIRECTORY_READERS));
export const directoryRegistrar = predicate("directoryRegistrar", "rule", "market-regulation bureaus", isBureau);
export const listingDecider = predicate("listingDecider", "rule", "bureaus and associations", (viewer: Viewer) => viewer.isKind(...OVERSIGHT));
export const entruster = predicate("entruster", "rule", "courts, procuratorates, police, bureaus, arbitration and mediation bodies", (viewer: Viewer) => viewer.isKind(...ENTRUSTERS));
export const caseParty = predicate("caseParty", "rule", "the kinds of a case's parties: entrusters and institutions", (viewer: Viewer) => viewer.isKind(...CASE_PARTIES));
/** Bureaus too, about the cases they entrusted (`caseFeedback.post`). */
export const feedbackPoster = predicate("feedbackPoster", "rule", "courts, procuratorates, police, arbitration and mediation bodies; bureaus", (viewer: Viewer) => viewer.isKind(...FEEDBACK_POSTERS) || isBureau(viewer));
/** 执业活动投诉: complaints about institutions and appraisers, inside or outside a case, possibly on behalf of a party. */
export const complainant = predicate("complainant", "rule", "courts, procuratorates, police, bureaus, associations, arbitration and mediation bodies", (viewer: Viewer) => viewer.isKind(...COMPLAINANTS));
export const supervisor = predicate("supervisor", "rule", "bureaus and associations", (viewer: Viewer) => viewer.isKind(...OVERSIGHT));
/** 行业惩戒: the industry associations, under their own charters (a bureau decides an appraiser's status instead). */
export const disciplinarian = predicate("disciplinarian", "rule", "industry associations", (viewer: Viewer) => viewer.isKind(AgencyKind.INDUSTRY_ASSOCIATION));
/** The standards catalogue is shared by every region: the bureaus at province level and above keep it. */
export const standardsCurator = predicate("standardsCurator", "rule", "market-regulation bureaus at province level and above", provinceBureau);
/** 受理公众举报: the bureaus triage what the public reports (which reports, `publicReport.visible`). */
export const reportTriager = predicate("reportTriager", "rule", "market-regulation bureaus", isBureau);
/** 案例库: bureaus and associations publish typical cases (which cases: `typicalCase.publish`). */
export const caseLibrarian = predicate("caseLibrarian", "rule", "bureaus and associations", (viewer: Viewer) => viewer.isKind(...OVERSIGHT));
/** 等级评价: the industry associations grade institutions (a bureau no longer sets the grade). */
export const gradeAssessor = predicate("gradeAssessor", "rule", "industry associations", (viewer: Viewer) => viewer.isKind(AgencyKind.INDUSTRY_ASSOCIATION));
/** 移出名录库: the bureaus review and decide the removals that credit determinations propose (which: `removalProposal.decide`). */
export const removalDecider = predicate("removalDecider", "rule", "market-regulation bureaus", isBureau);
export const creditDecider = predicate("creditDecider", "rule", "market-regulation bureaus", isBureau);
/** 定期汇总上报: the bureaus make the monthly supervision reports (which regions: `statistics.region`). */
export const supervisionReporter = predicate("supervisionReporter", "rule", "market-regulation bureaus", isBureau);
export const patentBureau = predicate("patentBureau", "rule", "market-regulation bureaus", isBureau);
export const patentImporter = predicate("patentImporter", "rule", "market-regulation bureaus at province level and above", provinceBureau);
export const trademarkRegistrar = predicate("trademarkRegistrar", "rule", "market-regulation bureaus", isBureau);
export const statisticsReader = predicate("statisticsReader", "rule", "courts, procuratorates, police, bureaus and associations", (viewer: Viewer) => viewer.isKind(...DIRECTORY_READERS));
export const auditReader = predicate("auditReader", "rule", "courts, procuratorates, police and bureaus", (viewer: Viewer) => viewer.isKind(...ENFORCEMENT) || isBureau(viewer));
export const auditVerifier = predicate("auditVerifier", "rule", "market-regulation bureaus at province level and above", provinceBureau);
export const hubOperator = predicate("hubOperator", "rule", "the operator at the hub's command line (hub agency add, hub client add)", (viewer: Viewer) => viewer.operator !== undefined);
export const registryAdministrator = predicate("registryAdministrator", "rule", "market-regulation bureaus at province level and above holding the registry:admin scope", (viewer: Viewer) =>
  provinceBureau(viewer) && viewer.hasScope(SCOPES.REGISTRY_ADMIN),
);
/**
 * The router: the client system a federation router (or the pipeline composing the supergraph) calls with,
 * known by the `graph:compose` scope, which only the hub's operator grants. Requests the router forwards
 * carry the agency's own token, so nothing else the router does is decided by this.
 */
export const graphRouter = predicate("graphRouter", "rule", "the federation router: client systems holding the graph:compose scope", (viewer: Viewer) => !viewer.isAnonymous && viewer.hasScope(SCOPES.GRAPH_COMPOSE));
/**
 * `_service { sdl }`, the subgraph's SDL with its federation directives. Registry administrators and the
 * router always. While introspection is on (outside production by default) any authenticated caller, as
 * before: the same schema is then public anyway, through introspection and `/schema.graphql`. With it off
 * (production) an agency's token no longer reads the schema this way.
 */
export const subgraphSchemaReader = predicate(
  "subgraphSchemaReader",
  "rule",
  "registry administrators and the router; any agency while introspection is on (outside production by default)",
  (viewer: Viewer, introspection: boolean) => registryAdministrator(viewer) || graphRouter(viewer) || (introspection && authenticated(viewer)),
);

/**
 * Webhooks belong to the client system that subscribes: an agency's system administering its integrations
 * (the clients:manage scope). People signed in run as the agency's `web` system, which has no receiver: the
 * dashboard's live subscription is theirs instead.
 */
export const webhookSubscriber = predicate("webhookSubscriber", "rule", "agencies' client systems holding clients:manage (not people signed in)", (viewer: Viewer) =>
  !!viewer.agency && !!viewer.client && viewer.client.name !== WEB_CLIENT_NAME && viewer.hasScope(SCOPES.CLIENTS_MANAGE),
);

// --- rules about a row -------------------------------------------------------------------------------------
/** The agency itself, or a market-regulation bureau whose jurisdiction covers it (also decides which client systems an agency's page lists). */
export const agencyAdministration = predicate("agencyAdministration", "rule", "the agency itself; bureaus covering its region", (viewer: Viewer, agency: Pick<Agency, "code" | "regionCode">) =>
  viewer.isAgency(agency.code) || bureauCovering(viewer, agency.regionCode),
);
export const institutionDetails = predicate("institutionDetails", "rule", "directory readers; the institution itself", (viewer: Viewer, institution: Pick<Institution, "id">) =>
  viewer.isKind(...DIRECTORY_READERS) || viewer.isInstitution(institution.id),
);
export const institutionSupervisor = predicate("institutionSupervisor", "rule", "bureaus and associations covering the institution", (viewer: Viewer, institution: Pick<Institution, "regionCode">) =>
  oversightCovering(viewer, institution.regionCode),
);
export const appraiserDetails = predicate("appraiserDetails", "rule", "directory readers; the appraiser's own institution", (viewer: Viewer, appraiser: Pick<Appraiser, "institutionId">) =>
  viewer.isKind(...DIRECTORY_READERS) || viewer.isInstitution(appraiser.institutionId),
);
export const appraiserSupervisor = predicate("appraiserSupervisor", "rule", "bureaus and associations covering the appraiser's region", (viewer: Viewer, appraiser: Pick<Appraiser, "regionCode">) =>
  oversightCovering(viewer, appraiser.regionCode),
);
/** A case's possible duplicates: its parties (the entrusting agency, the institution) and the bureaus covering either. */
export const caseDuplicatesReader = predicate(
  "caseDuplicatesReader",
  "rule",
  "a case's entrusting agency and institution; bureaus covering either's region",
  (viewer: Viewer, c: Pick<AppraisalCase, "entrustingAgencyId" | "institutionId" | "institutionRegionCode" | "entrustingRegionCode">) =>
    (!!viewer.agency && viewer.agency.id === c.entrustingAgencyId) || viewer.isInstitution(c.institutionId) || bureauCovering(viewer, c.institutionRegionCode) || bureauCovering(viewer, c.entrustingRegionCode),
);
export const creditSupervisor = predicate("creditSupervisor", "rule", "bureaus and associations covering the credit record's subject", (viewer: Viewer, record: Pick<CreditRecord, "subjectRegionCode">) =>
  oversightCovering(viewer, record.subjectRegionCode),
);

// --- as graphql-shield rules -------------------------------------------------------------------------------
/** A rule's decision when it needs nothing but the parent row and the context: no query, no promise. */
export type SyncCheck = (parent: unknown, ctx: HubContext) => boolean;
const SYNC_CHECKS = new WeakMap<ShieldRule, SyncCheck>();
/** The synchronous form of `rule`, when it has one; `applyGuards` runs those in the resolver's own turn. */
export function syncCheckOf(rule: ShieldRule): SyncCheck | undefined {
  return SYNC_CHECKS.get(rule);
}
/** A shield rule deciding by `check`, which `applyGuards` may also run directly (`syncCheckOf`). */
function syncRule(name: string, cache: "contextual" | "no_cache", check: SyncCheck): ShieldRule {
  const shieldRule = rule(name, { cache })((parent, _args, ctx: HubContext) => check(parent, ctx));
  SYNC_CHECKS.set(shieldRule, check);
  return shieldRule;
}

const aboutViewer = (decide: (viewer: Viewer) => boolean) => syncRule(decide.name, "contextual", (_parent, ctx) => decide(ctx.viewer));
const aboutRow = <P>(name: string, decide: (parent: P, ctx: HubContext) => boolean) => syncRule(name, "no_cache", (parent, ctx) => decide(parent as P, ctx));

/** A record that belongs to one agency (its client systems, its identity provider): for whoever administers that agency. */
const aboutAgencyRecord = <P extends { agencyId: string }>(name: string) =>
  rule(name, { cache: "no_cache" })(async (record: P, _args, { viewer, loaders }: HubContext) => {
    const agency = await loaders.agencyById.load(record.agencyId);
    return !!agency && agencyAdministration(viewer, agency);
  });

/**
 * The rules that read the caller alone, as predicates over the viewer: shield applies them to fields, and a
 * federation reference resolver applies the one of the query it stands in for (`schema/federation-entities.ts`).
 */
export const CALLER_RULES = {
  authenticated,
  clientManager,
  agencyReader,
  directoryRegistrar,
  listingDecider,
  entruster,
  caseParty,
  feedbackPoster,
  complainant,
  supervisor,
  disciplinarian,
  standardsCurator,
  reportTriager,
  caseLibrarian,
  gradeAssessor,
  removalDecider,
  creditDecider,
  supervisionReporter,
  patentBureau,
  patentImporter,
  trademarkRegistrar,
  statisticsReader,
  auditReader,
  auditVerifier,
  registryAdministrator,
  webhookSubscriber,
} satisfies Record<string, (viewer: Viewer) => boolean>;
export type CallerRuleName = keyof typeof CALLER_RULES;

const callerRules = Object.fromEntries(Object.entries(CALLER_RULES).map(([name, decide]) => [name, aboutViewer(decide)])) as unknown as Record<CallerRuleName, ShieldRule>;

export const RULES = {
  /** Anyone, the anonymous public included. Marked on purpose; never compiled into middleware. */
  public: allow,
  ...callerRules,
  /** Reads the hub's introspection setting too, which is the same for every request. */
  subgraphSchemaReader: syncRule("subgraphSchemaReader", "contextual", (_parent, ctx) => subgraphSchemaReader(ctx.viewer, ctx.introspection)),
  agencyAdministration: aboutRow<Agency>("agencyAdministration", (agency, { viewer }) => agencyAdministration(viewer, agency)),
  clientSystemOfViewerAgency: aboutAgencyRecord<ClientSystem>("clientSystemOfViewerAgency"),
  identityProviderOfViewerAgency: aboutAgencyRecord<IdentityProvider>("identityProviderOfViewerAgency"),
  webhookOwner: aboutRow<WebhookSubscription>("webhookOwner", (subscription, { viewer }) => webhookSubscriptionVisibility.test(viewer, subscription)),
  /** A delivery is listed with its subscription's owner (`WebhookDeliveryRow`). */
  webhookDeliveryOwner: aboutRow<WebhookDelivery & { subscription: Pick<WebhookSubscription, "agencyId" | "clientSystemId"> }>("webhookDeliveryOwner", (delivery, { viewer }) =>
    webhookSubscriptionVisibility.test(viewer, delivery.subscription),
  ),
  institutionDetails: aboutRow<Institution>("institutionDetails", (institution, { viewer }) => institutionDetails(viewer, institution)),
  institutionSupervisor: aboutRow<Institution>("institutionSupervisor", (institution, { viewer }) => institutionSupervisor(viewer, institution)),
  appraiserDetails: aboutRow<Appraiser>("appraiserDetails", (appraiser, { viewer }) => appraiserDetails(viewer, appraiser)),
  appraiserSupervisor: aboutRow<Appraiser>("appraiserSupervisor", (appraiser, { viewer }) => appraiserSupervisor(viewer, appraiser)),
  creditSupervisor: aboutRow<CreditRecord>("creditSupervisor", (record, { viewer }) => creditSupervisor(viewer, record)),
  caseDuplicatesReader: aboutRow<AppraisalCase>("caseDuplicatesReader", (c, { viewer }) => caseDuplicatesReader(viewer, c)),
  /** An abnormal patent item: whoever the item exists for (the row predicate itself). */
  patentSupervisor: aboutRow<AbnormalPatentItem>("patentSupervisor", (item, { viewer }) => abnormalPatentVisibility.test(viewer, item)),
  /** A mark under custody: whoever the mark exists for (the row predicate itself). */
  trademarkReader: aboutRow<CustodyTrademark>("trademarkReader", (mark, { viewer }) => custodyTrademarkVisibility.test(viewer, mark)),
} satisfies Record<string, ShieldRule>;

export type RuleName = keyof typeof RULES;

/** Rules that apply another named decision rather than one of their own, for the policy listing. */
export const RULE_DELEGATES: Partial<Record<RuleName, string>> = {
  public: "anyone, the anonymous public included",
  clientSystemOfViewerAgency: "agencyAdministration, of the client system's agency",
  identityProviderOfViewerAgency: "agencyAdministration, of the identity provider's agency",
  webhookOwner: "webhookSubscription.own, of the subscription",
  webhookDeliveryOwner: "webhookSubscription.own, of the delivery's subscription",
  trademarkReader: "custodyTrademark.visible, of the mark",
  patentSupervisor: "abnormalPatent.visible, of the item",
};

export function isCallerRule(name: RuleName): name is CallerRuleName {
  return Object.prototype.hasOwnProperty.call(CALLER_RULES, name);
}

export function isRuleName(name: unknown): name is RuleName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(RULES, name);
}

