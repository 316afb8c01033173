import { AgencyKind } from "../entities/agency-kind";
import type { Viewer } from "../auth/viewer";

/**
 * The groups of agency kinds the policy speaks of (domain.md, "Who uses the hub"), each written once. Every
 * rule, visibility predicate and write permission names one of these instead of listing kinds.
 */
const { COURT, PROCURATORATE, POLICE, MARKET_REGULATION, INDUSTRY_ASSOCIATION, APPRAISAL_INSTITUTION, ARBITRATION, MEDIATION } = AgencyKind;

/** 办案机关: courts, procuratorates and police, the agencies that entrust appraisals in their cases. */
export const ENFORCEMENT = [COURT, PROCURATORATE, POLICE] as const;
/** Market-regulation (IP) bureaus and industry associations: the directory's supervisors. */
export const OVERSIGHT = [MARKET_REGULATION, INDUSTRY_ASSOCIATION] as const;
/** Agencies that read the directory's details: everyone but the public and the institutions themselves. */
export const DIRECTORY_READERS = [...ENFORCEMENT, ...OVERSIGHT] as const;
/** 仲裁调解组织: arbitration and mediation bodies, which the guidance names as users of the directory. */
export const DISPUTE_RESOLUTION = [ARBITRATION, MEDIATION] as const;
/** Agencies that entrust appraisals: enforcement, bureaus (行政裁决、行政执法) and arbitration and mediation bodies. */
export const ENTRUSTERS = [...ENFORCEMENT, MARKET_REGULATION, ...DISPUTE_RESOLUTION] as const;
/** Agencies that file complaints about institutions and appraisers: everyone who deals with appraisals. */
export const COMPLAINANTS = [...DIRECTORY_READERS, ...DISPUTE_RESOLUTION] as const;
/** Agencies that feed back on appraisers in their cases (从业情况反馈) as courts do: enforcement, arbitration and mediation. */
export const FEEDBACK_POSTERS = [...ENFORCEMENT, ...DISPUTE_RESOLUTION] as const;
/** Parties that record a case's steps: the entrusters and the institutions. */
export const CASE_PARTIES = [...ENTRUSTERS, APPRAISAL_INSTITUTION] as const;
/** Who supervises cases in a region: the directory's supervisors and the procuratorates (法律监督). */
export const CASE_SUPERVISORS = [...OVERSIGHT, PROCURATORATE] as const;

export const isEnforcement = (viewer: Viewer): boolean => viewer.isKind(...ENFORCEMENT);
export const isBureau = (viewer: Viewer): boolean => viewer.isKind(MARKET_REGULATION);

/** A market-regulation bureau whose jurisdiction covers `regionCode`. */
export const bureauCovering = (viewer: Viewer, regionCode: string | null | undefined): boolean => isBureau(viewer) && viewer.covers(regionCode);

/** A bureau or an association whose jurisdiction covers `regionCode`. */
export const oversightCovering = (viewer: Viewer, regionCode: string | null | undefined): boolean => viewer.isKind(...OVERSIGHT) && viewer.covers(regionCode);

/** A market-regulation bureau at province level or above, the level that receives national batches and audits. */
export const provinceBureau = (viewer: Viewer): boolean => isBureau(viewer) && viewer.isProvinceLevelOrAbove;
