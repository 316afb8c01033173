import { DataSource } from "typeorm";
import { createAgencyLoaders } from "./agency.loader";
import { createAppraisalCaseLoaders } from "./appraisal-case.loader";
import { createAppraiserLoaders } from "./appraiser.loader";
import { createCaseFeedbackLoaders } from "./case-feedback.loader";
import { createCollaborationRecordLoaders } from "./collaboration-record.loader";
import { createCreditRecordLoaders } from "./credit-record.loader";
import { createCreditIncentiveLoaders } from "./credit-incentive.loader";
import { createInstitutionLoaders } from "./institution.loader";
import { createAbnormalPatentLoaders } from "./abnormal-patent.loader";
import { createCustodyTrademarkLoaders } from "./custody-trademark.loader";
import { createStandardLoaders } from "./standard.loader";
import { createPublicReportLoaders } from "./public-report.loader";
import { createInstitutionEvaluationLoaders } from "./institution-evaluation.loader";
import { createMonthlyReportLoaders } from "./monthly-report.loader";
import type { AlertWindow } from "./trademark-alert-feed";

/**
 * All loaders of one request. `alertWindow`: the day's trademark alert window, which decides the computed
 * alerts a mark has; `evaluationSince`: the first day of the published evaluation's period.
 */
export function createLoaders(dataSource: DataSource, alertWindow: () => AlertWindow, evaluationSince: () => string) {
  return {
    ...createAgencyLoaders(dataSource),
    ...createInstitutionLoaders(dataSource),
    ...createAppraiserLoaders(dataSource),
    ...createAppraisalCaseLoaders(dataSource),
    ...createCaseFeedbackLoaders(dataSource),
    ...createCollaborationRecordLoaders(dataSource),
    ...createCreditRecordLoaders(dataSource),
    ...createCreditIncentiveLoaders(dataSource),
    ...createAbnormalPatentLoaders(dataSource),
    ...createCustodyTrademarkLoaders(dataSource, alertWindow),
    ...createStandardLoaders(dataSource),
    ...createPublicReportLoaders(dataSource),
    ...createInstitutionEvaluationLoaders(dataSource, evaluationSince),
    ...createMonthlyReportLoaders(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
