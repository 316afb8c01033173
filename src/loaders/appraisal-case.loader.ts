import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { AppraisalCase, PossibleDuplicate } from "../entities/appraisal-case.entity";
import type { AgencyKind } from "../entities/agency-kind";
import { CaseAppraiser } from "../entities/case-appraiser.entity";
import { CaseEvent } from "../entities/case-event.entity";
import type { WorkingCalendar } from "../domain/working-days";
import { loadWorkingCalendar } from "../seed/calendar";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** At most this many possible duplicates are listed per case, the most recent first. */
export const MAX_DUPLICATES = 20;

/**
 * When case `c` may appraise the same subject as case `me` (多头、重复鉴定): same technical field, and a shared
 * patent or trademark, or a shared party with the same matter; `c` open (not rejected, closed or terminated)
 * or entrusted since `since`; never the case a re-appraisal repeats, nor its re-appraisals. The one rule, for
 * the loader below and the case list's `hasPossibleDuplicates` filter.
 */
export const duplicateMatch = (me: string, c: string, since: string): string =>
  `${c}.id <> ${me}.id AND ${c}.technical_field = ${me}.technical_field
   AND (${c}.object_keys && ${me}.object_keys OR (${c}.party_keys && ${me}.party_keys AND ${c}.matter_key = ${me}.matter_key))
   AND ${c}.status <> 'REJECTED' AND (${c}.status NOT IN ('CLOSED', 'TERMINATED') OR ${c}.entrusted_on >= ${since})
   AND ${c}.id IS DISTINCT FROM ${me}.reappraisal_of AND ${c}.reappraisal_of IS DISTINCT FROM ${me}.id`;

/** Possible duplicates of many cases in one statement, at most `MAX_DUPLICATES` each. Keys are `<case id>|<since>`. */
const DUPLICATES = `
  SELECT * FROM (
    SELECT me.id AS for_case, c.id, a.kind AS entrusting_agency_kind, c.entrusting_region_code, c.institution_id, c.entrusted_on::text AS entrusted_on,
           ARRAY(SELECT unnest(c.object_keys) INTERSECT SELECT unnest(me.object_keys)) || ARRAY(SELECT unnest(c.party_keys) INTERSECT SELECT unnest(me.party_keys)) AS shared_keys,
           c.matter_key = me.matter_key AS same_matter,
           row_number() OVER (PARTITION BY me.id ORDER BY c.entrusted_on DESC, c.id) AS n
      FROM appraisal_cases me
      JOIN appraisal_cases c ON ${duplicateMatch("me", "c", "$2::date")}
      JOIN agencies a ON a.id = c.entrusting_agency_id
     WHERE me.id = ANY($1::uuid[])
  ) found WHERE n <= ${MAX_DUPLICATES}
  ORDER BY for_case, n`;

/** Batched fetches for cases, and the working calendar (read at most once per request). */
export function createAppraisalCaseLoaders(dataSource: DataSource) {
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    appraisalCaseById: loadOneBy(dataSource, AppraisalCase, "id"),
    /** Oldest first. */
    caseEventsByCaseId: loadManyBy(dataSource, CaseEvent, "caseId", { seq: "ASC" }),
    caseAppraisersByCaseId: loadManyBy(dataSource, CaseAppraiser, "caseId", { assignedOn: "ASC" }),
    /** Re-appraisals of a case (重新鉴定), oldest first. */
    reappraisalsByCaseId: loadManyBy(dataSource, AppraisalCase, "reappraisalOfId", { entrustedOn: "ASC" }),
    possibleDuplicatesByCase: new DataLoader<string, PossibleDuplicate[]>(async (keys) => {
      const since = keys[0].split("|")[1];
      const ids = keys.map((key) => key.split("|")[0]);
      const rows: Array<Record<string, unknown>> = await dataSource.query(DUPLICATES, [ids, since]);
      const found = new Map<string, PossibleDuplicate[]>(ids.map((id) => [id, []]));
      for (const r of rows) {
        found.get(r.for_case as string)!.push(
          Object.assign(new PossibleDuplicate(), {
            caseId: r.id as string,
            institutionId: r.institution_id as string,
            entrustingAgencyKind: r.entrusting_agency_kind as AgencyKind,
            entrustingRegionCode: r.entrusting_region_code as string,
            entrustedOn: r.entrusted_on as string,
            sharedIdentifiers: r.shared_keys as string[],
            sameMatter: r.same_matter as boolean,
          }),
        );
      }
      return ids.map((id) => found.get(id)!);
    }),
    calendar: (): Promise<WorkingCalendar> => {
      calendar ??= loadWorkingCalendar(dataSource);
      return calendar;
    },
  };
}
