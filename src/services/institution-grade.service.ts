import type { RequestScope } from "../context/request-scope";
import { AuditOutcome } from "../entities/audit-event.entity";
import { Institution } from "../entities/institution.entity";
import { InstitutionGradeRecord } from "../entities/institution-grade.entity";
import type { InstitutionGrade } from "../domain/directory-enums";
import type { RecordInstitutionGradeInput } from "../inputs/institution-grade.input";
import { demand } from "../policy/decision";
import { gradeInstitution } from "../policy/institution.permissions";
import { gradeAssessor } from "../policy/rules";
import { referencedInstitution } from "./institution.service";
import { CommandRunner, Created } from "./command-runner";
import { updateVersioned } from "./versioned-update";
import * as check from "./validate";
import { InputProblems } from "./validate";

/**
 * 等级评价: the industry association grades the institutions of its jurisdiction; each grade keeps its decision,
 * day and validity, and the institution shows the latest while it is valid.
 */
export class InstitutionGradeService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  /** The grade in force today: the latest, unless it has lapsed. */
  current(institution: Institution): InstitutionGrade | null {
    return institution.grade && (!institution.gradeValidUntil || institution.gradeValidUntil >= this.scope.today()) ? institution.grade : null;
  }

  history(institution: Institution): Promise<InstitutionGradeRecord[]> {
    return this.scope.loaders.gradesByInstitutionId.load(institution.id);
  }

  record(input: RecordInstitutionGradeInput): Promise<Created<InstitutionGradeRecord>> {
    const viewer = this.scope.viewer;
    demand(gradeAssessor, "Industry associations grade institutions (等级评价).", viewer);
    const problems = new InputProblems();
    const decidedOn = problems.check(() => check.dayUpTo(input.decidedOn, "input.decidedOn", this.scope.today()));
    const validUntil = problems.check(() => check.localDate(input.validUntil, "input.validUntil"));
    const decisionDocNo = problems.check(() => check.optionalText(input.decisionDocNo, "input.decisionDocNo", 100)) ?? null;
    if (decidedOn && validUntil && validUntil <= decidedOn) problems.add("input.validUntil", "input.validUntil must come after input.decidedOn.");
    problems.done();
    return this.commands.create({
      operation: "recordInstitutionGrade",
      entity: InstitutionGradeRecord,
      entityType: "InstitutionGrade",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const institution = await referencedInstitution(manager, viewer, input.institutionId, "input.institutionId");
        gradeInstitution.require(viewer, institution);
        return institution;
      },
      fingerprint: { institutionId: input.institutionId, grade: input.grade, decidedOn, validUntil, decisionDocNo },
      write: async (manager, institution) => {
        const saved = await manager.getRepository(InstitutionGradeRecord).save(
          manager.create(InstitutionGradeRecord, { institutionId: institution.id, grade: input.grade, decidedOn, validUntil, decisionDocNo, decidedByAgencyCode: viewer.agency!.code }),
        );
        // The institution shows the grade decided last (a late record of an older decision does not replace it).
        const [latest] = await manager.getRepository(InstitutionGradeRecord).find({ where: { institutionId: institution.id }, order: { decidedOn: { direction: "DESC", nulls: "LAST" }, createdAt: "DESC" }, take: 1 });
        await updateVersioned<Institution>(manager, Institution, "Institution", institution.id, institution.version, { grade: latest.grade, gradeValidUntil: latest.validUntil });
        return {
          id: saved.id,
          fields: ["institutionId", "grade", "decidedOn", "validUntil", ...(decisionDocNo ? ["decisionDocNo"] : [])],
          also: [{ operation: "recordInstitutionGrade", entityType: "Institution", entityId: institution.id, fields: ["grade", "gradeValidUntil"], outcome: AuditOutcome.SUCCESS }],
        };
      },
    });
  }
}
