import { tracePolicy, type Layer } from "../../src/policy/decision";
import type { TestHub } from "./test-hub";
import { patentCheckCharacter } from "../../src/domain/identifiers";

/**
 * The authorization matrix: callers × operations → outcomes. `ok` means data came back without an error on
 * the probed path; `denied` means `null` with FORBIDDEN on that path while the rest of the response still
 * arrived; `hidden` means the record does not exist for the caller: `null` and no error; `allowed` means the
 * guards let a mutation through and the service refused it on its merits (here: the credit code is taken,
 * the version is stale), so that a probe never changes what the next one sees; a mutation's NOT_FOUND is
 * `hidden` when a row predicate said no (the record exists, not for this caller).
 *
 * Queries may name records by `{{key}}`: `matrixIds` looks the demo's up by their natural keys (their ids are
 * generated) and adds the few fixtures the demo lacks (a batch issued nationally, a credit record published
 * only in the future), through the API.
 */
export type Caller = "anonymous" | "XY-COURT" | "XX-COURT" | "XY-PROC" | "XY-PSB" | "GS-PSB" | "XY-AMR" | "XX-AMR" | "HA-AMR" | "CNIPA" | "XY-IPAA" | "XY-ZYJD" | "XY-CDJD" | "XX-HXJD";
export const CALLERS: Caller[] = ["anonymous", "XY-COURT", "XX-COURT", "XY-PROC", "XY-PSB", "GS-PSB", "XY-AMR", "XX-AMR", "HA-AMR", "CNIPA", "XY-IPAA", "XY-ZYJD", "XY-CDJD", "XX-HXJD"];
/** The appraisal institutions' own systems: 信阳中原 (411500), 信阳茶都 (411502), 新乡华信 (410700). */
const INSTITUTIONS = { "XY-ZYJD": "denied", "XY-CDJD": "denied", "XX-HXJD": "denied" } as const;
const INSTITUTIONS_HIDDEN = { "XY-ZYJD": "hidden", "XY-CDJD": "hidden", "XX-HXJD": "hidden" } as const;
export type Outcome = "ok" | "denied" | "hidden" | "allowed" | "limited";
/** Codes with which a service refuses an authorized mutation on its merits. */
export const BUSINESS_REFUSALS = ["CONFLICT", "BAD_USER_INPUT", "INVALID_STATE_TRANSITION", "NOT_FOUND"];

/** One decision the policy took while a probe ran. */
export interface Traced {
  name: string;
  layer: Layer;
  outcome: boolean | "sql";
}

/** Runs one probe, tracing the policy's decisions; `outcome` is what the caller got. */
export async function probe(hub: TestHub, ids: Record<string, string>, caller: Caller, entry: MatrixRow): Promise<{ outcome: Outcome; trace: Traced[] }> {
  const trace: Traced[] = [];
  const query = entry.query.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    if (!(key in ids)) throw new Error(`matrix id {{${key}}} is not looked up`);
    return ids[key];
  });
  tracePolicy((name, layer, outcome) => trace.push({ name, layer, outcome }));
  let res;
  try {
    res = await hub.graphql(query, caller === "anonymous" ? { headers: entry.headers } : { as: caller, scopes: entry.scopes ?? [], headers: entry.headers });
  } finally {
    tracePolicy(undefined);
  }
  const path = entry.path;
  expect(res.status).toBe(200);
  const errors = res.body.errors ?? [];
  // An error on the probed path, below it, or on a parent of it (a denied list takes its items with it).
  const onPath = errors.filter((e) => (e.path ?? []).every((p, i) => i >= path.length || String(p) === path[i]) && (e.path?.length ?? 0) > 0);
  const valueAt = () => path.reduce<unknown>((value, p) => (value as Record<string, unknown> | null | undefined)?.[p], res.body.data);
  if (onPath.length > 0) {
    const codes = onPath.map((e) => e.extensions.code);
    // Authorized, but refused for business reasons (a conflict, a state): the guard let it through. A crash
    // (INTERNAL_SERVER_ERROR) is never an outcome the matrix accepts.
    if (!codes.includes("FORBIDDEN")) {
      expect(codes.filter((code) => !BUSINESS_REFUSALS.includes(code))).toEqual([]);
      // NOT_FOUND because a row predicate said no: the record exists, but not for this caller.
      if (codes.every((code) => code === "NOT_FOUND") && trace.some((t) => t.layer === "row" && t.outcome === false)) return { outcome: "hidden", trace };
      return { outcome: "allowed", trace };
    }
    expect(codes).toEqual(onPath.map(() => "FORBIDDEN"));
    expect(valueAt() ?? null).toBeNull();
    return { outcome: "denied", trace };
  }
  expect(errors).toEqual([]);
  const value = valueAt();
  if (entry.expectValue && value !== null && value !== undefined) return { outcome: entry.expectValue(value) ? "ok" : "limited", trace };
  return { outcome: value === null || value === undefined ? "hidden" : "ok", trace };
}

/** The layers whose decisions denied in a trace: a rule or a write permission said no, a row predicate applied. */
export function denyingLayers(trace: Traced[]): Layer[] {
  return [...new Set(trace.filter((t) => t.outcome !== true).map((t) => t.layer))].sort();
}

const row = (outcomes: Partial<Record<Caller, Outcome>>, otherwise: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, outcomes[c] ?? otherwise])) as Record<Caller, Outcome>;

export interface MatrixRow {
  what: string;
  query: string;
  path: string[];
  scopes?: string[];
  headers?: Record<string, string>;
  /** For answers that are masked, suppressed or partly refused rather than denied: `ok` when true, `limited` otherwise. */
  expectValue?: (value: unknown) => boolean;
  expected: Record<Caller, Outcome>;
}

