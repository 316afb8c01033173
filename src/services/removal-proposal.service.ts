import type { EntityManager } from "typeorm";
import type { AuditEntry } from "../audit/audit-trail";
import type { RequestScope } from "../context/request-scope";
import { ListingStatus } from "../domain/directory-enums";
import { AuditOutcome } from "../entities/audit-event.entity";
import { Institution } from "../entities/institution.entity";
import { LegalReviewConclusion, RemovalProposal, RemovalProposalStatus } from "../entities/removal-proposal.entity";
import { BadUserInputError, InvalidStateTransitionError } from "../errors/errors";
import type { LegalReviewInput, RemovalDecisionInput } from "../inputs/removal-proposal.input";
import { demand } from "../policy/decision";
import { removalProposalVisibility } from "../policy/removal-proposal.visibility";
import { removalDecider } from "../policy/rules";
import { CommandRunner } from "./command-runner";
import type { EventDraft } from "../push/event-types";
import type { InstitutionService } from "./institution.service";
import * as check from "./validate";

/** Proposals still waiting for a decision: an institution has at most one at a time. */
const OPEN = [RemovalProposalStatus.PROPOSED, RemovalProposalStatus.REVIEWED];

/**
 * Inside a credit determination's transaction: a SERIOUS false appraisal (经依法认定有故意作虚假鉴定) proposes to
 * remove the institution concerned (`institutionOfSubject`) while it is listed or suspended and has no open
 * proposal. Answers the audit entry of the proposal, or nothing.
 */
export async function proposeRemoval(manager: EntityManager, record: { id: string; decisionDocNo: string }, institution: Institution | null): Promise<AuditEntry[]> {
  if (!institution || ![ListingStatus.LISTED, ListingStatus.SUSPENDED].includes(institution.listingStatus)) return [];
  // At most one open proposal per institution (a partial unique index): a second determination meanwhile adds none.
  const inserted: Array<{ id: string }> = await manager.query(
    `INSERT INTO removal_proposals (institution_id, institution_region_code, credit_record_id, reason, status)
     VALUES ($1, $2, $3, $4, 'PROPOSED') ON CONFLICT (institution_id) WHERE status IN ('PROPOSED', 'REVIEWED') DO NOTHING RETURNING id`,
    [institution.id, institution.regionCode, record.id, `信用决定${record.decisionDocNo}认定虚假鉴定（严重失信），提请移出名录库`],
  );
  if (inserted.length === 0) return [];
  return [{ operation: "proposeRemoval", entityType: "RemovalProposal", entityId: inserted[0].id, fields: ["institutionId", "creditRecordId"], outcome: AuditOutcome.SUCCESS }];
}

/**
 * The human side of a removal: the deciding bureau records the legal review (重大执法决定法制审核), then decides.
 * Only a LAWFUL review lets it remove; the removal is a move of the listing register, in the same transaction.
 */
export class RemovalProposalService {
  private readonly commands: CommandRunner;

  constructor(
    private readonly scope: RequestScope,
    private readonly institutions: InstitutionService,
  ) {
    this.commands = new CommandRunner(scope);
  }

  forInstitution(institution: Institution): Promise<RemovalProposal[]> {
    return this.scope.loaders.removalProposalsByInstitutionId.load(institution.id);
  }

  recordLegalReview(id: string, expectedVersion: number, input: LegalReviewInput): Promise<RemovalProposal> {
    demand(removalDecider, "The deciding bureau records the legal review.", this.scope.viewer);
    const opinion = check.text(input.opinion, "input.opinion", { max: 4000, required: true, freeText: true });
    const reviewedOn = check.dayUpTo(input.reviewedOn, "input.reviewedOn", this.scope.today());
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "recordLegalReview",
      apply: async (proposal) => {
        // A review that RETURNED the proposal (facts, basis or procedure to complete) may be followed by a new one.
        const reviewable = proposal.status === RemovalProposalStatus.PROPOSED || (proposal.status === RemovalProposalStatus.REVIEWED && proposal.legalReviewConclusion === LegalReviewConclusion.RETURNED);
        if (!reviewable) throw new InvalidStateTransitionError("The removal proposal", proposal.status, RemovalProposalStatus.REVIEWED);
        return {
          changes: { status: RemovalProposalStatus.REVIEWED, legalReviewConclusion: input.conclusion, legalReviewOpinion: opinion, legalReviewedOn: reviewedOn, legalReviewedByAgencyCode: this.scope.viewer.agency!.code },
          fields: ["status", "legalReviewConclusion", "legalReviewOpinion", "legalReviewedOn"],
          touchUpdatedAt: false,
        };
      },
    });
  }

  decide(id: string, expectedVersion: number, input: RemovalDecisionInput): Promise<RemovalProposal> {
    demand(removalDecider, "The deciding bureau decides a removal.", this.scope.viewer);
    const reason = check.text(input.reason, "input.reason", { max: 1000, required: true, freeText: true });
    const decisionDocNo = check.optionalText(input.decisionDocNo, "input.decisionDocNo", 100);
    if (input.remove && !decisionDocNo) throw new BadUserInputError("A removal needs its decision's document number.", "input.decisionDocNo");
    const effectiveOn = check.dayUpTo(input.effectiveOn, "input.effectiveOn", this.scope.today());
    const to = input.remove ? RemovalProposalStatus.REMOVED : RemovalProposalStatus.DECLINED;
    return this.commands.change({
      ...this.forWrite(id, expectedVersion),
      operation: "decideRemoval",
      apply: async (proposal, manager) => {
        if (!OPEN.includes(proposal.status)) throw new InvalidStateTransitionError("The removal proposal", proposal.status, to);
        if (input.remove && proposal.legalReviewConclusion !== LegalReviewConclusion.LAWFUL) {
          throw new InvalidStateTransitionError("The removal proposal", proposal.status, to, {
            reason: "LEGAL_REVIEW_REQUIRED",
            message: "a removal takes effect only after a legal review concluding LAWFUL (重大执法决定法制审核).",
          });
        }
        if (proposal.legalReviewedOn && effectiveOn < proposal.legalReviewedOn) throw new BadUserInputError("input.effectiveOn cannot be before the legal review.", "input.effectiveOn");
        const also: AuditEntry[] = [];
        const events: EventDraft[] = [];
        if (input.remove) {
          const institution = await manager.getRepository(Institution).findOneByOrFail({ id: proposal.institutionId });
          const move = await this.institutions.listingChange(manager, institution, { to: ListingStatus.REMOVED, reason, decisionDocNo, effectiveOn });
          also.push({ operation: "changeListingStatus", entityType: "Institution", entityId: institution.id, fields: move.fields, outcome: AuditOutcome.SUCCESS });
          events.push(...move.events);
        }
        return {
          changes: { status: to, decisionReason: reason, decisionDocNo, decidedOn: effectiveOn, decidedByAgencyCode: this.scope.viewer.agency!.code },
          fields: ["status", "decisionReason", ...(decisionDocNo ? ["decisionDocNo"] : []), "decidedOn"],
          touchUpdatedAt: false,
          also,
          events,
        };
      },
    });
  }

  private forWrite(id: string, expectedVersion: number) {
    return {
      entity: RemovalProposal,
      entityType: "RemovalProposal",
      label: "Removal proposal",
      id,
      expectedVersion,
      visible: (proposal: RemovalProposal) => removalProposalVisibility(this.scope.viewer, proposal),
    };
  }
}
