import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CreditSeverity } from "../domain/credit-enums";
import { creditRuleProblems, CreditRules, NATIONAL_CREDIT_RULES } from "../domain/credit-rules";

/**
 * The hub's configuration, read once from the environment and frozen.
 *
 * This is the only module that reads `process.env`. `loadConfig` validates every variable with one schema
 * and, when anything is wrong, throws a `ConfigError` that lists every problem at once so an operator fixes
 * them in one go instead of one restart per mistake.
 */
export interface HubConfig {
  /** `development` makes a signing key under the data directory when none is configured; `production` refuses to. */
  readonly env: "development" | "production" | "test";
  readonly port: number;
  readonly host: string;
  /** `postgres://…` for a PostgreSQL server; undefined selects the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly demoData: boolean;
  /**
   * `HUB_BENCH_AUTHORIZATION=off`: every rule allows and every row is visible, with no shield in the schema.
   * For `bench/` only, to measure what authorization costs; refused with `HUB_ENV=production`.
   */
  readonly benchAuthorizationOff: boolean;
  readonly jwt: {
    readonly issuer: string;
    readonly audience: string;
    /** PEM (PKCS#8) or JWK file with the hub's ES256 private key. */
    readonly signingKeyFile: string | undefined;
    /** Keys signed with before the last rotation: they still verify (and are published) until their tokens expire. */
    readonly previousSigningKeyFiles: string[];
    readonly clockToleranceSeconds: number;
    /** Tokens whose `exp - iat` exceeds this are refused, whoever signed them. */
    readonly maxLifetimeSeconds: number;
    readonly defaultLifetimeSeconds: number;
    /** Fetching a client system's keys from its `jwksUri` (headers and body) must finish within this. */
    readonly jwksFetchTimeoutMs: number;
    /** How long a client system's registry row is reused for its tokens (`auth/registry-cache.ts`); 0: read on every request. */
    readonly registryCacheMs: number;
  };
  /** 32-byte master key (base64 or hex) wrapping the data keys that seal personal information at rest. */
  readonly piiKeyFile: string | undefined;
  /** Master keys used before the last rotation: they unwrap data keys (and open `v1.` values) until `hub pii rekey` has re-wrapped them. */
  readonly piiPreviousKeyFiles: string[];
  readonly graphql: {
    readonly introspection: boolean;
    readonly maxDepth: number;
    /** Objects an answer may hold, estimated before it runs (see `query-cost.ts`). */
    readonly maxCost: number;
    /** Representations one request may pass to `_entities`. */
    readonly maxRepresentations: number;
    /** Values an answer may hold while it is built (list items times the fields selected on them). */
    readonly maxResponseValues: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    /** Estimated cost executing at once in this process (`execution-gate.ts`); more waits its turn. */
    readonly costInFlight: number;
    /** How long an operation may wait for its turn before it is answered SERVICE_UNAVAILABLE. */
    readonly queueWaitMs: number;
  };
  /** Behind a federation router (README, "Running behind a router"). */
  readonly router: {
    /** `HUB_ROUTER_ONLY`: GraphQL only from the router (`/subgraph`, with a router assertion); agencies' direct calls answer 401. */
    readonly only: boolean;
    /** `HUB_ROUTER_JWKS_FILE`: the router's public keys (JWKS), which sign its `X-Router-Assertion` headers. */
    readonly jwksFile: string | undefined;
    /** `HUB_ROUTER_ISSUER`: the `iss` of the router's assertions. */
    readonly issuer: string;
  };
  /**
   * `HUB_TRUSTED_DOCUMENTS`: `off`; `allow-listed` (operations outside a client system's manifest run, and are
   * logged and counted); `required` (only operations a client system registered run).
   */
  readonly trustedDocuments: "off" | "allow-listed" | "required";
  /** `HUB_AUTOMATIC_PERSISTED_QUERIES`: Apollo's automatic persisted queries (any caller may store any operation): off unless set. */
  readonly automaticPersistedQueries: boolean;
  readonly http: {
    readonly bodyLimit: string;
    readonly trustProxy: boolean;
    /** On SIGTERM/SIGINT, requests in flight get this long to finish before their connections are closed. */
    readonly shutdownGraceMs: number;
    /** `/readyz` answers 503 when the database has not answered its check within this. */
    readonly readyzTimeoutMs: number;
  };
  /**
   * Who reads `/metrics` (the traffic of every agency). `port` set: on its own listener at `host:port`
   * (`HUB_METRICS_PORT`, `HUB_METRICS_HOST`, loopback by default) and no longer on the main port. `token` set
   * (`HUB_METRICS_TOKEN`): only with `Authorization: Bearer <token>`, wherever it is served. `access` sums it
   * up: `token`; `open` without a token on its own listener, or on the main port outside production;
   * `closed` on the main port of a production hub without a token (every request answers 401).
   */
  readonly metrics: {
    readonly port: number | undefined;
    readonly host: string;
    readonly token: string | undefined;
    readonly access: "open" | "token" | "closed";
  };
  /** Local policy (deadlines in working days), kept as configuration. */
  readonly policy: HubPolicy;
  readonly log: { readonly level: string; readonly stacks: boolean };
  readonly audit: {
    readonly flushIntervalMs: number;
    readonly batchSize: number;
    /** How often a signed tree head of the audit log is published, when the log grew. */
    readonly treeHeadIntervalMs: number;
  };
  readonly db: {
    readonly poolSize: number;
    /** Server-side bound on one statement (`statement_timeout`). */
    readonly statementTimeoutMs: number;
    /** Bound on waiting for a connection: a free one from the pool, or a new one to answer its start-up. */
    readonly connectTimeoutMs: number;
    /** Client-side bound on one query's answer, which a network partition cannot hold past (the connection is then dropped). */
    readonly queryTimeoutMs: number;
    /**
     * `DATABASE_REPLICA_URLS`: PostgreSQL streaming replicas of `DATABASE_URL` that reads tolerating lag (lists,
     * statistics) may use (`db/read-replicas.ts`); none by default, and never with the embedded database.
     */
    readonly replicaUrls: readonly string[];
    /** `HUB_REPLICA_MAX_LAG_MS`: a replica further behind the primary than this is not read from. */
    readonly replicaMaxLagMs: number;
    /** `HUB_REPLICA_POLL_MS`: how often each replica's replay position, and the primary's, is read. */
    readonly replicaPollMs: number;
  };
  /** Budgets of query-cost points per window (`server/rate-limit.ts`); shared through Redis when `redisUrl` is set. */
  readonly rateLimit: {
    readonly clientPoints: number;
    readonly anonymousPoints: number;
    readonly authFailures: number;
    readonly windowSeconds: number;
    /** A refusal over budget is sent after this pause, so a flooding client slows itself down. */
    readonly tarpitMs: number;
    /** Public reports an address may file per hour (`HUB_PUBLIC_REPORTS_PER_HOUR`). */
    readonly publicReportsPerHour: number;
    /** `REDIS_URL`: budgets shared by every hub instance; in memory (per instance) when unset. */
    readonly redisUrl: string | undefined;
  };
  /** People signing in through their agency's OpenID Connect provider (`/auth/sign-in`). */
  readonly signIn: {
    /** The hub's address as browsers reach it (`https://hub.example.gov.cn`): the redirect URI is built on it. Outside production, the request's own host when unset. */
    readonly publicUrl: string | undefined;
    /** A session nobody used for this long ends. */
    readonly idleSeconds: number;
    /** A session ends this long after sign-in, used or not. */
    readonly maxSeconds: number;
  };
  /** Events pushed to webhooks and live subscriptions (`push/`). */
  readonly push: PushConfig;
}

