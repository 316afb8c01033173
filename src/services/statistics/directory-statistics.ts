import { breakdown, StatBreakdown } from "./breakdown";
import { countsByKey } from "./labels";
import { setOf, Sql } from "./sql";
import type { StatisticsRequest } from "./statistics-request";

export interface DirectoryStatistics {
  institutionsByStatus: StatBreakdown;
  institutionsByLevel: StatBreakdown;
  institutionsByField: StatBreakdown;
  institutionsByIndustry: StatBreakdown;
  institutionsByRegion: StatBreakdown;
  cultivation: StatBreakdown;
  institutionCreditGrades: StatBreakdown;
  appraisersByField: StatBreakdown;
  appraisersByTitleLevel: StatBreakdown;
  appraisersByRegion: StatBreakdown;
  appraiserCreditGrades: StatBreakdown;
  standardAdoptionByRegion: StatBreakdown;
}

type Row = { set: string; key: string | null; n: number };

// An appraiser's title level is the highest of their titles.
const TITLE_LEVEL = `CASE WHEN a.titles @> '[{"level":"SENIOR"}]' THEN 'SENIOR' WHEN a.titles @> '[{"level":"INTERMEDIATE"}]' THEN 'INTERMEDIATE'
  WHEN a.titles @> '[{"level":"JUNIOR"}]' THEN 'JUNIOR' ELSE 'NONE' END`;

/**
 * The directory as it stands today (the period does not apply): institutions by status, listing level,
 * field, region, cultivation stage and credit grade, and the listed ones applying a catalogue standard by region; practising appraisers by field, title level, region
 * and credit grade, counting only the institutions and appraisers that exist for the caller. Appraisers are people, so their counts are suppressed for callers with a threshold;
 * institutions are a public register, so theirs are not.
 */
