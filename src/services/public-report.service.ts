import { createHash, randomBytes } from "node:crypto";
import type { RequestScope } from "../context/request-scope";
import { NATIONAL_REGION } from "../auth/region";
import { maskPhone } from "../auth/mask";
import { findRegion } from "../domain/region-directory";
import { AuditOutcome } from "../entities/audit-event.entity";
import { Institution } from "../entities/institution.entity";
import { PublicReport, PublicReportProgress, PublicReportReceipt, PublicReportStatus, PublicReportTriage } from "../entities/public-report.entity";
import { BadUserInputError, InvalidStateTransitionError } from "../errors/errors";
import type { PublicReportFilter, SubmitPublicReportInput, TriagePublicReportInput } from "../inputs/public-report.input";
import type { ResponsePath } from "../auth/disclosure";
import { regionLikePattern } from "../auth/region";
import { demand } from "../policy/decision";
import { publicReportVisibility } from "../policy/public-report.visibility";
import { reportTriager } from "../policy/rules";
import { CommandRunner } from "./command-runner";
import { discloseAfterAudit } from "./sealed-disclosure";
import type { CaseFeedbackService } from "./case-feedback.service";
import type { EntityManager } from "typeorm";
import type { AuditEntry } from "../audit/audit-trail";
import type { EventDraft } from "../push/event-types";
import type { WorkingCalendar } from "../domain/working-days";
import { equals, ListSpec, listPage } from "./list-builder";
import type { Page } from "./pagination";
import * as check from "./validate";
import { InputProblems } from "./validate";

