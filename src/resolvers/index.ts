import { AgencyResolver } from "./agency.resolver";
import { IdentityProviderResolver } from "./identity-provider.resolver";
import { AppraisalCaseResolver, CaseAppraiserResolver, PossibleDuplicateResolver, EntrustAppraisalPayloadResolver } from "./appraisal-case.resolver";
import { AppraiserPracticeResolver, AppraiserResolver } from "./appraiser.resolver";
import { AuditEventResolver } from "./audit-event.resolver";
import { AppraiserFeedbackResolver, CaseFeedbackResolver, FeedbackSummaryResolver, InstitutionFeedbackResolver } from "./case-feedback.resolver";
import { ClientSystemResolver } from "./client-system.resolver";
import { InstitutionResolver } from "./institution.resolver";
import { MeResolver } from "./me.resolver";
import { CollaborationRecordResolver } from "./collaboration-record.resolver";
import { AppraiserCreditResolver, CreditRecordResolver, InstitutionCreditResolver } from "./credit-record.resolver";
import { InstitutionSupervisionResolver, SupervisionRecordResolver } from "./supervision-record.resolver";
import { AbnormalPatentBatchResolver, AbnormalPatentItemResolver } from "./abnormal-patent.resolver";
import { CustodyTrademarkResolver } from "./custody-trademark.resolver";
import { FeedbackStatisticsResolver, StatisticsResolver } from "./statistics.resolver";
import { WebhookSubscriptionResolver } from "./webhook-subscription.resolver";
import { HubEventResolver } from "./hub-event.resolver";
import { OperationManifestResolver } from "./operation-manifest.resolver";
import { ComplianceStandardResolver, StandardResolver } from "./standard.resolver";
import { PublicReportResolver } from "./public-report.resolver";
import { TypicalCaseResolver } from "./typical-case.resolver";
import { CircularResolver } from "./circular.resolver";
import { InstitutionRemovalResolver, RemovalProposalResolver } from "./removal-proposal.resolver";
import { RegionResolver } from "./region.resolver";
import { CreditExportResolver } from "./credit-export.resolver";
import { FiledMonthlyReportResolver, MonthlyReportResolver } from "./monthly-report.resolver";
import { AppraiserCreditIncentiveResolver, CreditIncentiveResolver, InstitutionCreditIncentiveResolver } from "./credit-incentive.resolver";

export const RESOLVERS = [
  MeResolver,
  RegionResolver,
  AgencyResolver,
  IdentityProviderResolver,
  ClientSystemResolver,
  AuditEventResolver,
  InstitutionResolver,
  StandardResolver,
  ComplianceStandardResolver,
  PublicReportResolver,
  TypicalCaseResolver,
  CircularResolver,
  RemovalProposalResolver,
  InstitutionRemovalResolver,
  AppraiserResolver,
  AppraiserPracticeResolver,
  AppraisalCaseResolver,
  CaseAppraiserResolver,
  CaseFeedbackResolver,
  InstitutionFeedbackResolver,
  FeedbackSummaryResolver,
  AppraiserFeedbackResolver,
  SupervisionRecordResolver,
  InstitutionSupervisionResolver,
  CollaborationRecordResolver,
  CreditRecordResolver,
  InstitutionCreditResolver,
  AppraiserCreditResolver,
  CreditIncentiveResolver,
  CreditExportResolver,
  MonthlyReportResolver,
  FiledMonthlyReportResolver,
  InstitutionCreditIncentiveResolver,
  AppraiserCreditIncentiveResolver,
  AbnormalPatentBatchResolver,
  AbnormalPatentItemResolver,
  CustodyTrademarkResolver,
  StatisticsResolver,
  WebhookSubscriptionResolver,
  HubEventResolver,
  FeedbackStatisticsResolver,
  OperationManifestResolver,
  PossibleDuplicateResolver,
  EntrustAppraisalPayloadResolver,
] as const;
