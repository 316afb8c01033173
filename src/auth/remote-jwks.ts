import type { PublicJwks } from "../entities/client-system.entity";
import { UnauthenticatedError } from "../errors/errors";
import type { Logger } from "../logging/logger";
import { jwksUriSchemeAllowed, parsePublicJwks } from "./public-jwks";

export interface RemoteJwksSettings {
  /** The whole fetch, headers and body, must finish within this (`HUB_JWKS_FETCH_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** A body larger than this is refused, whatever its Content-Length says. */
  readonly maxBytes: number;
  /** Freshness bounds: `Cache-Control: max-age` (less `Age`) or `Expires` is clamped to them. */
  readonly minTtlMs: number;
  readonly maxTtlMs: number;
  /** Freshness when the response says nothing about caching. */
  readonly defaultTtlMs: number;
  /** A token naming a `kid` the cached set lacks refetches the set, at most once in this long per URI. */
  readonly refreshIntervalMs: number;
  /** After a failed fetch, no other attempt for this long (the failure is answered from memory). */
  readonly retryAfterFailureMs: number;
  /** When a refetch fails, an expired set stays in use this long past its expiry (not after `no-store`). */
  readonly staleIfErrorMs: number;
  /** https only, unless this (outside production). */
  readonly allowHttp: boolean;
  /** URIs remembered at once; the least recently fetched is forgotten first. */
  readonly maxEntries: number;
}

export const DEFAULT_REMOTE_JWKS_SETTINGS: RemoteJwksSettings = {
  timeoutMs: 3_000,
  maxBytes: 64 * 1024,
  minTtlMs: 30_000,
  maxTtlMs: 24 * 3600_000,
  defaultTtlMs: 5 * 60_000,
  refreshIntervalMs: 30_000,
  retryAfterFailureMs: 5_000,
  staleIfErrorMs: 3600_000,
  allowHttp: false,
  maxEntries: 1_000,
};

/** What a client whose keys cannot be had is told: no URL, status or internal detail. */
const UNAVAILABLE = "The keys of this client system could not be fetched from its registered jwksUri, or are not valid; its agency should check what that URI serves.";

interface Entry {
  /** The last good set, validated. */
  jwks?: PublicJwks;
  /** The set is fresh until then. */
  expiresAt: number;
  /** After a failed refetch the expired set is still used until then (`expiresAt` under `no-store`). */
  staleUntil: number;
  /** When the last fetch started (0: never). */
  attemptedAt: number;
  /** Whether the last fetch failed. */
  failed: boolean;
  inFlight?: Promise<void>;
}

/** Why a fetch failed; logged, never shown to the caller. */
class FetchFailure extends Error {}

/**
 * Client systems' public keys fetched from their registered `jwksUri`: one cache for the whole hub, shared by
 * every request.
 *
 * A fetch is bounded in time (`timeoutMs` for headers and body together) and size (`maxBytes`, counted while
 * reading), never follows a redirect (a 3xx is a failure), and its body goes through the same validation as
 * an inline JWKS (public ES256 P-256 keys only, at most 5). A set is fresh for what `Cache-Control: max-age` or
 * `Expires` says, within `minTtlMs`..`maxTtlMs` (`no-store` and `no-cache` count as the minimum), else
 * `defaultTtlMs`. A token naming a `kid` the fresh set lacks refetches it early (an agency rotated its key), at
 * most once per `refreshIntervalMs` per URI, so a flood of made-up kids cannot hammer the agency's server.
 * Concurrent requests share one fetch per URI. When a refetch fails, an expired set is still used for
 * `staleIfErrorMs`; with no usable set the token is refused (UNAUTHENTICATED). Key material is never logged.
 */