/** The bureaus' queue, newest first. */
const PUBLIC_REPORT_LIST: ListSpec<PublicReport, PublicReportFilter> = {
  entity: PublicReport,
  alias: "r",
  filters: {
    status: equals("status", "status"),
    regionCode: (code, r) => ({ clause: `${r}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "r.received_at", part: "timestamp", value: (row) => row.receivedAt.toISOString() },
      { column: "r.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/** Crockford's base32: no I, L, O or U, so a code read out over the phone is not misheard. */
const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 80 random bits as `XXXX-XXXX-XXXX-XXXX`: unguessable, and short enough to write down. */
function newReceiptCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 0; i < 16; i++) {
    code = RECEIPT_ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)!.join("-");
}

/** The stored form of a receipt code, however it is typed back (case, dashes, spaces, O for 0, I or L for 1). */
function receiptHash(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return createHash("sha256").update(normal, "utf8").digest("hex");
}

/**
 * 受理公众举报: anyone may report an appraisal institution without signing in; the bureaus covering the
 * subject's region triage the reports (accept, merge into another, dismiss with a reason). The reporter
 * follows the report with the receipt code, which answers its status and nothing else.
 */
export class PublicReportService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly complaints: CaseFeedbackService,
    private readonly submissions?: { admitPublicSubmission(key: string): Promise<void> },
  ) {
    this.commands = new CommandRunner(scope);
  }

  async submit(input: SubmitPublicReportInput): Promise<PublicReportReceipt> {
    const problems = new InputProblems();
    const subjectCreditCode = problems.check(() => check.creditCode(input.subjectCreditCode ?? "", "input.subjectCreditCode"));
    const subjectName = problems.check(() => check.text(input.subjectName, "input.subjectName", { max: 200, required: true }));
    const description = problems.check(() => check.text(input.description, "input.description", { max: 4000, required: true, freeText: true }));
    const contact = problems.check(() => check.optionalText(input.contact, "input.contact", 100));
    problems.done();
    // Counted once the input is valid: a typo does not use up the sender's reports for the hour.
    await this.submissions?.admitPublicSubmission(this.scope.request.budget?.key ?? "unknown");
    const receiptCode = newReceiptCode();
    const { record } = await this.commands.create({
      operation: "submitPublicReport",
      entity: PublicReport,
      entityType: "PublicReport",
      idempotencyKey: null,
      fingerprint: null,
      write: async (manager) => {
        const institution = await manager.getRepository(Institution).findOne({ where: { creditCode: subjectCreditCode! }, select: { id: true, regionCode: true } });
        const saved = await manager.getRepository(PublicReport).save(
          manager.create(PublicReport, {
            receiptHash: receiptHash(receiptCode),
            subjectCreditCode: subjectCreditCode!,
            subjectName: subjectName!,
            subjectInstitutionId: institution?.id ?? null,
            regionCode: institution?.regionCode ?? registrationRegion(subjectCreditCode!),
            description: description!,
            contactSealed: contact ? this.scope.vault.seal(contact) : null,
            contactMasked: contact ? maskPhone(contact) : null,
            status: PublicReportStatus.RECEIVED,
          }),
        );
        return { id: saved.id, fields: ["subjectCreditCode", "subjectName", "description", ...(contact ? ["contact"] : [])] };
      },
    });
    return { receiptCode, status: record.status, receivedAt: record.receivedAt };
  }

  /** What a receipt code answers: the status and its days. Null for a code that names no report. */
  async progress(receiptCode: string): Promise<PublicReportProgress | null> {
    const code = check.text(receiptCode, "receiptCode", { max: 40, required: true });
    const report = await this.scope.dataSource.getRepository(PublicReport).findOne({
      where: { receiptHash: receiptHash(code) },
      select: { id: true, status: true, receivedAt: true, triagedAt: true },
    });
    return report ? { status: report.status, receivedAt: report.receivedAt, triagedAt: report.triagedAt } : null;
  }

  list(filter: PublicReportFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<PublicReport>> {
    return listPage(this.scope.reads, PUBLIC_REPORT_LIST, publicReportVisibility.sql(this.scope.viewer, "r"), filter, { first, after });
  }

  async byId(id: string | null): Promise<PublicReport | null> {
    if (!id || !check.isUuid(id)) return null;
    const report = await this.scope.loaders.publicReportById.load(id);
    return report && publicReportVisibility.test(this.scope.viewer, report) ? report : null;
  }

  /** The reporter's contact, for the bureau the report exists for: opened only once its read is durably audited. */
  async contact(report: PublicReport, path: ResponsePath): Promise<string | null> {
    if (!report.contactSealed) return null;
    return discloseAfterAudit(this.scope, { entityType: "PublicReport", entityId: report.id, field: "contact" }, report.contactSealed, report.contactMasked, path);
  }

  /**
   * 受理: the report becomes a complaint about the institution it names, filed by the accepting bureau on the
   * reporter's behalf (the contact resealed with it), and is handled like any complaint. A report that names no
   * institution of the directory cannot be accepted as one.
   */
  private async acceptAsComplaint(manager: EntityManager, report: PublicReport, calendar: WorkingCalendar): Promise<{ also: AuditEntry[]; events: EventDraft[] }> {
    const institution = report.subjectInstitutionId ? await manager.getRepository(Institution).findOneBy({ id: report.subjectInstitutionId }) : null;
    if (!institution) throw new BadUserInputError("The report names no institution of the directory: dismiss it, or refer it to whoever supervises its subject.", "input.outcome");
    const { saved, events } = await this.complaints.storeComplaint(manager, {
      institution,
      appraiserId: null,
      agencyCaseNo: null,
      comment: report.description,
      suspectedFalseAppraisal: false,
      // The reporter's contact moves sealed as it is: never opened (nor read from the key store) in the transaction.
      party: { name: REPORTER, contact: null, sealed: report.contactSealed ? { sealed: report.contactSealed, masked: report.contactMasked } : null },
      publicReportId: report.id,
    }, calendar);
    return { also: [{ operation: "fileComplaint", entityType: "CaseFeedback", entityId: saved.id, fields: ["kind", "institutionId", "comment", "publicReportId"], outcome: AuditOutcome.SUCCESS }], events };
  }

  async triage(id: string, expectedVersion: number, input: TriagePublicReportInput): Promise<PublicReport> {
    demand(reportTriager, "Market-regulation bureaus triage public reports.", this.scope.viewer);
    const reason = check.text(input.reason, "input.reason", { max: 1000, required: true, freeText: true });
    if ((input.outcome === PublicReportTriage.MERGE) !== !!input.mergeIntoId) {
      throw new BadUserInputError("mergeIntoId goes with MERGE, and MERGE needs it.", "input.mergeIntoId");
    }
    const to = { ACCEPT: PublicReportStatus.ACCEPTED, MERGE: PublicReportStatus.MERGED, DISMISS: PublicReportStatus.DISMISSED }[input.outcome];
    // Read before the transaction: an accepted report becomes a complaint with a response day.
    const calendar = input.outcome === PublicReportTriage.ACCEPT ? await this.scope.loaders.calendar() : undefined;
    return this.commands.change({
      operation: "triagePublicReport",
      entity: PublicReport,
      entityType: "PublicReport",
      label: "Public report",
      id,
      expectedVersion,
      visible: (report) => publicReportVisibility.test(this.scope.viewer, report),
      apply: async (report, manager) => {
        if (report.status !== PublicReportStatus.RECEIVED) throw new InvalidStateTransitionError("The public report", report.status, to);
        let mergedIntoId: string | null = null;
        if (input.outcome === PublicReportTriage.MERGE) {
          const target = check.isUuid(input.mergeIntoId!) ? await manager.getRepository(PublicReport).findOneBy({ id: input.mergeIntoId! }) : null;
          if (!target || !publicReportVisibility.test(this.scope.viewer, target) || target.id === report.id) throw new BadUserInputError("mergeIntoId names no other report you triage.", "input.mergeIntoId");
          if (target.subjectCreditCode !== report.subjectCreditCode) throw new BadUserInputError("A report merges only into a report about the same subject.", "input.mergeIntoId");
          // Merged into the report the target was itself merged into, and the reports merged into this one follow
          // it there: a chain never forms.
          mergedIntoId = target.mergedIntoId ?? target.id;
          await manager.getRepository(PublicReport).update({ mergedIntoId: report.id }, { mergedIntoId });
        }
        const accepted = input.outcome === PublicReportTriage.ACCEPT ? await this.acceptAsComplaint(manager, report, calendar!) : { also: [], events: [] };
        return {
          changes: { status: to, triageReason: reason, mergedIntoId, triagedByAgencyCode: this.scope.viewer.agency!.code, triagedAt: this.scope.now() },
          fields: ["status", "triageReason", ...(mergedIntoId ? ["mergedIntoId"] : [])],
          // The table has no updated_at: triagedAt says when.
          touchUpdatedAt: false,
          ...accepted,
        };
      },
    });
  }
}

/** The reporter, as the party of the complaint a report becomes. */
const REPORTER = "公众举报人";

/** The registration region a credit code carries (characters 3–8, 登记管理机关行政区划码), or its province's, or the nation. */
function registrationRegion(creditCode: string): string {
  const region = creditCode.slice(2, 8);
  if (findRegion(region)) return region;
  const province = `${region.slice(0, 2)}0000`;
  return findRegion(province) ? province : NATIONAL_REGION;
}
