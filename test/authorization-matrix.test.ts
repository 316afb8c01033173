import { startTestHub, TestHub } from "./support/test-hub";

/**
 * Callers × operations → outcomes. `ok` means data came back without an error on the probed path; `denied`
 * means `null` with FORBIDDEN on that path while the rest of the response still arrived; `hidden` means the
 * record does not exist for the caller: `null` and no error; `allowed` means the guards let a mutation
 * through and the service refused it on its merits (here: the credit code is taken).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

type Caller = "anonymous" | "XY-COURT" | "XX-COURT" | "XY-PROC" | "XY-PSB" | "GS-PSB" | "XY-AMR" | "XX-AMR" | "HA-AMR" | "CNIPA" | "XY-IPAA" | "XY-ZYJD" | "XY-CDJD" | "XX-HXJD";
const CALLERS: Caller[] = ["anonymous", "XY-COURT", "XX-COURT", "XY-PROC", "XY-PSB", "GS-PSB", "XY-AMR", "XX-AMR", "HA-AMR", "CNIPA", "XY-IPAA", "XY-ZYJD", "XY-CDJD", "XX-HXJD"];
/** The appraisal institutions' own systems: 信阳中原 (411500), 信阳茶都 (411502), 新乡华信 (410700). */
const INSTITUTIONS = { "XY-ZYJD": "denied", "XY-CDJD": "denied", "XX-HXJD": "denied" } as const;
const INSTITUTIONS_HIDDEN = { "XY-ZYJD": "hidden", "XY-CDJD": "hidden", "XX-HXJD": "hidden" } as const;
type Outcome = "ok" | "denied" | "hidden" | "allowed";
/** Codes with which a service refuses an authorized mutation on its merits. */
const BUSINESS_REFUSALS = ["CONFLICT", "BAD_USER_INPUT", "INVALID_STATE_TRANSITION", "NOT_FOUND"];

async function probe(caller: Caller, query: string, path: string[], scopes: string[] = []): Promise<Outcome> {
  const res = await hub.graphql(query, caller === "anonymous" ? {} : { as: caller, scopes });
  expect(res.status).toBe(200);
  const errors = res.body.errors ?? [];
  // An error on the probed path, below it, or on a parent of it (a denied list takes its items with it).
  const onPath = errors.filter((e) => (e.path ?? []).every((p, i) => i >= path.length || String(p) === path[i]) && (e.path?.length ?? 0) > 0);
  if (onPath.length > 0) {
    const codes = onPath.map((e) => e.extensions.code);
    // Authorized, but refused for business reasons (a conflict, a state): the guard let it through. A crash
    // (INTERNAL_SERVER_ERROR) is never an outcome the matrix accepts.
    if (!codes.includes("FORBIDDEN")) {
      expect(codes.filter((code) => !BUSINESS_REFUSALS.includes(code))).toEqual([]);
      return "allowed";
    }
    expect(codes).toEqual(onPath.map(() => "FORBIDDEN"));
    let value: any = res.body.data;
    for (const p of path) value = value?.[p];
    expect(value ?? null).toBeNull();
    return "denied";
  }
  expect(errors).toEqual([]);
  let value: any = res.body.data;
  for (const p of path) value = value?.[p];
  return value === null || value === undefined ? "hidden" : "ok";
}

const row = (outcomes: Partial<Record<Caller, Outcome>>, otherwise: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, outcomes[c] ?? otherwise])) as Record<Caller, Outcome>;

