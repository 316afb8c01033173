import { allow, rule } from "graphql-shield";
import type { ShieldRule } from "graphql-shield/typings/types";
import type { HubContext } from "../context/context";
import { AgencyKind } from "../entities/agency-kind";
import type { Agency } from "../entities/agency.entity";
import type { ClientSystem } from "../entities/client-system.entity";
import type { Institution } from "../entities/institution.entity";
import type { Appraiser } from "../entities/appraiser.entity";
import type { CreditRecord } from "../entities/credit-record.entity";
import type { AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import type { CustodyTrademark } from "../entities/custody-trademark.entity";
import { canSeeTrademark } from "../services/trademark-visibility";
import { SCOPES } from "./scopes";
import type { Viewer } from "./viewer";

/**
 * Every authorization rule of the schema, by name. Types and fields name one of these with `@Guard`.
 *
 * Rules speak the domain: agency kind, jurisdiction (a region covers a region), scopes, "own agency's
 * record". Rules that read only the caller are cached per request (`contextual`); rules that read the
 * parent row are never cached (`no_cache`), so one row's answer is never reused for another. Rules decide
 * whether a field may be read at all; which rows a list or lookup returns is decided by services.
 */
const aboutViewer = (name: string, decide: (viewer: Viewer) => boolean) =>
  rule(name, { cache: "contextual" })((_parent, _args, ctx: HubContext) => decide(ctx.viewer));

const aboutRow = <P>(name: string, decide: (parent: P, ctx: HubContext) => boolean | Promise<boolean>) =>
  rule(name, { cache: "no_cache" })((parent: P, _args, ctx: HubContext) => decide(parent, ctx));

const supervises = (viewer: Viewer, regionCode: string | null | undefined) =>
  viewer.isKind(AgencyKind.MARKET_REGULATION) && viewer.covers(regionCode);

/** Agencies that read the directory's details: everyone but the public and the institutions themselves. */
const READER_KINDS = [AgencyKind.COURT, AgencyKind.PROCURATORATE, AgencyKind.POLICE, AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION];

/** Bureaus and associations whose region covers the record's. */
const overseesDirectory = (viewer: Viewer, regionCode: string | null | undefined) =>
  viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION) && viewer.covers(regionCode);

