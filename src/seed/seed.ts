import type { DataSource, EntityManager } from "typeorm";
import { AuditTrail, systemActor } from "../audit/audit-trail";
import type { PiiVault } from "../auth/pii-vault";
import { maskIdNumber, maskPhone } from "../auth/mask";
import { ListingLevel, ListingStatus, PracticeKind } from "../domain/directory-enums";
import { allRegions } from "../domain/region-directory";
import { Agency } from "../entities/agency.entity";
import { Appraiser } from "../entities/appraiser.entity";
import { AppraiserPractice } from "../entities/appraiser-practice.entity";
import { AuditEntry } from "../audit/audit-trail";
import { AuditOutcome } from "../entities/audit-event.entity";
import { Institution } from "../entities/institution.entity";
import { ListingEvent } from "../entities/listing-event.entity";
import { DEMO_AGENCIES, DEMO_INSTITUTION_AGENCIES } from "./demo-agencies";
import { INSTITUTION_CLIENT, insertDefaultClient } from "../services/client-system.service";
import { AgencyKind } from "../entities/agency-kind";
import { DEMO_APPRAISERS, DEMO_INSTITUTIONS } from "./demo-directory";
import { withCatalogue } from "../services/institution.service";
import { InstitutionGradeRecord } from "../entities/institution-grade.entity";

/**
 * Loads the demo data. Idempotent: records that exist (by code, credit code or ID hash) are left as they
 * are, so running it twice changes nothing. Everything it creates is audited as the hub's `seed` command.
 */
export async function seedDemo(dataSource: DataSource, trail: AuditTrail, vault: PiiVault): Promise<{ agencies: number; institutions: number; appraisers: number }> {
  return dataSource.transaction(async (manager) => {
    const audit: AuditEntry[] = [];
    const agencies = await seedAgencies(manager, audit);
    const institutions = await seedInstitutions(manager, audit);
    const appraisers = await seedAppraisers(manager, vault, audit);
    const institutionAgencies = await seedInstitutionAgencies(manager, audit);
    await trail.append(manager, systemActor("seed"), audit);
    return { agencies: agencies + institutionAgencies, institutions, appraisers };
  });
}

const created = (entityType: string, entityId: string, fields: string[]): AuditEntry => ({ operation: "seed", entityType, entityId, fields, outcome: AuditOutcome.SUCCESS });

async function seedAgencies(manager: EntityManager, audit: AuditEntry[]): Promise<number> {
  let count = 0;
  for (const demo of DEMO_AGENCIES) {
    if (await manager.getRepository(Agency).existsBy({ code: demo.code })) continue;
    const agency = await manager.getRepository(Agency).save(manager.create(Agency, demo));
    const client = await insertDefaultClient(manager, agency, "Default client system, created with the agency.");
    audit.push(created("Agency", agency.id, ["code", "name", "kind", "regionCode"]), created("ClientSystem", client.id, ["name", "allowedScopes"]));
    count++;
  }
  return count;
}

async function seedInstitutionAgencies(manager: EntityManager, audit: AuditEntry[]): Promise<number> {
  let count = 0;
  for (const demo of DEMO_INSTITUTION_AGENCIES) {
    if (await manager.getRepository(Agency).existsBy({ code: demo.code })) continue;
    const institution = await manager.getRepository(Institution).findOneByOrFail({ creditCode: demo.institutionCreditCode });
    const agency = await manager.getRepository(Agency).save(
      manager.create(Agency, { code: demo.code, name: demo.name, kind: AgencyKind.APPRAISAL_INSTITUTION, regionCode: demo.regionCode, institutionId: institution.id }),
    );
    const client = await insertDefaultClient(manager, agency, INSTITUTION_CLIENT);
    audit.push(created("Agency", agency.id, ["code", "name", "kind", "regionCode", "institutionId"]), created("ClientSystem", client.id, ["name", "allowedScopes"]));
    count++;
  }
  return count;
}

async function seedInstitutions(manager: EntityManager, audit: AuditEntry[]): Promise<number> {
  let count = 0;
  for (const { history, level, ...demo } of DEMO_INSTITUTIONS) {
    if (await manager.getRepository(Institution).existsBy({ creditCode: demo.creditCode })) continue;
    const last = history.at(-1);
    const status = last?.to ?? ListingStatus.NOT_LISTED;
    const listedSince = status === ListingStatus.LISTED || status === ListingStatus.SUSPENDED ? [...history].reverse().find((d) => d.to === ListingStatus.LISTED)!.on : null;
    const { standards } = await withCatalogue(manager, { standards: demo.standards });
    const institution = await manager.getRepository(Institution).save(
      manager.create(Institution, { ...demo, standards, listingStatus: status, listingLevel: listedSince ? (level ?? ListingLevel.MUNICIPAL) : null, listedAt: listedSince }),
    );
    let from = ListingStatus.NOT_LISTED;
    for (const decision of history) {
      await manager.getRepository(ListingEvent).save(
        manager.create(ListingEvent, {
          institutionId: institution.id,
          fromStatus: from,
          toStatus: decision.to,
          listingLevel: decision.to === ListingStatus.LISTED ? (level ?? ListingLevel.MUNICIPAL) : null,
          reason: decision.reason,
          decisionDocNo: decision.doc ?? null,
          decidingAgencyCode: decision.by,
          effectiveOn: decision.on,
        }),
      );
      from = decision.to;
    }
    // The association's evaluation behind the grade (等级评价), valid three years.
    if (demo.grade) {
      await manager.getRepository(InstitutionGradeRecord).save(
        manager.create(InstitutionGradeRecord, { institutionId: institution.id, grade: demo.grade, decidedOn: DEMO_GRADING.decidedOn, validUntil: DEMO_GRADING.validUntil, decisionDocNo: DEMO_GRADING.doc, decidedByAgencyCode: "XY-IPAA" }),
      );
      await manager.getRepository(Institution).update(institution.id, { gradeValidUntil: DEMO_GRADING.validUntil });
    }
    audit.push(created("Institution", institution.id, ["creditCode", "name", "listingHistory", ...(demo.grade ? ["gradeHistory"] : [])]));
    count++;
  }
  return count;
}