export interface PushConfig {
  /** `HUB_WEBHOOK_ALLOWED_HOSTS`: the hosts webhook URLs may name (`*.example.gov.cn` for a domain's hosts); loopback is allowed outside production only. */
  readonly allowedHosts: string[];
  /** Whether this instance fans out, delivers and schedules (`HUB_PUSH_WORKERS`); events are written either way. */
  readonly workers: boolean;
  /** How often the pusher looks for events other instances wrote. */
  readonly pollMs: number;
  readonly connectTimeoutMs: number;
  /** The receiver's whole answer (headers and the first bytes of its body) must come within this. */
  readonly responseTimeoutMs: number;
  /** The first retry waits about this long; each next one twice as long, with jitter, up to `retryMaxDelayMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxDelayMs: number;
  /** A delivery is retried this long after its first attempt, then dead-lettered (24 h at least in production). */
  readonly retryForSeconds: number;
  /** Deliveries in flight at once on this instance, and at most `perSubscription` of them to one subscription. */
  readonly concurrency: number;
  readonly perSubscription: number;
  readonly schedulerIntervalMs: number;
  /** `appraisal_case.deadline_approaching` this many working days before the completion deadline (0: never). */
  readonly deadlineNoticeWorkingDays: number;
  /** Settled deliveries (delivered, dead-lettered, withheld) and events with none left are deleted this long after. */
  readonly retentionSeconds: number;
}

