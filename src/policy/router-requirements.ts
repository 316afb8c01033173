import { SCOPES } from "../auth/scopes";
import type { RuleName } from "./rules";

/**
 * What a federation router can check of each rule before the hub sees the request, written into the
 * subgraph's SDL as `@authenticated`, `@requiresScopes` and `@policy` (`schema/federation-sdl.ts`).
 *
 * The router is a first line only: the hub still decides every field itself. So a requirement here may be
 * looser than its rule, never stricter (a router must not refuse what the hub would allow), and it must be
 * as strict as a router can be told (test/federation/router-directives.test.ts checks both against the
 * predicates for every kind of caller):
 *
 * - `authenticated`: the rule refuses the anonymous public. A router checks that a valid token came.
 * - `scopes`: the rule refuses any token without one of these sets of scopes (the token's `scope` claim).
 * - `policy`: the rule also depends on who the caller is in the hub's registry (its agency's kind and
 *   region), which a token does not say. The router evaluates `appraisal-hub:<rule>` in a coprocessor or
 *   script (README, "Running behind a router"), or marks it satisfied and leaves it to the hub.
 *
 * Rules that read a row (an institution's details, a webhook's owner) can only say `authenticated` here:
 * which row is the hub's to know.
 */
export interface RouterRequirement {
  authenticated?: true;
  scopes?: string[][];
  policy?: true;
}

const signedIn: RouterRequirement = { authenticated: true };
const registry: RouterRequirement = { authenticated: true, policy: true };

export const ROUTER_REQUIREMENTS: Record<RuleName, RouterRequirement> = {
  public: {},
  authenticated: signedIn,
  clientManager: { authenticated: true, scopes: [[SCOPES.CLIENTS_MANAGE]] },
  agencyReader: registry,
  directoryRegistrar: registry,
  listingDecider: registry,
  entruster: registry,
  caseParty: registry,
  feedbackPoster: registry,
  complainant: registry,
  supervisor: registry,
  disciplinarian: registry,
  standardsCurator: registry,
  reportTriager: registry,
  caseLibrarian: registry,
  gradeAssessor: registry,
  removalDecider: registry,
  creditDecider: registry,
  supervisionReporter: registry,
  patentBureau: registry,
  patentImporter: registry,
  trademarkRegistrar: registry,
  statisticsReader: registry,
  auditReader: registry,
  auditVerifier: registry,
  registryAdministrator: { authenticated: true, scopes: [[SCOPES.REGISTRY_ADMIN]], policy: true },
  webhookSubscriber: { authenticated: true, scopes: [[SCOPES.CLIENTS_MANAGE]], policy: true },
  subgraphSchemaReader: signedIn,
  agencyAdministration: signedIn,
  clientSystemOfViewerAgency: signedIn,
  identityProviderOfViewerAgency: signedIn,
  webhookOwner: signedIn,
  webhookDeliveryOwner: signedIn,
  institutionDetails: signedIn,
  institutionSupervisor: signedIn,
  appraiserDetails: signedIn,
  appraiserSupervisor: signedIn,
  creditSupervisor: signedIn,
  caseDuplicatesReader: signedIn,
  patentSupervisor: signedIn,
  trademarkReader: signedIn,
};

/** The `@policy` name a router evaluates for a rule. */
export const routerPolicyName = (rule: RuleName): string => `appraisal-hub:${rule}`;