/** The association's grading round the demo's grades come from. */
const DEMO_GRADING = { decidedOn: "2025-03-28", validUntil: "2028-03-27", doc: "信鉴协〔2025〕1号" };

async function seedAppraisers(manager: EntityManager, vault: PiiVault, audit: AuditEntry[]): Promise<number> {
  let count = 0;
  for (const demo of DEMO_APPRAISERS) {
    const idNumberHash = vault.hash(demo.idNumber);
    if (await manager.getRepository(Appraiser).existsBy({ idNumberHash })) continue;
    const institution = await manager.getRepository(Institution).findOneByOrFail({ creditCode: demo.institution });
    const appraiser = await manager.getRepository(Appraiser).save(
      manager.create(Appraiser, {
        name: demo.name,
        idNumberSealed: vault.seal(demo.idNumber),
        idNumberHash,
        idNumberMasked: maskIdNumber(demo.idNumber)!,
        phoneSealed: vault.seal(demo.phone),
        phoneMasked: maskPhone(demo.phone),
        institutionId: institution.id,
        regionCode: institution.regionCode,
        technicalFields: demo.technicalFields,
        titles: demo.titles,
        qualifications: demo.qualifications,
        trainings: [{ title: "知识产权鉴定执业培训", organizer: "信阳市知识产权鉴定行业协会", completedOn: "2024-11-15", hours: 16 }],
      }),
    );
    await manager.getRepository(AppraiserPractice).save(
      manager.create(AppraiserPractice, { appraiserId: appraiser.id, institutionId: institution.id, kind: demo.kind ?? PracticeKind.FULL_TIME, startedOn: demo.startedOn }),
    );
    audit.push(created("Appraiser", appraiser.id, ["name", "idNumber", "phone", "practice"]));
    count++;
  }
  return count;
}

/**
 * What the database holds, as far as the demo data is concerned: `empty` (no agency yet: a first start),
 * `incomplete` (the demo's registry and directory, audited as `seed`, without its last part, the
 * abnormal-patent batches, and no agency besides the demo's: a demo load an earlier version left half done,
 * when it was several transactions; `loadDemoData` completes it, each part keeping what exists), or
 * `loaded-or-other` (the whole demo, or somebody's own registry: the demo is never loaded there).
 */
export async function demoDataState(dataSource: DataSource): Promise<"empty" | "incomplete" | "loaded-or-other"> {
  const demoCodes = [...DEMO_AGENCIES, ...DEMO_INSTITUTION_AGENCIES].map((agency) => agency.code);
  const [state]: Array<{ agencies: boolean; others: boolean; begun: boolean; finished: boolean }> = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM agencies) AS agencies,
            EXISTS (SELECT 1 FROM agencies WHERE code <> ALL($1::text[])) AS others,
            EXISTS (SELECT 1 FROM audit_events WHERE operation = 'seed' AND agency_code IS NULL) AS begun,
            EXISTS (SELECT 1 FROM abnormal_patent_batches) AS finished`,
    [demoCodes],
  );
  if (!state.agencies) return "empty";
  return state.begun && !state.finished && !state.others ? "incomplete" : "loaded-or-other";
}

/** Brings the `regions` table in line with the region directory: divisions and zones (insert or update; nothing is deleted). */
export async function syncRegions(dataSource: DataSource): Promise<void> {
  const regions = allRegions();
  await dataSource.query(
    `INSERT INTO regions (code, name, valid_from, valid_until, replaced_by, kind, parent_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, valid_from = EXCLUDED.valid_from,
       valid_until = EXCLUDED.valid_until, replaced_by = EXCLUDED.replaced_by, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code`,
    [
      regions.map((r) => r.code),
      regions.map((r) => r.name),
      regions.map((r) => r.validFrom),
      regions.map((r) => r.validUntil),
      regions.map((r) => r.replacedBy),
      regions.map((r) => r.kind),
      regions.map((r) => r.parentCode),
    ],
  );
}
