import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor } from "./support/directory";
import { graphql } from "./gql";
import type { CreditBehaviour, RecordCreditEventInput } from "./gql/graphql";

/** Whom credit records are about: patent attorneys by certificate number, the new behaviours, joint punishment by configured severity. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const RECORD = graphql(`mutation SubjectRecord($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id subjectType subjectName subjectCertificateNo } } }`);
const CERTIFICATE = graphql(`query SubjectCertificate($id: ID!) { creditRecord(id: $id) { subjectName subjectCertificateNo } }`);
const BY_CERTIFICATE = graphql(`query SubjectByCertificate($no: String!) { creditRecords(filter: { subjectCertificateNo: $no }) { totalCount } }`);

let n = 0;
const attorney = (extra: Partial<RecordCreditEventInput> = {}): RecordCreditEventInput => ({
  idempotencyKey: `attorney-${++n}`,
  subjectType: "PATENT_ATTORNEY",
  subjectCertificateNo: "4115201800777",
  subjectName: "吴敏",
  subjectRegionCode: "411502",
  behaviour: "ABNORMAL_PATENT_APPLICATION",
  severity: "GENERAL",
  decisionDocNo: "信市监信〔2026〕50号",
  basis: "代理非正常专利申请",
  ...extra,
});

describe("a patent attorney as subject", () => {
  it("seals the certificate number, shows it masked, and opens it only for a supervisor with pii:read, audited first", async () => {
    const created = (await hub.data(RECORD, { as: "XY-AMR", variables: { input: attorney() } })).recordCreditEvent!.record;
    expect(created).toMatchObject({ subjectType: "PATENT_ATTORNEY", subjectName: "吴敏", subjectCertificateNo: "41*********77" });
    const [stored] = await hub.db.dataSource.query(`SELECT a.* FROM patent_attorneys a JOIN credit_records r ON r.subject_attorney_id = a.id WHERE r.id = $1`, [created.id]);
    expect(JSON.stringify(stored)).not.toContain("4115201800777");
    expect(stored).toMatchObject({ name: "吴敏", certificate_masked: "41*********77" });

    const read = async (as: string, scopes: string[] = []) => (await hub.data(CERTIFICATE, { as, scopes, variables: { id: created.id } })).creditRecord!.subjectCertificateNo;
    expect(await read("XY-COURT")).toBe("41*********77");
    expect(await read("XY-COURT", ["pii:read"])).toBe("41*********77");
    expect(await read("XY-AMR")).toBe("41*********77");
    expect(await read("XX-AMR", ["pii:read"])).toBe("41*********77");
    expect(await read("XY-AMR", ["pii:read"])).toBe("4115201800777");
    await hub.hub.deps.trail.flush();
    const audit = await hub.db.dataSource.query(`SELECT agency_code, fields FROM audit_events WHERE operation = 'read:CreditRecord.subjectCertificateNo' AND entity_id = $1`, [created.id]);
    expect(audit).toEqual([{ agency_code: "XY-AMR", fields: ["subjectCertificateNo"] }]);
    // Not for the public, even while the record is published.
    const anonymous = await hub.graphql(CERTIFICATE, { variables: { id: created.id } });
    expect(anonymous.body.data!.creditRecord).toMatchObject({ subjectName: "吴敏", subjectCertificateNo: null });
    expect(anonymous.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("knows one attorney per certificate: a second record reuses it, another name is refused, a retry replays", async () => {
    const input = attorney({ subjectCertificateNo: " 4115201800888 " });
    await hub.data(RECORD, { as: "XY-AMR", variables: { input } });
    expect((await hub.data(RECORD, { as: "XY-AMR", variables: { input } })).recordCreditEvent!.replayed).toBe(true);
    await hub.data(RECORD, { as: "XY-AMR", variables: { input: attorney({ subjectCertificateNo: "4115201800888", severity: "MINOR" }) } });
    const [{ count }] = await hub.db.dataSource.query(`SELECT count(DISTINCT subject_attorney_id)::int AS count, count(*)::int AS records FROM credit_records r JOIN patent_attorneys a ON a.id = r.subject_attorney_id WHERE a.certificate_masked = '41*********88'`);
    expect(count).toBe(1);
    expect((await hub.data(BY_CERTIFICATE, { as: "XY-AMR", variables: { no: "4115201800888" } })).creditRecords!.totalCount).toBe(2);

    const otherName = await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: attorney({ subjectCertificateNo: "4115201800888", subjectName: "吴明" }) } });
    expect(otherName.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.subjectCertificateNo" });
    for (const bad of ["", "12", "4115 2018 00888", "证书4115"]) {
      const res = await hub.graphql(RECORD, { as: "XY-AMR", variables: { input: attorney({ subjectCertificateNo: bad }) } });
      expect(res.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.subjectCertificateNo" });
    }
    // The bureau covering the attorney's region decides, as for any subject.
    expect((await hub.graphql(RECORD, { as: "XX-AMR", variables: { input: attorney() } })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("behaviours", () => {
  it.each(["MALICIOUS_INFRINGEMENT", "REPEATED_INFRINGEMENT", "FALSE_CREDIT_COMMITMENT"] as CreditBehaviour[])("records %s", async (behaviour) => {
    const res = await hub.graphql(RECORD, {
      as: "XY-AMR",
      variables: { input: { idempotencyKey: `behaviour-${behaviour}`, subjectCreditCode: creditCodeFor("411502", 90_000 + ++n), subjectType: "ENTERPRISE", subjectName: "侵权企业", subjectRegionCode: "411502", behaviour, severity: "GENERAL", decisionDocNo: "信市监处〔2026〕3号", basis: "行政处罚决定" } },
    });
    expect(res.body.errors).toBeUndefined();
  });
});

describe("joint punishment with any agency, by configured severity", () => {
  let shared: TestHub;
  beforeAll(async () => {
    shared = await startTestHub({ env: { HUB_CREDIT_SHARED_SEVERITIES: "GENERAL,SERIOUS" } });
  });
  afterAll(() => shared.stop());

  it("shares a GENERAL record with another department, which then sees and acknowledges it", async () => {
    const admin = { as: "CNIPA", scopes: ["registry:admin", "clients:manage"] };
    await shared.data(graphql(`mutation SubjectRegisterTax($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code } } }`), {
      ...admin,
      variables: { input: { idempotencyKey: "xy-tax", code: "XY-TAX", name: "国家税务总局信阳市税务局", kind: "OTHER_DEPARTMENT", regionCode: "411500" } },
    });
    await shared.data(graphql(`mutation SubjectRegisterTaxSystem($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }`), {
      ...admin,
      variables: { input: { idempotencyKey: "xy-tax-system", agencyCode: "XY-TAX", name: "default" } },
    });
    const input = attorney({ shareWithAgencyCodes: ["XY-TAX"], announce: false });
    const created = (await shared.data(RECORD, { as: "XY-AMR", variables: { input } })).recordCreditEvent!.record;
    const seen = async (as: string) => (await shared.data(CERTIFICATE, { as, variables: { id: created.id } })).creditRecord;
    expect(await seen("XY-TAX")).toMatchObject({ subjectName: "吴敏" });
    expect(await seen("XX-COURT")).toBeNull();
    const ack = await shared.graphql(graphql(`mutation SubjectAcknowledge($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }`), { as: "XY-TAX", variables: { id: created.id } });
    expect(ack.body.data!.acknowledgeCreditShare).toMatchObject({ agencyCode: "XY-TAX", acknowledgedAt: expect.any(String) });
    // MINOR is not among the shared severities here.
    const minor = await shared.graphql(RECORD, { as: "XY-AMR", variables: { input: attorney({ severity: "MINOR", shareWithAgencyCodes: ["XY-TAX"] }) } });
    expect(minor.body.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.shareWithAgencyCodes" });
  });
});
