import { caseSubjectKeys, keysInText } from "../src/domain/case-subject";
import { patentCheckCharacter } from "../src/domain/identifiers";
import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor, moveListing, qualifyForListing, registerInstitution } from "./support/directory";
import { insertDefaultClient } from "../src/services/client-system.service";

/**
 * Duplicate and repeated appraisals (issue 18, 防范多头、重复鉴定): a new entrustment is compared by the subject's
 * normalized identifiers with open and recent cases of every agency; each side is warned with only what it may
 * know of the other; a re-appraisal names the case it repeats.
 */
const patent = (first12: string) => `${first12}.${patentCheckCharacter(first12)}`;
const PATENT = patent("202310567890");

describe("subject keys", () => {
  it("finds patent numbers in any usual spelling, trademark numbers and credit codes, and ignores numbers that fail their check", () => {
    const wrong = `202310567890.${(Number(patentCheckCharacter("202310567890")) + 1) % 10}`;
    expect(keysInText(`被诉产品与ZL ${PATENT.replace(".", "．")}号专利比对；另案 ${wrong}`).objects).toEqual([`patent:${PATENT}`]);
    expect(keysInText(`CN${PATENT}`).objects).toEqual([`patent:${PATENT}`]);
    expect(keysInText("第１２３４５６７８号注册商标").objects).toEqual(["trademark:12345678"]);
    expect(keysInText("被告 91411500MA9F3K2L21 与 91411500MA9F3K2L22").parties).toEqual(["party:91411500MA9F3K2L21"]);
    expect(caseSubjectKeys({ subject: "", matter: "专利 侵权比对", identifiers: [`ZL${PATENT}`, "12345678"] })).toEqual({
      objectKeys: [`patent:${PATENT}`, "trademark:12345678"],
      partyKeys: [],
      matterKey: "专利侵权比对",
    });
    expect(() => caseSubjectKeys({ subject: "", matter: "x", identifiers: ["not an identifier"] })).toThrow(/subject identifier/);
  });
});

