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

/** The services a request uses (`RequestServices` makes each on first use). */
export interface HubServices {
  readonly agencies: AgencyService;
  readonly clientSystems: ClientSystemService;
  readonly identityProviders: IdentityProviderService;
  readonly auditEvents: AuditEventService;
  readonly institutions: InstitutionService;
  readonly appraisers: AppraiserService;
  readonly appraisalCases: AppraisalCaseService;
  readonly caseFeedback: CaseFeedbackService;
  readonly supervisionRecords: SupervisionRecordService;
  readonly collaborationRecords: CollaborationRecordService;
  readonly creditRecords: CreditRecordService;
  readonly creditIncentives: CreditIncentiveService;
  readonly creditExport: CreditExportService;
  readonly monthlyReports: MonthlyReportService;
  readonly abnormalPatents: AbnormalPatentService;
  readonly abnormalPatentImport: AbnormalPatentImport;
  readonly abnormalPatentHandling: AbnormalPatentHandling;
  readonly withdrawalRates: WithdrawalRates;
  readonly custodyTrademarks: CustodyTrademarkService;
  readonly statistics: StatisticsService;
  readonly webhooks: WebhookSubscriptionService;
  readonly operationManifests: OperationManifestService;
  readonly sanctions: DisciplinarySanctionService;
  readonly standards: StandardService;
  readonly publicReports: PublicReportService;
  readonly typicalCases: TypicalCaseService;
  readonly institutionGrades: InstitutionGradeService;
  readonly institutionEvaluations: InstitutionEvaluationService;
  readonly circulars: CircularService;
  readonly removalProposals: RemovalProposalService;
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
    services: new RequestServices(scope, deps),
  };
}

/**
 * The services of one request, each made the first time the request uses it: a request uses one or two of
 * some thirty, and making them all was a measurable share of a credential lookup's CPU (issue 20).
 */
class RequestServices implements HubServices {
  private readonly made = new Map<string, unknown>();
  constructor(
    private readonly scope: RequestScope,
    private readonly deps: HubDeps,
  ) {}

  private once<S>(name: string, make: () => S): S {
    let service = this.made.get(name) as S | undefined;
    if (service === undefined) this.made.set(name, (service = make()));
    return service;
  }

  get agencies() {
    return this.once("agencies", () => new AgencyService(this.scope));
  }
  get clientSystems() {
    return this.once("clientSystems", () => new ClientSystemService(this.scope, { allowHttpJwksUri: allowsPlainHttp(this.deps.env) }));
  }
  get identityProviders() {
    return this.once("identityProviders", () => new IdentityProviderService(this.scope, { allowHttpIssuer: allowsPlainHttp(this.deps.env) }));
  }
  get auditEvents() {
    return this.once("auditEvents", () => new AuditEventService(this.scope));
  }
  get institutions() {
    return this.once("institutions", () => new InstitutionService(this.scope));
  }
  get appraisers() {
    return this.once("appraisers", () => new AppraiserService(this.scope));
  }
  get appraisalCases() {
    return this.once("appraisalCases", () => new AppraisalCaseService(this.scope));
  }
  get caseFeedback() {
    return this.once("caseFeedback", () => new CaseFeedbackService(this.scope));
  }
  get supervisionRecords() {
    return this.once("supervisionRecords", () => new SupervisionRecordService(this.scope));
  }
  get collaborationRecords() {
    return this.once("collaborationRecords", () => new CollaborationRecordService(this.scope));
  }
  get creditRecords() {
    return this.once("creditRecords", () => new CreditRecordService(this.scope, this.institutions));
  }
  get creditIncentives() {
    return this.once("creditIncentives", () => new CreditIncentiveService(this.scope));
  }
  get creditExport() {
    return this.once("creditExport", () => new CreditExportService(this.scope));
  }
  get monthlyReports() {
    return this.once("monthlyReports", () => new MonthlyReportService(this.scope, this.statistics));
  }
  get abnormalPatents() {
    return this.once("abnormalPatents", () => new AbnormalPatentService(this.scope, this.creditRecords));
  }
  get abnormalPatentImport() {
    return this.once("abnormalPatentImport", () => new AbnormalPatentImport(this.scope));
  }
  get abnormalPatentHandling() {
    return this.once("abnormalPatentHandling", () => new AbnormalPatentHandling(this.scope, this.creditRecords));
  }
  get withdrawalRates() {
    return this.once("withdrawalRates", () => new WithdrawalRates(this.scope));
  }
  get custodyTrademarks() {
    return this.once("custodyTrademarks", () => new CustodyTrademarkService(this.scope));
  }
  get statistics() {
    return this.once("statistics", () => new StatisticsService(this.scope));
  }
  get webhooks() {
    return this.once("webhooks", () => new WebhookSubscriptionService(this.scope, { allowedHosts: this.deps.webhookAllowedHosts ?? [], env: this.deps.env ?? "production" }));
  }
  get operationManifests() {
    return this.once("operationManifests", () => new OperationManifestService(this.scope));
  }
  get sanctions() {
    return this.once("sanctions", () => new DisciplinarySanctionService(this.scope));
  }
  get standards() {
    return this.once("standards", () => new StandardService(this.scope));
  }
  get publicReports() {
    return this.once("publicReports", () => new PublicReportService(this.scope, this.caseFeedback, this.deps.publicSubmissions));
  }
  get typicalCases() {
    return this.once("typicalCases", () => new TypicalCaseService(this.scope));
  }
  get institutionGrades() {
    return this.once("institutionGrades", () => new InstitutionGradeService(this.scope));
  }
  get institutionEvaluations() {
    return this.once("institutionEvaluations", () => new InstitutionEvaluationService(this.scope));
  }
  get circulars() {
    return this.once("circulars", () => new CircularService(this.scope));
  }
  get removalProposals() {
    return this.once("removalProposals", () => new RemovalProposalService(this.scope, this.institutions));
  }
}
