import type { CallerLookup, RegisteredCaller } from "./token";

/**
 * The registry rows a token is checked against (agency and client system: active or not, kind, region,
 * scopes allowed, keys), kept per client system for at most `ttlMs`, so a busy caller costs the database one
 * lookup per interval instead of one per request. A change made on this instance (`clear`, called by the
 * command runner once a registry write commits) takes effect at once; one made on another instance or from
 * the command line, within `ttlMs`. Unknown callers are remembered too (a flood of made-up subjects is not a
 * flood of queries), and at most `maxEntries` callers are kept, the oldest dropped first. A lookup that
 * fails (the database down) is not kept.
 */
export class RegistryCache {
  private readonly entries = new Map<string, { caller: Promise<RegisteredCaller | undefined>; until: number }>();

  constructor(
    private readonly lookup: CallerLookup,
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number },
  ) {}

  readonly get: CallerLookup = (agencyCode, clientName) => {
    if (this.options.ttlMs <= 0) return this.lookup(agencyCode, clientName);
    const now = this.options.now?.() ?? Date.now();
    const key = `${agencyCode}/${clientName}`;
    const kept = this.entries.get(key);
    if (kept && kept.until > now) return kept.caller;
    // Kept from the start of the read: callers arriving meanwhile share it, and a `clear` meanwhile drops it.
    const caller = this.lookup(agencyCode, clientName);
    this.entries.delete(key);
    this.entries.set(key, { caller, until: now + this.options.ttlMs });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    caller.catch(() => {
      if (this.entries.get(key)?.caller === caller) this.entries.delete(key);
    });
    return caller;
  };

  /** Forgets every kept row: a registry write committed on this instance. */
  clear(): void {
    this.entries.clear();
  }
}
