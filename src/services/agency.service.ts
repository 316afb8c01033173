import { DataSource } from "typeorm";
import { Agency } from "../entities/agency.entity";
import { ClientSystem } from "../entities/client-system.entity";
import { BadUserInputError } from "../errors/errors";
import { isRegionCodeShape, regionLikePattern } from "../auth/region";
import type { Viewer } from "../auth/viewer";
import type { Loaders } from "../loaders";
import type { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import { agencyAdministration } from "../policy/rules";
import { equals, ListSpec, listPage } from "./list-builder";
import { EVERYTHING } from "../policy/decision";
import type { AgencyFilter } from "../inputs/agency.input";

/** The registry, by code. */
const AGENCY_LIST: ListSpec<Agency, AgencyFilter> = {
  entity: Agency,
  alias: "a",
  filters: {
    kind: equals("kind", "kind"),
    regionCode: (code, a) => {
      if (!isRegionCodeShape(code)) throw new BadUserInputError("regionCode must be a 6-digit administrative division code.", "filter.regionCode");
      return { clause: `${a}.region_code LIKE :region`, params: { region: regionLikePattern(code) } };
    },
  },
  order: { direction: "ASC", keys: [{ column: "a.code", part: "text", value: (row) => row.code }] },
};

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

  list(filter: AgencyFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Agency>> {
    // Agencies' identity is public: every caller sees the whole registry.
    return listPage(this.dataSource, AGENCY_LIST, EVERYTHING, filter, { first, after });
  }

  /** Client systems of an agency the caller administers (its own, or one it supervises); otherwise none. */
  async clientSystems(agency: Agency): Promise<ClientSystem[]> {
    return agencyAdministration(this.viewer, agency) ? this.loaders.clientSystemsByAgencyId.load(agency.id) : [];
  }
}
