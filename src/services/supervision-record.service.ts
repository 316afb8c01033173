import { Institution } from "../entities/institution.entity";
import { SupervisionRecord } from "../entities/supervision-record.entity";
import { SupervisionResult } from "../domain/case-enums";
import { BadUserInputError } from "../errors/errors";
import { RequestScope } from "../context/request-scope";
import { recomputeCreditGrade } from "./credit-grade";
import { Page } from "./pagination";
import * as check from "./validate";
import { supervisionRecordVisibility } from "../policy/supervision-record.visibility";
import { recordInspection } from "../policy/supervision-record.permissions";
import { demand } from "../policy/decision";
import { supervisor } from "../policy/rules";
import { referencedInstitution } from "./institution.service";
import { CommandRunner } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { RecordInspectionInput, SupervisionRecordFilter } from "../inputs/supervision-record.input";

/** Supervision records, newest first. */
const SUPERVISION_LIST: ListSpec<SupervisionRecord, SupervisionRecordFilter> = {
  entity: SupervisionRecord,
  alias: "r",
  filters: {
    institutionId: equals("institution_id", "institutionId", (id: string) => check.idFilter(id, "filter.institutionId")),
    kind: equals("kind", "kind"),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "r.conducted_on", part: "date", value: (row) => row.conductedOn },
      { column: "r.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/**
 * Supervision records (行业自律监管): practice inspections, document-quality reviews and circulars, recorded by
 * the association or bureau whose jurisdiction covers the institution.
 */
export class SupervisionRecordService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  async forInstitution(institution: Institution): Promise<SupervisionRecord[]> {
    const rows = await this.scope.loaders.supervisionRecordsByInstitutionId.load(institution.id);
    return rows.filter((row) => supervisionRecordVisibility.test(this.scope.viewer, row));
  }

  list(filter: SupervisionRecordFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<SupervisionRecord>> {
    return listPage(this.scope.reads, SUPERVISION_LIST, supervisionRecordVisibility.sql(this.scope.viewer, "r"), filter, { first, after });
  }

  async record(input: RecordInspectionInput): Promise<SupervisionRecord> {
    const viewer = this.scope.viewer;
    demand(supervisor, "Associations and bureaus record supervision.", viewer);
    const conductedOn = check.localDate(input.conductedOn, "input.conductedOn")!;
    if (conductedOn > this.scope.today()) throw new BadUserInputError("conductedOn cannot lie in the future.", "input.conductedOn");
    const findings = check.text(input.findings, "input.findings", { max: 8000, freeText: true });
    const deadline = check.localDate(input.rectificationDeadline, "input.rectificationDeadline");
    if (input.result === SupervisionResult.RECTIFICATION_REQUIRED && !deadline) {
      throw new BadUserInputError("A result requiring rectification needs a rectificationDeadline.", "input.rectificationDeadline");
    }
    if (deadline && deadline < conductedOn) throw new BadUserInputError("rectificationDeadline is before conductedOn.", "input.rectificationDeadline");
    const score = input.score ?? null;
    if (score !== null && !(score >= 0 && score <= 100)) throw new BadUserInputError("score must be between 0 and 100.", "input.score");

    const { record } = await this.commands.create({
      operation: "recordInspection",
      entity: SupervisionRecord,
      entityType: "SupervisionRecord",
      idempotencyKey: input.idempotencyKey,
      fingerprint: { ...input, idempotencyKey: undefined },
      // The institution is checked before the key: a caller outside the jurisdiction hears FORBIDDEN on a retry too.
      authorize: async (manager) => {
        const institution = await referencedInstitution(manager, viewer, input.institutionId, "input.institutionId");
        recordInspection.require(viewer, institution);
        return institution;
      },
      write: async (manager, institution) => {
        const saved = await manager.getRepository(SupervisionRecord).save(
          manager.create(SupervisionRecord, {
            institutionId: institution.id,
            institutionRegionCode: institution.regionCode,
            kind: input.kind,
            conductedOn,
            result: input.result,
            score,
            findings,
            rectificationDeadline: deadline,
            recordedByAgencyCode: viewer.agency!.code,
          }),
        );
        // Inspections weigh on the institution's credit grade.
        await recomputeCreditGrade(manager, { type: "INSTITUTION", id: institution.id }, this.scope.policy, this.scope.today());
        return { id: saved.id, fields: ["kind", "result", "score", "findings"] };
      },
    });
    return record;
  }
}
