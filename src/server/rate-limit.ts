import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimitedError } from "../errors/errors";
import type { Logger } from "../logging/logger";

/** What one window allows (`HUB_RATE_LIMIT_*`). */
export interface RateLimitSettings {
  /** Query-cost points per window for a client system (or a signed-in person), unless its agency has its own budget. */
  readonly clientPoints: number;
  /** Query-cost points per window for anonymous callers, per IP address. */
  readonly anonymousPoints: number;
  /** Failed authentications per window, per IP address and per claimed client system. */
  readonly authFailures: number;
  readonly windowSeconds: number;
  /** How long a refusal over budget waits before it is sent (0: at once). */
  readonly tarpitMs: number;
  /** Public reports (`submitPublicReport`) an address may file per hour. */
  readonly publicReportsPerHour: number;
}

/** Who a budget belongs to, and how big it is. */
export interface Budget {
  readonly key: string;
  readonly points: number;
  /** Its request's first point was taken on admission (HTTP); in-process requests pay all at `charge`. */
  readonly admitted?: boolean;
}

/** A request's charge, for the `rateLimit` extension of its answer. */
export interface Charge {
  cost: number;
  limit: number;
  remaining: number;
  resetAt: string;
}

/** Refusals waiting in the tarpit at most at once. */
const MAX_TARPITTED = 2_000;

/** Big enough never to refuse by itself: each caller's own budget is compared with what it consumed. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/**
 * Rate limits by query cost, shared across hub instances through Redis when `REDIS_URL` is set (in memory
 * otherwise, and in memory as insurance while Redis cannot be reached). As GitHub's GraphQL API does, a
 * client spends points, not requests: each operation costs the objects its answer can hold (`query-cost.ts`),
 * at least 1. A caller over budget is refused before its query is parsed (HTTP 429, `RATE_LIMITED`,
 * `Retry-After`), so a flood costs the hub little and does not slow the others. Failed authentications have a
 * budget of their own per IP address and per claimed client system, checked before any signature is verified.
 */
export class RateLimits {
  private readonly cost: RateLimiterAbstract;
  private readonly failures: RateLimiterAbstract;
  private readonly submissions: RateLimiterAbstract;

  private tarpitted = 0;

  /** The budget last seen for each key, so that a spent one is refused before its token is even verified. */
  private readonly knownBudgets = new Map<string, number>();

  constructor(
    readonly settings: RateLimitSettings,
    redis: Redis | undefined,
    private readonly logger?: Logger,
  ) {
    this.cost = limiter("hub_rl_cost", settings.windowSeconds, redis);
    this.failures = limiter("hub_rl_auth", settings.windowSeconds, redis);
    this.submissions = limiter("hub_rl_reports", 3600, redis);
  }

  /**
   * Counts one anonymous submission (a public report) against its sender's address: a few an hour, so the
   * bureaus' queue cannot be flooded from one place, whatever the query-cost budget would allow.
   */
  async admitPublicSubmission(key: string): Promise<void> {
    const spent = await this.submissions.consume(key, 1).catch((error: unknown) => this.storeFailed(error));
    if (spent && spent.consumedPoints > this.settings.publicReportsPerHour) throw overBudget(spent.msBeforeNext, "public reports from this address");
  }

  /**
   * Takes the request's first point before anything is parsed, so that even a request that never gets as far
   * as an operation (malformed, invalid) is paid for; refuses a caller whose budget is spent.
   */
  async admit(budget: Budget): Promise<void> {
    // Only client systems' budgets are prechecked (by the system a token claims): anonymous addresses and
    // people would only crowd them out of the map.
    if (budget.key.startsWith("client:")) {
      if (this.knownBudgets.size >= 100_000) this.knownBudgets.clear();
      this.knownBudgets.set(budget.key, budget.points);
    }
    const spent = await this.cost.consume(budget.key, 1).catch((error: unknown) => this.storeFailed(error));
    if (spent && spent.consumedPoints > budget.points) throw overBudget(spent.msBeforeNext, "query-cost budget");
  }

