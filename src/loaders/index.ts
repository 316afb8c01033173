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
import { lazyMembers } from "../context/lazy-members";

/** What the loaders of one request are made from. */
interface LoaderSources {
  dataSource: DataSource;
  /** The day's trademark alert window, which decides the computed alerts a mark has. */
  alertWindow: () => AlertWindow;
  /** The first day of the published evaluation's period. */
  evaluationSince: () => string;
}

/** The loaders by aggregate, each group made as a whole the first time a request asks for one of its loaders. */
const GROUPS = [
  ({ dataSource }: LoaderSources) => createAgencyLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createInstitutionLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createAppraiserLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createAppraisalCaseLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createCaseFeedbackLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createCollaborationRecordLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createCreditRecordLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createCreditIncentiveLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createAbnormalPatentLoaders(dataSource),
  ({ dataSource, alertWindow }: LoaderSources) => createCustodyTrademarkLoaders(dataSource, alertWindow),
  ({ dataSource }: LoaderSources) => createStandardLoaders(dataSource),
  ({ dataSource }: LoaderSources) => createPublicReportLoaders(dataSource),
  ({ dataSource, evaluationSince }: LoaderSources) => createInstitutionEvaluationLoaders(dataSource, evaluationSince),
  ({ dataSource }: LoaderSources) => createMonthlyReportLoaders(dataSource),
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Loaders = UnionToIntersection<ReturnType<(typeof GROUPS)[number]>>;

/**
 * A request uses two or three of some sixty loaders: each group is made the first time one of its loaders is
 * read (`context/lazy-members.ts`). The names are learned once, by making each group against nothing: a loader
 * does no work until it is asked.
 */
const lazyLoaders = lazyMembers<LoaderSources, Loaders>(GROUPS.map((group) => ({ names: Object.keys(group({} as LoaderSources)), make: group })));

/** All loaders of one request, made as they are first used. */
export function createLoaders(dataSource: DataSource, alertWindow: () => AlertWindow, evaluationSince: () => string): Loaders {
  return lazyLoaders({ dataSource, alertWindow, evaluationSince });
}