describe("entrusting the same subject twice", () => {
  let hub: TestHub;
  const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) {
    appraisalCase { id agencyCaseNo }
    warnings { code message duplicate { entrustingAgencyKind entrustingRegionCode entrustedOn sharedIdentifiers sameMatter appraisalCase { id agencyCaseNo } institution { name } } }
  } }`;
  let zyjd: string;
  let cdjd: string;

  beforeAll(async () => {
    hub = await startTestHub();
    const ids = await hub.db.dataSource.query(`SELECT id, credit_code FROM institutions WHERE credit_code IN ('91411500MA9F3K2L21', '91410700MA9G0T8C63')`);
    zyjd = ids.find((r: { credit_code: string }) => r.credit_code === "91411500MA9F3K2L21").id;
    cdjd = ids.find((r: { credit_code: string }) => r.credit_code === "91410700MA9G0T8C63").id;
  }, 60_000);
  afterAll(() => hub?.stop());

  const entrust = (as: string, key: string, caseNo: string, institutionId: string, extra: Record<string, unknown> = {}) =>
    hub.graphql(ENTRUST, { as, variables: { input: { idempotencyKey: key, agencyCaseNo: caseNo, institutionId, technicalField: "PATENT", matter: "专利侵权比对", subject: `与ZL${PATENT}号专利比对`, ...extra } } });

  it("warns both agencies with only what each may know of the other's case", async () => {
    const first = await entrust("XY-COURT", "dup-1", "(2026)豫15知民初101号", zyjd);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.entrustAppraisal.warnings).toEqual([]);

    // The police entrust the same patent under their own number, with another institution.
    const second = await entrust("XY-PSB", "dup-2", "信公经立字〔2026〕101号", cdjd);
    expect(second.body.errors).toBeUndefined();
    const [warning] = second.body.data.entrustAppraisal.warnings;
    expect(warning).toMatchObject({
      code: "POSSIBLE_DUPLICATE",
      duplicate: { entrustingAgencyKind: "COURT", entrustingRegionCode: "411500", sharedIdentifiers: [`patent:${PATENT}`], sameMatter: true, institution: { name: expect.any(String) } },
    });
    // The court's case is not the police's to see: neither its number nor its parties.
    expect(warning.duplicate.appraisalCase).toBeNull();
    expect(JSON.stringify(second.body)).not.toContain("(2026)豫15知民初101号");

    // The court sees the police's entrustment on its own case, without the police's case number.
    const courtCase = first.body.data.entrustAppraisal.appraisalCase.id;
    const court = await hub.graphql(`{ appraisalCase(id: "${courtCase}") { possibleDuplicates { entrustingAgencyKind sharedIdentifiers appraisalCase { agencyCaseNo } } } }`, { as: "XY-COURT" });
    expect(court.body.data.appraisalCase.possibleDuplicates).toEqual([{ entrustingAgencyKind: "POLICE", sharedIdentifiers: [`patent:${PATENT}`], appraisalCase: null }]);

    // The bureau covering both sees both cases in full.
    const bureau = await hub.graphql(`{ appraisalCase(id: "${courtCase}") { possibleDuplicates { appraisalCase { agencyCaseNo } } } }`, { as: "XY-AMR" });
    expect(bureau.body.data.appraisalCase.possibleDuplicates).toEqual([{ appraisalCase: { agencyCaseNo: "信公经立字〔2026〕101号" } }]);

    // A procuratorate sees the case (it supervises), not its possible duplicates.
    const procuratorate = await hub.graphql(`{ appraisalCase(id: "${courtCase}") { id possibleDuplicates { entrustedOn } } }`, { as: "XY-PROC" });
    expect(procuratorate.body.errors?.map((e) => [e.extensions.code, e.path?.join(".")])).toEqual([["FORBIDDEN", "appraisalCase.possibleDuplicates"]]);
  });

  it("does not warn about another subject, another field, or a party shared in another matter", async () => {
    const other = await entrust("XX-COURT", "dup-3", "(2026)豫07知民初5号", zyjd, { subject: `与ZL${patent("202310567891")}号专利比对` });
    expect(other.body.data.entrustAppraisal.warnings).toEqual([]);
  });

  it("links a re-appraisal to the case it repeats, and does not warn about it", async () => {
    const first = await hub.db.dataSource.query(`SELECT id FROM appraisal_cases WHERE agency_case_no = '(2026)豫15知民初101号'`);
    const firstId = first[0].id as string;
    const refused = await entrust("XY-COURT", "dup-4", "(2026)豫15知民初101-1号", zyjd, { reappraisalOf: firstId });
    expect(refused.body.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([["BAD_USER_INPUT", "input.reappraisalOf"]]); // not issued yet
    await hub.db.dataSource.query(`UPDATE appraisal_cases SET issued_on = entrusted_on, status = 'ISSUED' WHERE id = $1`, [firstId]);
    const again = await entrust("XY-COURT", "dup-5", "(2026)豫15知民初101-1号", zyjd, { reappraisalOf: firstId });
    expect(again.body.errors).toBeUndefined();
    // The police's case is still a possible duplicate; the case it repeats is not.
    expect(again.body.data.entrustAppraisal.warnings.map((w: { duplicate: { entrustingAgencyKind: string } }) => w.duplicate.entrustingAgencyKind)).toEqual(["POLICE"]);
    const linked = await hub.graphql(`{ appraisalCase(id: "${firstId}") { reappraisals { agencyCaseNo reappraisalOf { id } } } }`, { as: "XY-COURT" });
    expect(linked.body.data.appraisalCase.reappraisals).toEqual([{ agencyCaseNo: "(2026)豫15知民初101-1号", reappraisalOf: { id: firstId } }]);
  });

  it("refuses an identifier that is none of the kinds, naming it", async () => {
    const res = await entrust("XY-COURT", "dup-6", "(2026)豫15知民初102号", zyjd, { subjectIdentifiers: ["ZL202310567890.0", "abc"] });
    expect(res.body.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([["BAD_USER_INPUT", expect.stringMatching(/^input\.subjectIdentifiers\[\d\]$/)]]);
  });
});

describe("appraisers' credentials as of any day", () => {
  let hub: TestHub;
  let zhangWei: string;
  let liNa: string;
  let zyjd: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const one = async (sql: string, params: unknown[]) => ((await hub.db.dataSource.query(sql, params)) as Array<{ id: string }>)[0].id;
    zhangWei = await one(`SELECT id FROM appraisers WHERE name = $1`, ["张伟"]);
    liNa = await one(`SELECT id FROM appraisers WHERE name = $1`, ["李娜"]);
    zyjd = await one(`SELECT id FROM institutions WHERE credit_code = $1`, ["91411500MA9F3K2L21"]);
  }, 60_000);
  afterAll(() => hub?.stop());

  const HISTORY = `query($id: ID!, $before: Date!, $on: Date!) { appraiser(id: $id) { status before: statusOn(date: $before) on: statusOn(date: $on) statusHistory { status reason decisionDocNo decidedBy effectiveOn } } }`;
  const CHANGE = `mutation($id: ID!, $v: Int!, $to: AppraiserStatus!, $reason: String!, $doc: String, $on: Date) { changeAppraiserStatus(id: $id, expectedVersion: $v, to: $to, reason: $reason, decisionDocNo: $doc, effectiveOn: $on) { version status } }`;

  it("keeps a sanction's reason and decision, and answers the status on a day before and after it", async () => {
    const [{ version }] = await hub.db.dataSource.query(`SELECT version FROM appraisers WHERE id = $1`, [zhangWei]);
    const suspended = await hub.graphql(CHANGE, { as: "XY-AMR", variables: { id: zhangWei, v: version, to: "SUSPENDED", reason: "出具虚假鉴定意见，暂停执业六个月", doc: "信市监罚〔2026〕12号", on: "2026-03-01" } });
    expect(suspended.body.errors).toBeUndefined();
    const read = await hub.graphql(HISTORY, { as: "XY-COURT", variables: { id: zhangWei, before: "2026-02-28", on: "2026-03-01" } });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.appraiser).toEqual({
      status: "SUSPENDED",
      before: "ACTIVE",
      on: "SUSPENDED",
      statusHistory: [
        { status: "ACTIVE", reason: null, decisionDocNo: null, decidedBy: null, effectiveOn: null },
        { status: "SUSPENDED", reason: "出具虚假鉴定意见，暂停执业六个月", decisionDocNo: "信市监罚〔2026〕12号", decidedBy: "XY-AMR", effectiveOn: "2026-03-01" },
      ],
    });
    // History is not rewritten: a later decision cannot take effect before the last one.
    const early = await hub.graphql(CHANGE, { as: "XY-AMR", variables: { id: zhangWei, v: suspended.body.data.changeAppraiserStatus.version, to: "ACTIVE", reason: "期满恢复", on: "2026-02-01" } });
    expect(early.body.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([["BAD_USER_INPUT", "effectiveOn"]]);
    // The public sees neither the history nor the status on a day.
    const anonymous = await hub.graphql(HISTORY, { variables: { id: zhangWei, before: "2026-02-28", on: "2026-03-01" } });
    expect(anonymous.body.data?.appraiser?.statusHistory ?? null).toBeNull();
  });

  it("keeps an association's sanction under its charter beside the appraiser, without changing the status; a bureau decides status instead", async () => {
    const IMPOSE = `mutation($input: ImposeSanctionInput!) { imposeSanction(input: $input) { replayed sanction { kind reason decisionDocNo decidedOn decidedByAgencyCode } } }`;
    const input = { idempotencyKey: "sanction-1", appraiserId: liNa, kind: "PUBLIC_CENSURE", reason: "违反协会章程，出具意见不规范", decisionDocNo: "信知协〔2026〕3号", decidedOn: "2026-04-01" };
    const first = await hub.graphql(IMPOSE, { as: "XY-IPAA", variables: { input } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.imposeSanction).toEqual({ replayed: false, sanction: { kind: "PUBLIC_CENSURE", reason: input.reason, decisionDocNo: input.decisionDocNo, decidedOn: "2026-04-01", decidedByAgencyCode: "XY-IPAA" } });
    expect((await hub.graphql(IMPOSE, { as: "XY-IPAA", variables: { input } })).body.data.imposeSanction.replayed).toBe(true);
    const bureau = await hub.graphql(IMPOSE, { as: "XY-AMR", variables: { input: { ...input, idempotencyKey: "sanction-2" } } });
    expect(bureau.body.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    const read = await hub.graphql(`{ appraiser(id: "${liNa}") { status sanctions { kind decidedByAgencyCode } } }`, { as: "XY-COURT" });
    expect(read.body.data.appraiser).toEqual({ status: "ACTIVE", sanctions: [{ kind: "PUBLIC_CENSURE", decidedByAgencyCode: "XY-IPAA" }] });
  });

  it("assigns no appraiser whose every qualification has lapsed on the day, nor from an institution no longer listed for the field", async () => {
    const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id version } } }`;
    const PROGRESS = `mutation($id: ID!, $v: Int!, $input: CaseProgressInput!) { recordCaseProgress(caseId: $id, expectedVersion: $v, input: $input) { version } }`;
    const entrusted = await hub.graphql(ENTRUST, { as: "XY-COURT", variables: { input: { idempotencyKey: "cred-1", agencyCaseNo: "(2026)豫15知民初201号", institutionId: zyjd, technicalField: "PATENT", matter: "专利侵权比对" } } });
    const { id, version } = entrusted.body.data.entrustAppraisal.appraisalCase;
    const accepted = await hub.graphql(PROGRESS, { as: "XY-ZYJD", variables: { id, v: version, input: { action: "ACCEPT" } } });
    const v = accepted.body.data.recordCaseProgress.version;
    // 张伟 was reinstated for the test; 李娜's one certificate lapsed yesterday.
    await hub.db.dataSource.query(`UPDATE appraisers SET status = 'ACTIVE' WHERE id = $1`, [zhangWei]);
    await hub.db.dataSource.query(`INSERT INTO appraiser_status_events (appraiser_id, status, reason, effective_on) VALUES ($1, 'ACTIVE', 'test', current_date)`, [zhangWei]);
    await hub.db.dataSource.query(`UPDATE appraisers SET qualifications = jsonb_set(qualifications, '{0,validUntil}', to_jsonb((current_date - 1)::text)) WHERE id = $1`, [liNa]);
    const picks = [zhangWei, liNa].map((appraiserId) => ({ appraiserId, recusalDeclaration: "本人与本案当事人无利害关系" }));
    const lapsed = await hub.graphql(PROGRESS, { as: "XY-ZYJD", variables: { id, v, input: { action: "ASSIGN_APPRAISERS", appraisers: picks } } });
    expect(lapsed.body.errors?.map((e) => e.message)).toEqual(["Every assigned appraiser's qualification must be valid on the day of assignment."]);
    await hub.db.dataSource.query(`UPDATE appraisers SET qualifications = jsonb_set(qualifications, '{0,validUntil}', 'null'::jsonb) WHERE id = $1`, [liNa]);
    await hub.db.dataSource.query(`UPDATE institutions SET listing_status = 'SUSPENDED' WHERE id = $1`, [zyjd]);
    const unlisted = await hub.graphql(PROGRESS, { as: "XY-ZYJD", variables: { id, v, input: { action: "ASSIGN_APPRAISERS", appraisers: picks } } });
    expect(unlisted.body.errors?.map((e) => e.message)).toEqual(["The institution is no longer listed for the case's technical field: it cannot assign appraisers."]);
    await hub.db.dataSource.query(`UPDATE institutions SET listing_status = 'LISTED' WHERE id = $1`, [zyjd]);
    const assigned = await hub.graphql(PROGRESS, { as: "XY-ZYJD", variables: { id, v, input: { action: "ASSIGN_APPRAISERS", appraisers: picks } } });
    expect(assigned.body.errors).toBeUndefined();
  });
});