export const MATRIX: MatrixRow[] = [
  { what: "agency identity (code, name, kind, region)", query: `{ agency(code: "XY-COURT") { code name kind regionCode } }`, path: ["agency"], expected: row({}, "ok") },
  { what: "the agency list", query: `{ agencies(first: 100) { totalCount edges { node { code name } } } }`, path: ["agencies"], expected: row({}, "ok") },
  {
    // The matrix's hub runs with introspection on (HUB_ENV=test): every agency reads the SDL. With it off (production),
    // only registry administrators and the router (graph:compose) do: test/hostile/operations.test.ts.
    what: "the subgraph SDL (_service): any agency while introspection is on; never the public",
    query: `{ _service { sdl } }`,
    path: ["_service"],
    expected: row({ anonymous: "denied" }, "ok"),
  },
  {
    what: "registering an agency: registry administrators (province bureaus and CNIPA with registry:admin) covering its region (code taken)",
    query: `mutation { registerAgency(input: { code: "XY-COURT", name: "x", kind: COURT, regionCode: "411500" }) { replayed } }`,
    path: ["registerAgency"],
    scopes: ["registry:admin"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "registering an agency outside 河南: only CNIPA (code taken)",
    query: `mutation { registerAgency(input: { code: "XY-COURT", name: "x", kind: COURT, regionCode: "110000" }) { replayed } }`,
    path: ["registerAgency"],
    scopes: ["registry:admin"],
    expected: row({ CNIPA: "allowed" }, "denied"),
  },
  {
    what: "registering a client system for another agency (the court's default exists): registry administrators covering it; the court itself",
    query: `mutation { registerClientSystem(input: { idempotencyKey: "m-rc", agencyCode: "XY-COURT", name: "default" }) { replayed } }`,
    path: ["registerClientSystem"],
    scopes: ["clients:manage", "registry:admin"],
    expected: row({ anonymous: "denied", "HA-AMR": "allowed", CNIPA: "allowed", "XY-COURT": "allowed" }, "denied"),
  },
  {
    what: "registering an agency's identity provider (the court has one): the agency itself (clients:manage); registry administrators covering it",
    query: `mutation { registerIdentityProvider(input: { idempotencyKey: "m-idp", agencyCode: "XY-COURT", issuer: "https://idp.court.example", clientId: "hub" }) { replayed } }`,
    path: ["registerIdentityProvider"],
    scopes: ["clients:manage", "registry:admin"],
    expected: row({ "XY-COURT": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "changing an agency's identity provider (stale version): the agency itself (clients:manage); registry administrators covering it",
    query: `mutation { updateIdentityProvider(agencyCode: "XY-COURT", expectedVersion: 999, input: { clientId: "x" }) { version } }`,
    path: ["updateIdentityProvider"],
    scopes: ["clients:manage", "registry:admin"],
    expected: row({ "XY-COURT": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "an agency's identity provider: the agency itself and the bureaus covering it",
    query: `{ agency(code: "XY-COURT") { identityProvider { issuer clientId groupScopes { group scopes } } } }`,
    path: ["agency", "identityProvider"],
    expected: row({ "XY-COURT": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "editing an agency: registry administrators covering it (stale version)",
    query: `mutation { updateAgency(code: "XY-COURT", expectedVersion: 999, input: { name: "x" }) { version } }`,
    path: ["updateAgency"],
    scopes: ["registry:admin"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "disabling the province bureau: CNIPA, never the bureau itself (stale version)",
    query: `mutation { disableAgency(code: "HA-AMR", expectedVersion: 999, reason: "矩阵") { version } }`,
    path: ["disableAgency"],
    scopes: ["registry:admin"],
    expected: row({ CNIPA: "allowed" }, "denied"),
  },
  {
    what: "enabling an agency: registry administrators covering it (stale version)",
    query: `mutation { enableAgency(code: "XY-COURT", expectedVersion: 999) { version } }`,
    path: ["enableAgency"],
    scopes: ["registry:admin"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  { what: "me", query: `{ me { anonymous } }`, path: ["me"], expected: row({}, "ok") },
  {
    what: "XY-COURT's status: itself and bureaus covering 信阳",
    query: `{ agency(code: "XY-COURT") { status } }`,
    path: ["agency", "status"],
    expected: row({ "XY-COURT": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "GS-PSB's client systems: itself and bureaus covering 固始县",
    query: `{ agency(code: "GS-PSB") { clientSystems { name } } }`,
    path: ["agency", "clientSystems"],
    expected: row({ "GS-PSB": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "the audit trail: courts, procuratorates, police and bureaus",
    query: `{ auditEvents(first: 5) { totalCount } }`,
    path: ["auditEvents"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", ...INSTITUTIONS }, "ok"),
  },
  {
    what: "verifying the audit chain: bureaus at province level and above",
    query: `{ verifyAuditChain { ok } }`,
    path: ["verifyAuditChain"],
    expected: row({ "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "the audit log's latest signed tree head: audit readers",
    query: `{ auditTreeHead { treeSize rootHash signature } }`,
    path: ["auditTreeHead"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", ...INSTITUTIONS }, "ok"),
  },
  {
    what: "the inclusion proof of an audit entry of XY-COURT: XY-COURT and the bureaus whose jurisdiction covers it (province level and above)",
    query: `{ auditProof(seq: "{{courtAuditSeq}}") { leafIndex auditPath entry { operation } treeHead { treeSize } } }`,
    path: ["auditProof"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", ...INSTITUTIONS, "XY-COURT": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "hidden"),
  },
  {
    what: "a consistency proof between signed tree heads: audit readers",
    query: `{ auditConsistency(from: "{{auditHeadSize}}") { proof from { treeSize } to { treeSize } } }`,
    path: ["auditConsistency"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", ...INSTITUTIONS }, "ok"),
  },
  {
    what: "registering a client system without the clients:manage scope",
    query: `mutation { registerClientSystem(input: { idempotencyKey: "k", name: "x" }) { replayed } }`,
    path: ["registerClientSystem"],
    expected: row({}, "denied"),
  },
  // --- the directory (contract.md policy rows for institutions and appraisers) ---
  {
    what: "a listed institution's public data",
    query: `{ institution(creditCode: "91411500MA9F3K2L21") { name creditCode regionCode address technicalFields appraisalMatters standards { code } listingStatus listingLevel grade listedAt } }`,
    path: ["institution"],
    expected: row({}, "ok"),
  },
  {
    what: "a listed institution's contact phone: agencies",
    query: `{ institution(creditCode: "91411500MA9F3K2L21") { contactPhone } }`,
    path: ["institution", "contactPhone"],
    expected: row({ anonymous: "denied", "XY-CDJD": "denied", "XX-HXJD": "denied" }, "ok"),
  },
  {
    what: "a listed institution's legal representative: agencies",
    query: `{ institution(creditCode: "91410700MA9G0T8C63") { legalRepresentative } }`,
    path: ["institution", "legalRepresentative"],
    expected: row({ anonymous: "denied", "XY-ZYJD": "denied", "XY-CDJD": "denied" }, "ok"),
  },
  {
    what: "a listed institution's listing history with reasons: agencies",
    query: `{ institution(creditCode: "91410700MA9G0T8C63") { listingHistory { reason } } }`,
    path: ["institution", "listingHistory"],
    expected: row({ anonymous: "denied", "XY-ZYJD": "denied", "XY-CDJD": "denied" }, "ok"),
  },
  {
    what: "a suspended 信阳 institution: enforcement everywhere, bureaus and associations in jurisdiction",
    query: `{ institution(creditCode: "52411500MJY123458K") { name listingStatus } }`,
    path: ["institution"],
    expected: row({ anonymous: "hidden", "XX-AMR": "hidden", ...INSTITUTIONS_HIDDEN }, "ok"),
  },
  {
    what: "a removed 新乡 institution: enforcement everywhere, bureaus in jurisdiction",
    query: `{ institution(creditCode: "91410783MA3W5N6P4P") { name } }`,
    path: ["institution"],
    expected: row({ anonymous: "hidden", "XY-AMR": "hidden", "XY-IPAA": "hidden", ...INSTITUTIONS_HIDDEN }, "ok"),
  },
  {
    what: "a recommended 固始 institution: bureaus and associations in jurisdiction only",
    query: `{ institution(creditCode: "91411525MA47GT3K2G") { name } }`,
    path: ["institution"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "a 新乡 institution under review: bureaus in jurisdiction only",
    query: `{ institution(creditCode: "91410702MA46HX8T1F") { name } }`,
    path: ["institution"],
    expected: row({ "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "hidden"),
  },
  {
    what: "registering an institution's own agency: the bureaus covering it (信阳中原 has one)",
    query: `mutation { registerInstitutionAgency(institutionId: "{{zyjd}}", agencyCode: "M-JD") { replayed } }`,
    path: ["registerInstitutionAgency"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "an institution's own agency (its case system's code): the bureaus and associations covering it",
    query: `{ institution(creditCode: "91411500MA9F3K2L21") { agencyCode } }`,
    path: ["institution", "agencyCode"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "denied"),
  },
  {
    what: "a 信阳 institution's cultivation stage: bureaus and associations in jurisdiction",
    query: `{ institution(creditCode: "91411500MA9F3K2L21") { cultivationStage } }`,
    path: ["institution", "cultivationStage"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "denied"),
  },
  {
    what: "appraisers of a listed institution: name, titles and fields",
    query: `{ institution(creditCode: "91410700MA9G0T8C63") { appraisers { name titles { title } technicalFields } } }`,
    path: ["institution", "appraisers"],
    expected: row({}, "ok"),
  },
  {
    what: "appraisers' qualifications and status: agencies",
    query: `{ appraisers(first: 1, filter: { regionCode: "410700" }) { edges { node { qualifications { kind certificateNo } status } } } }`,
    path: ["appraisers", "edges", "0", "node", "qualifications"],
    // The first appraiser in 新乡 by name is 吴婷 of 新乡华信: its own system may read her details.
    expected: row({ anonymous: "denied", "XY-ZYJD": "denied", "XY-CDJD": "denied" }, "ok"),
  },
  {
    what: "appraisers' ID numbers: agencies (masked or in full, see appraiser.test.ts)",
    query: `{ appraisers(first: 1, filter: { regionCode: "410700" }) { edges { node { idNumber } } } }`,
    path: ["appraisers", "edges", "0", "node", "idNumber"],
    expected: row({ anonymous: "denied" }, "ok"),
  },
  {
    what: "appraisers' phones: agencies (masked or in full)",
    query: `{ appraisers(first: 1, filter: { regionCode: "410700" }) { edges { node { phone } } } }`,
    path: ["appraisers", "edges", "0", "node", "phone"],
    expected: row({ anonymous: "denied" }, "ok"),
  },
  {
    what: "registering a 信阳 institution: bureaus whose jurisdiction covers 信阳",
    query: `mutation { registerInstitution(input: { name: "x", creditCode: "91411500MA9F3K2L21", regionCode: "411500", technicalFields: [PATENT] }) { replayed } }`,
    path: ["registerInstitution"],
    expected: row({ anonymous: "denied", "XY-COURT": "denied", "XX-COURT": "denied", "XY-PROC": "denied", "XY-PSB": "denied", "GS-PSB": "denied", "XY-IPAA": "denied", "XX-AMR": "denied", ...INSTITUTIONS }, "allowed"),
  },
  // --- cases, feedback, complaints and supervision (contract.md policy rows) ---
  {
    what: "XY-COURT's demo case: the parties, and bureaus, associations and procuratorates covering it",
    query: `{ appraisalCases(filter: { agencyCaseNo: "(2024)豫15知民初32号" }) { edges { node { status } } } }`,
    path: ["appraisalCases", "edges", "0"],
    expected: row({ anonymous: "denied", "XY-COURT": "ok", "XY-ZYJD": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-PROC": "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "XY-COURT's demo case's possible duplicates (issue 18): its parties and the bureaus covering it, not the procuratorate or association that see the case",
    query: `{ appraisalCases(filter: { agencyCaseNo: "(2024)豫15知民初32号" }) { edges { node { possibleDuplicates { entrustedOn } } } } }`,
    path: ["appraisalCases", "edges", "0", "node", "possibleDuplicates"],
    expected: row({ anonymous: "denied", "XY-COURT": "ok", "XY-ZYJD": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-PROC": "denied", "XY-IPAA": "denied" }, "hidden"),
  },
  {
    what: "imposing a sanction on 刘洋 (信阳) under an association's charter: the association covering 信阳 (its key is taken: CONFLICT); never a bureau",
    query: `mutation { imposeSanction(input: { idempotencyKey: "matrix-sanction", appraiserId: "{{liuYang}}", kind: PUBLIC_CENSURE, reason: "矩阵另案" }) { replayed } }`,
    path: ["imposeSanction"],
    expected: row({ "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "imposing a sanction on 赵磊 (新乡): no association of the matrix covers 新乡",
    query: `mutation { imposeSanction(input: { idempotencyKey: "matrix-sanction", appraiserId: "{{zhaoLei}}", kind: PUBLIC_CENSURE, reason: "矩阵另案" }) { replayed } }`,
    path: ["imposeSanction"],
    expected: row({}, "denied"),
  },
  {
    what: "a 信阳中原 appraiser's sanctions and status history: agencies and the appraiser's own institution",
    query: `{ appraiser(id: "{{zyjdAppraiser}}") { sanctions { kind } statusHistory { status } } }`,
    path: ["appraiser", "sanctions"],
    expected: row({ anonymous: "denied", "XY-CDJD": "denied", "XX-HXJD": "denied" }, "ok"),
  },
  {
    what: "entrusting an appraisal: courts, procuratorates, police and bureaus",
    query: `mutation { entrustAppraisal(input: { idempotencyKey: "m-e", agencyCaseNo: "x", institutionId: "00000000-0000-4000-8000-000000000000", technicalField: PATENT, matter: "x" }) { replayed } }`,
    path: ["entrustAppraisal"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", ...INSTITUTIONS }, "allowed"),
  },
  {
    what: "recording a case step: the parties' kinds (the service checks the party)",
    query: `mutation { recordCaseProgress(caseId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, input: { action: ACCEPT }) { id } }`,
    path: ["recordCaseProgress"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied" }, "allowed"),
  },
  {
    what: "individual evaluations: the poster (XY-COURT) and bureaus and associations covering the institution",
    query: `{ caseFeedbacks(filter: { kind: EVALUATION }) { edges { node { agencyCaseNo comment } } } }`,
    path: ["caseFeedbacks", "edges", "0"],
    expected: row({ anonymous: "denied", "XY-COURT": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "a complaint: its poster (GS-PSB's in the demo, XY-COURT's among the fixtures) and bureaus and associations covering the institution",
    query: `{ caseFeedbacks(filter: { kind: COMPLAINT }) { edges { node { complaintStatus nextSteps } } } }`,
    path: ["caseFeedbacks", "edges", "0"],
    expected: row({ anonymous: "denied", "GS-PSB": "ok", "XY-COURT": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "an institution's feedback summary: agencies (not the public, not the institutions)",
    query: `{ institution(creditCode: "91411500MA9F3K2L21") { feedbackSummary { count adoptionRate complaintsLast12Months } } }`,
    path: ["institution", "feedbackSummary"],
    expected: row({ anonymous: "denied", ...INSTITUTIONS }, "ok"),
  },
  {
    what: "posting feedback: courts, procuratorates and police (arbitration and mediation too); a bureau not without the case it entrusted",
    query: `mutation { postCaseFeedback(input: { idempotencyKey: "m-f", agencyCaseNo: "x", appraiserId: "00000000-0000-4000-8000-000000000000", kind: EVALUATION, ratings: { conduct: 3 } }) { replayed } }`,
    path: ["postCaseFeedback"],
    expected: row({ "XY-COURT": "allowed", "XX-COURT": "allowed", "XY-PROC": "allowed", "XY-PSB": "allowed", "GS-PSB": "allowed" }, "denied"),
  },
  {
    what: "posting feedback naming a case: bureaus too (the service checks the case is the poster's own)",
    query: `mutation { postCaseFeedback(input: { idempotencyKey: "m-f2", agencyCaseNo: "x", caseId: "00000000-0000-4000-8000-000000000000", appraiserId: "00000000-0000-4000-8000-000000000000", kind: EVALUATION, ratings: { conduct: 3 } }) { replayed } }`,
    path: ["postCaseFeedback"],
    expected: row({ "XY-COURT": "allowed", "XX-COURT": "allowed", "XY-PROC": "allowed", "XY-PSB": "allowed", "GS-PSB": "allowed", "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "handling a complaint: bureaus and associations (jurisdiction checked per complaint)",
    query: `mutation { handleComplaint(id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, input: { to: ACKNOWLEDGED, note: "x" }) { id } }`,
    path: ["handleComplaint"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "XY-AMR's case transfer to XY-PSB and XY-PROC (浉河区): its parties and the bureaus covering its region",
    query: `{ collaborationRecords(filter: { kind: CASE_TRANSFER }) { edges { node { title timeline { kind } } } } }`,
    path: ["collaborationRecords", "edges", "0"],
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "XY-PSB": "ok", "XY-PROC": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "hidden"),
  },
  // --- federation references (issue 17): each entity through `_entities` as through its own query ---
  {
    what: "XY-COURT's demo case by reference: as the query (its parties, and bureaus, associations and procuratorates covering it)",
    query: `{ _entities(representations: [{ __typename: "AppraisalCase", id: "{{courtCase}}" }]) { ... on AppraisalCase { status } } }`,
    path: ["_entities", "0"],
    expected: row({ anonymous: "denied", "XY-COURT": "ok", "XY-ZYJD": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-PROC": "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "XY-COURT's evaluation by reference: the poster and bureaus and associations covering the institution",
    query: `{ _entities(representations: [{ __typename: "CaseFeedback", id: "{{courtEvaluation}}" }]) { ... on CaseFeedback { agencyCaseNo comment } } }`,
    path: ["_entities", "0"],
    expected: row({ anonymous: "denied", "XY-COURT": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "the published 河南 credit record by reference: everyone",
    query: `{ _entities(representations: [{ __typename: "CreditRecord", id: "{{henanCredit}}" }]) { ... on CreditRecord { subjectName status basis } } }`,
    path: ["_entities", "0"],
    expected: row({}, "ok"),
  },
  {
    what: "a credit record published only from 2099 by reference: the bureaus and associations covering 信阳",
    query: `{ _entities(representations: [{ __typename: "CreditRecord", id: "{{futureCredit}}" }]) { ... on CreditRecord { id } } }`,
    path: ["_entities", "0"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "XY-AMR's case transfer by reference: its parties and the bureaus covering its region",
    query: `{ _entities(representations: [{ __typename: "CollaborationRecord", id: "{{transfer}}" }]) { ... on CollaborationRecord { title timeline { kind } } } }`,
    path: ["_entities", "0"],
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "XY-PSB": "ok", "XY-PROC": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "hidden"),
  },
  {
    what: "a 固始县 abnormal-patent item by reference: the market-regulation bureaus covering it",
    query: `{ _entities(representations: [{ __typename: "AbnormalPatentItem", id: "{{gushiPatent}}" }]) { ... on AbnormalPatentItem { applicationNumber applicantName status } } }`,
    path: ["_entities", "0"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "信阳毛尖 under custody by reference: bureaus and associations covering 信阳, and its custodian",
    query: `{ _entities(representations: [{ __typename: "CustodyTrademark", id: "{{maojian}}" }]) { ... on CustodyTrademark { markName ownerName } } }`,
    path: ["_entities", "0"],
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  // --- trusted documents (issue 17) ---
  {
    what: "CNIPA's operation manifest: registry administrators covering it (CNIPA; a province's does not cover the nation)",
    query: `{ operationManifest(agencyCode: "CNIPA", clientName: "default") { version documentCount } }`,
    path: ["operationManifest"],
    scopes: ["registry:admin"],
    expected: row({ CNIPA: "ok", "HA-AMR": "hidden" }, "denied"),
  },
  {
    what: "registering an operation manifest: registry administrators (refused here on its merits: the key is not a document id)",
    query: `mutation { registerOperationManifest(input: { agencyCode: "GS-PSB", clientName: "default", manifest: { me: "{ me { anonymous } }" } }) { added } }`,
    path: ["registerOperationManifest"],
    scopes: ["registry:admin"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "a published credit record (the demo trademark agency, published around the day the demo was loaded): everyone",
    query: `{ creditRecords(filter: { behaviour: MALICIOUS_TRADEMARK_FILING }) { edges { node { subjectName status basis } } } }`,
    path: ["creditRecords", "edges", "0"],
    expected: row({}, "ok"),
  },
  {
    what: "a credit record's repair particulars: the bureaus and associations covering the subject",
    query: `{ creditRecords(filter: { behaviour: MALICIOUS_TRADEMARK_FILING }) { edges { node { version repairCommitment } } } }`,
    path: ["creditRecords", "edges", "0", "node", "version"],
    expected: row({ "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "recording a credit event: market-regulation bureaus (jurisdiction checked per subject)",
    query: `mutation { recordCreditEvent(input: { idempotencyKey: "m-cr", subjectAppraiserId: "00000000-0000-4000-8000-000000000000", severity: GENERAL, decisionDocNo: "x", basis: "x", behaviour: OUT_OF_SCOPE }) { replayed } }`,
    path: ["recordCreditEvent"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "requesting credit repair: associations and bureaus",
    query: `mutation { requestCreditRepair(recordId: "00000000-0000-4000-8000-000000000000", input: { commitment: "x" }) { id } }`,
    path: ["requestCreditRepair"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "opening a collaboration: any agency",
    query: `mutation { openCollaboration(input: { idempotencyKey: "m-c", kind: CONSULTATION, title: "x", participantAgencyCodes: ["NO-SUCH"] }) { replayed } }`,
    path: ["openCollaboration"],
    expected: row({ anonymous: "denied" }, "allowed"),
  },
  {
    what: "supervision records about 信阳 institutions: supervisors covering them and the institutions themselves",
    query: `{ supervisionRecords { edges { node { kind result findings } } } }`,
    path: ["supervisionRecords", "edges", "0"],
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok", "XY-PROC": "ok", "XY-ZYJD": "ok", "XY-CDJD": "ok" }, "hidden"),
  },
  // --- statistics (issue 7) ---
  {
    what: "statistics of 信阳: agencies whose jurisdiction covers it, but not institutions (the service refuses other regions)",
    query: `{ statistics(regionCode: "411500") { regionCode threshold collaboration { opened } } }`,
    path: ["statistics"],
    expected: row({ "XY-COURT": "ok", "XY-PROC": "ok", "XY-PSB": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "denied"),
  },
  // --- abnormal patents and trademark custody (issue 6) ---
  {
    what: "a Xinyang abnormal-patent item (固始县 applicant): the market-regulation bureaus covering it",
    query: `{ abnormalPatentItems(filter: { regionCode: "411525", status: ESCALATED }) { edges { node { applicationNumber applicantName status allocatedAgencyCode } } } }`,
    path: ["abnormalPatentItems", "edges", "0"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "the demo batch 2024年第3批 and its rates: market-regulation bureaus with items in it",
    query: `{ abnormalPatentBatches(filter: { batchNo: "2024年第3批" }) { edges { node { batchNo itemCount withdrawalRate byRegion { key withdrawalRate } } } } }`,
    path: ["abnormalPatentBatches", "edges", "0"],
    expected: row({ "XY-AMR": "ok", "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "importing a batch: market-regulation bureaus at province level and above",
    query: `mutation { importAbnormalPatentBatch(input: { batchNo: "m-b", items: [{ applicationNumber: "x", applicantName: "x", applicantRegionCode: "411500" }], dryRun: true }) { created rejected { code } } }`,
    path: ["importAbnormalPatentBatch"],
    expected: row({ "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "recording abnormal-patent handling: market-regulation bureaus (the service checks the allocated bureau)",
    query: `mutation { recordAbnormalPatentHandling(itemId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, input: { action: NOTIFY }) { replayed } }`,
    path: ["recordAbnormalPatentHandling"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "信阳毛尖 under custody: bureaus and associations covering 信阳, and its custodian (XY-IPAA)",
    query: `{ custodyTrademarks(filter: { markContains: "信阳毛尖" }) { edges { node { markName ownerName expiresOn alerts { kind status } } } } }`,
    path: ["custodyTrademarks", "edges", "0"],
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "placing a mark under custody: market-regulation bureaus (jurisdiction checked per mark)",
    query: `mutation { placeTrademarkUnderCustody(input: { idempotencyKey: "m-t", registrationNumber: "x", niceClass: 30, markName: "x", category: KEY_INDUSTRY, ownerName: "x", ownerCreditCode: "91411500MA9F3K2L21", custodianAgencyCode: "XY-IPAA", registeredOn: "2020-01-01", expiresOn: "2030-01-01" }) { replayed } }`,
    path: ["placeTrademarkUnderCustody"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  // --- write permissions and disclosure: each row exercises one decision of the policy (issue 13) ---
  {
    what: "an appraiser of the removed 长垣 institution: enforcement, and the bureaus covering 长垣",
    query: `{ appraiser(id: "{{xuMing}}") { name } }`,
    path: ["appraiser"],
    expected: row({ anonymous: "hidden", "XY-AMR": "hidden", "XY-IPAA": "hidden", ...INSTITUTIONS_HIDDEN }, "ok"),
  },
  {
    what: "a 新乡 appraiser's ID number in full: bureaus and associations with pii:read covering 新乡, naming a case",
    query: `{ appraisers(first: 1, filter: { regionCode: "410700" }) { edges { node { idNumber } } } }`,
    path: ["appraisers", "edges", "0", "node", "idNumber"],
    scopes: ["pii:read"],
    headers: { "x-case-ref": "2025-XX-PSB-001" },
    expectValue: (value) => !String(value).includes("*"),
    expected: row({ anonymous: "denied", "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "limited"),
  },
  {
    what: "a 新乡 appraiser's phone in full: bureaus and associations covering 新乡",
    query: `{ appraisers(first: 1, filter: { regionCode: "410700" }) { edges { node { phone } } } }`,
    path: ["appraisers", "edges", "0", "node", "phone"],
    expectValue: (value) => !String(value).includes("*"),
    expected: row({ anonymous: "denied", "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "limited"),
  },
  {
    what: "changing the status of an appraiser of 信阳中原: the bureaus covering 信阳 (stale version)",
    query: `mutation { changeAppraiserStatus(id: "{{zyjdAppraiser}}", expectedVersion: 999, to: SUSPENDED, reason: "矩阵") { id } }`,
    path: ["changeAppraiserStatus"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XX-AMR": "denied" }, "denied"),
  },
  {
    what: "moving 信阳中原 on the register: bureaus covering 信阳 (stale version)",
    query: `mutation { changeListingStatus(id: "{{zyjd}}", expectedVersion: 999, to: SUSPENDED, reason: "矩阵") { id } }`,
    path: ["changeListingStatus"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "recommending 信阳中原: also the association covering 信阳 (stale version)",
    query: `mutation { changeListingStatus(id: "{{zyjd}}", expectedVersion: 999, to: RECOMMENDED, reason: "矩阵") { id } }`,
    path: ["changeListingStatus"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "moving 信阳中原 to the provincial directory: bureaus covering 信阳 at province level or above (stale version)",
    query: `mutation { changeListingLevel(id: "{{zyjd}}", expectedVersion: 999, level: PROVINCIAL, reason: "矩阵") { id } }`,
    path: ["changeListingLevel"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "moving 信阳中原 to the national directory: only the national bureau (stale version)",
    query: `mutation { changeListingLevel(id: "{{zyjd}}", expectedVersion: 999, level: NATIONAL, reason: "矩阵") { id } }`,
    path: ["changeListingLevel"],
    expected: row({ CNIPA: "allowed" }, "denied"),
  },
  {
    what: "adding a standard to the catalogue: bureaus at province level and above (the code is there: CONFLICT)",
    query: `mutation { addStandard(input: { code: "GB/T 45563.2-2025", title: "知识产权鉴定规范", kind: NATIONAL }) { replayed } }`,
    path: ["addStandard"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "public reports: the queue is for market-regulation bureaus (which reports: their jurisdiction's)",
    query: `{ publicReports(first: 1) { edges { node { id } } } }`,
    path: ["publicReports"],
    expected: row({ "XY-AMR": "ok", "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "triaging a public report about 信阳中原: bureaus covering 信阳; for 新乡's it does not exist (stale version)",
    query: `mutation { triagePublicReport(id: "{{publicReport}}", expectedVersion: 999, input: { outcome: DISMISS, reason: "矩阵" }) { id } }`,
    path: ["triagePublicReport"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "publishing the closed court case with 信阳中原 as typical: bureaus and associations covering 信阳 (it is published already: CONFLICT); for 新乡's bureau it does not exist",
    query: `mutation { publishTypicalCase(caseId: "{{courtCase}}", input: { title: "矩阵", summary: "矩阵", keyPoints: [] }) { replayed } }`,
    path: ["publishTypicalCase"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "the case library: everyone, the public included",
    query: `{ typicalCases(first: 1) { edges { node { title institution { name } } } } }`,
    path: ["typicalCases"],
    expected: row({}, "ok"),
  },
  {
    what: "the demo's warning-education circular to 信阳: its institutions and the bureaus, associations and procuratorates covering 信阳 or above it",
    query: `{ circular(id: "{{circular}}") { title } }`,
    path: ["circular"],
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok", "XY-PROC": "ok", "XY-ZYJD": "ok", "XY-CDJD": "ok" }, "hidden"),
  },
  {
    what: "issuing a circular to 信阳: bureaus and associations covering it (an empty title: BAD_USER_INPUT)",
    query: `mutation { issueCircular(input: { kind: NOTICE, regionCode: "411500", title: "", body: "矩阵" }) { replayed } }`,
    path: ["issueCircular"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "grading 信阳中原 (等级评价): the association covering 信阳 (its key is taken: CONFLICT); never a bureau",
    query: `mutation { recordInstitutionGrade(input: { idempotencyKey: "matrix-grade", institutionId: "{{zyjd}}", grade: AAAA, decidedOn: "2025-03-28", validUntil: "2028-03-27" }) { replayed } }`,
    path: ["recordInstitutionGrade"],
    expected: row({ "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "grading 新乡华信: no association of the matrix covers 新乡",
    query: `mutation { recordInstitutionGrade(input: { idempotencyKey: "matrix-grade", institutionId: "{{huaxin}}", grade: AAAA, decidedOn: "2025-03-28", validUntil: "2028-03-27" }) { replayed } }`,
    path: ["recordInstitutionGrade"],
    expected: row({}, "denied"),
  },
  {
    what: "a listed institution's published evaluation and grade history: everyone",
    query: `{ institution(id: "{{zyjd}}") { publicEvaluation { suppressed latestInspection { result } } gradeHistory { grade } } }`,
    path: ["institution", "publicEvaluation"],
    expected: row({}, "ok"),
  },
  {
    what: "the legal review of the demo's proposal to remove the suspended 信阳 institution: bureaus covering 信阳 (stale version); for 新乡's it does not exist",
    query: `mutation { recordLegalReview(id: "{{removalProposal}}", expectedVersion: 999, input: { conclusion: LAWFUL, opinion: "矩阵" }) { id } }`,
    path: ["recordLegalReview"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "deciding that removal: the same bureaus (stale version)",
    query: `mutation { decideRemoval(id: "{{removalProposal}}", expectedVersion: 999, input: { remove: false, reason: "矩阵" }) { id } }`,
    path: ["decideRemoval"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "filing a complaint about an institution: every agency that deals with appraisals (an unknown institution: BAD_USER_INPUT), never an institution",
    query: `mutation { fileComplaint(input: { idempotencyKey: "m-c", institutionId: "00000000-0000-4000-8000-000000000000", description: "矩阵" }) { replayed } }`,
    path: ["fileComplaint"],
    expected: row({ anonymous: "denied", ...INSTITUTIONS }, "allowed"),
  },
  {
    what: "the contact of the party XY-COURT complained for: in full for the bureaus and associations covering 信阳, masked for the court that filed it",
    query: `{ caseFeedback(id: "{{partyComplaint}}") { partyContact } }`,
    path: ["caseFeedback", "partyContact"],
    expectValue: (value) => !String(value).includes("*"),
    expected: row({ anonymous: "denied", "XY-COURT": "limited", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "listing cases by their possible duplicates: market-regulation bureaus, across their jurisdiction",
    query: `{ appraisalCases(first: 1, filter: { hasPossibleDuplicates: true }) { edges { node { id } } } }`,
    path: ["appraisalCases"],
    expected: row({ "XY-AMR": "ok", "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "the standards catalogue: everyone, the public included",
    query: `{ standards(first: 1) { edges { node { code title } } } }`,
    path: ["standards"],
    expected: row({}, "ok"),
  },
  {
    what: "an institution's step in XY-PSB's case with 信阳茶都: the institution (stale version)",
    query: `mutation { recordCaseProgress(caseId: "{{psbCase}}", expectedVersion: 999, input: { action: SUBMIT_FOR_REVIEW }) { id } }`,
    path: ["recordCaseProgress"],
    // The parties and the supervisors covering 信阳 see the case; for the others it does not exist.
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", "XY-PSB": "denied", "XY-PROC": "denied", "XY-AMR": "denied", "HA-AMR": "denied", CNIPA: "denied", "XY-CDJD": "allowed" }, "hidden"),
  },
  {
    what: "an entrusting agency's step in XY-PSB's case: XY-PSB (stale version)",
    query: `mutation { recordCaseProgress(caseId: "{{psbCase}}", expectedVersion: 999, input: { action: EXTEND_DEADLINE }) { id } }`,
    path: ["recordCaseProgress"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", "XY-CDJD": "denied", "XY-PROC": "denied", "XY-AMR": "denied", "HA-AMR": "denied", CNIPA: "denied", "XY-PSB": "allowed" }, "hidden"),
  },
  {
    what: "a step either party records in XY-PSB's case: XY-PSB and 信阳茶都 (stale version)",
    query: `mutation { recordCaseProgress(caseId: "{{psbCase}}", expectedVersion: 999, input: { action: TERMINATE }) { id } }`,
    path: ["recordCaseProgress"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", "XY-AMR": "denied", "HA-AMR": "denied", CNIPA: "denied", "XY-PROC": "denied", "XY-PSB": "allowed", "XY-CDJD": "allowed" }, "hidden"),
  },
  {
    what: "granting pii:read to a new client system: systems that hold it (the name is taken)",
    query: `mutation { registerClientSystem(input: { idempotencyKey: "m-cs", name: "default", allowedScopes: ["pii:read"] }) { replayed } }`,
    path: ["registerClientSystem"],
    scopes: ["clients:manage", "pii:read"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "adding to XY-AMR's case transfer: its parties (stale version)",
    query: `mutation { addCollaborationEvent(recordId: "{{transfer}}", expectedVersion: 999, input: { kind: REPLIED, note: "矩阵" }) { id } }`,
    path: ["addCollaborationEvent"],
    expected: row({ anonymous: "denied", "HA-AMR": "denied", CNIPA: "denied", "XY-AMR": "allowed", "XY-PSB": "allowed", "XY-PROC": "allowed" }, "hidden"),
  },
  {
    what: "closing XY-AMR's case transfer: its initiator (stale version)",
    query: `mutation { addCollaborationEvent(recordId: "{{transfer}}", expectedVersion: 999, input: { kind: CLOSED, outcome: CASE_FILED }) { id } }`,
    path: ["addCollaborationEvent"],
    expected: row({ anonymous: "denied", "HA-AMR": "denied", CNIPA: "denied", "XY-PSB": "denied", "XY-PROC": "denied", "XY-AMR": "allowed" }, "hidden"),
  },
  {
    what: "a credit record about 刘洋 published only from 2099: the bureaus and associations covering 信阳 (no enforcement case involves him)",
    query: `{ creditRecord(id: "{{futureCredit}}") { id } }`,
    path: ["creditRecord"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "acknowledging a serious record shared for joint punishment: only the agency it was shared with (新乡 court)",
    query: `mutation { acknowledgeCreditShare(recordId: "{{sharedCredit}}") { agencyCode } }`,
    path: ["acknowledgeCreditShare"],
    expected: row({ anonymous: "denied", "XX-COURT": "ok" }, "hidden"),
  },
  {
    what: "recording a credit event about 刘洋 (信阳): bureaus covering 信阳 (no behaviour named)",
    query: `mutation { recordCreditEvent(input: { idempotencyKey: "m-cr2", subjectAppraiserId: "{{liuYang}}", severity: GENERAL, decisionDocNo: "矩阵", basis: "矩阵" }) { replayed } }`,
    path: ["recordCreditEvent"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "requesting repair of the published 郑州 agency's record (河南): bureaus and associations covering 河南 (stale version)",
    query: `mutation { requestCreditRepair(recordId: "{{henanCredit}}", expectedVersion: 999, input: { commitment: "矩阵" }) { id } }`,
    path: ["requestCreditRepair"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "deciding a repair of the 河南 record: bureaus covering 河南 (stale version)",
    query: `mutation { decideCreditRepair(recordId: "{{henanCredit}}", expectedVersion: 999, approve: false, note: "矩阵") { id } }`,
    path: ["decideCreditRepair"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "revoking the 河南 record: bureaus covering 河南 (stale version)",
    query: `mutation { revokeCreditRecord(recordId: "{{henanCredit}}", expectedVersion: 999, reason: "矩阵") { id } }`,
    path: ["revokeCreditRecord"],
    expected: row({ "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "who 刘洋's serious record was shared with (XY-COURT, XY-PROC): the supervisors of 信阳 see every share, an agency its own",
    query: `{ creditRecords(filter: { behaviour: FALSE_APPRAISAL }) { edges { node { sharedWith { agencyCode } } } } }`,
    path: ["creditRecords", "edges", "0", "node", "sharedWith"],
    expectValue: (value) => Array.isArray(value) && value.length > 0,
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok", "XY-COURT": "ok", "XY-PROC": "ok" }, "limited"),
  },
  {
    what: "a positive record announced until long after the demo (信阳中原's red list entry): everyone",
    query: `{ creditIncentive(id: "{{redList}}") { subjectName kind status measures } }`,
    path: ["creditIncentive"],
    expected: row({}, "ok"),
  },
  {
    what: "a positive record's version: the bureaus and associations covering the subject (信阳)",
    query: `{ creditIncentive(id: "{{redList}}") { version } }`,
    path: ["creditIncentive", "version"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "denied"),
  },
  {
    what: "a revoked positive record: only the bureaus and associations covering the subject (信阳)",
    query: `{ creditIncentive(id: "{{revokedIncentive}}") { id } }`,
    path: ["creditIncentive"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "recording a second red list entry for 信阳中原: bureaus covering 信阳 (refused here on its merits: one is running)",
    query: `mutation { recordCreditIncentive(input: { idempotencyKey: "m-ci", subjectCreditCode: "91411500MA9F3K2L21", kind: RED_LIST, decisionDocNo: "矩阵", basis: "矩阵" }) { replayed } }`,
    path: ["recordCreditIncentive"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "revoking 信阳中原's red list entry: bureaus covering 信阳 (stale version)",
    query: `mutation { revokeCreditIncentive(id: "{{redList}}", expectedVersion: 999, reason: "矩阵") { id } }`,
    path: ["revokeCreditIncentive"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "a patent attorney subject's certificate number in full: bureaus and associations covering 信阳 holding pii:read (masked for other agencies)",
    query: `{ creditRecord(id: "{{attorneyCredit}}") { subjectCertificateNo } }`,
    path: ["creditRecord", "subjectCertificateNo"],
    scopes: ["pii:read"],
    expectValue: (value) => typeof value === "string" && !value.includes("*"),
    expected: row({ anonymous: "denied", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "limited"),
  },
  {
    what: "the credit exchange with the public credit platform: market-regulation bureaus, each for its jurisdiction",
    query: `{ creditExport(first: 1) { rows { id } } }`,
    path: ["creditExport"],
    expected: row({ "XY-AMR": "ok", "XX-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "the credit exchange's rows about 信阳 (刘洋's serious record among them): bureaus covering 信阳",
    query: `{ creditExport(first: 1000) { rows { subjectName } } }`,
    path: ["creditExport", "rows"],
    expectValue: (value) => Array.isArray(value) && value.some((r: { subjectName: string }) => r.subjectName === "刘洋"),
    expected: row({ "XY-AMR": "ok", "XX-AMR": "limited", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "信阳's monthly supervision report: the market-regulation bureaus covering 信阳",
    query: `{ monthlyReport(regionCode: "411500", month: "2026-01") { regionName cases { entrusted } } }`,
    path: ["monthlyReport"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "filed monthly reports (信阳's, as the demo filed it): the market-regulation bureaus covering 信阳",
    query: `{ monthlyReports { edges { node { regionCode month } } } }`,
    path: ["monthlyReports", "edges"],
    expectValue: (value) => Array.isArray(value) && value.some((e: { node: { regionCode: string } }) => e.node.regionCode === "411500"),
    expected: row({ "XY-AMR": "ok", "XX-AMR": "limited", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "信阳's filed monthly report by id: the market-regulation bureaus covering 信阳 (null for the other city's)",
    query: `{ filedMonthlyReport(id: "{{xinyangReport}}") { month xlsx { filename } } }`,
    path: ["filedMonthlyReport"],
    expected: row({ "XY-AMR": "ok", "XX-AMR": "hidden", "HA-AMR": "ok", CNIPA: "ok" }, "denied"),
  },
  {
    what: "placing a 信阳 mark under custody: bureaus covering 信阳 (the mark is already held)",
    query: `mutation { placeTrademarkUnderCustody(input: { idempotencyKey: "m-t2", registrationNumber: "7038852", niceClass: 30, markName: "信阳毛尖", category: KEY_INDUSTRY, ownerName: "信阳市茶叶协会", ownerCreditCode: "91411500MA9F3K2L21", custodianAgencyCode: "XY-IPAA", registeredOn: "2010-01-01", expiresOn: "2030-01-01" }) { replayed } }`,
    path: ["placeTrademarkUnderCustody"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "denied"),
  },
  {
    what: "ending custody of 信阳毛尖: the bureaus covering 信阳, not its custodian (stale version)",
    query: `mutation { updateCustodyTrademark(id: "{{maojian}}", expectedVersion: 999, input: { custodyStatus: ENDED }) { id } }`,
    path: ["updateCustodyTrademark"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "hidden"),
  },
  {
    what: "renewing 矩阵茶 (信阳, held by XY-AMR): its custodian and the bureaus covering 信阳, not the association (stale version)",
    query: `mutation { updateCustodyTrademark(id: "{{heldByBureau}}", expectedVersion: 999, input: { expiresOn: "2040-01-01" }) { id } }`,
    path: ["updateCustodyTrademark"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed" }, "hidden"),
  },
  {
    what: "handling an alert about 信阳毛尖: its custodian, XY-IPAA (stale version)",
    query: `mutation { handleTrademarkAlert(alertId: "{{maojianAlert}}", expectedVersion: 999, input: { status: IN_PROGRESS, note: "矩阵" }) { id } }`,
    path: ["handleTrademarkAlert"],
    expected: row({ anonymous: "denied", "XY-AMR": "denied", "HA-AMR": "denied", CNIPA: "denied", "XY-IPAA": "allowed" }, "hidden"),
  },
  {
    what: "handling a 固始县 abnormal-patent item: the bureau it is allocated to, XY-AMR (stale version)",
    query: `mutation { recordAbnormalPatentHandling(itemId: "{{gushiPatent}}", expectedVersion: 999, input: { action: NOTIFY }) { replayed } }`,
    path: ["recordAbnormalPatentHandling"],
    expected: row({ "XY-AMR": "allowed", "XX-AMR": "hidden", "HA-AMR": "denied", CNIPA: "denied" }, "denied"),
  },
  {
    what: "importing an item in 北京市: importers covering 北京 (a dry run; items outside are refused one by one, and no bureau of the demo takes 北京's)",
    query: `mutation { importAbnormalPatentBatch(input: { batchNo: "m-b2", items: [{ applicationNumber: "{{patentNo}}", applicantName: "矩阵", applicantRegionCode: "110000" }], dryRun: true }) { rejected { code } } }`,
    path: ["importAbnormalPatentBatch", "rejected"],
    expectValue: (value) => Array.isArray(value) && !value.some((rejection: { code: string }) => rejection.code === "FORBIDDEN"),
    expected: row({ "HA-AMR": "limited", CNIPA: "ok" }, "denied"),
  },
  {
    what: "adding to the batch CNIPA issued: importers covering the nation (a dry run)",
    query: `mutation { importAbnormalPatentBatch(input: { batchNo: "矩阵国家批", items: [{ applicationNumber: "{{patentNo}}", applicantName: "矩阵", applicantRegionCode: "411502" }], dryRun: true }) { dryRun } }`,
    path: ["importAbnormalPatentBatch"],
    expected: row({ CNIPA: "ok" }, "denied"),
  },
  {
    what: "the batch CNIPA issued with a 信阳 item: bureaus covering the nation or 信阳",
    query: `{ abnormalPatentBatches(filter: { batchNo: "矩阵国家批" }) { edges { node { batchNo } } } }`,
    path: ["abnormalPatentBatches", "edges", "0"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XX-AMR": "hidden" }, "denied"),
  },
  {
    what: "CNIPA's audit entries: CNIPA itself (no province bureau covers the national level)",
    query: `{ auditEvents(first: 1, filter: { agencyCode: "CNIPA" }) { edges { node { agencyCode } } } }`,
    path: ["auditEvents", "edges", "0"],
    expected: row({ anonymous: "denied", "XY-IPAA": "denied", ...INSTITUTIONS, CNIPA: "ok" }, "hidden"),
  },
  {
    what: "statistics of 信阳 with exact small counts: bureaus and associations (suppressed for enforcement)",
    query: `{ statistics(regionCode: "411500") { threshold } }`,
    path: ["statistics", "threshold"],
    expectValue: (value) => value === 1,
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok", "XY-COURT": "limited", "XY-PROC": "limited", "XY-PSB": "limited" }, "denied"),
  },
  {
    what: "the version of an appraiser of 信阳中原 (supervisory data): the bureaus and associations covering 信阳",
    query: `{ appraiser(id: "{{zyjdAppraiser}}") { version } }`,
    path: ["appraiser", "version"],
    expected: row({ "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "denied"),
  },
  {
    what: "recording an inspection of 信阳中原: the bureaus and associations covering 信阳 (their idempotency key is taken)",
    query: `mutation { recordInspection(input: { idempotencyKey: "matrix-inspection", institutionId: "{{zyjd}}", kind: CIRCULAR, conductedOn: "2025-01-02", result: NOTICE }) { id } }`,
    path: ["recordInspection"],
    expected: row({ "XY-AMR": "allowed", "HA-AMR": "allowed", CNIPA: "allowed", "XY-IPAA": "allowed" }, "denied"),
  },
  {
    what: "editing GS-PSB's client system: GS-PSB itself (another agency's system does not exist for the edit; stale version)",
    query: `mutation { updateClientSystem(id: "{{gsPsbClient}}", expectedVersion: 999, input: { description: "矩阵" }) { id } }`,
    path: ["updateClientSystem"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied", "GS-PSB": "allowed" }, "hidden"),
  },
  {
    what: "a client system's own webhooks: any agency's system holding clients:manage",
    query: `{ webhooks { id } }`,
    path: ["webhooks"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied" }, "ok"),
  },
  {
    what: "webhooks need clients:manage: a token without it is refused",
    query: `{ webhooks { id } }`,
    path: ["webhooks"],
    expected: row({}, "denied"),
  },
  {
    what: "deliveries to a system's own webhooks: any agency's system holding clients:manage",
    query: `{ webhookDeliveries(first: 5) { totalCount } }`,
    path: ["webhookDeliveries"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied" }, "ok"),
  },
  {
    what: "subscribing a webhook: any agency's system holding clients:manage (refused here on its merits: the host is not allowed)",
    query: `mutation { subscribeWebhook(input: { idempotencyKey: "m-wh", url: "https://not-allowed.example/hooks", events: ["appraisal_case.overdue"] }) { secret } }`,
    path: ["subscribeWebhook"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied" }, "allowed"),
  },
  {
    what: "editing GS-PSB's webhook: GS-PSB's system itself (another system's does not exist for it; stale version)",
    query: `mutation { updateWebhook(id: "{{gsPsbWebhook}}", expectedVersion: 999, input: { status: PAUSED }) { id } }`,
    path: ["updateWebhook"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied", "GS-PSB": "allowed" }, "hidden"),
  },
  {
    what: "deleting GS-PSB's webhook: GS-PSB's system itself (stale version)",
    query: `mutation { deleteWebhook(id: "{{gsPsbWebhook}}", expectedVersion: 999) { id } }`,
    path: ["deleteWebhook"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied", "GS-PSB": "allowed" }, "hidden"),
  },
  {
    what: "redelivering a delivery of GS-PSB's webhook: GS-PSB's system itself (refused here: it is still pending)",
    query: `mutation { redeliverWebhook(deliveryId: "{{gsPsbDelivery}}") { id } }`,
    path: ["redeliverWebhook"],
    scopes: ["clients:manage"],
    expected: row({ anonymous: "denied", "GS-PSB": "allowed" }, "hidden"),
  },
];


/** The demo records the matrix names by `{{key}}`, looked up by their natural keys. */
export async function matrixIds(hub: TestHub): Promise<Record<string, string>> {
  const one = async (sql: string, params: unknown[] = []): Promise<string> => {
    const rows: Array<{ id: string }> = await hub.db.dataSource.query(sql, params);
    if (rows.length !== 1) throw new Error(`matrix lookup found ${rows.length} rows: ${sql}`);
    return rows[0].id;
  };
  const fixture = async (as: string, query: string) => {
    const res = await hub.graphql(query, { as });
    if (res.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(res.body.errors)}`);
  };
  const liuYang = await one(`SELECT id FROM appraisers WHERE name = '刘洋'`);
  const first12 = "202610900001";
  const patentNo = `${first12}.${patentCheckCharacter(first12)}`;
  await fixture("CNIPA", `mutation { importAbnormalPatentBatch(input: { batchNo: "矩阵国家批", items: [{ applicationNumber: "${patentNo}", applicantName: "矩阵", applicantRegionCode: "411502" }] }) { created } }`);
  await fixture("XY-AMR", `mutation { recordCreditEvent(input: { idempotencyKey: "matrix-future", subjectAppraiserId: "${liuYang}", severity: GENERAL, behaviour: OUT_OF_SCOPE, decisionDocNo: "矩阵〔2099〕1号", basis: "矩阵", announce: false }) { replayed } }`);
  await fixture("XY-AMR", `mutation { recordCreditEvent(input: { idempotencyKey: "matrix-shared", subjectAppraiserId: "${liuYang}", severity: SERIOUS, behaviour: OUT_OF_SCOPE, decisionDocNo: "矩阵〔2099〕2号", basis: "矩阵", announce: false, shareWithAgencyCodes: ["XX-COURT"] }) { replayed } }`);
  // A positive record about 张伟, revoked: it exists only for the supervisors of 信阳.
  const zhangWei = await one(`SELECT id FROM appraisers WHERE name = '张伟'`);
  const incentive = await hub.graphql(`mutation { recordCreditIncentive(input: { idempotencyKey: "matrix-incentive", subjectAppraiserId: "${zhangWei}", kind: COMMENDATION, decisionDocNo: "矩阵", basis: "矩阵" }) { incentive { id } } }`, { as: "XY-AMR" });
  if (incentive.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(incentive.body.errors)}`);
  const revokedIncentive = incentive.body.data.recordCreditIncentive.incentive.id;
  await fixture("XY-AMR", `mutation { revokeCreditIncentive(id: "${revokedIncentive}", expectedVersion: 1, reason: "矩阵") { id } }`);
  await fixture("XY-AMR", `mutation { placeTrademarkUnderCustody(input: { idempotencyKey: "matrix-mark", registrationNumber: "55501234", niceClass: 30, markName: "矩阵茶", category: GEOGRAPHICAL_INDICATION, ownerName: "矩阵茶业", ownerCreditCode: "91411500MA9F3K2L21", custodianAgencyCode: "XY-AMR", registeredOn: "2015-01-01", expiresOn: "2035-01-01" }) { replayed } }`);
  await fixture("XY-IPAA", `mutation { imposeSanction(input: { idempotencyKey: "matrix-sanction", appraiserId: "${liuYang}", kind: CIRCULATED_CRITICISM, reason: "矩阵" }) { replayed } }`);
  // Each supervisor covering 信阳 has used the matrix's inspection key, so the matrix's own inspection answers
  // CONFLICT for them instead of writing.
  const zyjd = await one(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`);
  for (const as of ["XY-AMR", "HA-AMR", "CNIPA", "XY-IPAA"]) {
    await fixture(as, `mutation { recordInspection(input: { idempotencyKey: "matrix-inspection", institutionId: "${zyjd}", kind: CIRCULAR, conductedOn: "2025-01-01", result: NOTICE }) { id } }`);
  }
  const court = await hub.graphql(`mutation { registerIdentityProvider(input: { idempotencyKey: "matrix-idp", agencyCode: "XY-COURT", issuer: "https://idp.court.example", clientId: "hub" }) { replayed } }`, {
    as: "XY-COURT",
    scopes: ["clients:manage"],
  });
  if (court.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(court.body.errors)}`);
  // GS-PSB's webhook, with one delivery queued (the test hub's push workers are off: it stays PENDING).
  const webhook = await hub.graphql(`mutation { subscribeWebhook(input: { idempotencyKey: "matrix-webhook", url: "http://127.0.0.1:9/hooks", events: ["appraisal_case.entrusted"] }) { subscription { id } } }`, {
    as: "GS-PSB",
    scopes: ["clients:manage"],
  });
  if (webhook.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(webhook.body.errors)}`);
  const gsPsbWebhook = webhook.body.data.subscribeWebhook.subscription.id;
  await hub.db.dataSource.query(
    `INSERT INTO webhook_deliveries (subscription_id, event_seq, entity_key) SELECT $1, seq, entity_type || ':' || entity_id FROM hub_events WHERE type = 'appraisal_case.entrusted' ORDER BY seq LIMIT 1`,
    [gsPsbWebhook],
  );
  const graded = await hub.graphql(`mutation { recordInstitutionGrade(input: { idempotencyKey: "matrix-grade", institutionId: "${zyjd}", grade: AAA, decidedOn: "2025-03-28", validUntil: "2028-03-27" }) { replayed } }`, { as: "XY-IPAA" });
  if (graded.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(graded.body.errors)}`);
  const partyComplaint = await hub.graphql(`mutation { fileComplaint(input: { idempotencyKey: "matrix-party", institutionId: "${zyjd}", description: "矩阵投诉", party: { name: "矩阵当事人", contact: "13900001234" } }) { complaint { id } } }`, { as: "XY-COURT" });
  if (partyComplaint.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(partyComplaint.body.errors)}`);
  const report = await hub.graphql(`mutation { submitPublicReport(input: { subjectCreditCode: "91411500MA9F3K2L21", subjectName: "信阳中原知识产权鉴定中心", description: "矩阵举报" }) { status } }`);
  if (report.body.errors) throw new Error(`matrix fixture failed: ${JSON.stringify(report.body.errors)}`);
  await hub.hub.deps.trail.flush();
  const auditHead = await hub.hub.treeHeads.publish();
  return {
    auditHeadSize: auditHead!.treeSize,
    courtAuditSeq: await one(`SELECT e.seq::text AS id FROM audit_events e WHERE e.agency_code = 'XY-COURT' ORDER BY e.seq LIMIT 1`),
    revokedIncentive,
    redList: await one(`SELECT id FROM credit_incentives WHERE kind = 'RED_LIST' AND decision_doc_no = '信市监信〔2025〕12号'`),
    xinyangReport: await one(`SELECT id FROM monthly_reports WHERE region_code = '411500'`),
    attorneyCredit: await one(`SELECT id FROM credit_records WHERE subject_type = 'PATENT_ATTORNEY'`),
    publicReport: await one(`SELECT id FROM public_reports WHERE description = '矩阵举报'`),
    partyComplaint: partyComplaint.body.data.fileComplaint.complaint.id,
    circular: await one(`SELECT id FROM circulars WHERE document_no = '信鉴协〔2025〕3号'`),
    huaxin: await one(`SELECT id FROM institutions WHERE credit_code = '91410700MA9G0T8C63'`),
    removalProposal: await one(`SELECT id FROM removal_proposals ORDER BY proposed_at LIMIT 1`),
    zyjd,
    liuYang,
    courtCase: await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = '(2024)豫15知民初32号'`),
    courtEvaluation: await one(`SELECT f.id FROM case_feedback f WHERE f.kind = 'EVALUATION' AND f.posting_agency_code = 'XY-COURT' ORDER BY f.id LIMIT 1`),
    xuMing: await one(`SELECT id FROM appraisers WHERE name = '徐明'`),
    zhaoLei: await one(`SELECT id FROM appraisers WHERE name = '赵磊'`),
    psbCase: await one(`SELECT id FROM appraisal_cases WHERE agency_case_no = '信公经立字〔2025〕018号'`),
    transfer: await one(`SELECT id FROM collaboration_records WHERE kind = 'CASE_TRANSFER'`),
    futureCredit: await one(`SELECT id FROM credit_records WHERE decision_doc_no = '矩阵〔2099〕1号'`),
    sharedCredit: await one(`SELECT id FROM credit_records WHERE decision_doc_no = '矩阵〔2099〕2号'`),
    henanCredit: await one(`SELECT id FROM credit_records WHERE behaviour = 'MALICIOUS_TRADEMARK_FILING'`),
    maojian: await one(`SELECT id FROM custody_trademarks WHERE mark_name = '信阳毛尖'`),
    gsPsbClient: await one(`SELECT c.id FROM client_systems c JOIN agencies a ON a.id = c.agency_id WHERE a.code = 'GS-PSB' AND c.name = 'default'`),
    heldByBureau: await one(`SELECT id FROM custody_trademarks WHERE mark_name = '矩阵茶'`),
    zyjdAppraiser: await one(`SELECT a.id FROM appraisers a JOIN institutions i ON i.id = a.institution_id WHERE i.credit_code = '91411500MA9F3K2L21' ORDER BY a.name LIMIT 1`),
    maojianAlert: await one(`SELECT a.id FROM trademark_alerts a JOIN custody_trademarks t ON t.id = a.trademark_id WHERE t.mark_name = '信阳毛尖' ORDER BY a.id LIMIT 1`),
    gushiPatent: await one(`SELECT id FROM abnormal_patent_items WHERE region_code = '411525' ORDER BY application_number LIMIT 1`),
    patentNo,
    gsPsbWebhook,
    gsPsbDelivery: await one(`SELECT id FROM webhook_deliveries WHERE subscription_id = $1`, [gsPsbWebhook]),
  };
}
