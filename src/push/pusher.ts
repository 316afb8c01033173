import type { GraphQLSchema } from "graphql";
import type { Registry } from "prom-client";
import type { HubConfig } from "../config/config";
import type { HubDeps } from "../context/context";
import { isDatabaseUnavailable } from "../errors/database-unavailable";
import type { Logger } from "../logging/logger";
import { EventReader } from "./event-reader";
import { EventScheduler } from "./event-scheduler";
import { LiveEvents } from "./live-events";
import { MonthlyReportFiler } from "./monthly-report-filer";
import { createPushMetrics, PushMetrics } from "./push-metrics";
import { WebhookDispatcher } from "./webhook-dispatcher";
import { WebhookSender } from "./webhook-sender";

/** How long after a send settles the dispatcher claims again, gathering the slots freed meanwhile. */
const SETTLE_BATCH_MS = 20;

/**
 * The hub's push machinery on one instance: the dispatcher (fan-out and webhook deliveries), the scheduler
 * (time-driven events), and the live feed for GraphQL subscriptions. Dispatcher and scheduler run only where
 * `HUB_PUSH_WORKERS` is on; the live feed serves this instance's own subscribers wherever they connect.
 * Nothing here runs on a request's path: a slow receiver costs the API nothing but the rows it queues.
 */
export class Pusher {
  readonly reader: EventReader;
  readonly live: LiveEvents;
  readonly metrics: PushMetrics;
  private readonly dispatcher: WebhookDispatcher;
  private readonly scheduler: EventScheduler;
  private readonly sender: WebhookSender;
  private stopped = true;
  private started = false;
  private wake: (() => void) | undefined;
  private loops: Promise<void>[] = [];
  private schedulerTimer: NodeJS.Timeout | undefined;
  private databaseDown = false;
  private wakeTimer: NodeJS.Timeout | undefined;

  constructor(
    deps: HubDeps,
    schema: GraphQLSchema,
    private readonly config: HubConfig,
    private readonly logger: Logger,
    registry: Registry,
    now: () => Date = () => new Date(),
  ) {
    this.metrics = createPushMetrics(registry, deps.dataSource);
    this.reader = new EventReader(deps, schema);
    this.sender = new WebhookSender({ allowedHosts: config.push.allowedHosts, env: config.env }, { connectTimeoutMs: config.push.connectTimeoutMs, responseTimeoutMs: config.push.responseTimeoutMs });
    this.dispatcher = new WebhookDispatcher(deps.dataSource, this.reader, this.sender, deps.vault, config.push, logger, this.metrics, () => this.wakeSoon());
    this.scheduler = new EventScheduler(deps.dataSource, config.policy, config.push, now, new MonthlyReportFiler({ ...deps, now }, logger));
    this.live = new LiveEvents(deps.dataSource, this.reader, config.push.pollMs, logger);
  }

  /** Starts the dispatcher and the scheduler on this instance (when `HUB_PUSH_WORKERS` is on). */
  start(): void {
    if (!this.config.push.workers || !this.stopped) return;
    this.stopped = false;
    this.started = true;
    this.loops.push(this.dispatchLoop());
    const tick = () => {
      this.schedulerTimer = setTimeout(async () => {
        await this.runScheduler();
        if (!this.stopped) tick();
      }, this.config.push.schedulerIntervalMs);
      this.schedulerTimer.unref();
    };
    void this.runScheduler().then(() => !this.stopped && tick());
  }

  /** A transaction that wrote events committed on this instance: fan out and deliver now rather than at the next poll. */
  nudge(): void {
    this.metrics.eventsWritten.inc({ source: "change" });
    this.wake?.();
    this.live.nudge();
  }

  /** Sends settling close together wake the dispatcher once: one claim for the slots they freed. */
  private wakeSoon(): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wake?.();
    }, SETTLE_BATCH_MS);
  }

  /** One scheduler round now (the timer's, and tests'); answers the events raised. */
  async runScheduler(): Promise<number> {
    try {
      const raised = await this.scheduler.round();
      if (raised > 0) {
        this.metrics.eventsWritten.inc({ source: "scheduler" }, raised);
        this.wake?.();
        this.live.nudge();
      }
      return raised;
    } catch (error) {
      this.report(error, "push scheduler round failed");
      return 0;
    }
  }

  /** Stops claiming work, waits for the sends in flight (each bounded by the webhook timeouts), closes the live feed. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.schedulerTimer);
    clearTimeout(this.wakeTimer);
    this.wake?.();
    await Promise.all(this.loops);
    await this.scheduler.idle();
    if (this.started) await this.scheduler.release().catch(() => undefined);
    await this.dispatcher.drain();
    this.sender.close();
    await this.live.close();
  }

  private async dispatchLoop(): Promise<void> {
    while (!this.stopped) {
      // Fan-out and delivery fail separately: deliveries already queued go out whatever the new events do.
      const fanned = await this.dispatcher.fanOut().catch((error: unknown) => (this.report(error, "push fan-out round failed"), 0));
      const claimed = await this.dispatcher.deliverDue().catch((error: unknown) => (this.report(error, "push delivery round failed"), 0));
      const busy = fanned > 0 || claimed > 0;
      if (busy) this.databaseDown = false;
      if (this.stopped) break;
      // Busy: go again at once (a backlog drains at the speed receivers answer); otherwise wait for a nudge,
      // a send finishing (a slot is free), or the poll interval (events other instances wrote, retries due).
      if (!busy) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.config.push.pollMs);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.wake = done;
        });
        this.wake = undefined;
      }
    }
  }

  private report(error: unknown, message: string): void {
    if (isDatabaseUnavailable(error)) {
      if (!this.databaseDown) this.logger.warn("push paused: the database is unavailable; it resumes by itself");
      this.databaseDown = true;
      return;
    }
    this.logger.error({ errorName: (error as Error)?.name }, message);
  }
}
