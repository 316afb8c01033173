import { In, type EntityManager } from "typeorm";
import type { RequestScope } from "../context/request-scope";
import { STANDARD_CODE, standardCodeKey } from "../domain/standard-code";
import { Standard, StandardStatus } from "../entities/standard.entity";
import { BadUserInputError, ConflictError } from "../errors/errors";
import type { AddStandardInput, StandardFilter, UpdateStandardInput } from "../inputs/standard.input";
import { demand, EVERYTHING } from "../policy/decision";
import { standardsCurator } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { Page } from "./pagination";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";
import { InputProblems } from "./validate";

const STANDARD_LIST: ListSpec<Standard, StandardFilter> = {
  entity: Standard,
  alias: "s",
  filters: {
    technicalField: (field, s) => ({ clause: `(${s}.technical_field = :field OR ${s}.technical_field IS NULL)`, params: { field } }),
    kind: equals("kind", "kind"),
    status: equals("status", "status"),
    codeContains: (text, s) => ({ clause: `${s}.code_key LIKE :code`, params: { code: check.containsPattern(standardCodeKey(text), "filter.codeContains") } }),
    titleContains: (text, s) => ({ clause: `(${s}.title LIKE :title OR ${s}.part LIKE :title)`, params: { title: check.containsPattern(text, "filter.titleContains") } }),
  },
  order: {
    direction: "ASC",
    keys: [
      { column: "s.code_key", part: "text", value: (row) => row.codeKey },
      { column: "s.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

type StandardDetails = Partial<Pick<Standard, "title" | "part" | "technicalField" | "issuedBy" | "issuedOn" | "effectiveOn" | "status">>;

/**
 * The standards catalogue: public to read, kept by the bureaus at province level and above. What
 * institutions comply with and what a case applied point at its entries.
 */
export class StandardService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  list(filter: StandardFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Standard>> {
    return listPage(this.scope.reads, STANDARD_LIST, EVERYTHING, filter, { first, after });
  }

  async byId(id: string | null | undefined): Promise<Standard | null> {
    return id && check.isUuid(id) ? this.scope.loaders.standardById.load(id) : null;
  }

  /** The catalogue entries with these ids (what a case or a typical case applied), batched. */
  async byIds(ids: readonly string[]): Promise<Standard[]> {
    const standards = await this.scope.loaders.standardById.loadMany(ids);
    return standards.filter((s): s is Standard => !!s && !(s instanceof Error));
  }

  async add(input: AddStandardInput): Promise<Created<Standard>> {
    demand(standardsCurator, "Bureaus at province level and above keep the standards catalogue.", this.scope.viewer);
    const problems = new InputProblems();
    const code = problems.check(() => check.text(input.code, "input.code", { max: 60, required: true }))!;
    const codeKey = standardCodeKey(code ?? "");
    if (code && !STANDARD_CODE.test(codeKey)) problems.add("input.code", "input.code must be a standard code as published, e.g. GB/T 45563.2—2025.");
    const details = this.validDetails({ ...input, status: StandardStatus.IN_FORCE }, problems);
    problems.done();
    return this.commands.create({
      operation: "addStandard",
      entity: Standard,
      entityType: "Standard",
      idempotencyKey: input.idempotencyKey,
      fingerprint: { code, kind: input.kind, ...details },
      write: async (manager) => {
        const duplicate = "This standard is already in the catalogue.";
        if (await manager.getRepository(Standard).existsBy({ codeKey })) throw new ConflictError(duplicate, { field: "input.code" });
        const saved = await conflictOnDuplicate(
          () => manager.getRepository(Standard).save(manager.create(Standard, { ...details, code, codeKey, kind: input.kind, addedByAgencyCode: this.scope.viewer.agency!.code })),
          duplicate,
          "input.code",
        );
        return { id: saved.id, fields: ["code", "kind", ...Object.keys(details)] };
      },
    });
  }

  update(id: string, expectedVersion: number, input: UpdateStandardInput): Promise<Standard> {
    demand(standardsCurator, "Bureaus at province level and above keep the standards catalogue.", this.scope.viewer);
    const problems = new InputProblems();
    const details = this.validDetails(input, problems, { partial: true });
    problems.done();
    if (Object.keys(details).length === 0) throw new BadUserInputError("Nothing to change.", "input");
    return this.commands.change({
      operation: "updateStandard",
      entity: Standard,
      entityType: "Standard",
      label: "Standard",
      id,
      expectedVersion,
      apply: async (current) => {
        const merged = { ...current, ...details };
        if (merged.issuedOn && merged.effectiveOn && merged.effectiveOn < merged.issuedOn) throw new BadUserInputError("effectiveOn cannot be before issuedOn.", "input.effectiveOn");
        const changes = Object.fromEntries(Object.entries(details).filter(([key, value]) => current[key as keyof Standard] !== value)) as StandardDetails;
        return Object.keys(changes).length === 0 ? { unchanged: true } : { changes, fields: Object.keys(changes) };
      },
    });
  }

  private validDetails(input: UpdateStandardInput, problems: InputProblems, options: { partial?: boolean } = {}): StandardDetails {
    const out: StandardDetails = {};
    const wanted = (value: unknown) => !options.partial || (value !== undefined && value !== null);
    if (wanted(input.title)) out.title = problems.check(() => check.text(input.title, "input.title", { max: 200, required: true })) ?? "";
    if (wanted(input.part)) out.part = problems.check(() => check.optionalText(input.part, "input.part", 100)) ?? null;
    // GraphQL has checked the enums.
    if (wanted(input.technicalField)) out.technicalField = input.technicalField ?? null;
    if (wanted(input.issuedBy)) out.issuedBy = problems.check(() => check.optionalText(input.issuedBy, "input.issuedBy", 200)) ?? null;
    // Only published standards: an issue day, when given, is not in the future.
    if (wanted(input.issuedOn)) out.issuedOn = input.issuedOn ? (problems.check(() => check.dayUpTo(input.issuedOn, "input.issuedOn", this.scope.today(), "enter only published standards")) ?? null) : null;
    if (wanted(input.effectiveOn)) out.effectiveOn = problems.check(() => check.localDate(input.effectiveOn, "input.effectiveOn")) ?? null;
    if (wanted(input.status) && input.status) out.status = input.status;
    if (out.issuedOn && out.effectiveOn && out.effectiveOn < out.issuedOn) problems.add("input.effectiveOn", "input.effectiveOn cannot be before input.issuedOn.");

    return out;
  }
}

/**
 * The catalogue entries the given codes name, inside a write: every code must be in the catalogue (a bureau
 * adds a missing one first), so compliance and applied standards are references, not free text.
 */
export async function resolveStandardCodes(manager: EntityManager, codes: readonly string[], field: string): Promise<Map<string, Standard>> {
  const keys = [...new Set(codes.map(standardCodeKey))];
  const found = keys.length ? await manager.getRepository(Standard).findBy({ codeKey: In(keys) }) : [];
  const byKey = new Map(found.map((s) => [s.codeKey, s]));
  const missing = codes.filter((code) => !byKey.has(standardCodeKey(code)));
  if (missing.length) throw new BadUserInputError(`${missing.join(", ")} is not in the standards catalogue: a bureau at province level adds it first (addStandard).`, field);
  return new Map(codes.map((code) => [code, byKey.get(standardCodeKey(code))!]));
}

/** The distinct catalogue entries the codes name (two spellings of one code are one entry), as `resolveStandardCodes` checks them. */
export async function catalogueEntries(manager: EntityManager, codes: readonly string[], field: string): Promise<Standard[]> {
  const found = await resolveStandardCodes(manager, codes, field);
  return [...new Map([...found.values()].map((s) => [s.id, s])).values()];
}
