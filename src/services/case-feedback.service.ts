import { eventAbout } from "../push/event-types";
import { EntityManager } from "typeorm";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { Appraiser } from "../entities/appraiser.entity";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseFeedback } from "../entities/case-feedback.entity";
import { ComplaintEvent } from "../entities/complaint-event.entity";
import { Institution } from "../entities/institution.entity";
import { COMPLAINT_TRANSITIONS, ComplaintNextStep, ComplaintStatus, FeedbackKind } from "../domain/case-enums";
import { caseNumberKey } from "../domain/case-number";
import { todayInChina } from "../domain/local-date";
import type { WorkingCalendar } from "../domain/working-days";
import { BadUserInputError, InvalidStateTransitionError } from "../errors/errors";
import { RequestScope } from "../context/request-scope";
import type { SummarySubject } from "../loaders/case-feedback.loader";
import { recomputeCreditGrade } from "./credit-grade";
import { addToSummaries, FeedbackSummaryView, RATING_COLUMNS, summaryView } from "./feedback-summary";
import { Page } from "./pagination";
import * as check from "./validate";
import { InputProblems } from "./validate";
import { updateVersioned } from "./versioned-update";
import { appraisalCaseVisibility } from "../policy/appraisal-case.visibility";
import { appraiserVisibility } from "../policy/appraiser.visibility";
import { caseFeedbackVisibility } from "../policy/case-feedback.visibility";
import { demand } from "../policy/decision";
import { complainant, feedbackPoster } from "../policy/rules";
import { complaintHandler, postCaseFeedback } from "../policy/case-feedback.permissions";
import { maskPhone } from "../auth/mask";
import type { ResponsePath } from "../auth/disclosure";
import type { EventDraft } from "../push/event-types";
import { referencedInstitution } from "./institution.service";
import { CommandRunner, Created } from "./command-runner";
import { discloseAfterAudit } from "./sealed-disclosure";
import { equals, ListSpec, listPage } from "./list-builder";
import type { CaseFeedbackFilter, FileComplaintInput, HandleComplaintInput, PostCaseFeedbackInput, RatingsInput } from "../inputs/case-feedback.input";


export type { FeedbackSummaryView };

const idFilter = (column: string, name: string) => equals(column, name, (id: string) => check.idFilter(id, `filter.${name}`));

