import type { RequestScope } from "../context/request-scope";
import { Appraiser } from "../entities/appraiser.entity";
import { DisciplinarySanction } from "../entities/disciplinary-sanction.entity";
import { Institution } from "../entities/institution.entity";
import { BadUserInputError } from "../errors/errors";
import type { ImposeSanctionInput } from "../inputs/disciplinary-sanction.input";
import { appraiserVisibility } from "../policy/appraiser.visibility";
import { demand } from "../policy/decision";
import { imposeSanction } from "../policy/disciplinary-sanction.permissions";
import { disciplinarian } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import * as check from "./validate";

/**
 * 行业惩戒: industry associations' sanctions against appraisers under their own charters. A sanction is the
 * association's own record; an appraiser's status is a bureau's decision (`changeAppraiserStatus`).
 */
export class DisciplinarySanctionService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  forAppraiser(appraiser: Appraiser): Promise<DisciplinarySanction[]> {
    return this.scope.loaders.sanctionsByAppraiserId.load(appraiser.id);
  }

  async impose(input: ImposeSanctionInput): Promise<Created<DisciplinarySanction>> {
    const viewer = this.scope.viewer;
    demand(disciplinarian, "Industry associations impose sanctions under their charters; bureaus decide an appraiser's status.", viewer);
    const reason = check.text(input.reason, "input.reason", { max: 1000, required: true, freeText: true });
    const decisionDocNo = check.optionalText(input.decisionDocNo, "input.decisionDocNo", 100);
    const decidedOn = check.dayUpTo(input.decidedOn, "input.decidedOn", this.scope.today());
    return this.commands.create({
      operation: "imposeSanction",
      entity: DisciplinarySanction,
      entityType: "DisciplinarySanction",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const appraiser = check.isUuid(input.appraiserId) ? await manager.getRepository(Appraiser).findOneBy({ id: input.appraiserId }) : null;
        const institution = appraiser?.institutionId ? await manager.getRepository(Institution).findOneBy({ id: appraiser.institutionId }) : null;
        if (!appraiser || !appraiserVisibility.test(viewer, appraiser, institution)) throw new BadUserInputError("The appraiser does not exist.", "input.appraiserId");
        imposeSanction.require(viewer, appraiser);
        return appraiser;
      },
      fingerprint: { appraiserId: input.appraiserId, kind: input.kind, reason, decisionDocNo, decidedOn },
      write: async (manager, appraiser) => {
        const saved = await manager.getRepository(DisciplinarySanction).save(
          manager.create(DisciplinarySanction, { appraiserId: appraiser.id, kind: input.kind, reason, decisionDocNo, decidedOn, decidedByAgencyId: viewer.agency!.id, decidedByAgencyCode: viewer.agency!.code }),
        );
        return { id: saved.id, fields: ["appraiserId", "kind", "reason", ...(decisionDocNo ? ["decisionDocNo"] : []), "decidedOn"] };
      },
    });
  }
}