const MATRIX: Array<{ what: string; query: string; path: string[]; scopes?: string[]; expected: Record<Caller, Outcome> }> = [
  { what: "agency identity (code, name, kind, region)", query: `{ agency(code: "XY-COURT") { code name kind regionCode } }`, path: ["agency"], expected: row({}, "ok") },
  { what: "the agency list", query: `{ agencies(first: 100) { totalCount edges { node { code name } } } }`, path: ["agencies"], expected: row({}, "ok") },
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
    query: `mutation { registerInstitution(input: { name: "x", creditCode: "91411500MA9F3K2L21", regionCode: "411500", technicalFields: [PATENT] }) { id } }`,
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
    what: "a complaint: the poster (GS-PSB) and bureaus and associations covering the institution",
    query: `{ caseFeedbacks(filter: { kind: COMPLAINT }) { edges { node { complaintStatus nextSteps } } } }`,
    path: ["caseFeedbacks", "edges", "0"],
    expected: row({ anonymous: "denied", "GS-PSB": "ok", "XY-AMR": "ok", "HA-AMR": "ok", CNIPA: "ok", "XY-IPAA": "ok" }, "hidden"),
  },
  {
    what: "an institution's feedback summary: agencies (not the public, not the institutions)",
    query: `{ institution(creditCode: "91411500MA9F3K2L21") { feedbackSummary { count adoptionRate complaintsLast12Months } } }`,
    path: ["institution", "feedbackSummary"],
    expected: row({ anonymous: "denied", ...INSTITUTIONS }, "ok"),
  },
  {
    what: "posting feedback: courts, procuratorates and police",
    query: `mutation { postCaseFeedback(input: { idempotencyKey: "m-f", agencyCaseNo: "x", appraiserId: "00000000-0000-4000-8000-000000000000", kind: EVALUATION, ratings: { conduct: 3 } }) { replayed } }`,
    path: ["postCaseFeedback"],
    expected: row({ "XY-COURT": "allowed", "XX-COURT": "allowed", "XY-PROC": "allowed", "XY-PSB": "allowed", "GS-PSB": "allowed" }, "denied"),
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
];

describe.each(MATRIX)("$what", ({ query, path, scopes, expected }) => {
  it.each(CALLERS)("%s", async (caller) => {
    expect(await probe(caller, query, path, scopes)).toBe(expected[caller]);
  });
});

describe("row scoping", () => {
  it("shows a court only its own agency's audit entries, and a province bureau those of its jurisdiction", async () => {
    await hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "m1", name: "dash" }) { replayed } }`, { as: "XX-AMR", scopes: ["clients:manage"] });
    await hub.graphql(`mutation { registerClientSystem(input: { idempotencyKey: "m1", name: "case" }) { replayed } }`, { as: "XY-COURT", scopes: ["clients:manage"] });
    await hub.hub.deps.trail.flush();
    const agenciesSeen = async (caller: Caller) => {
      const res = await hub.graphql(`{ auditEvents(first: 100) { edges { node { agencyCode } } } }`, { as: caller });
      return [...new Set(res.body.data.auditEvents.edges.map((e: any) => e.node.agencyCode))].sort();
    };
    // Every caller of the matrix above left DENIED entries of its own; each sees only its own agency's.
    expect(await agenciesSeen("XY-COURT")).toEqual(["XY-COURT"]);
    expect(await agenciesSeen("XX-COURT")).toEqual(["XX-COURT"]);
    expect(await agenciesSeen("XY-AMR")).toEqual(["XY-AMR"]);
    const province = await agenciesSeen("HA-AMR");
    expect(province).toEqual(expect.arrayContaining(["HA-AMR", "XX-AMR", "XY-COURT", "GS-PSB"]));
    expect(province).not.toContain("CNIPA");
    expect(await agenciesSeen("CNIPA")).toEqual(expect.arrayContaining(["CNIPA", "HA-AMR", "XY-COURT"]));
  });

  it("lists client systems only for agencies the caller administers", async () => {
    const res = await hub.graphql(`{ agencies(first: 100) { edges { node { code clientSystems { name } } } } }`, { as: "XY-AMR" });
    const visible = res.body.data.agencies.edges.filter((e: any) => e.node.clientSystems !== null).map((e: any) => e.node.code).sort();
    expect(visible).toEqual(["GS-PSB", "XY-AMR", "XY-CDJD", "XY-COURT", "XY-IPAA", "XY-PROC", "XY-PSB", "XY-ZYJD"]);
  });
});