/** Feedback, newest first. */
const FEEDBACK_LIST: ListSpec<CaseFeedback, CaseFeedbackFilter> = {
  entity: CaseFeedback,
  alias: "f",
  filters: {
    kind: equals("kind", "kind"),
    institutionId: idFilter("institution_id", "institutionId"),
    appraiserId: idFilter("appraiser_id", "appraiserId"),
    caseId: idFilter("case_id", "caseId"),
    complaintStatus: equals("complaint_status", "complaintStatus"),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "f.posted_at", part: "timestamp", value: (row) => row.postedAt.toISOString() },
      { column: "f.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/**
 * Feedback from the agencies that used an appraisal (从业情况反馈机制), complaints and their handling, and the
 * per-institution and per-appraiser summaries. Summaries are maintained in the same transaction as each
 * post, so reading one is a single indexed row however many feedback rows exist.
 */
export class CaseFeedbackService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  async byId(id: string): Promise<CaseFeedback | null> {
    if (!check.isUuid(id)) return null;
    const found = await this.scope.loaders.caseFeedbackById.load(id);
    return found && caseFeedbackVisibility.test(this.viewer, found) ? found : null;
  }

  list(filter: CaseFeedbackFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<CaseFeedback>> {
    return listPage(this.scope.reads, FEEDBACK_LIST, caseFeedbackVisibility.sql(this.viewer, "f"), filter, { first, after });
  }

  async summary(subject: SummarySubject, id: string): Promise<FeedbackSummaryView> {
    const row = await this.scope.loaders.feedbackSummary.load(`${subject}:${id}`);
    return summaryView(subject, id, row);
  }

  /** Complaints about the summary's subject posted in the last 12 months. */
  recentComplaints(summary: FeedbackSummaryView): Promise<number> {
    return this.scope.loaders.recentComplaints.load(`${summary.subject}:${summary.subjectId}`);
  }

  complaintHistory(feedback: CaseFeedback): Promise<ComplaintEvent[]> {
    return this.scope.loaders.complaintEventsByFeedbackId.load(feedback.id);
  }

  /** A confirmed complaint calls for a credit record; a confirmed false appraisal also for a listing suspension. */
  nextSteps(feedback: CaseFeedback): ComplaintNextStep[] {
    if (feedback.complaintStatus !== ComplaintStatus.RESOLVED || !feedback.violationConfirmed) return [];
    return feedback.suspectedFalseAppraisal ? [ComplaintNextStep.RECORD_CREDIT_EVENT, ComplaintNextStep.SUSPEND_LISTING] : [ComplaintNextStep.RECORD_CREDIT_EVENT];
  }

  /** Complaints not resolved or dismissed by their response day. */
  complaintOverdue(feedback: CaseFeedback): boolean {
    const open = feedback.complaintStatus && COMPLAINT_TRANSITIONS[feedback.complaintStatus].length > 0;
    return !!open && !!feedback.complaintRespondBy && this.scope.today() > feedback.complaintRespondBy;
  }

  async post(input: PostCaseFeedbackInput): Promise<Created<CaseFeedback>> {
    const viewer = this.viewer;
    demand(feedbackPoster, "Courts, procuratorates, police, arbitration and mediation bodies post feedback, and bureaus about the cases they entrusted.", viewer);
    postCaseFeedback.require(viewer, input);
    const agencyCaseNo = check.text(input.agencyCaseNo, "input.agencyCaseNo", { max: 100, required: true });
    const comment = check.text(input.comment, "input.comment", { max: 4000, freeText: true });
    const ratings = validRatings(input.ratings ?? {});
    if (input.kind === FeedbackKind.EVALUATION && Object.values(ratings).every((r) => r === null)) {
      throw new BadUserInputError("An evaluation needs at least one rating.", "input.ratings");
    }
    if (input.kind === FeedbackKind.COMPLAINT && comment.length === 0) throw new BadUserInputError("A complaint needs a comment saying what happened.", "input.comment");
    if (!check.isUuid(input.appraiserId)) throw new BadUserInputError("The appraiser does not exist.", "input.appraiserId");
    if (input.caseId && !check.isUuid(input.caseId)) throw new BadUserInputError("The case does not exist.", "input.caseId");
    const calendar = input.kind === FeedbackKind.COMPLAINT ? await this.scope.loaders.calendar() : undefined;

    const fingerprint = { agencyCaseNo, caseId: input.caseId ?? null, appraiserId: input.appraiserId, kind: input.kind, ratings, opinionAdopted: input.opinionAdopted ?? null, suspectedFalseAppraisal: input.suspectedFalseAppraisal ?? false, comment };
    return this.commands.create({
      operation: "postCaseFeedback",
      entity: CaseFeedback,
      entityType: "CaseFeedback",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      fingerprint,
      write: async (manager) => {
        const appraiser = await manager.getRepository(Appraiser).findOneBy({ id: input.appraiserId });
        const institution = appraiser?.institutionId ? await manager.getRepository(Institution).findOneBy({ id: appraiser.institutionId }) : null;
        if (!appraiser || !institution || !appraiserVisibility.test(viewer, appraiser, institution)) throw new BadUserInputError("The appraiser does not exist.", "input.appraiserId");
        if (input.caseId) await this.assertCaseFits(manager, input.caseId, appraiser.id, agencyCaseNo);
        const { saved, events } = await this.insertFeedback(
          manager,
          {
            kind: input.kind,
            agencyCaseNo,
            caseId: input.caseId ?? null,
            appraiserId: appraiser.id,
            institution,
            ...ratings,
            opinionAdopted: input.opinionAdopted ?? null,
            suspectedFalseAppraisal: input.suspectedFalseAppraisal ?? false,
            comment,
          },
          calendar,
        );
        return { id: saved.id, fields: ["kind", "appraiserId", ...Object.keys(ratings).filter((k) => ratings[k as keyof RatingsInput] !== null)], events };
      },
    });
  }

  /**
   * A complaint about an institution or one of its appraisers (执业活动投诉), from any agency that deals with
   * appraisals, inside or outside a case, possibly on behalf of a party (当事人) whose contact is sealed. It is
   * handled like a complaint after a case (`handleComplaint`).
   */
  async fileComplaint(input: FileComplaintInput): Promise<Created<CaseFeedback>> {
    const viewer = this.viewer;
    demand(complainant, "Courts, procuratorates, police, bureaus, associations, arbitration and mediation bodies file complaints.", viewer);
    const problems = new InputProblems();
    const description = problems.check(() => check.text(input.description, "input.description", { max: 4000, required: true, freeText: true }));
    const agencyCaseNo = problems.check(() => check.optionalText(input.agencyCaseNo, "input.agencyCaseNo", 100)) ?? null;
    const partyName = input.party ? problems.check(() => check.text(input.party!.name, "input.party.name", { max: 200, required: true })) : null;
    const partyContact = input.party ? (problems.check(() => check.optionalText(input.party!.contact, "input.party.contact", 100)) ?? null) : null;
    if (input.appraiserId && !check.isUuid(input.appraiserId)) problems.add("input.appraiserId", "The appraiser does not exist.");
    problems.done();
    const calendar = await this.scope.loaders.calendar();
    return this.commands.create({
      operation: "fileComplaint",
      entity: CaseFeedback,
      entityType: "CaseFeedback",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const institution = await referencedInstitution(manager, viewer, input.institutionId, "input.institutionId");
        const appraiser = input.appraiserId ? await manager.getRepository(Appraiser).findOneBy({ id: input.appraiserId }) : null;
        if (input.appraiserId && (!appraiser || appraiser.institutionId !== institution.id || !appraiserVisibility.test(viewer, appraiser, institution))) {
          throw new BadUserInputError("The appraiser does not practise at this institution.", "input.appraiserId");
        }
        return { institution, appraiser };
      },
      fingerprint: { institutionId: input.institutionId, appraiserId: input.appraiserId ?? null, agencyCaseNo, description, suspected: input.suspectedFalseAppraisal ?? false, partyName, partyContact },
      write: async (manager, { institution, appraiser }) => {
        const { saved, events } = await this.storeComplaint(manager, {
          institution,
          appraiserId: appraiser?.id ?? null,
          agencyCaseNo,
          comment: description!,
          suspectedFalseAppraisal: input.suspectedFalseAppraisal ?? false,
          party: partyName ? { name: partyName, contact: partyContact } : null,
          publicReportId: null,
        }, calendar);
        return { id: saved.id, fields: ["kind", "institutionId", ...(appraiser ? ["appraiserId"] : []), "comment", ...(partyName ? ["partyName"] : []), ...(partyContact ? ["partyContact"] : [])], events };
      },
    });
  }

  /**
   * Stores feedback posted by the caller, inside the caller's transaction: who posted it and when, for a
   * complaint its status and response day (the calendar is read before the transaction: an embedded database
   * has one connection, which the transaction holds), the summaries, the grades a complaint weighs on, and
   * the events.
   */
  private async insertFeedback(
    manager: EntityManager,
    f: Omit<Partial<CaseFeedback>, "institutionId" | "institutionRegionCode"> & { kind: FeedbackKind; institution: Institution },
    calendar: WorkingCalendar | undefined,
  ): Promise<{ saved: CaseFeedback; events: EventDraft[] }> {
    const agency = this.viewer.agency!;
    const { institution, ...fields } = f;
    const complaint = f.kind === FeedbackKind.COMPLAINT;
    const workingDays = this.scope.policy.complaintResponseWorkingDays;
    const saved = await manager.getRepository(CaseFeedback).save(
      manager.create(CaseFeedback, {
        ...fields,
        postingAgencyId: agency.id,
        postingAgencyCode: agency.code,
        postingRegionCode: agency.regionCode,
        institutionId: institution.id,
        institutionRegionCode: institution.regionCode,
        postedAt: this.scope.now(),
        complaintStatus: complaint ? ComplaintStatus.SUBMITTED : null,
        complaintRespondBy: complaint && calendar ? complaintRespondBy(calendar, this.scope.today(), workingDays) : null,
        complaintResponseWorkingDays: complaint && calendar ? workingDays : null,
      }),
    );
    await addToSummaries(manager, saved);
    if (complaint) await this.regrade(manager, saved);
    const events = [eventAbout("case_feedback.posted", saved, [saved.institutionRegionCode])];
    if (complaint) events.push(eventAbout("case_feedback.complaint_received", saved, [saved.institutionRegionCode]));
    return { saved, events };
  }

  /**
   * Stores a complaint filed by the caller outside `postCaseFeedback` (`fileComplaint`, or a bureau accepting
   * a public report), inside the caller's transaction.
   */
  async storeComplaint(
    manager: EntityManager,
    c: {
      institution: Institution;
      appraiserId: string | null;
      agencyCaseNo: string | null;
      comment: string;
      suspectedFalseAppraisal: boolean;
      /** The party: its contact in the clear (to seal), or already sealed elsewhere (a reporter's, copied as it is). */
      party: { name: string; contact: string | null; sealed?: { sealed: string; masked: string | null } | null } | null;
      publicReportId: string | null;
    },
    calendar: WorkingCalendar,
  ): Promise<{ saved: CaseFeedback; events: EventDraft[] }> {
    return this.insertFeedback(
      manager,
      {
        kind: FeedbackKind.COMPLAINT,
        agencyCaseNo: c.agencyCaseNo,
        caseId: null,
        appraiserId: c.appraiserId,
        institution: c.institution,
        suspectedFalseAppraisal: c.suspectedFalseAppraisal,
        comment: c.comment,
        partyName: c.party?.name ?? null,
        partyContactSealed: c.party?.sealed?.sealed ?? (c.party?.contact ? this.scope.vault.seal(c.party.contact) : null),
        partyContactMasked: c.party?.sealed ? c.party.sealed.masked : c.party?.contact ? maskPhone(c.party.contact) : null,
        publicReportId: c.publicReportId,
      },
      calendar,
    );
  }

  /**
   * The party's contact on a complaint filed on its behalf: in full for the bureaus and associations handling
   * it (the feedback's row visibility), once the read is durably audited; masked if it cannot be.
   */
  async partyContact(feedback: CaseFeedback, path: ResponsePath): Promise<string | null> {
    if (!feedback.partyContactSealed) return null;
    if (!complaintHandler(this.viewer, feedback)) return feedback.partyContactMasked;
    return discloseAfterAudit(this.scope, { entityType: "CaseFeedback", entityId: feedback.id, field: "partyContact" }, feedback.partyContactSealed, feedback.partyContactMasked, path);
  }

  async handleComplaint(id: string, expectedVersion: number, input: HandleComplaintInput): Promise<CaseFeedback> {
    const note = check.text(input.note, "input.note", { max: 2000, required: true, freeText: true });
    const resolution = check.optionalText(input.resolution, "input.resolution", 4000, { freeText: true });
    if (input.to === ComplaintStatus.RESOLVED) {
      if (!resolution) throw new BadUserInputError("Resolving a complaint needs a resolution.", "input.resolution");
      if (input.violationConfirmed === null || input.violationConfirmed === undefined) {
        throw new BadUserInputError("Resolving a complaint needs violationConfirmed (true or false).", "input.violationConfirmed");
      }
    }
    return this.commands.change({
      operation: "handleComplaint",
      entity: CaseFeedback,
      entityType: "CaseFeedback",
      label: "Complaint",
      id,
      expectedVersion,
      visible: (current) => current.kind === FeedbackKind.COMPLAINT && caseFeedbackVisibility.test(this.viewer, current),
      apply: async (current, manager) => {
      if (!COMPLAINT_TRANSITIONS[current.complaintStatus!].includes(input.to)) throw new InvalidStateTransitionError("The complaint", current.complaintStatus!, input.to);
      const changes: Partial<CaseFeedback> = { complaintStatus: input.to };
      if (input.to === ComplaintStatus.RESOLVED) Object.assign(changes, { complaintResolution: resolution, violationConfirmed: input.violationConfirmed });
      if (input.to === ComplaintStatus.DISMISSED) Object.assign(changes, { complaintResolution: resolution ?? note, violationConfirmed: false });
      // Feedback rows have no updated_at: their history is the complaint log.
      const updated = await updateVersioned<CaseFeedback>(manager, CaseFeedback, "Complaint", id, expectedVersion, changes, { touchUpdatedAt: false });
      await manager.getRepository(ComplaintEvent).save(manager.create(ComplaintEvent, { feedbackId: id, fromStatus: current.complaintStatus!, toStatus: input.to, note, actorAgencyCode: this.viewer.agency!.code }));
      // The grade is recomputed from the complaint as stored, so after the update.
      if (input.to === ComplaintStatus.RESOLVED) await this.regrade(manager, current);
      return { wrote: updated, fields: Object.keys(changes), events: [eventAbout("case_feedback.complaint_handled", updated, [updated.institutionRegionCode])] };
      },
    });
  }

  /** Complaints weigh on the credit grade of the appraiser and the institution. */
  private async regrade(manager: EntityManager, f: CaseFeedback): Promise<void> {
    const today = this.scope.today();
    await recomputeCreditGrade(manager, { type: "INSTITUTION", id: f.institutionId }, this.scope.policy, today);
    if (f.appraiserId) await recomputeCreditGrade(manager, { type: "APPRAISER", id: f.appraiserId }, this.scope.policy, today);
  }

  /** Feedback linked to a case must come from the agency that entrusted it, about an appraiser on it, under its number. */
  private async assertCaseFits(manager: EntityManager, caseId: string, appraiserId: string, agencyCaseNo: string): Promise<void> {
    const c = await manager.getRepository(AppraisalCase).findOneBy({ id: caseId });
    if (!c || !appraisalCaseVisibility.test(this.viewer, c) || c.entrustingAgencyId !== this.viewer.agency!.id) throw new BadUserInputError("The case does not exist among your agency's cases.", "input.caseId");
    if (c.agencyCaseNoKey !== caseNumberKey(agencyCaseNo)) throw new BadUserInputError("agencyCaseNo differs from the case's number.", "input.agencyCaseNo");
    const assigned = await manager.getRepository(CaseAppraiser).findBy({ caseId });
    if (assigned.length > 0 && !assigned.some((a) => a.appraiserId === appraiserId)) {
      throw new BadUserInputError("The appraiser was not assigned to this case.", "input.appraiserId");
    }
  }
}

/** A complaint's response day: `workingDays` working days after the day it was filed. */
export function complaintRespondBy(calendar: WorkingCalendar, filedOn: string, workingDays: number): string | null {
  return calendar.addWorkingDays(filedOn, workingDays) ?? null;
}

/**
 * Recomputes the stored response day of every open complaint (a resolved or dismissed one keeps the day it was
 * handled against) from its filing day (the posting day in China Standard Time)
 * and the working days it was given at filing, with `calendar`. Run in the transaction that changes the
 * calendar (an imported notice, the shipped calendar at start), so a day counted across an estimated year moves
 * to the one the notice gives, as a case's computed deadlines do. The day follows from the calendar and is not an
 * edit: the version and the audit trail stay as they are. Returns the number of complaints whose day moved.
 */
export async function recomputeComplaintDeadlines(manager: EntityManager, calendar: WorkingCalendar): Promise<number> {
  const rows: Array<{ id: string; posted_at: Date | string; n: number; due: string | null }> = await manager.query(
    `SELECT id, posted_at, complaint_response_working_days AS n, to_char(complaint_respond_by, 'YYYY-MM-DD') AS due
     FROM case_feedback WHERE kind = 'COMPLAINT' AND complaint_response_working_days IS NOT NULL
       AND complaint_status NOT IN ('RESOLVED', 'DISMISSED')`,
  );
  const moved: Array<{ id: string; due: string | null }> = [];
  for (const row of rows) {
    const due = complaintRespondBy(calendar, todayInChina(new Date(row.posted_at)), Number(row.n));
    if (due !== row.due) moved.push({ id: row.id, due });
  }
  if (moved.length > 0) {
    await manager.query(`UPDATE case_feedback f SET complaint_respond_by = m.due FROM unnest($1::uuid[], $2::date[]) AS m(id, due) WHERE f.id = m.id`, [
      moved.map((m) => m.id),
      moved.map((m) => m.due),
    ]);
  }
  return moved.length;
}

function validRatings(ratings: RatingsInput): Record<keyof Required<RatingsInput>, number | null> {
  const out = {} as Record<keyof Required<RatingsInput>, number | null>;
  for (const key of Object.keys(RATING_COLUMNS) as Array<keyof Required<RatingsInput>>) {
    const value = ratings[key] ?? null;
    if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 5)) throw new BadUserInputError(`ratings.${key} must be a whole number from 1 to 5.`, `input.ratings.${key}`);
    out[key] = value;
  }
  return out;
}
