import { StatisticsService } from "../services/statistics/statistics.service";
import type { DataSource } from "typeorm";
import type { JWK } from "jose";
import type { AuditTrail } from "../audit/audit-trail";
import type { PiiVault } from "../auth/pii-vault";
import { allowsPlainHttp, DEFAULT_POLICY, HubConfig, HubPolicy } from "../config/config";
import { addMonths, todayInChina } from "../domain/local-date";
import { alertWindow } from "../loaders/trademark-alert-feed";
import type { Viewer } from "../auth/viewer";
import { createLoaders, Loaders } from "../loaders";
import { AgencyService } from "../services/agency.service";
import { IdentityProviderService } from "../services/identity-provider.service";
import { AuditEventService } from "../services/audit-event.service";
import { ClientSystemService } from "../services/client-system.service";
import { InstitutionService } from "../services/institution.service";
import { AppraiserService } from "../services/appraiser.service";
import { AppraisalCaseService } from "../services/appraisal-case.service";
import { CaseFeedbackService } from "../services/case-feedback.service";
import { SupervisionRecordService } from "../services/supervision-record.service";
import { CollaborationRecordService } from "../services/collaboration-record.service";
import { CreditIncentiveService } from "../services/credit-incentive.service";
import { CreditExportService } from "../services/credit-export.service";
import { MonthlyReportService } from "../services/monthly-report.service";
import { CreditRecordService } from "../services/credit-record.service";
import { AbnormalPatentService } from "../services/abnormal-patent.service";
import { AbnormalPatentImport } from "../services/abnormal-patent-import";
import { AbnormalPatentHandling } from "../services/abnormal-patent-handling";
import { WithdrawalRates } from "../services/abnormal-patent-rates";
import { CustodyTrademarkService } from "../services/custody-trademark.service";
import type { RequestMeta, RequestScope } from "./request-scope";
import { DisclosureNotes } from "../auth/disclosure";
import { ResponseBudget } from "../server/response-budget";
import { WebhookSubscriptionService } from "../services/webhook-subscription.service";
import type { LiveEvents } from "../push/live-events";
import { OperationManifestService } from "../services/operation-manifest.service";
import { DisciplinarySanctionService } from "../services/disciplinary-sanction.service";
import { StandardService } from "../services/standard.service";
import { PublicReportService } from "../services/public-report.service";
import { TypicalCaseService } from "../services/typical-case.service";
import { InstitutionGradeService } from "../services/institution-grade.service";
import { InstitutionEvaluationService } from "../services/institution-evaluation.service";
import { CircularService } from "../services/circular.service";
import { RemovalProposalService } from "../services/removal-proposal.service";
import { lazyMembers } from "./lazy-members";
import { primaryReads, ReadReplicas } from "../db/read-replicas";

/** What the hub holds for its whole life and shares between requests. Nothing per caller. */
export interface HubDeps {
  readonly dataSource: DataSource;
  readonly trail: AuditTrail;
  readonly vault: PiiVault;
  readonly policy?: HubPolicy;
  /** `HUB_ENV`: outside production a client system's `jwksUri` may be http; absent counts as production. */
  readonly env?: HubConfig["env"];
  readonly now?: () => Date;
  /** Values one answer may hold (`HUB_MAX_RESPONSE_VALUES`); unbounded when absent (commands). */
  readonly maxResponseValues?: number;
  /** `HUB_INTROSPECTION`: the schema is public; absent counts as off. */
  readonly introspection?: boolean;
  /** `HUB_WEBHOOK_ALLOWED_HOSTS`: the hosts webhook URLs may name; none when absent (commands). */
  readonly webhookAllowedHosts?: readonly string[];
  /** The live feed of this instance (`push/live-events.ts`). */
  readonly live?: LiveEvents;
  /** The pusher's nudge, after a transaction that wrote events commits (`push/pusher.ts`); absent in commands. */
  readonly eventsWritten?: () => void;
  /** Drops the registry rows kept for tokens, after a registry write commits (`auth/registry-cache.ts`); absent in commands. */
  readonly registryChanged?: () => void;
  /** The hub's public keys, to check the audit log's signed tree heads in `verifyAuditChain`; absent in commands. */
  readonly auditKeys?: readonly JWK[];
  /** Counts the public's submissions per address (`RateLimits.admitPublicSubmission`); absent in commands. */
  readonly publicSubmissions?: { admitPublicSubmission(key: string): Promise<void> };
  /** Read replicas for requests' lists and statistics (`DATABASE_REPLICA_URLS`); absent: every read on `dataSource`. */
  readonly replicas?: ReadReplicas;
}

export interface HubContext {
  readonly viewer: Viewer;
  readonly request: RequestMeta;
  readonly loaders: Loaders;
  readonly disclosures: DisclosureNotes;
  readonly budget: ResponseBudget;
  /** Whether introspection is on (`HUB_INTROSPECTION`): the policy's `subgraphSchemaReader` reads it. */
  readonly introspection: boolean;
  /** The live feed GraphQL subscriptions read (absent outside the hub's server: commands, the pusher's own reads). */
  readonly live?: LiveEvents;
  readonly services: HubServices;
}

/**
 * Builds one request's context: the viewer, fresh loaders and the services bound to them. The HTTP server
 * and the tests both call this, so tests exercise exactly what production runs.
 */
