import type { RequestScope } from "../context/request-scope";
import { Circular } from "../entities/circular.entity";
import type { CircularFilter, IssueCircularInput } from "../inputs/circular.input";
import { regionLikePattern } from "../auth/region";
import { regionValidOn } from "../domain/region-directory";
import { issueCircular } from "../policy/circular.permissions";
import { circularVisibility } from "../policy/circular.visibility";
import { demand } from "../policy/decision";
import { supervisor } from "../policy/rules";
import { CommandRunner, Created } from "./command-runner";
import { equals, ListSpec, listPage } from "./list-builder";
import type { Page } from "./pagination";
import * as check from "./validate";
import { InputProblems } from "./validate";

const CIRCULAR_LIST: ListSpec<Circular, CircularFilter> = {
  entity: Circular,
  alias: "c",
  filters: {
    kind: equals("kind", "kind"),
    regionCode: (code, c) => ({ clause: `${c}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "c.issued_on", part: "date", value: (row) => row.issuedOn },
      { column: "c.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/** 通报, 通报表扬, 警示教育 to every institution of a region, by the bureau or association covering it. */
export class CircularService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  async byId(id: string): Promise<Circular | null> {
    if (!check.isUuid(id)) return null;
    const circular = await this.scope.dataSource.getRepository(Circular).findOneBy({ id });
    return circular && circularVisibility.test(this.scope.viewer, circular) ? circular : null;
  }

  list(filter: CircularFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Circular>> {
    return listPage(this.scope.reads, CIRCULAR_LIST, circularVisibility.sql(this.scope.viewer, "c"), filter, { first, after });
  }

  issue(input: IssueCircularInput): Promise<Created<Circular>> {
    const viewer = this.scope.viewer;
    demand(supervisor, "Bureaus and associations issue circulars.", viewer);
    const regionCode = check.regionCode(input.regionCode ?? "", "input.regionCode");
    // Who may address the region is decided before the rest of the input is judged.
    issueCircular.require(viewer, regionCode);
    const problems = new InputProblems();
    const title = problems.check(() => check.text(input.title, "input.title", { max: 200, required: true }));
    const body = problems.check(() => check.text(input.body, "input.body", { max: 20_000, required: true, freeText: true }));
    const documentNo = problems.check(() => check.optionalText(input.documentNo, "input.documentNo", 100)) ?? null;
    const today = this.scope.today();
    const issuedOn = problems.check(() => check.dayUpTo(input.issuedOn, "input.issuedOn", today)) ?? today;
    if (!regionValidOn(regionCode, today)) problems.add("input.regionCode", "The region code is no longer valid: use the code that replaced it.");
    problems.done();
    return this.commands.create({
      operation: "issueCircular",
      entity: Circular,
      entityType: "Circular",
      idempotencyKey: input.idempotencyKey,
      fingerprint: { kind: input.kind, regionCode, title, body, documentNo, issuedOn },
      write: async (manager) => {
        const saved = await manager.getRepository(Circular).save(
          manager.create(Circular, { kind: input.kind, regionCode, title: title!, body: body!, documentNo, issuedOn, issuedByAgencyCode: viewer.agency!.code }),
        );
        return { id: saved.id, fields: ["kind", "regionCode", "title", "body", ...(documentNo ? ["documentNo"] : []), "issuedOn"] };
      },
    });
  }
}