export interface HubPolicy {
  /** An institution decides whether to accept a case within this many working days of entrustment. */
  readonly caseAcceptanceWorkingDays: number;
  /** An accepted case is completed within this many working days, plus recorded extensions and pauses. */
  readonly caseCompletionWorkingDays: number;
  /** A complaint is resolved or dismissed within this many working days of submission. */
  readonly complaintResponseWorkingDays: number;
  /** Publication periods and the earliest repair per severity (the national rules by default; `domain/credit-rules.ts`). */
  readonly creditRules: CreditRules;
  /** A positive record (守信激励) is published, and its incentives last, at most this long from its decision (the default). */
  readonly creditIncentiveMonths: number;
  /** Severities whose records may be shared for joint punishment (联合惩戒). */
  readonly creditSharedSeverities: readonly CreditSeverity[];
  /** Whether SERIOUS records may be repaired at all. */
  readonly seriousCreditRepairable: boolean;
  /** Credit grades look back this many months at complaints and inspections. */
  readonly creditGradeLookbackMonths: number;
  /** This many active GENERAL records make grade D (fewer make C). */
  readonly creditGradeDGeneralRecords: number;
  /** Target withdrawal rate of abnormal patent applications (the credit plan's 90%). */
  readonly abnormalPatentWithdrawalTarget: number;
  /** Calendar days from a batch's receipt to its deadline, when the batch does not set one. */
  readonly abnormalPatentDeadlineDays: number;
  /** A mark under custody raises an EXPIRING alert this many months before its registration expires. */
  readonly trademarkExpiryAlertMonths: number;
  /**
   * Statistics for courts, procuratorates and police hide counts about identifiable people (and a single
   * institution's complaints) below this many; 1 turns suppression off.
   */
  readonly statisticsMinimumCount: number;
  /** A new entrustment is compared with open cases and with cases entrusted in the last this many months (多头、重复鉴定). */
  readonly duplicateWindowMonths: number;
  /** Listing (纳入名录库) needs this many ACTIVE appraisers at the institution (一定数量的鉴定人); 0 turns the check off. */
  readonly listingMinimumAppraisers: number;
  /** Listing needs at least one verified standard from the catalogue (通过贯彻知识产权鉴定标准). */
  readonly listingRequiresStandard: boolean;
  /** A REMOVED institution may be recommended again this many months after its removal took effect. */
  readonly relistingWaitMonths: number;
  /** A REJECTED institution may be recommended again this many months after its rejection took effect. */
  readonly reapplicationWaitMonths: number;
}

export const DEFAULT_POLICY: HubPolicy = {
  duplicateWindowMonths: 24,
  listingMinimumAppraisers: 3,
  listingRequiresStandard: true,
  relistingWaitMonths: 12,
  reapplicationWaitMonths: 0,
  caseAcceptanceWorkingDays: 7,
  caseCompletionWorkingDays: 30,
  complaintResponseWorkingDays: 15,
  creditRules: NATIONAL_CREDIT_RULES,
  creditSharedSeverities: [CreditSeverity.SERIOUS],
  creditIncentiveMonths: 36,
  seriousCreditRepairable: true,
  creditGradeLookbackMonths: 12,
  creditGradeDGeneralRecords: 3,
  abnormalPatentWithdrawalTarget: 0.9,
  abnormalPatentDeadlineDays: 30,
  trademarkExpiryAlertMonths: 6,
  statisticsMinimumCount: 3,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .optional()
  .transform((v) => (v === undefined ? undefined : ["true", "1", "yes"].includes(v)));
const bool = (fallback: boolean) => flag.transform((v) => v ?? fallback);

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().transform((v) => v ?? fallback);

/** A share between 0 and 1, written 0.9 or 90%. */
const ratio = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const value = v.trim().endsWith("%") ? Number(v.trim().slice(0, -1)) / 100 : Number(v);
      if (!Number.isFinite(value) || value <= 0 || value > 1) {
        ctx.addIssue({ code: "custom", message: "expected a share such as 0.9 or 90%" });
        return z.NEVER;
      }
      return value;
    });

const duration = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const seconds = parseDurationSeconds(v ?? fallback);
      if (seconds === undefined) {
        ctx.addIssue({ code: "custom", message: "expected a duration such as 900, 15m, 8h or 1d" });
        return z.NEVER;
      }
      return seconds;
    });

const CREDIT_RULE_FIELDS = { MIN_MONTHS: "minPublicationMonths", MAX_MONTHS: "maxPublicationMonths", REPAIR_MONTHS: "repairAfterMonths" } as const;

/** `HUB_CREDIT_<SEVERITY>_{MIN,MAX,REPAIR}_MONTHS` and `_ANNOUNCED`, each defaulting to the national rule. */
function creditRuleSettings() {
  const settings: Record<string, z.ZodTypeAny> = {};
  for (const severity of Object.values(CreditSeverity)) {
    const rule = NATIONAL_CREDIT_RULES[severity];
    for (const [suffix, field] of Object.entries(CREDIT_RULE_FIELDS)) settings[`HUB_CREDIT_${severity}_${suffix}`] = int(rule[field], 0, 120);
    settings[`HUB_CREDIT_${severity}_ANNOUNCED`] = bool(rule.announcedByDefault);
  }
  return settings;
}