export function createContext(deps: HubDeps, viewer: Viewer, request: RequestMeta): HubContext {
  const now = deps.now ?? (() => new Date());
  const policy = deps.policy ?? DEFAULT_POLICY;
  const today = () => todayInChina(now());
  const window = () => alertWindow(today(), policy.trademarkExpiryAlertMonths);
  const loaders = createLoaders(deps.dataSource, window, () => addMonths(today(), -12));
  const disclosures = new DisclosureNotes();
  const scope: RequestScope = {
    dataSource: deps.dataSource,
    reads: deps.replicas?.forCaller(request.budget?.key) ?? primaryReads(deps.dataSource),
    viewer,
    request,
    loaders,
    trail: deps.trail,
    disclosures,
    vault: deps.vault,
    policy,
    now,
    today,
    alertWindow: window,
    eventsWritten: deps.eventsWritten,
    registryChanged: deps.registryChanged,
    auditKeys: deps.auditKeys,
  };
  return {
    viewer,
    request,
    loaders,
    disclosures,
    budget: new ResponseBudget(deps.maxResponseValues ?? Number.POSITIVE_INFINITY),
    introspection: deps.introspection ?? false,
    live: deps.live,
    services: requestServices({ scope, deps }),
  };
}

/** What a request's services are made from. */
interface ServiceSources {
  scope: RequestScope;
  deps: HubDeps;
}

/**
 * Every service, as a request makes it the first time it uses it (`lazy-members.ts`): a request uses one or two
 * of some thirty. A service built on another is given the request's own (`self`).
 */
const SERVICES = {
  agencies: ({ scope }: ServiceSources) => new AgencyService(scope),
  clientSystems: ({ scope, deps }: ServiceSources) => new ClientSystemService(scope, { allowHttpJwksUri: allowsPlainHttp(deps.env) }),
  identityProviders: ({ scope, deps }: ServiceSources) => new IdentityProviderService(scope, { allowHttpIssuer: allowsPlainHttp(deps.env) }),
  auditEvents: ({ scope }: ServiceSources) => new AuditEventService(scope),
  institutions: ({ scope }: ServiceSources) => new InstitutionService(scope),
  appraisers: ({ scope }: ServiceSources) => new AppraiserService(scope),
  appraisalCases: ({ scope }: ServiceSources) => new AppraisalCaseService(scope),
  caseFeedback: ({ scope }: ServiceSources) => new CaseFeedbackService(scope),
  supervisionRecords: ({ scope }: ServiceSources) => new SupervisionRecordService(scope),
  collaborationRecords: ({ scope }: ServiceSources) => new CollaborationRecordService(scope),
  creditRecords: ({ scope }: ServiceSources, self: { institutions: InstitutionService }) => new CreditRecordService(scope, self.institutions),
  creditIncentives: ({ scope }: ServiceSources) => new CreditIncentiveService(scope),
  creditExport: ({ scope }: ServiceSources) => new CreditExportService(scope),
  monthlyReports: ({ scope }: ServiceSources, self: { statistics: StatisticsService }) => new MonthlyReportService(scope, self.statistics),
  abnormalPatents: ({ scope }: ServiceSources, self: { creditRecords: CreditRecordService }) => new AbnormalPatentService(scope, self.creditRecords),
  abnormalPatentImport: ({ scope }: ServiceSources) => new AbnormalPatentImport(scope),
  abnormalPatentHandling: ({ scope }: ServiceSources, self: { creditRecords: CreditRecordService }) => new AbnormalPatentHandling(scope, self.creditRecords),
  withdrawalRates: ({ scope }: ServiceSources) => new WithdrawalRates(scope),
  custodyTrademarks: ({ scope }: ServiceSources) => new CustodyTrademarkService(scope),
  statistics: ({ scope }: ServiceSources) => new StatisticsService(scope),
  webhooks: ({ scope, deps }: ServiceSources) => new WebhookSubscriptionService(scope, { allowedHosts: deps.webhookAllowedHosts ?? [], env: deps.env ?? "production" }),
  operationManifests: ({ scope }: ServiceSources) => new OperationManifestService(scope),
  sanctions: ({ scope }: ServiceSources) => new DisciplinarySanctionService(scope),
  standards: ({ scope }: ServiceSources) => new StandardService(scope),
  publicReports: ({ scope, deps }: ServiceSources, self: { caseFeedback: CaseFeedbackService }) => new PublicReportService(scope, self.caseFeedback, deps.publicSubmissions),
  typicalCases: ({ scope }: ServiceSources) => new TypicalCaseService(scope),
  institutionGrades: ({ scope }: ServiceSources) => new InstitutionGradeService(scope),
  institutionEvaluations: ({ scope }: ServiceSources) => new InstitutionEvaluationService(scope),
  circulars: ({ scope }: ServiceSources) => new CircularService(scope),
  removalProposals: ({ scope }: ServiceSources, self: { institutions: InstitutionService }) => new RemovalProposalService(scope, self.institutions),
};

/** The services a request uses, each made on first use. */
export type HubServices = { readonly [K in keyof typeof SERVICES]: ReturnType<(typeof SERVICES)[K]> };

const requestServices = lazyMembers<ServiceSources, HubServices>(
  Object.entries(SERVICES).map(([name, make]) => ({ names: [name], make: (sources, self) => ({ [name]: make(sources, self as never) }) })),
);
