import type { EntityManager } from "typeorm";
import type { RequestScope } from "../context/request-scope";
import { ListingStatus } from "../domain/directory-enums";
import { CaseStatus } from "../domain/case-enums";
import { personalDataIn } from "../domain/personal-data-in-text";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { Institution } from "../entities/institution.entity";
import { TypicalCase } from "../entities/typical-case.entity";
import { BadUserInputError, ConflictError, NotFoundError } from "../errors/errors";
import type { PublishTypicalCaseInput, TypicalCaseFilter } from "../inputs/typical-case.input";
import { appraisalCaseVisibility } from "../policy/appraisal-case.visibility";
import { demand, EVERYTHING } from "../policy/decision";
import { caseLibrarian } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { Page } from "./pagination";
import { catalogueEntries } from "./standard.service";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";
import { InputProblems } from "./validate";

/** The library, newest first. */
const TYPICAL_CASE_LIST: ListSpec<TypicalCase, TypicalCaseFilter> = {
  entity: TypicalCase,
  alias: "t",
  filters: {
    technicalField: equals("technical_field", "field"),
    matter: equals("matter", "matter", (matter: string) => check.text(matter, "filter.matter", { max: 100 })),
    textContains: (text, t) => ({ clause: `(${t}.title LIKE :text OR ${t}.summary LIKE :text)`, params: { text: check.containsPattern(text, "filter.textContains") } }),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "t.published_on", part: "date", value: (row) => row.publishedOn },
      { column: "t.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/**
 * 知识产权鉴定应用案例库: bureaus and associations publish the closed cases that exist for them as typical, de-identified
 * by rule (`domain/personal-data-in-text.ts`); everyone reads the library. The institution is named only
 * while it is listed.
 */
export class TypicalCaseService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  list(filter: TypicalCaseFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<TypicalCase>> {
    return listPage(this.scope.reads, TYPICAL_CASE_LIST, EVERYTHING, filter, { first, after });
  }

  /** The institution that appraised it, only while it is LISTED (a suspended or removed one is not held up as an example). */
  async institutionOf(typical: TypicalCase): Promise<Institution | null> {
    const institution = await this.scope.loaders.institutionById.load(typical.institutionId);
    return institution?.listingStatus === ListingStatus.LISTED ? institution : null;
  }

  publish(caseId: string, input: PublishTypicalCaseInput): Promise<Created<TypicalCase>> {
    const viewer = this.scope.viewer;
    demand(caseLibrarian, "Bureaus and associations publish typical cases.", viewer);
    const problems = new InputProblems();
    const title = problems.check(() => check.text(input.title, "input.title", { max: 200, required: true }));
    const summary = problems.check(() => check.text(input.summary, "input.summary", { max: 8000, required: true, freeText: true }));
    const keyPoints = problems.check(() => check.textList(input.keyPoints, "input.keyPoints", { maxItems: 20, maxLength: 500, freeText: true }));
    const codes = problems.check(() => check.textList(input.standardsApplied, "input.standardsApplied", { maxItems: 10, maxLength: 60 }));
    problems.done();
    return this.commands.create({
      operation: "publishTypicalCase",
      entity: TypicalCase,
      entityType: "TypicalCase",
      idempotencyKey: input.idempotencyKey,
      authorize: async (manager) => {
        const appraisal = check.isUuid(caseId) ? await manager.getRepository(AppraisalCase).findOneBy({ id: caseId }) : null;
        // Bureaus and associations publish the cases that exist for them: those covering the case's institution or entrusting agency.
        if (!appraisal || !appraisalCaseVisibility.test(viewer, appraisal)) throw new NotFoundError("Appraisal case");
        if (appraisal.status !== CaseStatus.CLOSED) throw new BadUserInputError(`Only a CLOSED case is published as typical; this one is ${appraisal.status}.`, "caseId");
        return appraisal;
      },
      fingerprint: { caseId, title, summary, keyPoints, codes },
      write: async (manager, appraisal) => {
        await this.assertDeidentified(manager, appraisal, { title: title!, summary: summary!, keyPoints: keyPoints! });
        const standards = await catalogueEntries(manager, codes!, "input.standardsApplied");
        if (await manager.getRepository(TypicalCase).existsBy({ caseId: appraisal.id })) throw new ConflictError("This case is already in the case library.", { field: "caseId" });
        const saved = await conflictOnDuplicate(
          () =>
            manager.getRepository(TypicalCase).save(
              manager.create(TypicalCase, {
                caseId: appraisal.id,
                institutionId: appraisal.institutionId,
                regionCode: appraisal.institutionRegionCode,
                technicalField: appraisal.technicalField,
                matter: appraisal.matter,
                title: title!,
                summary: summary!,
                keyPoints: keyPoints!,
                standardIds: standards.map((s) => s.id),
                publishedOn: this.scope.today(),
                publishedByAgencyCode: viewer.agency!.code,
              }),
            ),
          "This case is already in the case library.",
          "caseId",
        );
        return { id: saved.id, fields: ["caseId", "title", "summary", "keyPoints", "standardIds"] };
      },
    });
  }

  /** Refuses text that names a person or a party: the case's appraisers, the institution's representative, its numbers. */
  private async assertDeidentified(manager: EntityManager, appraisal: AppraisalCase, text: { title: string; summary: string; keyPoints: string[] }): Promise<void> {
    const people: Array<{ name: string }> = await manager.query(
      `SELECT a.name FROM case_appraisers ca JOIN appraisers a ON a.id = ca.appraiser_id WHERE ca.case_id = $1
       UNION SELECT legal_representative FROM institutions WHERE id = $2`,
      [appraisal.id, appraisal.institutionId],
    );
    const known = { names: people.map((p) => p.name).filter(Boolean), numbers: [appraisal.agencyCaseNo, appraisal.opinionDocNo ?? ""] };
    const problems = new InputProblems();
    // The matter is published as the case recorded it: it is checked like the text given.
    const fields: Array<[string, string]> = [["caseId", appraisal.matter], ["input.title", text.title], ["input.summary", text.summary], ...text.keyPoints.map((p, i): [string, string] => [`input.keyPoints.${i}`, p])];
    for (const [field, value] of fields) {
      const found = personalDataIn(value, known);
      if (!found) continue;
      problems.add(field, field === "caseId" ? `The case's matter contains ${found.what}: the case cannot be published as typical.` : `${field} contains ${found.what}: de-identify it (e.g. 张某, 某公司, 〔案号略〕).`);
    }
    problems.done();
  }
}