  /**
   * Spends the rest of an operation's cost (all of it for a request not `admitted`); refuses the operation
   * when the budget cannot pay for it.
   */
  async charge(budget: Budget, cost: number): Promise<Charge> {
    const points = Math.max(1, Math.ceil(cost));
    const rest = budget.admitted ? points - 1 : points;
    const res = await (rest > 0 ? this.cost.consume(budget.key, rest) : this.cost.get(budget.key)).catch((error: unknown) => this.storeFailed(error));
    if (!res) return { cost: points, limit: budget.points, remaining: budget.points, resetAt: new Date(Date.now() + this.settings.windowSeconds * 1000).toISOString() };
    if (res.consumedPoints > budget.points) throw overBudget(res.msBeforeNext, "query-cost budget");
    return { cost: points, limit: budget.points, remaining: budget.points - res.consumedPoints, resetAt: new Date(Date.now() + res.msBeforeNext).toISOString() };
  }

  /**
   * Refuses, before its token is verified or the registry read, a request of a client whose budget is spent:
   * a flood of valid requests then costs a header read and one look-up. Only reads the budget, so a forged
   * token naming someone else's system cannot spend it.
   */
  async precheck(key: string): Promise<void> {
    const points = this.knownBudgets.get(key);
    if (points === undefined) return;
    const spent = await this.read(this.cost, key);
    if (spent && spent.consumedPoints >= points) throw overBudget(spent.msBeforeNext, "query-cost budget");
  }

  /**
   * Sends a refusal over budget after a pause (`tarpitMs`): a client that floods over a few connections, each
   * waiting for its answer before the next request, then sends a few requests a second instead of thousands,
   * and stops taking the event loop from everyone else. At most `MAX_TARPITTED` answers wait at once (they hold
   * a socket each); beyond that, refusals go out at once.
   */
  tarpit(send: () => void): void {
    if (this.settings.tarpitMs === 0 || this.tarpitted >= MAX_TARPITTED) return send();
    this.tarpitted++;
    setTimeout(() => {
      this.tarpitted--;
      send();
    }, this.settings.tarpitMs).unref();
  }

  /** Refuses before verification when this address, or the client system a token claims, failed too often. */
  async admitAuthentication(keys: string[]): Promise<void> {
    for (const key of keys) {
      const failed = await this.read(this.failures, key);
      if (failed && failed.consumedPoints >= this.settings.authFailures) throw overBudget(failed.msBeforeNext, "failed authentications");
    }
  }

  /**
   * Counts a failed authentication against each of `keys`; answers the refusal when one of them has now
   * reached its limit (the count each consume answers: nothing is read again).
   */
  async failedAuthentication(keys: string[]): Promise<RateLimitedError | undefined> {
    let refusal: RateLimitedError | undefined;
    for (const key of keys) {
      const failed = await this.failures.consume(key, 1).catch((error: unknown) => this.storeFailed(error));
      if (!refusal && failed && failed.consumedPoints >= this.settings.authFailures) refusal = overBudget(failed.msBeforeNext, "failed authentications");
    }
    return refusal;
  }

  private async read(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
    return limiter.get(key).catch((error: unknown) => this.storeFailed(error));
  }

  /** The store failed and so did its insurance: the request goes on unlimited rather than fail (logged). */
  private storeFailed(error: unknown): null {
    this.logger?.warn({ errorName: (error as Error)?.name }, "rate-limit store unavailable");
    return null;
  }
}

function limiter(keyPrefix: string, duration: number, redis: Redis | undefined): RateLimiterAbstract {
  const options = { keyPrefix, points: UNBOUNDED, duration };
  if (!redis) return new RateLimiterMemory(options);
  // While Redis is unreachable each instance limits on its own rather than not at all.
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

function overBudget(msBeforeNext: number, what: string): RateLimitedError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new RateLimitedError(`Rate limit exceeded (${what}); retry after ${retryAfterSeconds} s.`, retryAfterSeconds);
}