export const RULES = {
  /** Anyone, the anonymous public included. Marked on purpose; never compiled into middleware. */
  public: allow,

  /** Any authenticated agency. */
  authenticated: aboutViewer("authenticated", (viewer) => !viewer.isAnonymous),

  /** The agency itself, or a market-regulation bureau whose jurisdiction covers it. */
  agencyAdministration: aboutRow<Agency>("agencyAdministration", (agency, { viewer }) =>
    viewer.isAgency(agency.code) || supervises(viewer, agency.regionCode),
  ),

  /** A client system of the caller's own agency, or of an agency a market-regulation bureau supervises. */
  clientSystemOfViewerAgency: aboutRow<ClientSystem>("clientSystemOfViewerAgency", async (client, { viewer, loaders }) => {
    if (viewer.agency?.id === client.agencyId) return true;
    const agency = await loaders.agencyById.load(client.agencyId);
    return !!agency && supervises(viewer, agency.regionCode);
  }),

  /** Manage the caller's own agency's client systems. */
  clientManager: aboutViewer("clientManager", (viewer) => !viewer.isAnonymous && viewer.hasScope(SCOPES.CLIENTS_MANAGE)),

  /** Directory details for agencies (contact data, the register's reasons, qualifications, posts). */
  agencyReader: aboutViewer("agencyReader", (viewer) => viewer.isKind(...READER_KINDS)),

  /** An institution's details: reader agencies, and the institution's own system. */
  institutionDetails: aboutRow<Institution>("institutionDetails", (institution, { viewer }) => viewer.isKind(...READER_KINDS) || viewer.isInstitution(institution.id)),

  /** Supervisory data of an institution: the bureaus and associations of its region. */
  institutionSupervisor: aboutRow<Institution>("institutionSupervisor", (institution, { viewer }) => overseesDirectory(viewer, institution.regionCode)),

  /** An appraiser's details: reader agencies, and the appraiser's own institution. */
  appraiserDetails: aboutRow<Appraiser>("appraiserDetails", (appraiser, { viewer }) => viewer.isKind(...READER_KINDS) || viewer.isInstitution(appraiser.institutionId)),

  /** Supervisory data of an appraiser: the bureaus and associations of the appraiser's region. */
  appraiserSupervisor: aboutRow<Appraiser>("appraiserSupervisor", (appraiser, { viewer }) => overseesDirectory(viewer, appraiser.regionCode)),

  /** Register and edit institutions and appraisers (jurisdiction is checked per record by the service). */
  directoryRegistrar: aboutViewer("directoryRegistrar", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION)),

  /** Move listing status: bureaus, and associations for recommendations (the service checks which move). */
  listingDecider: aboutViewer("listingDecider", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)),

  /** Entrust appraisals: courts, procuratorates, police and bureaus. */
  entruster: aboutViewer("entruster", (viewer) => viewer.isKind(AgencyKind.COURT, AgencyKind.PROCURATORATE, AgencyKind.POLICE, AgencyKind.MARKET_REGULATION)),

  /** Record a case's progress: the entrusting agencies and the institutions (the service checks which party). */
  caseParty: aboutViewer("caseParty", (viewer) =>
    viewer.isKind(AgencyKind.COURT, AgencyKind.PROCURATORATE, AgencyKind.POLICE, AgencyKind.MARKET_REGULATION, AgencyKind.APPRAISAL_INSTITUTION),
  ),

  /** Post feedback after a case: courts, procuratorates and police. */
  feedbackPoster: aboutViewer("feedbackPoster", (viewer) => viewer.isKind(AgencyKind.COURT, AgencyKind.PROCURATORATE, AgencyKind.POLICE)),

  /** Handle complaints and record supervision: associations and bureaus (jurisdiction checked per record). */
  supervisor: aboutViewer("supervisor", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION, AgencyKind.INDUSTRY_ASSOCIATION)),

  /** A credit record's non-public particulars: the bureaus and associations covering its subject. */
  creditSupervisor: aboutRow<CreditRecord>("creditSupervisor", (record, { viewer }) => overseesDirectory(viewer, record.subjectRegionCode)),

  /** Make credit determinations and decide repair: market-regulation bureaus (jurisdiction checked per record). */
  creditDecider: aboutViewer("creditDecider", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION)),

  /** Abnormal patent batches and handling: market-regulation bureaus (rows scoped by the service to their jurisdiction). */
  patentBureau: aboutViewer("patentBureau", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION)),

  /** An abnormal patent item: the market-regulation bureaus covering the applicant's region. */
  patentSupervisor: aboutRow<AbnormalPatentItem>("patentSupervisor", (item, { viewer }) => supervises(viewer, item.regionCode)),

  /** Import a batch: market-regulation bureaus at province level and above, which pass batches on. */
  patentImporter: aboutViewer("patentImporter", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION) && viewer.isProvinceLevelOrAbove),

  /** A mark under custody: the bureaus and associations covering the owner's region, and its custodian. */
  trademarkReader: aboutRow<CustodyTrademark>("trademarkReader", (mark, { viewer }) => canSeeTrademark(viewer, mark)),

  /** Place marks under custody: market-regulation bureaus (jurisdiction checked per mark). */
  trademarkRegistrar: aboutViewer("trademarkRegistrar", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION)),

  /** Statistics: courts, procuratorates, police, bureaus and associations (the service checks the region). */
  statisticsReader: aboutViewer("statisticsReader", (viewer) => viewer.isKind(...READER_KINDS)),

  /** Read audit entries (rows are scoped by the service: own agency, or jurisdiction at province level). */
  auditReader: aboutViewer("auditReader", (viewer) =>
    viewer.isKind(AgencyKind.COURT, AgencyKind.PROCURATORATE, AgencyKind.POLICE, AgencyKind.MARKET_REGULATION),
  ),

  /** Verify the whole chain: market-regulation bureaus at province level and above. */
  auditVerifier: aboutViewer("auditVerifier", (viewer) => viewer.isKind(AgencyKind.MARKET_REGULATION) && viewer.isProvinceLevelOrAbove),
} satisfies Record<string, ShieldRule>;

export type RuleName = keyof typeof RULES;

export function isRuleName(name: unknown): name is RuleName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(RULES, name);
}