function creditRulesFrom(e: Record<string, unknown>): CreditRules {
  const rule = (severity: CreditSeverity) => ({
    minPublicationMonths: e[`HUB_CREDIT_${severity}_MIN_MONTHS`] as number,
    maxPublicationMonths: e[`HUB_CREDIT_${severity}_MAX_MONTHS`] as number,
    repairAfterMonths: e[`HUB_CREDIT_${severity}_REPAIR_MONTHS`] as number,
    announcedByDefault: e[`HUB_CREDIT_${severity}_ANNOUNCED`] as boolean,
  });
  return { MINOR: rule(CreditSeverity.MINOR), GENERAL: rule(CreditSeverity.GENERAL), SERIOUS: rule(CreditSeverity.SERIOUS) };
}

const envSchema = z.object({
  HUB_ENV: z.enum(["development", "production", "test"]).optional().default("development"),
  HUB_BENCH_AUTHORIZATION: z.enum(["on", "off"]).optional().default("on"),
  PORT: int(4000, 1, 65535),
  HOST: z.string().min(1).optional().default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || /^postgres(ql)?:\/\/.+/.test(v), {
      message: "must be a postgres:// or postgresql:// URL",
    }),
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const urls = (v ?? "").split(",").map((url) => url.trim()).filter(Boolean);
      // Each named by its place in the list: a URL may carry a password, which a problem never repeats.
      const wrong = urls.map((url, i) => (isPostgresUrl(url) ? undefined : i + 1)).filter((n) => n !== undefined);
      if (wrong.length) {
        ctx.addIssue({ code: "custom", message: `expected comma-separated postgres:// or postgresql:// URLs (entry ${wrong.join(", ")} is not one)` });
        return z.NEVER;
      }
      return urls;
    }),
  HUB_REPLICA_MAX_LAG_MS: int(10_000, 1_000, 3_600_000),
  HUB_REPLICA_POLL_MS: int(200, 50, 600_000),
  HUB_DATA_DIR: z.string().min(1).optional().default("./data"),
  // Read by the region directory itself (domain/region-directory.ts); checked here so a wrong path stops the start.
  HUB_ZONES_FILE: z
    .string()
    .min(1)
    .optional()
    .refine((file) => file === undefined || fs.existsSync(file), "no such file (a CSV of functional zones: code,name,parent_code,valid_from,valid_until,replaced_by)"),
  HUB_DEMO_DATA: bool(true),
  HUB_JWT_ISSUER: z.string().min(1).optional().default("appraisal-hub"),
  HUB_JWT_AUDIENCE: z.string().min(1).optional().default("appraisal-hub"),
  HUB_SIGNING_KEY_FILE: z.string().min(1).optional(),
  HUB_SIGNING_KEY_PREVIOUS_FILES: z.string().optional().default(""),
  HUB_JWT_CLOCK_TOLERANCE: duration("30s"),
  HUB_JWT_MAX_LIFETIME: duration("24h"),
  HUB_JWT_DEFAULT_LIFETIME: duration("1h"),
  HUB_JWKS_FETCH_TIMEOUT_MS: int(3_000, 50, 60_000),
  HUB_REGISTRY_CACHE_MS: int(5_000, 0, 60_000),
  HUB_PII_KEY_FILE: z.string().min(1).optional(),
  HUB_PII_KEY_PREVIOUS_FILES: z.string().optional().default(""),
  HUB_INTROSPECTION: flag,
  HUB_MAX_QUERY_DEPTH: int(10, 2, 50),
  HUB_MAX_QUERY_COST: int(20_000, 100, 10_000_000),
  HUB_MAX_REPRESENTATIONS: int(200, 1, 100_000),
  HUB_MAX_RESPONSE_VALUES: int(200_000, 1_000, 100_000_000),
  HUB_MAX_ALIASES: int(30, 1, 1000),
  HUB_MAX_DIRECTIVES: int(50, 1, 1000),
  HUB_MAX_TOKENS: int(2000, 100, 100_000),
  HUB_COST_IN_FLIGHT: int(4_000, 100, 10_000_000),
  HUB_QUEUE_WAIT_MS: int(10_000, 100, 600_000),
  HUB_ROUTER_ONLY: bool(false),
  HUB_ROUTER_JWKS_FILE: z.string().min(1).optional(),
  HUB_ROUTER_ISSUER: z.string().min(1).optional().default("router"),
  HUB_TRUSTED_DOCUMENTS: z.enum(["off", "allow-listed", "required"]).optional().default("off"),
  HUB_AUTOMATIC_PERSISTED_QUERIES: bool(false),
  HUB_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, "expected a size such as 100kb").optional().default("1mb"),
  HUB_TRUST_PROXY: bool(false),
  HUB_SHUTDOWN_GRACE_MS: int(10_000, 0, 600_000),
  // Empty counts as unset (coerced, it would be port 0: a listener on a random port).
  HUB_METRICS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  HUB_METRICS_HOST: z.string().min(1).optional().default("127.0.0.1"),
  HUB_METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,512}$/, "expected 32 to 512 printable ASCII characters without spaces (`openssl rand -hex 32` makes one)")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional().default("info"),
  HUB_LOG_STACKS: bool(false),
  HUB_AUDIT_FLUSH_MS: int(500, 10, 60_000),
  HUB_AUDIT_BATCH_SIZE: int(200, 1, 10_000),
  HUB_AUDIT_TREE_HEAD_MS: int(60_000, 1_000, 86_400_000),
  HUB_DB_POOL_SIZE: int(10, 1, 200),
  HUB_CASE_ACCEPTANCE_WORKING_DAYS: int(DEFAULT_POLICY.caseAcceptanceWorkingDays, 1, 60),
  HUB_DUPLICATE_WINDOW_MONTHS: int(DEFAULT_POLICY.duplicateWindowMonths, 1, 120),
  HUB_LISTING_MIN_APPRAISERS: int(DEFAULT_POLICY.listingMinimumAppraisers, 0, 100),
  HUB_LISTING_REQUIRES_STANDARD: bool(DEFAULT_POLICY.listingRequiresStandard),
  HUB_RELISTING_WAIT_MONTHS: int(DEFAULT_POLICY.relistingWaitMonths, 0, 120),
  HUB_REAPPLICATION_WAIT_MONTHS: int(DEFAULT_POLICY.reapplicationWaitMonths, 0, 120),
  HUB_CASE_COMPLETION_WORKING_DAYS: int(DEFAULT_POLICY.caseCompletionWorkingDays, 1, 365),
  HUB_COMPLAINT_RESPONSE_WORKING_DAYS: int(DEFAULT_POLICY.complaintResponseWorkingDays, 1, 120),
  ...creditRuleSettings(),
  HUB_CREDIT_INCENTIVE_MONTHS: int(DEFAULT_POLICY.creditIncentiveMonths, 1, 120),
  HUB_CREDIT_SHARED_SEVERITIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return DEFAULT_POLICY.creditSharedSeverities;
      const names = v.split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((s) => !(s in CreditSeverity));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `expected severities among ${Object.keys(CreditSeverity).join(", ")} (got ${unknown.join(", ")})` });
        return z.NEVER;
      }
      return [...new Set(names)] as CreditSeverity[];
    }),
  HUB_CREDIT_SERIOUS_REPAIRABLE: bool(DEFAULT_POLICY.seriousCreditRepairable),
  HUB_CREDIT_GRADE_LOOKBACK_MONTHS: int(DEFAULT_POLICY.creditGradeLookbackMonths, 1, 120),
  HUB_CREDIT_GRADE_D_GENERAL_RECORDS: int(DEFAULT_POLICY.creditGradeDGeneralRecords, 1, 100),
  HUB_ABNORMAL_PATENT_WITHDRAWAL_TARGET: ratio(DEFAULT_POLICY.abnormalPatentWithdrawalTarget),
  HUB_ABNORMAL_PATENT_DEADLINE_DAYS: int(DEFAULT_POLICY.abnormalPatentDeadlineDays, 1, 365),
  HUB_TRADEMARK_EXPIRY_ALERT_MONTHS: int(DEFAULT_POLICY.trademarkExpiryAlertMonths, 1, 24),
  HUB_STATISTICS_MIN_COUNT: int(DEFAULT_POLICY.statisticsMinimumCount, 1, 100),
  HUB_DB_STATEMENT_TIMEOUT_MS: int(15_000, 100, 600_000),
  HUB_DB_CONNECT_TIMEOUT_MS: int(5_000, 100, 600_000),
  HUB_DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  HUB_READYZ_TIMEOUT_MS: int(2_000, 100, 600_000),
  HUB_RATE_LIMIT_CLIENT_POINTS: int(300_000, 1, 1_000_000_000),
  HUB_RATE_LIMIT_ANONYMOUS_POINTS: int(30_000, 1, 1_000_000_000),
  HUB_RATE_LIMIT_AUTH_FAILURES: int(30, 1, 1_000_000),
  HUB_RATE_LIMIT_WINDOW: duration("60s"),
  HUB_RATE_LIMIT_TARPIT_MS: int(1_000, 0, 10_000),
  HUB_PUBLIC_REPORTS_PER_HOUR: int(5, 1, 10_000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "expected redis://… or rediss://…").optional(),
  HUB_PUBLIC_URL: z.string().url().optional(),
  HUB_WEBHOOK_ALLOWED_HOSTS: z.string().optional().default(""),
  HUB_PUSH_WORKERS: bool(true),
  HUB_PUSH_POLL_MS: int(500, 20, 60_000),
  HUB_WEBHOOK_CONNECT_TIMEOUT_MS: int(5_000, 100, 60_000),
  HUB_WEBHOOK_RESPONSE_TIMEOUT_MS: int(10_000, 100, 120_000),
  HUB_WEBHOOK_RETRY_BASE_MS: int(5_000, 10, 3_600_000),
  HUB_WEBHOOK_RETRY_MAX_DELAY_MS: int(3_600_000, 10, 86_400_000),
  HUB_WEBHOOK_RETRY_FOR: duration("24h"),
  HUB_WEBHOOK_CONCURRENCY: int(16, 1, 256),
  HUB_WEBHOOK_PER_SUBSCRIPTION: int(4, 1, 64),
  HUB_SCHEDULER_INTERVAL_MS: int(60_000, 50, 3_600_000),
  HUB_CASE_DEADLINE_NOTICE_WORKING_DAYS: int(3, 0, 60),
  HUB_PUSH_RETENTION: duration("30d"),
  HUB_SESSION_IDLE: duration("30m"),
  HUB_SESSION_MAX: duration("12h"),
});