describe("the standards catalogue and the listing conditions", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 60_000);
  afterAll(() => hub?.stop());

  const STANDARDS = `query($f: StandardFilter) { standards(filter: $f, first: 10) { totalCount edges { node { code title part kind technicalField issuedOn effectiveOn status } } } }`;
  const ADD = `mutation($input: AddStandardInput!) { addStandard(input: $input) { standard { id code version } replayed } }`;
  const errorOf = (res: { body: { errors?: Array<{ extensions: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;
  let n = 0;
  const fresh = async () => {
    n += 1;
    const res = await registerInstitution(hub, "XY-AMR", { name: `入库条件测试${n}`, creditCode: creditCodeFor("411502", 700 + n), regionCode: "411502" });
    return res.body.data!.registerInstitution!.institution as { id: string; version: number };
  };
  /** Moves through the register, answering the new version or the error's extensions. */
  const move = async (id: string, v: number, to: string, on?: string, as = "XY-AMR") => {
    const res = await moveListing(hub, as, id, v, to as never, on);
    return res.body.errors ? { error: res.body.errors[0].extensions as Record<string, unknown>, message: res.body.errors[0].message } : { v: res.body.data!.changeListingStatus!.version! };
  };

  it("lists the confirmed national standard publicly, matches codes however they are spelt, and grows only by province bureaus", async () => {
    const all = (await hub.graphql(STANDARDS)).body.data.standards;
    expect(all.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      code: "GB/T 45563.2—2025", title: "知识产权鉴定规范", part: "第2部分：专利", kind: "NATIONAL", technicalField: "PATENT", issuedOn: "2025-04-25", effectiveOn: "2025-04-25", status: "IN_FORCE",
    });
    const spelt = (await hub.graphql(STANDARDS, { variables: { f: { codeContains: "gb/t45563.2-2025" } } })).body.data.standards;
    expect(spelt.totalCount).toBe(1);
    expect((await hub.graphql(STANDARDS, { variables: { f: { technicalField: "TRADEMARK" } } })).body.data.standards.edges.map((e: { node: { code: string } }) => e.node.code)).not.toContain("GB/T 45563.2—2025");

    const input = { code: "T/HNIPA 0001—2025", title: "测试团体标准", kind: "GROUP", technicalField: "TRADEMARK", issuedOn: "2025-05-01" };
    expect(errorOf(await hub.graphql(ADD, { as: "XY-AMR", variables: { input } }))).toMatchObject({ code: "FORBIDDEN" });
    const added = await hub.graphql(ADD, { as: "HA-AMR", variables: { input } });
    expect(added.body.errors).toBeUndefined();
    expect(errorOf(await hub.graphql(ADD, { as: "HA-AMR", variables: { input: { ...input, code: "t/hnipa 0001-2025" } } }))).toEqual({ code: "CONFLICT", field: "input.code" });
    expect(errorOf(await hub.graphql(ADD, { as: "HA-AMR", variables: { input: { ...input, code: "不是标准号" } } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.code" });
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'addStandard' AND entity_id = $1`, [added.body.data.addStandard.standard.id]);
    expect(audit).toEqual([{ n: 1 }]);

    // An institution's compliance must name a catalogue entry; the catalogue's spelling is kept.
    const inst = await fresh();
    const UPDATE = `mutation($id: ID!, $v: Int!, $s: [ComplianceStandardInput!]) { updateInstitution(id: $id, expectedVersion: $v, input: { standards: $s }) { standards { code title standard { code kind } } } }`;
    const unknown = await hub.graphql(UPDATE, { as: "XY-AMR", variables: { id: inst.id, v: inst.version, s: [{ code: "GB/T 42755-2023", title: "知识产权鉴定规范" }] } });
    expect(errorOf(unknown)).toEqual({ code: "BAD_USER_INPUT", field: "input.standards" });
    const known = await hub.graphql(UPDATE, { as: "XY-AMR", variables: { id: inst.id, v: inst.version, s: [{ code: "GB/T 45563.2-2025", title: "鉴定规范" }] } });
    expect(known.body.data.updateInstitution.standards).toEqual([{ code: "GB/T 45563.2—2025", title: "知识产权鉴定规范 第2部分：专利", standard: { code: "GB/T 45563.2—2025", kind: "NATIONAL" } }]);
  });

  it("refuses a listing without a verified standard or with too few appraisers, with the reason, and writes nothing", async () => {
    const inst = await fresh();
    let v = (await move(inst.id, inst.version, "RECOMMENDED", undefined, "XY-IPAA")).v!;
    v = (await move(inst.id, v, "UNDER_REVIEW")).v!;
    const noStandard = await move(inst.id, v, "LISTED");
    expect(noStandard.error).toEqual({ code: "INVALID_STATE_TRANSITION", from: "UNDER_REVIEW", to: "LISTED", reason: "NO_VERIFIED_STANDARD" });

    v = await qualifyForListing(hub, "XY-AMR", { id: inst.id, version: v }, "411502", 9201, 2);
    const tooFew = await move(inst.id, v, "LISTED");
    expect(tooFew.error).toEqual({ code: "INVALID_STATE_TRANSITION", from: "UNDER_REVIEW", to: "LISTED", reason: "TOO_FEW_APPRAISERS" });
    expect(tooFew.message).toContain("2 active appraisers; listing needs at least 3");
    const [row] = await hub.db.dataSource.query(`SELECT listing_status, version, (SELECT count(*)::int FROM listing_events WHERE institution_id = $1) AS events FROM institutions WHERE id = $1`, [inst.id]);
    expect(row).toEqual({ listing_status: "UNDER_REVIEW", version: v, events: 2 });

    await qualifyForListing(hub, "XY-AMR", { id: inst.id, version: v }, "411502", 9202, 1).catch(() => undefined);
    const [{ version }] = await hub.db.dataSource.query(`SELECT version FROM institutions WHERE id = $1`, [inst.id]);
    expect((await move(inst.id, version, "LISTED")).error).toBeUndefined();
  });

  it("lets a rejected institution apply again at once and a removed one after the waiting period, keeping the history", async () => {
    const rejected = await fresh();
    let v = (await move(rejected.id, rejected.version, "RECOMMENDED", undefined, "XY-IPAA")).v!;
    v = (await move(rejected.id, v, "UNDER_REVIEW")).v!;
    v = (await move(rejected.id, v, "REJECTED")).v!;
    expect((await move(rejected.id, v, "RECOMMENDED", undefined, "XY-IPAA")).error).toBeUndefined();

    const removed = await fresh();
    v = await qualifyForListing(hub, "XY-AMR", removed, "411502", 9301);
    for (const [to, on] of [["RECOMMENDED", "2024-01-02"], ["UNDER_REVIEW", "2024-01-10"], ["LISTED", "2024-02-01"], ["REMOVED", "2024-06-01"]]) v = (await move(removed.id, v, to, on)).v!;
    expect((await move(removed.id, v, "RECOMMENDED", "2025-05-31", "XY-IPAA")).error).toEqual({ code: "INVALID_STATE_TRANSITION", from: "REMOVED", to: "RECOMMENDED", reason: "WAITING_PERIOD" });
    v = (await move(removed.id, v, "RECOMMENDED", "2025-06-01", "XY-IPAA")).v!;
    const history = (await hub.graphql(`query($id: ID!) { institution(id: $id) { listingStatus listingHistory { fromStatus toStatus effectiveOn } } }`, { as: "XY-AMR", variables: { id: removed.id } })).body.data.institution;
    expect(history.listingStatus).toBe("RECOMMENDED");
    expect(history.listingHistory.map((e: { toStatus: string }) => e.toStatus)).toEqual(["RECOMMENDED", "REMOVED", "LISTED", "UNDER_REVIEW", "RECOMMENDED"]);
  });

  it("records the standards an appraisal applied with its ISSUE step, and counts the listed institutions applying one by region", async () => {
    const [zyjd] = await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`);
    const pair = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name IN ('张伟', '李娜')`);
    const entrusted = await hub.graphql(`mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id version } } }`, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "std-1", agencyCaseNo: "(2026)豫15知民初301号", institutionId: zyjd.id, technicalField: "PATENT", matter: "专利侵权比对" } },
    });
    let { id, version } = entrusted.body.data.entrustAppraisal.appraisalCase;
    const step = async (input: Record<string, unknown>) => {
      const res = await hub.graphql(`mutation($id: ID!, $v: Int!, $input: CaseProgressInput!) { recordCaseProgress(caseId: $id, expectedVersion: $v, input: $input) { version standardsApplied { code } } }`, { as: "XY-ZYJD", variables: { id, v: version, input } });
      if (!res.body.errors) version = res.body.data.recordCaseProgress.version;
      return res;
    };
    for (const input of [{ action: "ACCEPT" }, { action: "ASSIGN_APPRAISERS", appraisers: pair.map((a: { id: string }) => ({ appraiserId: a.id, recusalDeclaration: "无应当回避情形" })) }, { action: "SUBMIT_FOR_REVIEW" }]) {
      expect((await step(input)).body.errors).toBeUndefined();
    }
    const unknown = await step({ action: "ISSUE", opinionDocNo: "中原知鉴〔2026〕第1号", opinionSha256: "a".repeat(64), standardsApplied: ["GB/T 42755-2023"] });
    expect(errorOf(unknown)).toEqual({ code: "BAD_USER_INPUT", field: "input.standardsApplied" });
    const issued = await step({ action: "ISSUE", opinionDocNo: "中原知鉴〔2026〕第1号", opinionSha256: "a".repeat(64), standardsApplied: ["GB/T45563.2-2025"] });
    expect(issued.body.data.recordCaseProgress.standardsApplied).toEqual([{ code: "GB/T 45563.2—2025" }]);

    const stats = await hub.graphql(`{ statistics(regionCode: "410000") { directory { standardAdoptionByRegion { total cells { key value } } } } }`, { as: "HA-AMR" });
    const adoption = stats.body.data.statistics.directory.standardAdoptionByRegion;
    // 信阳中原 (信阳) and 新乡华信 (新乡) in the demo, and the institution listed above (信阳).
    expect(adoption.cells.filter((c: { value: number }) => c.value > 0).map((c: { key: string; value: number }) => [c.key, c.value])).toEqual([["410700", 1], ["411500", 2]]);
  });

  it("moves a listed institution to the provincial directory as a decision of the province bureau, keeping the listing", async () => {
    const CHANGE = `mutation($id: ID!, $v: Int!, $level: ListingLevel!) { changeListingLevel(id: $id, expectedVersion: $v, level: $level, reason: "名录库互荐共享：推荐纳入省级名录库", decisionDocNo: "豫市监〔2026〕9号") { listingStatus listingLevel listedAt version listingHistory { fromStatus toStatus listingLevel decisionDocNo } } }`;
    const [zyjd] = await hub.db.dataSource.query(`SELECT id, version, listed_since::text AS listed FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`);
    expect(errorOf(await hub.graphql(CHANGE, { as: "XY-AMR", variables: { id: zyjd.id, v: zyjd.version, level: "PROVINCIAL" } }))).toMatchObject({ code: "FORBIDDEN" });
    const moved = (await hub.graphql(CHANGE, { as: "HA-AMR", variables: { id: zyjd.id, v: zyjd.version, level: "PROVINCIAL" } })).body.data.changeListingLevel;
    expect(moved).toMatchObject({ listingStatus: "LISTED", listingLevel: "PROVINCIAL", listedAt: zyjd.listed, version: zyjd.version + 1 });
    expect(moved.listingHistory[0]).toEqual({ fromStatus: "LISTED", toStatus: "LISTED", listingLevel: "PROVINCIAL", decisionDocNo: "豫市监〔2026〕9号" });

    const [notListed] = await hub.db.dataSource.query(`SELECT id, version FROM institutions WHERE credit_code = '91411525MA47GT3K2G'`);
    expect(errorOf(await hub.graphql(CHANGE, { as: "HA-AMR", variables: { id: notListed.id, v: notListed.version, level: "PROVINCIAL" } }))).toMatchObject({ code: "INVALID_STATE_TRANSITION", from: "RECOMMENDED" });
  });
});

describe("entrusters beyond courts: arbitration, mediation and bureaus", () => {
  let hub: TestHub;
  let zyjd: string;
  let zhangWei: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const one = async (sql: string, params: unknown[]) => ((await hub.db.dataSource.query(sql, params)) as Array<{ id: string }>)[0].id;
    zyjd = await one(`SELECT id FROM institutions WHERE credit_code = $1`, ["91411500MA9F3K2L21"]);
    zhangWei = await one(`SELECT id FROM appraisers WHERE name = $1`, ["张伟"]);
    for (const [code, name, kind] of [["XY-ARB", "信阳仲裁委员会", "ARBITRATION"], ["XY-MED", "信阳市知识产权纠纷人民调解委员会", "MEDIATION"]]) {
      const res = await hub.graphql(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { id kind regionCode } } }`, { as: "HA-AMR", scopes: ["registry:admin"], variables: { input: { code, name, kind, regionCode: "411500" } } });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      // Its case system, as `hub client add` would register it (the hub signs the test's tokens for it).
      await insertDefaultClient(hub.db.dataSource.manager, res.body.data.registerAgency.agency, "案件系统");
    }
  }, 60_000);
  afterAll(() => hub?.stop());

  const ENTRUST = `mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id entrustingAgency { kind } } } }`;
  const FEEDBACK = `mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id kind } replayed } }`;
  const entrust = async (as: string, caseNo: string) => {
    const res = await hub.graphql(ENTRUST, { as, variables: { input: { idempotencyKey: `ent-${caseNo}`, agencyCaseNo: caseNo, institutionId: zyjd, technicalField: "PATENT", matter: "专利侵权比对", subject: `${caseNo}的技术方案比对` } } });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.entrustAppraisal.appraisalCase as { id: string; entrustingAgency: { kind: string } };
  };
  const feedback = (as: string, caseNo: string, caseId?: string) =>
    hub.graphql(FEEDBACK, { as, variables: { input: { idempotencyKey: `fb-${as}-${caseNo}-${caseId ?? "none"}`, agencyCaseNo: caseNo, caseId, appraiserId: zhangWei, kind: "EVALUATION", ratings: { professionalism: 4 } } } });

  it.each([
    ["XY-ARB", "ARBITRATION", "(2026)信仲字第12号"],
    ["XY-MED", "MEDIATION", "信知调〔2026〕3号"],
  ])("%s entrusts and feeds back like a court", async (as, kind, caseNo) => {
    const c = await entrust(as, caseNo);
    expect(c.entrustingAgency.kind).toBe(kind);
    const posted = await feedback(as, caseNo, c.id);
    expect(posted.body.errors).toBeUndefined();
    expect(posted.body.data.postCaseFeedback.feedback.kind).toBe("EVALUATION");
  });

  it("lets a bureau feed back on a case it entrusted, named, and on no other", async () => {
    const own = await entrust("XY-AMR", "信市监裁〔2026〕8号");
    expect((await feedback("XY-AMR", "信市监裁〔2026〕8号")).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const posted = await feedback("XY-AMR", "信市监裁〔2026〕8号", own.id);
    expect(posted.body.errors).toBeUndefined();
    const courtCase = (await hub.db.dataSource.query(`SELECT id FROM appraisal_cases WHERE agency_case_no = '(2024)豫15知民初32号'`))[0].id;
    expect((await feedback("XY-AMR", "(2024)豫15知民初32号", courtCase)).body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.caseId" });
    // An association entrusts nothing and feeds back on nothing.
    expect((await feedback("XY-IPAA", "x", own.id)).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("grades and published evaluations", () => {
  let hub: TestHub;
  let zyjd: string;
  let chadu: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const one = async (code: string) => (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = $1`, [code]))[0].id as string;
    zyjd = await one("91411500MA9F3K2L21");
    chadu = await one("91411502MA4X7Q1R0F");
  }, 60_000);
  afterAll(() => hub?.stop());

  const GRADE = `mutation($input: RecordInstitutionGradeInput!) { recordInstitutionGrade(input: $input) { grade { grade decidedOn validUntil decisionDocNo decidedByAgencyCode } replayed } }`;
  const READ = `query($id: ID!) { institution(id: $id) { grade gradeHistory { grade decidedOn validUntil decisionDocNo } } }`;
  const grade = (as: string, key: string, input: Record<string, unknown>) => hub.graphql(GRADE, { as, variables: { input: { idempotencyKey: key, institutionId: chadu, ...input } } });

  it("records the association's grades with decision and validity, keeps the history, and shows the grade only while it is valid", async () => {
    const before = (await hub.graphql(READ, { variables: { id: chadu } })).body.data.institution;
    expect(before).toEqual({ grade: "AA", gradeHistory: [{ grade: "AA", decidedOn: "2025-03-28", validUntil: "2028-03-27", decisionDocNo: "信鉴协〔2025〕1号" }] });

    expect((await grade("XY-AMR", "g-0", { grade: "AAA", decidedOn: "2026-06-01", validUntil: "2029-05-31" })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const upgraded = await grade("XY-IPAA", "g-1", { grade: "AAA", decidedOn: "2026-06-01", validUntil: "2029-05-31", decisionDocNo: "信鉴协〔2026〕4号" });
    expect(upgraded.body.data.recordInstitutionGrade.grade).toEqual({ grade: "AAA", decidedOn: "2026-06-01", validUntil: "2029-05-31", decisionDocNo: "信鉴协〔2026〕4号", decidedByAgencyCode: "XY-IPAA" });
    const after = (await hub.graphql(READ, { variables: { id: chadu } })).body.data.institution;
    expect(after.grade).toBe("AAA");
    expect(after.gradeHistory.map((g: { grade: string }) => g.grade)).toEqual(["AAA", "AA"]);

    // A grade decided later whose validity has run out: the history keeps it; the institution shows none.
    const lapsed = await grade("XY-IPAA", "g-2", { grade: "A", decidedOn: "2026-07-01", validUntil: "2026-08-01" });
    expect(lapsed.body.errors).toBeUndefined();
    expect((await hub.graphql(READ, { variables: { id: chadu } })).body.data.institution.grade).toBeNull();
    expect((await grade("XY-IPAA", "g-3", { grade: "A", decidedOn: "2026-07-01", validUntil: "2026-06-01" })).body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.validUntil" });

    // A bureau no longer sets grades by editing the institution.
    const [{ version }] = await hub.db.dataSource.query(`SELECT version FROM institutions WHERE id = $1`, [chadu]);
    const edit = await hub.graphql(`mutation($id: ID!, $v: Int!) { updateInstitution(id: $id, expectedVersion: $v, input: { grade: AAAAA }) { grade } }`, { as: "XY-AMR", variables: { id: chadu, v: version } });
    expect(edit.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.grade" });
  });

  it("publishes a listed institution's satisfaction over 12 months, withheld below the threshold, and its latest inspection", async () => {
    const EVALUATION = `query($id: ID!) { institution(id: $id) { publicEvaluation { suppressed feedbackCount averages { timeliness professionalism reportQuality } latestInspection { kind conductedOn result score } } } }`;
    const first = (await hub.graphql(EVALUATION, { variables: { id: zyjd } })).body.data.institution.publicEvaluation;
    // The demo's two evaluations of 信阳中原: fewer than 3, so withheld.
    expect(first).toEqual({ suppressed: true, feedbackCount: null, averages: null, latestInspection: { kind: "PRACTICE_INSPECTION", conductedOn: "2025-06-18", result: "PASSED", score: 92 } });

    const [courtCase] = await hub.db.dataSource.query(`SELECT c.id, ca.appraiser_id FROM appraisal_cases c JOIN case_appraisers ca ON ca.case_id = c.id WHERE c.agency_case_no = '(2024)豫15知民初32号' LIMIT 1`);
    const posted = await hub.graphql(`mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed } }`, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "eval-3", agencyCaseNo: "(2024)豫15知民初32号", caseId: courtCase.id, appraiserId: courtCase.appraiser_id, kind: "EVALUATION", ratings: { professionalism: 2, reportQuality: 3 } } },
    });
    expect(posted.body.errors).toBeUndefined();
    const second = (await hub.graphql(EVALUATION, { variables: { id: zyjd } })).body.data.institution.publicEvaluation;
    // Timeliness was rated twice only: that average stays withheld.
    expect(second).toMatchObject({ suppressed: false, feedbackCount: 3, averages: { professionalism: 4, reportQuality: 4, timeliness: null } });

    // Not listed: nothing is published.
    const [suspended] = await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '52411500MJY123458K'`);
    expect((await hub.graphql(EVALUATION, { as: "XY-COURT", variables: { id: suspended.id } })).body.data.institution.publicEvaluation).toBeNull();
  });
});

describe("circulars to a region", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 60_000);
  afterAll(() => hub?.stop());

  const ISSUE = `mutation($input: IssueCircularInput!) { issueCircular(input: $input) { circular { id kind regionCode issuedByAgencyCode } replayed } }`;
  const LIST = `{ circulars(first: 10) { edges { node { title kind regionCode } } } }`;
  const titles = async (as: string) => {
    const res = await hub.graphql(LIST, { as });
    return res.body.errors ? res.body.errors[0].extensions.code : res.body.data.circulars.edges.map((e: { node: { title: string } }) => e.node.title);
  };

  it("addresses every institution of a region, reaches its supervisors, and no one else", async () => {
    const input = { idempotencyKey: "circ-1", kind: "COMMENDATION", regionCode: "411502", title: "浉河区鉴定机构通报表扬", body: "对年度执业检查中表现突出的鉴定机构予以通报表扬。", documentNo: "信鉴协〔2026〕5号" };
    expect((await hub.graphql(ISSUE, { as: "XX-AMR", variables: { input } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    const issued = await hub.graphql(ISSUE, { as: "XY-IPAA", variables: { input } });
    expect(issued.body.data.issueCircular.circular).toMatchObject({ kind: "COMMENDATION", regionCode: "411502", issuedByAgencyCode: "XY-IPAA" });
    const commendation = "浉河区鉴定机构通报表扬";
    const warning = "关于一起虚假鉴定案例的警示教育通报";
    // 信阳茶都 (浉河区) gets both; 信阳中原 (市本级) only the city-wide one; 新乡华信 neither.
    expect(await titles("XY-CDJD")).toEqual([commendation, warning]);
    expect(await titles("XY-ZYJD")).toEqual([warning]);
    expect(await titles("XX-HXJD")).toEqual([]);
    expect(await titles("HA-AMR")).toEqual([commendation, warning]);
    expect(await titles("XY-PROC")).toEqual([commendation, warning]);
    expect(await titles("XX-AMR")).toEqual([]);
    expect(await titles("XY-COURT")).toEqual([]);
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'issueCircular' AND entity_id = $1`, [issued.body.data.issueCircular.circular.id]);
    expect(audit).toEqual([{ n: 1 }]);
  });
});

describe("removing an institution after a confirmed false appraisal", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 60_000);
  afterAll(() => hub?.stop());

  const READ = `{ institution(creditCode: "52411500MJY123458K") { listingStatus listingHistory { toStatus decisionDocNo } removalProposals { id version status reason legalReviewConclusion } } }`;
  const REVIEW = `mutation($id: ID!, $v: Int!, $input: LegalReviewInput!) { recordLegalReview(id: $id, expectedVersion: $v, input: $input) { status version legalReviewConclusion legalReviewedByAgencyCode } }`;
  const DECIDE = `mutation($id: ID!, $v: Int!, $input: RemovalDecisionInput!) { decideRemoval(id: $id, expectedVersion: $v, input: $input) { status version decisionDocNo } }`;
  const errorOf = (res: { body: { errors?: Array<{ extensions: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;

  it("proposes the removal with the SERIOUS determination, and removes only by the bureau's decision after a LAWFUL legal review", async () => {
    // The demo's SERIOUS false-appraisal record against 刘洋 proposed removing his (suspended) institution.
    const before = (await hub.graphql(READ, { as: "XY-AMR" })).body.data.institution;
    expect(before.listingStatus).toBe("SUSPENDED");
    expect(before.removalProposals).toEqual([expect.objectContaining({ status: "PROPOSED", legalReviewConclusion: null, reason: expect.stringContaining("信市监信〔2025〕3号") })]);
    const [{ id, version }] = before.removalProposals;

    const early = await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id, v: version, input: { remove: true, reason: "虚假鉴定，移出名录库", decisionDocNo: "信市监〔2026〕30号" } } });
    expect(errorOf(early)).toEqual({ code: "INVALID_STATE_TRANSITION", from: "PROPOSED", to: "REMOVED", reason: "LEGAL_REVIEW_REQUIRED" });
    expect(errorOf(await hub.graphql(REVIEW, { as: "XY-IPAA", variables: { id, v: version, input: { conclusion: "LAWFUL", opinion: "同意" } } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await hub.graphql(REVIEW, { as: "XX-AMR", variables: { id, v: version, input: { conclusion: "LAWFUL", opinion: "同意" } } }))).toMatchObject({ code: "NOT_FOUND" });

    // A review that returns the proposal does not let the bureau remove; a new review may follow it.
    const returned = await hub.graphql(REVIEW, { as: "XY-AMR", variables: { id, v: version, input: { conclusion: "RETURNED", opinion: "请补充鉴定意见与送检材料不符的比对说明。" } } });
    expect(returned.body.data.recordLegalReview).toMatchObject({ status: "REVIEWED", legalReviewConclusion: "RETURNED" });
    const v1 = returned.body.data.recordLegalReview.version;
    expect(errorOf(await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id, v: v1, input: { remove: true, reason: "虚假鉴定，移出名录库", decisionDocNo: "信市监〔2026〕30号" } } }))).toEqual({
      code: "INVALID_STATE_TRANSITION", from: "REVIEWED", to: "REMOVED", reason: "LEGAL_REVIEW_REQUIRED",
    });
    const reviewed = await hub.graphql(REVIEW, { as: "XY-AMR", variables: { id, v: v1, input: { conclusion: "LAWFUL", opinion: "事实清楚，证据确凿，依据正确，程序合法，同意移出。" } } });
    expect(reviewed.body.data.recordLegalReview).toMatchObject({ status: "REVIEWED", legalReviewConclusion: "LAWFUL", legalReviewedByAgencyCode: "XY-AMR" });
    const v2 = reviewed.body.data.recordLegalReview.version;
    expect(errorOf(await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id, v: v2, input: { remove: true, reason: "虚假鉴定，移出名录库" } } }))).toEqual({ code: "BAD_USER_INPUT", field: "input.decisionDocNo" });
    const removed = await hub.graphql(DECIDE, { as: "XY-AMR", variables: { id, v: v2, input: { remove: true, reason: "虚假鉴定，移出名录库", decisionDocNo: "信市监〔2026〕30号" } } });
    expect(removed.body.data.decideRemoval).toMatchObject({ status: "REMOVED", decisionDocNo: "信市监〔2026〕30号" });

    const after = (await hub.graphql(READ, { as: "XY-AMR" })).body.data.institution;
    expect(after.listingStatus).toBe("REMOVED");
    expect(after.listingHistory[0]).toEqual({ toStatus: "REMOVED", decisionDocNo: "信市监〔2026〕30号" });
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT operation FROM audit_events WHERE operation IN ('proposeRemoval', 'recordLegalReview', 'decideRemoval') AND outcome = 'SUCCESS' ORDER BY seq`);
    expect(audit.map((a: { operation: string }) => a.operation)).toEqual(["proposeRemoval", "recordLegalReview", "recordLegalReview", "decideRemoval"]);
  });
});

describe("complaints from everyone", () => {
  let hub: TestHub;
  let zyjd: string;
  beforeAll(async () => {
    hub = await startTestHub();
    zyjd = (await hub.db.dataSource.query(`SELECT id FROM institutions WHERE credit_code = '91411500MA9F3K2L21'`))[0].id;
  }, 60_000);
  afterAll(() => hub?.stop());

  const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id version kind complaintStatus agencyCaseNo appraiser { name } institution { name } partyName } replayed } }`;
  const READ = `query($id: ID!) { caseFeedback(id: $id) { partyName partyContact complaintStatus } }`;

  it("takes a complaint about the institution from the association on a party's behalf, seals the party's contact, and handles it like any complaint", async () => {
    const input = { idempotencyKey: "c-1", institutionId: zyjd, description: "当事人反映该机构未按约定期限出具鉴定意见，且拒绝说明理由。", party: { name: "信阳某茶业有限公司", contact: "13800001111" } };
    const filed = await hub.graphql(FILE, { as: "XY-IPAA", variables: { input } });
    expect(filed.body.errors).toBeUndefined();
    const complaint = filed.body.data.fileComplaint.complaint;
    expect(complaint).toMatchObject({ kind: "COMPLAINT", complaintStatus: "SUBMITTED", agencyCaseNo: null, appraiser: null, institution: { name: "信阳中原知识产权鉴定中心" }, partyName: "信阳某茶业有限公司" });
    const [row] = await hub.db.dataSource.query(`SELECT party_contact_sealed AS sealed FROM case_feedback WHERE id = $1`, [complaint.id]);
    expect(row.sealed).not.toContain("13800001111");
    // The bureau handling it reads the contact in full (audited); the institution is no complainant.
    expect((await hub.graphql(READ, { as: "XY-AMR", variables: { id: complaint.id } })).body.data.caseFeedback).toEqual({ partyName: "信阳某茶业有限公司", partyContact: "13800001111", complaintStatus: "SUBMITTED" });
    await hub.hub.deps.trail.flush();
    const reads = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'read:CaseFeedback.partyContact' AND entity_id = $1`, [complaint.id]);
    expect(reads).toEqual([{ n: 1 }]);
    const handled = await hub.graphql(`mutation($id: ID!, $v: Int!) { handleComplaint(id: $id, expectedVersion: $v, input: { to: ACKNOWLEDGED, note: "已受理" }) { complaintStatus } }`, { as: "XY-AMR", variables: { id: complaint.id, v: complaint.version } });
    expect(handled.body.data.handleComplaint.complaintStatus).toBe("ACKNOWLEDGED");
    expect((await hub.graphql(FILE, { as: "XY-ZYJD", variables: { input: { ...input, idempotencyKey: "c-2" } } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("takes a court's complaint about an appraiser outside a case, and refuses an appraiser of another institution", async () => {
    const [zhangWei] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = '张伟'`);
    const [zhaoLei] = await hub.db.dataSource.query(`SELECT id FROM appraisers WHERE name = '赵磊'`);
    const filed = await hub.graphql(FILE, { as: "XY-COURT", variables: { input: { idempotencyKey: "c-3", institutionId: zyjd, appraiserId: zhangWei.id, description: "庭审中鉴定人答疑态度恶劣。" } } });
    expect(filed.body.data.fileComplaint.complaint).toMatchObject({ appraiser: { name: "张伟" }, partyName: null });
    const wrong = await hub.graphql(FILE, { as: "XY-COURT", variables: { input: { idempotencyKey: "c-4", institutionId: zyjd, appraiserId: zhaoLei.id, description: "x" } } });
    expect(wrong.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.appraiserId" });
  });
});

describe("a bureau's view of possible duplicates across its jurisdiction", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 60_000);
  afterAll(() => hub?.stop());

  const LIST = `query($d: Boolean) { appraisalCases(first: 20, filter: { hasPossibleDuplicates: $d }) { edges { node { agencyCaseNo } } } }`;
  const numbers = async (as: string, d: boolean) => {
    const res = await hub.graphql(LIST, { as, variables: { d } });
    return res.body.errors ? res.body.errors[0].extensions.code : res.body.data.appraisalCases.edges.map((e: { node: { agencyCaseNo: string } }) => e.node.agencyCaseNo).sort();
  };

  it("lists the demo's police and bureau cases on the same 信阳毛尖 mark, and the rest apart; only for bureaus", async () => {
    expect(await numbers("XY-AMR", true)).toEqual(["信公经立字〔2025〕018号", "信市监立〔2025〕56号"]);
    expect(await numbers("XY-AMR", false)).toContain("(2024)豫15知民初32号");
    expect(await numbers("XY-PROC", true)).toBe("FORBIDDEN");
  });
});
