import { DataSource } from "typeorm";
import { AgencyKind } from "../entities/agency-kind";
import { Agency } from "../entities/agency.entity";
import { ClientSystem } from "../entities/client-system.entity";
import { BadUserInputError } from "../errors/errors";
import { isRegionCodeShape, regionLikePattern } from "../auth/region";
import type { Viewer } from "../auth/viewer";
import type { Loaders } from "../loaders";
import type { RequestScope } from "../context/request-scope";
import { decodeCursor, Page, pageSize, toPage } from "./pagination";
import { agencyAdministration } from "../policy/rules";

export interface AgencyFilter {
  kind?: AgencyKind | null;
  /** Agencies whose region lies inside this one. */
  regionCode?: string | null;
}

/**
 * The agency registry as callers see it. Agencies' identity (code, name, kind, region) is public directory
 * information; their status and client systems are for the agency itself and its supervising bureaus.
 */
export class AgencyService {
  private readonly dataSource: DataSource;
  private readonly viewer: Viewer;
  private readonly loaders: Loaders;

  constructor(scope: RequestScope) {
    ({ dataSource: this.dataSource, viewer: this.viewer, loaders: this.loaders } = scope);
  }

  byCode(code: string): Promise<Agency | null> {
    return this.loaders.agencyByCode.load(code);
  }

  /** The calling agency, or null for the anonymous public. */
  current(): Promise<Agency | null> {
    return this.viewer.agency ? this.loaders.agencyById.load(this.viewer.agency.id) : Promise.resolve(null);
  }

  async list(filter: AgencyFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Agency>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, ["text"]);
    if (filter.regionCode && !isRegionCodeShape(filter.regionCode)) {
      throw new BadUserInputError("regionCode must be a 6-digit administrative division code.", "filter.regionCode");
    }
    const query = this.dataSource.getRepository(Agency).createQueryBuilder("a");
    if (filter.kind) query.andWhere("a.kind = :kind", { kind: filter.kind });
    if (filter.regionCode) query.andWhere("a.region_code LIKE :region", { region: regionLikePattern(filter.regionCode) });
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere("a.code > :after", { after: cursor[0] });
    const rows = await query.orderBy("a.code", "ASC").limit(size + 1).getMany();
    return toPage(rows, size, (row) => [row.code], totalCount);
  }

  /** Client systems of an agency the caller administers (its own, or one it supervises); otherwise none. */
  async clientSystems(agency: Agency): Promise<ClientSystem[]> {
    return agencyAdministration(this.viewer, agency) ? this.loaders.clientSystemsByAgencyId.load(agency.id) : [];
  }
}