export async function directoryStatistics(sql: Sql, req: StatisticsRequest): Promise<DirectoryStatistics> {
  const institution = req.visibleInstitutions("i");
  const appraiser = req.visibleAppraisers("a", "i");
  const [institutions, institutionTags, appraisers, appraiserFields, adoption] = await Promise.all([
    sql<Row>(
      `SELECT CASE WHEN GROUPING(listing_status) = 0 THEN 'status' WHEN GROUPING(listing_level) = 0 THEN 'level' WHEN GROUPING(region_code) = 0 THEN 'region'
                   WHEN GROUPING(cultivation_stage) = 0 THEN 'cultivation' WHEN GROUPING(credit_grade) = 0 THEN 'grade' ELSE 'all' END AS set,
              coalesce(listing_status, listing_level, region_code, cultivation_stage, credit_grade) AS key,
              count(*)::int AS n, count(*) FILTER (WHERE listing_status = 'LISTED')::int AS listed
       FROM institutions i WHERE i.region_code LIKE :pattern AND ${institution.clause}
       GROUP BY GROUPING SETS ((listing_status), (listing_level), (region_code), (cultivation_stage), (credit_grade))`,
      { pattern: req.pattern, ...institution.params },
    ) as Promise<Array<Row & { listed: number }>>,
    // Listed institutions by field and by industry (each counts in every one it names), in one statement.
    sql<Row>(
      `SELECT 'field' AS set, f AS key, count(*)::int AS n FROM institutions i CROSS JOIN unnest(i.technical_fields) f
       WHERE i.region_code LIKE :pattern AND i.listing_status = 'LISTED' GROUP BY f
       UNION ALL
       SELECT 'industry', s, count(*)::int FROM institutions i CROSS JOIN unnest(i.industry_sections) s
       WHERE i.region_code LIKE :pattern AND i.listing_status = 'LISTED' GROUP BY s`,
      { pattern: req.pattern },
    ),
    sql<Row>(
      `SELECT CASE WHEN GROUPING(title_level) = 0 THEN 'title' WHEN GROUPING(region_code) = 0 THEN 'region' WHEN GROUPING(credit_grade) = 0 THEN 'grade' ELSE 'all' END AS set,
              coalesce(title_level, region_code, credit_grade) AS key, count(*)::int AS n
       FROM (SELECT ${TITLE_LEVEL} AS title_level, a.region_code, a.credit_grade FROM appraisers a LEFT JOIN institutions i ON i.id = a.institution_id
             WHERE a.region_code LIKE :pattern AND a.status = 'ACTIVE' AND ${appraiser.clause}) a
       GROUP BY GROUPING SETS ((title_level), (region_code), (credit_grade), ())`,
      { pattern: req.pattern, ...appraiser.params },
    ),
    sql<Row>(
      `SELECT 'field' AS set, f AS key, count(*)::int AS n FROM appraisers a LEFT JOIN institutions i ON i.id = a.institution_id CROSS JOIN unnest(a.technical_fields) f
       WHERE a.region_code LIKE :pattern AND a.status = 'ACTIVE' AND ${appraiser.clause} GROUP BY f`,
      { pattern: req.pattern, ...appraiser.params },
    ),
    // A compliance entry counts when it names a catalogue standard in force and was verified (listing-conditions.ts).
    sql<{ region_code: string; n: number }>(
      `SELECT i.region_code, count(*)::int AS n FROM institutions i
       WHERE i.region_code LIKE :pattern AND i.listing_status = 'LISTED'
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.standards) c JOIN standards s ON s.id::text = c->>'standardId'
                     WHERE s.status = 'IN_FORCE' AND coalesce(c->>'verifiedOn', '') <> '')
       GROUP BY i.region_code`,
      { pattern: req.pattern },
    ),
  ]);
  // GROUPING SETS rows whose key is NULL (no level, no stage, no grade) belong to their set with key NONE.
  const rowsOf = (set: string) => setOf(institutions, set);
  const listedTotal = institutions.filter((r) => r.set === "status" && r.key === "LISTED").reduce((s, r) => s + r.n, 0);
  const levelRows = rowsOf("level").map((r) => ({ ...r, n: r.listed }));
  const appraiserTotal = setOf(appraisers, "all")[0]?.n ?? 0;
  const t = req.threshold;
  return {
    institutionsByStatus: breakdown("listingStatus", "机构入库状态", countsByKey("listingStatus", rowsOf("status")), 1),
    institutionsByLevel: breakdown("listingLevel", "入库机构层级", countsByKey("listingLevel", levelRows), 1),
    institutionsByField: breakdown("technicalField", "入库机构专业领域", countsByKey("technicalField", setOf(institutionTags, "field")), 1, listedTotal),
    institutionsByIndustry: breakdown("industrySection", "入库机构服务行业", countsByKey("industrySection", setOf(institutionTags, "industry")).filter((c) => c.key !== "NONE"), 1, listedTotal),
    institutionsByRegion: breakdown("region", "机构地区分布", req.byChildRegion(rowsOf("region").map((r) => ({ region_code: r.key!, n: r.n }))), 1),
    cultivation: breakdown("cultivationStage", "培育机构", countsByKey("cultivationStage", rowsOf("cultivation").filter((r) => r.key !== null)), 1),
    institutionCreditGrades: breakdown("creditGrade", "机构信用等级", countsByKey("creditGrade", rowsOf("grade")), 1),
    appraisersByField: breakdown("technicalField", "执业鉴定人专业领域", countsByKey("technicalField", appraiserFields), t, appraiserTotal),
    appraisersByTitleLevel: breakdown("titleLevel", "执业鉴定人职称", countsByKey("titleLevel", setOf(appraisers, "title")), t),
    appraisersByRegion: breakdown("region", "执业鉴定人地区分布", req.byChildRegion(setOf(appraisers, "region").map((r) => ({ region_code: r.key!, n: r.n }))), t),
    appraiserCreditGrades: breakdown("creditGrade", "鉴定人信用等级", countsByKey("creditGrade", setOf(appraisers, "grade")), t),
    standardAdoptionByRegion: breakdown("region", "贯彻鉴定标准的入库机构", req.byChildRegion(adoption), 1, listedTotal),
  };
}
