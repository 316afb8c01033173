import { caseSubjectKeys, keysInText } from "../src/domain/case-subject";
import { patentCheckCharacter } from "../src/domain/identifiers";
import { startTestHub, TestHub } from "./support/test-hub";

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
