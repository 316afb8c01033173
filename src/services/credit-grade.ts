import type { EntityManager } from "typeorm";
import type { HubPolicy } from "../config/config";
import { CreditGrade } from "../domain/directory-enums";

/**
 * Graded supervision (分级分类监管): the credit grade of an institution or appraiser, recomputed in the
 * transaction of every change that affects it (a credit record, a complaint, an inspection). The default
 * rule, with its numbers in the hub's policy configuration:
 *
 *   D  an active SERIOUS record, or at least `creditGradeDGeneralRecords` (3) active GENERAL records;
 *   C  an active GENERAL record, a confirmed complaint, or a FAILED inspection in the lookback window (12 months);
 *   B  an active MINOR record, any complaint, or an inspection requiring rectification, in the lookback window;
 *   A  none of these.
 *
 * "Active" means ACTIVE or REPAIR_REQUESTED and inside its publication window. The reasons that decided the
 * grade are stored beside it and shown as `creditGradeWhy`.
 */
export type GradedSubject = { type: "INSTITUTION" | "APPRAISER"; id: string };

export interface GradeInputs {
  seriousRecords: number;
  generalRecords: number;
  minorRecords: number;
  confirmedComplaints: number;
  complaints: number;
  failedInspections: number;
  rectificationInspections: number;
}

export function gradeFor(inputs: GradeInputs, policy: HubPolicy): { grade: CreditGrade; why: string[] } {
  const months = policy.creditGradeLookbackMonths;
  if (inputs.seriousRecords > 0 || inputs.generalRecords >= policy.creditGradeDGeneralRecords) {
    return {
      grade: CreditGrade.D,
      why: [
        ...(inputs.seriousRecords > 0 ? [`${inputs.seriousRecords} active serious credit record(s)`] : []),
        ...(inputs.generalRecords >= policy.creditGradeDGeneralRecords ? [`${inputs.generalRecords} active general credit records (D from ${policy.creditGradeDGeneralRecords})`] : []),
      ],
    };
  }
  const c = [
    ...(inputs.generalRecords > 0 ? [`${inputs.generalRecords} active general credit record(s)`] : []),
    ...(inputs.confirmedComplaints > 0 ? [`${inputs.confirmedComplaints} confirmed complaint(s) in ${months} months`] : []),
    ...(inputs.failedInspections > 0 ? [`${inputs.failedInspections} failed inspection(s) in ${months} months`] : []),
  ];
  if (c.length > 0) return { grade: CreditGrade.C, why: c };
  const b = [
    ...(inputs.minorRecords > 0 ? [`${inputs.minorRecords} active minor credit record(s)`] : []),
    ...(inputs.complaints > 0 ? [`${inputs.complaints} complaint(s) in ${months} months`] : []),
    ...(inputs.rectificationInspections > 0 ? [`${inputs.rectificationInspections} inspection(s) requiring rectification in ${months} months`] : []),
  ];
  if (b.length > 0) return { grade: CreditGrade.B, why: b };
  return { grade: CreditGrade.A, why: ["no active credit records, complaints or adverse inspections"] };
}

/** Reads the grade's inputs for one subject and stores the grade with its reasons. */
export async function recomputeCreditGrade(manager: EntityManager, subject: GradedSubject, policy: HubPolicy, today: string): Promise<CreditGrade> {
  const column = subject.type === "INSTITUTION" ? "institution_id" : "appraiser_id";
  const recordColumn = subject.type === "INSTITUTION" ? "subject_institution_id" : "subject_appraiser_id";
  const [row] = await manager.query(
    `SELECT
       (SELECT count(*)::int FROM credit_records r WHERE r.${recordColumn} = $1 AND r.status IN ('ACTIVE','REPAIR_REQUESTED') AND r.publish_until >= $2 AND r.severity = 'SERIOUS') AS "seriousRecords",
       (SELECT count(*)::int FROM credit_records r WHERE r.${recordColumn} = $1 AND r.status IN ('ACTIVE','REPAIR_REQUESTED') AND r.publish_until >= $2 AND r.severity = 'GENERAL') AS "generalRecords",
       (SELECT count(*)::int FROM credit_records r WHERE r.${recordColumn} = $1 AND r.status IN ('ACTIVE','REPAIR_REQUESTED') AND r.publish_until >= $2 AND r.severity = 'MINOR') AS "minorRecords",
       (SELECT count(*)::int FROM case_feedback f WHERE f.${column} = $1 AND f.kind = 'COMPLAINT' AND f.violation_confirmed AND f.posted_at >= $2::date - make_interval(months => $3)) AS "confirmedComplaints",
       (SELECT count(*)::int FROM case_feedback f WHERE f.${column} = $1 AND f.kind = 'COMPLAINT' AND f.posted_at >= $2::date - make_interval(months => $3)) AS "complaints",
       (SELECT count(*)::int FROM supervision_records s WHERE s.institution_id = $1 AND s.result = 'FAILED' AND s.conducted_on >= $2::date - make_interval(months => $3)) AS "failedInspections",
       (SELECT count(*)::int FROM supervision_records s WHERE s.institution_id = $1 AND s.result = 'RECTIFICATION_REQUIRED' AND s.conducted_on >= $2::date - make_interval(months => $3)) AS "rectificationInspections"`,
    [subject.id, today, policy.creditGradeLookbackMonths],
  );
  const { grade, why } = gradeFor(row as GradeInputs, policy);
  const table = subject.type === "INSTITUTION" ? "institutions" : "appraisers";
  await manager.query(`UPDATE ${table} SET credit_grade = $2, credit_grade_why = $3::jsonb WHERE id = $1`, [subject.id, grade, JSON.stringify(why)]);
  return grade;
}
