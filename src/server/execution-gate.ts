import { ServiceUnavailableError } from "../errors/errors";

/**
 * Bounds the work this process executes at once by its estimated cost (`query-cost.ts`: the objects an answer
 * may hold), so memory follows the gate and not the number of open connections. One process runs one
 * request's JavaScript at a time anyway: twenty directory pages executed side by side finish no sooner than
 * two at a time, but all twenty hold their rows, their result trees and their garbage at once (issue 20: the
 * hub's peak memory under the directory page was twice the floor's). Requests wait in arrival order;
 * one that waits longer than `maxWaitMs` is answered SERVICE_UNAVAILABLE (HTTP 503) instead of piling up. A
 * request costing more than the whole capacity runs alone. A request that fits while others wait still
 * queues behind them, so a large one is never starved by a stream of small ones.
 */
export class ExecutionGate {
  private inFlight = 0;
  private readonly waiting: Array<{ cost: number; admit: () => void }> = [];

  constructor(private readonly options: { capacity: number; maxWaitMs: number }) {}

  /** Waits for room for `cost`; answers the release, to call exactly once when the request's answer is made. */
  async enter(cost: number): Promise<() => void> {
    if (this.waiting.length === 0 && this.fits(cost)) return this.admitted(cost);
    return new Promise<() => void>((resolve, reject) => {
      const entry = {
        cost,
        admit: () => {
          clearTimeout(timer);
          resolve(this.admitted(cost));
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(new ServiceUnavailableError("The hub is busy; try again shortly."));
        // The request behind may fit where this one did not.
        this.admitWaiting();
      }, this.options.maxWaitMs);
      this.waiting.push(entry);
    });
  }

  /** Cost admitted and not yet released, and requests waiting: for metrics and tests. */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  private fits(cost: number): boolean {
    return this.inFlight === 0 || this.inFlight + cost <= this.options.capacity;
  }

  private admitted(cost: number): () => void {
    this.inFlight += cost;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= cost;
      this.admitWaiting();
    };
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0].cost)) this.waiting.shift()!.admit();
  }
}