export class RemoteJwksCache {
  private readonly settings: RemoteJwksSettings;
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    settings: Partial<RemoteJwksSettings> = {},
    /** `fetch`: how key sets are fetched (the hub's `outboundFetch`, which refuses internal addresses); the global one when absent. */
    private readonly options: { logger?: Logger; now?: () => Date; fetch?: typeof fetch } = {},
  ) {
    this.settings = { ...DEFAULT_REMOTE_JWKS_SETTINGS, ...settings };
    this.now = options.now ? () => options.now!().getTime() : () => Date.now();
  }

  /**
   * The keys published at `uri`, for a token whose header names `kid` (if any). Throws UNAUTHENTICATED when
   * there is no usable set.
   */
  async keys(uri: string, kid: string | undefined): Promise<PublicJwks> {
    const entry = this.entry(uri);
    const now = this.now();
    const fresh = entry.jwks !== undefined && now < entry.expiresAt;
    const unknownKid = fresh && kid !== undefined && !entry.jwks!.keys.some((key) => key.kid === kid);
    if (!fresh || unknownKid) {
      const since = now - entry.attemptedAt;
      const wait = unknownKid ? this.settings.refreshIntervalMs : entry.failed ? this.settings.retryAfterFailureMs : 0;
      if (entry.inFlight || entry.attemptedAt === 0 || since >= wait) await this.refresh(uri, entry);
    }
    const after = this.now();
    if (entry.jwks && (after < entry.expiresAt || after < entry.staleUntil)) return entry.jwks;
    throw new UnauthenticatedError(UNAVAILABLE);
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      if (this.entries.size >= this.settings.maxEntries) {
        for (const [key, candidate] of this.entries) {
          if (!candidate.inFlight) {
            this.entries.delete(key);
            break;
          }
        }
      }
      entry = { expiresAt: 0, staleUntil: 0, attemptedAt: 0, failed: false };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** One fetch per URI at a time; concurrent callers wait for the same one. Never throws. */
  private refresh(uri: string, entry: Entry): Promise<void> {
    if (!entry.inFlight) {
      entry.attemptedAt = this.now();
      entry.inFlight = this.download(uri)
        .then(
          ({ jwks, ttlMs, noStore }) => {
            const at = this.now();
            entry.jwks = jwks;
            entry.expiresAt = at + ttlMs;
            entry.staleUntil = noStore ? 0 : at + ttlMs + this.settings.staleIfErrorMs;
            entry.failed = false;
            // Most recently fetched last: eviction takes the oldest first.
            this.entries.delete(uri);
            this.entries.set(uri, entry);
          },
          (error: unknown) => {
            entry.failed = true;
            const reason = error instanceof FetchFailure ? error.message : "fetch failed";
            this.options.logger?.warn({ jwksUri: uri, reason, cachedSetInUse: entry.jwks !== undefined && this.now() < Math.max(entry.expiresAt, entry.staleUntil) }, "client system keys could not be fetched");
          },
        )
        .finally(() => {
          entry.inFlight = undefined;
        });
    }
    return entry.inFlight;
  }

  private async download(uri: string): Promise<{ jwks: PublicJwks; ttlMs: number; noStore: boolean }> {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw new FetchFailure("not a URL");
    }
    // A URI registered in development stays unusable in production.
    if (!jwksUriSchemeAllowed(url, this.settings.allowHttp)) throw new FetchFailure(`scheme ${url.protocol} not allowed`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    timer.unref?.();
    try {
      let response: Response;
      try {
        response = await (this.options.fetch ?? fetch)(url, { redirect: "manual", signal: controller.signal, headers: { accept: "application/jwk-set+json, application/json" } });
      } catch {
        throw new FetchFailure(controller.signal.aborted ? "timed out" : "connection failed");
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => {});
        throw new FetchFailure(response.status >= 300 && response.status < 400 ? `redirect (HTTP ${response.status}) refused` : `HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > this.settings.maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new FetchFailure(`body larger than ${this.settings.maxBytes} bytes`);
      }
      const text = await this.readCapped(response, controller.signal);
      let jwks: PublicJwks;
      try {
        jwks = parsePublicJwks(text, "jwksUri");
      } catch (error) {
        throw new FetchFailure(`not a JWKS of public ES256 keys (${(error as Error).message})`);
      }
      return { jwks, ...this.freshness(response.headers) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The body as text, refused as soon as it grows past `maxBytes`. */
  private async readCapped(response: Response, signal: AbortSignal): Promise<string> {
    if (!response.body) return "";
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.settings.maxBytes) {
          await reader.cancel().catch(() => {});
          throw new FetchFailure(`body larger than ${this.settings.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      throw new FetchFailure(signal.aborted ? "timed out" : "connection failed");
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  /** How long a set stays fresh, from the response's cache headers, within the bounds. */
  private freshness(headers: Headers): { ttlMs: number; noStore: boolean } {
    const { minTtlMs, maxTtlMs, defaultTtlMs } = this.settings;
    const clamp = (ms: number) => Math.min(maxTtlMs, Math.max(minTtlMs, ms));
    const directives = (headers.get("cache-control") ?? "")
      .toLowerCase()
      .split(",")
      .map((part) => part.trim());
    if (directives.includes("no-store")) return { ttlMs: minTtlMs, noStore: true };
    if (directives.includes("no-cache")) return { ttlMs: minTtlMs, noStore: false };
    const maxAge = directives.map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)).find(Boolean);
    if (maxAge) {
      const age = Number(/^\d+$/.exec(headers.get("age")?.trim() ?? "")?.[0] ?? 0);
      return { ttlMs: clamp((Number(maxAge[1]) - age) * 1000), noStore: false };
    }
    const expires = headers.get("expires");
    if (expires !== null) {
      const at = Date.parse(expires);
      const date = Date.parse(headers.get("date") ?? "");
      // An unreadable Expires means already expired.
      return { ttlMs: clamp(Number.isNaN(at) ? 0 : at - (Number.isNaN(date) ? this.now() : date)), noStore: false };
    }
    return { ttlMs: defaultTtlMs, noStore: false };
  }
}