/**
 * Whether URLs the hub fetches for an agency (a client system's `jwksUri`, an identity provider's issuer) may
 * be plain http: only on a development or test hub, whose loopback servers have no certificate.
 */
export function allowsPlainHttp(env: HubConfig["env"] | undefined): boolean {
  return env === "development" || env === "test";
}

/** Parses `900`, `30s`, `15m`, `8h`, `1d` into seconds; undefined when it is none of those. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? "s") as "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

/** A PostgreSQL server's URL, as node-postgres reads it. */
function isPostgresUrl(url: string): boolean {
  if (!/^postgres(ql)?:\/\/.+/.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** Validates `env` (default `process.env`) and returns the frozen configuration, or throws `ConfigError`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.HUB_ENV === "production" && !e.HUB_SIGNING_KEY_FILE) {
    problems.push("HUB_SIGNING_KEY_FILE: required when HUB_ENV=production (no key is generated in production)");
  }
  if (e.HUB_ENV === "production" && e.HUB_WEBHOOK_RETRY_FOR < 24 * 3600) {
    problems.push("HUB_WEBHOOK_RETRY_FOR: at least 24h when HUB_ENV=production (receivers are retried for a day before a delivery is dead-lettered)");
  }
  if (e.HUB_ENV === "production" && !e.HUB_PII_KEY_FILE) {
    problems.push("HUB_PII_KEY_FILE: required when HUB_ENV=production (personal information is sealed with it)");
  }
  if (e.HUB_ENV === "production" && env.HUB_DEMO_DATA !== undefined && e.HUB_DEMO_DATA) {
    problems.push("HUB_DEMO_DATA: must be false when HUB_ENV=production (the demo's agencies, keys and people are public knowledge)");
  }
  if (e.HUB_ENV === "production" && e.HUB_BENCH_AUTHORIZATION === "off") {
    problems.push("HUB_BENCH_AUTHORIZATION: off is for benchmarks only and refused when HUB_ENV=production");
  }
  if (e.HUB_JWT_DEFAULT_LIFETIME > e.HUB_JWT_MAX_LIFETIME) {
    problems.push("HUB_JWT_DEFAULT_LIFETIME: must not exceed HUB_JWT_MAX_LIFETIME");
  }
  if (e.HUB_METRICS_PORT !== undefined && e.HUB_METRICS_PORT !== 0 && e.HUB_METRICS_PORT === e.PORT) {
    problems.push("HUB_METRICS_PORT: must differ from PORT (it is a second listener, for /metrics only)");
  }
  if (e.HUB_SESSION_IDLE > e.HUB_SESSION_MAX) {
    problems.push("HUB_SESSION_IDLE: must not exceed HUB_SESSION_MAX");
  }
  if (e.HUB_ENV === "production" && e.HUB_PUBLIC_URL && !e.HUB_PUBLIC_URL.startsWith("https://")) {
    problems.push("HUB_PUBLIC_URL: must be an https URL when HUB_ENV=production (session cookies are Secure)");
  }
  if (e.DATABASE_REPLICA_URLS.length > 0 && !e.DATABASE_URL) {
    problems.push("DATABASE_REPLICA_URLS: needs DATABASE_URL (their primary); the embedded database has no replicas");
  }
  if (e.DATABASE_URL && e.DATABASE_REPLICA_URLS.includes(e.DATABASE_URL)) {
    problems.push("DATABASE_REPLICA_URLS: names DATABASE_URL itself; list the primary's streaming replicas only");
  }
  if (e.HUB_REPLICA_POLL_MS * 2 > e.HUB_REPLICA_MAX_LAG_MS) {
    problems.push("HUB_REPLICA_POLL_MS: at most half of HUB_REPLICA_MAX_LAG_MS (a replica's lag is only known to within a poll)");
  }
  if (e.HUB_ROUTER_ONLY && !e.HUB_ROUTER_JWKS_FILE) {
    problems.push("HUB_ROUTER_JWKS_FILE: required when HUB_ROUTER_ONLY=true (the router's public keys, to check the assertion it signs on each request)");
  }
  // Replaced by one waiting period per severity: a deployment that set it must choose, not be silently ignored.
  if (env.HUB_CREDIT_REPAIR_WAITING_MONTHS !== undefined) {
    problems.push("HUB_CREDIT_REPAIR_WAITING_MONTHS: replaced by HUB_CREDIT_MINOR_REPAIR_MONTHS, HUB_CREDIT_GENERAL_REPAIR_MONTHS and HUB_CREDIT_SERIOUS_REPAIR_MONTHS (docs/credit.md)");
  }
  const creditRules = creditRulesFrom(e);
  problems.push(...creditRuleProblems(creditRules));
  if (problems.length > 0) throw new ConfigError(problems);

  const config: HubConfig = {
    env: e.HUB_ENV,
    benchAuthorizationOff: e.HUB_BENCH_AUTHORIZATION === "off",
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ? e.DATABASE_URL : undefined,
    dataDir: path.resolve(e.HUB_DATA_DIR),
    // On by default for a development hub, off in production.
    demoData: env.HUB_DEMO_DATA === undefined ? e.HUB_ENV !== "production" : e.HUB_DEMO_DATA,
    jwt: {
      issuer: e.HUB_JWT_ISSUER,
      audience: e.HUB_JWT_AUDIENCE,
      signingKeyFile: e.HUB_SIGNING_KEY_FILE,
      previousSigningKeyFiles: e.HUB_SIGNING_KEY_PREVIOUS_FILES.split(",").map((file) => file.trim()).filter(Boolean),
      clockToleranceSeconds: e.HUB_JWT_CLOCK_TOLERANCE,
      maxLifetimeSeconds: e.HUB_JWT_MAX_LIFETIME,
      defaultLifetimeSeconds: e.HUB_JWT_DEFAULT_LIFETIME,
      jwksFetchTimeoutMs: e.HUB_JWKS_FETCH_TIMEOUT_MS,
      registryCacheMs: e.HUB_REGISTRY_CACHE_MS,
    },
    piiKeyFile: e.HUB_PII_KEY_FILE,
    piiPreviousKeyFiles: e.HUB_PII_KEY_PREVIOUS_FILES.split(",").map((file) => file.trim()).filter(Boolean),
    graphql: {
      // Introspection follows the hub's own setting, never NODE_ENV: on by default outside production.
      introspection: e.HUB_INTROSPECTION ?? e.HUB_ENV !== "production",
      maxDepth: e.HUB_MAX_QUERY_DEPTH,
      maxCost: e.HUB_MAX_QUERY_COST,
      maxRepresentations: e.HUB_MAX_REPRESENTATIONS,
      maxResponseValues: e.HUB_MAX_RESPONSE_VALUES,
      maxAliases: e.HUB_MAX_ALIASES,
      maxDirectives: e.HUB_MAX_DIRECTIVES,
      maxTokens: e.HUB_MAX_TOKENS,
      costInFlight: e.HUB_COST_IN_FLIGHT,
      queueWaitMs: e.HUB_QUEUE_WAIT_MS,
    },
    router: { only: e.HUB_ROUTER_ONLY, jwksFile: e.HUB_ROUTER_JWKS_FILE, issuer: e.HUB_ROUTER_ISSUER },
    trustedDocuments: e.HUB_TRUSTED_DOCUMENTS,
    automaticPersistedQueries: e.HUB_AUTOMATIC_PERSISTED_QUERIES,
    http: { bodyLimit: e.HUB_BODY_LIMIT, trustProxy: e.HUB_TRUST_PROXY, shutdownGraceMs: e.HUB_SHUTDOWN_GRACE_MS, readyzTimeoutMs: e.HUB_READYZ_TIMEOUT_MS },
    metrics: {
      port: e.HUB_METRICS_PORT,
      host: e.HUB_METRICS_HOST,
      token: e.HUB_METRICS_TOKEN,
      // A production hub's main port never serves metrics to a caller without the token.
      access: e.HUB_METRICS_TOKEN ? "token" : e.HUB_METRICS_PORT !== undefined || e.HUB_ENV !== "production" ? "open" : "closed",
    },
    policy: {
      caseAcceptanceWorkingDays: e.HUB_CASE_ACCEPTANCE_WORKING_DAYS,
      duplicateWindowMonths: e.HUB_DUPLICATE_WINDOW_MONTHS,
      listingMinimumAppraisers: e.HUB_LISTING_MIN_APPRAISERS,
      listingRequiresStandard: e.HUB_LISTING_REQUIRES_STANDARD,
      relistingWaitMonths: e.HUB_RELISTING_WAIT_MONTHS,
      reapplicationWaitMonths: e.HUB_REAPPLICATION_WAIT_MONTHS,
      caseCompletionWorkingDays: e.HUB_CASE_COMPLETION_WORKING_DAYS,
      complaintResponseWorkingDays: e.HUB_COMPLAINT_RESPONSE_WORKING_DAYS,
      creditRules,
      creditSharedSeverities: e.HUB_CREDIT_SHARED_SEVERITIES,
      creditIncentiveMonths: e.HUB_CREDIT_INCENTIVE_MONTHS,
      seriousCreditRepairable: e.HUB_CREDIT_SERIOUS_REPAIRABLE,
      creditGradeLookbackMonths: e.HUB_CREDIT_GRADE_LOOKBACK_MONTHS,
      creditGradeDGeneralRecords: e.HUB_CREDIT_GRADE_D_GENERAL_RECORDS,
      abnormalPatentWithdrawalTarget: e.HUB_ABNORMAL_PATENT_WITHDRAWAL_TARGET,
      abnormalPatentDeadlineDays: e.HUB_ABNORMAL_PATENT_DEADLINE_DAYS,
      trademarkExpiryAlertMonths: e.HUB_TRADEMARK_EXPIRY_ALERT_MONTHS,
      statisticsMinimumCount: e.HUB_STATISTICS_MIN_COUNT,
    },
    log: { level: e.LOG_LEVEL, stacks: e.HUB_LOG_STACKS },
    audit: { flushIntervalMs: e.HUB_AUDIT_FLUSH_MS, batchSize: e.HUB_AUDIT_BATCH_SIZE, treeHeadIntervalMs: e.HUB_AUDIT_TREE_HEAD_MS },
    db: {
      poolSize: e.HUB_DB_POOL_SIZE,
      statementTimeoutMs: e.HUB_DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.HUB_DB_CONNECT_TIMEOUT_MS,
      // Past the server's own bound by default, so a slow statement is cancelled there (its connection kept)
      // and only a database that does not answer at all is cut off here.
      queryTimeoutMs: e.HUB_DB_QUERY_TIMEOUT_MS ?? e.HUB_DB_STATEMENT_TIMEOUT_MS + 5_000,
      replicaUrls: e.DATABASE_REPLICA_URLS,
      replicaMaxLagMs: e.HUB_REPLICA_MAX_LAG_MS,
      replicaPollMs: e.HUB_REPLICA_POLL_MS,
    },
    rateLimit: {
      clientPoints: e.HUB_RATE_LIMIT_CLIENT_POINTS,
      anonymousPoints: e.HUB_RATE_LIMIT_ANONYMOUS_POINTS,
      authFailures: e.HUB_RATE_LIMIT_AUTH_FAILURES,
      windowSeconds: e.HUB_RATE_LIMIT_WINDOW,
      tarpitMs: e.HUB_RATE_LIMIT_TARPIT_MS,
      publicReportsPerHour: e.HUB_PUBLIC_REPORTS_PER_HOUR,
      redisUrl: e.REDIS_URL,
    },
    signIn: { publicUrl: e.HUB_PUBLIC_URL?.replace(/\/+$/, ""), idleSeconds: e.HUB_SESSION_IDLE, maxSeconds: e.HUB_SESSION_MAX },
    push: {
      allowedHosts: e.HUB_WEBHOOK_ALLOWED_HOSTS.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean),
      workers: e.HUB_PUSH_WORKERS,
      pollMs: e.HUB_PUSH_POLL_MS,
      connectTimeoutMs: e.HUB_WEBHOOK_CONNECT_TIMEOUT_MS,
      responseTimeoutMs: e.HUB_WEBHOOK_RESPONSE_TIMEOUT_MS,
      retryBaseMs: e.HUB_WEBHOOK_RETRY_BASE_MS,
      retryMaxDelayMs: e.HUB_WEBHOOK_RETRY_MAX_DELAY_MS,
      retryForSeconds: e.HUB_WEBHOOK_RETRY_FOR,
      concurrency: e.HUB_WEBHOOK_CONCURRENCY,
      perSubscription: e.HUB_WEBHOOK_PER_SUBSCRIPTION,
      schedulerIntervalMs: e.HUB_SCHEDULER_INTERVAL_MS,
      deadlineNoticeWorkingDays: e.HUB_CASE_DEADLINE_NOTICE_WORKING_DAYS,
      retentionSeconds: e.HUB_PUSH_RETENTION,
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === "object") deepFreeze(child);
  }
  return Object.freeze(value);
}
