import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logging/logger";
import { Lsn, lsnKey, lsnOfKey } from "./lsn";

/** A position no replica reaches: what a caller's write counts as when its position could not be read. */
export const UNREACHABLE: Lsn = (1n << 64n) - 1n;

/** How long a call to Redis may take before the position counts as unknown (and the read goes to the primary). */
const REDIS_TIMEOUT_MS = 250;

/** Atomically keeps the greater of the stored position and the new one (fixed-width hex compares as strings). */
const KEEP_GREATER = `local current = redis.call('GET', KEYS[1])
if current and current >= ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])`;

/**
 * Where in the primary's log each caller's last write ends, for `ttlMs` after it (read-your-writes): in this
 * instance's memory, and, when the hub has Redis, in Redis too (like GitLab's "sticky" write positions), so
 * that another instance sends the caller's reads to the primary as well until a replica has replayed it.
 *
 * Fails closed: a position that cannot be read from Redis counts as one no replica has replayed. At most
 * `maxEntries` callers are kept in memory; the write of one pushed out early still holds, for every caller,
 * until it would have expired. Callers are kept under a hash of their key (no subject or address in Redis).
 */
export class WritePositions {
  private readonly entries = new Map<string, { lsn: Lsn; until: number }>();
  /** The greatest position pushed out before it expired, and until when it holds for everyone. */
  private floor: { lsn: Lsn; until: number } | undefined;
  private redisDown = false;

  constructor(
    private readonly ttlMs: number,
    private readonly redis: Redis | undefined,
    private readonly options: { logger?: Logger; maxEntries?: number; now?: () => number } = {},
  ) {}

  /** Whether positions are shared with other instances (through Redis). */
  get shared(): boolean {
    return this.redis !== undefined;
  }

  /** Records that `caller` wrote up to `lsn`: in memory at once, then in Redis. Never throws. */
  async record(caller: string, lsn: Lsn): Promise<void> {
    const key = keyOf(caller);
    const now = this.now();
    const known = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, { lsn: known && known.until > now && known.lsn > lsn ? known.lsn : lsn, until: now + this.ttlMs });
    this.trim(now);
    if (!this.redis) return;
    await this.withRedis((redis) => redis.eval(KEEP_GREATER, 1, `hub_ryw:${key}`, lsnKey(lsn), String(this.ttlMs)), undefined);
  }

  /** `caller`'s last write position as this instance knows it; undefined when it wrote none lately. */
  local(caller: string): Lsn | undefined {
    const now = this.now();
    const entry = this.entries.get(keyOf(caller));
    const own = entry && entry.until > now ? entry.lsn : undefined;
    const floor = this.floor && this.floor.until > now ? this.floor.lsn : undefined;
    return own === undefined ? floor : floor === undefined || own > floor ? own : floor;
  }

  /** `caller`'s last write position as Redis knows it (any instance's); `UNREACHABLE` when Redis cannot say. */
  async remote(caller: string): Promise<Lsn | undefined> {
    if (!this.redis) return undefined;
    return this.withRedis(async (redis) => {
      const stored = await redis.get(`hub_ryw:${keyOf(caller)}`);
      return stored === null ? undefined : (lsnOfKey(stored) ?? UNREACHABLE);
    }, UNREACHABLE);
  }

  private async withRedis<T>(call: (redis: Redis) => Promise<T>, otherwise: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("redis timeout")), REDIS_TIMEOUT_MS)));
      const result = await Promise.race([call(this.redis!), late]);
      this.redisDown = false;
      return result;
    } catch (error) {
      // Said once per outage: meanwhile every lag-tolerant read of a caller whose position is unknown reads the primary.
      if (!this.redisDown) this.options.logger?.warn({ errorName: (error as Error)?.name }, "redis unavailable; reads tolerating lag go to the primary meanwhile");
      this.redisDown = true;
      return otherwise;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops expired entries from the oldest; past `maxEntries`, pushes out the oldest live ones into the floor. */
  private trim(now: number): void {
    const max = this.options.maxEntries ?? 10_000;
    for (const [key, entry] of this.entries) {
      if (entry.until > now && this.entries.size <= max) break;
      this.entries.delete(key);
      if (entry.until <= now) continue;
      const floor = this.floor && this.floor.until > now ? this.floor : undefined;
      this.floor = floor ? { lsn: floor.lsn > entry.lsn ? floor.lsn : entry.lsn, until: Math.max(floor.until, entry.until) } : entry;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** A caller's key as kept: a digest, so Redis holds no person's subject or address. */
function keyOf(caller: string): string {
  return createHash("sha256").update(caller).digest("base64url").slice(0, 22);
}
