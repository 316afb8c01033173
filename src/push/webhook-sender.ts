import http from "node:http";
import https from "node:https";
import net from "node:net";
import { guardedLookup } from "../auth/outbound-fetch";
import { addressAllowed } from "../domain/network-address";
import { hostAllowed, hostOf, WebhookUrlRules } from "./webhook-url";

export interface SendLimits {
  connectTimeoutMs: number;
  /** The whole answer (as much of it as is read) must arrive within this, counted from the start of the request. */
  responseTimeoutMs: number;
}

/** What one attempt came to: a 2xx status, or why not in words (never the receiver's body). */
export interface SendOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  ms: number;
}

/** Bytes of a receiver's answer read at most: only its status matters. */
const RESPONSE_BYTES_READ = 4096;

/**
 * POSTs one webhook: redirects are not followed (a 3xx is a failure), the connection and the answer each
 * have a bound, at most 4 KB of the answer is read and the rest discarded, and the address connected to must
 * be one the deployment allows. Keep-alive connections are pooled per host, with few sockets per host, so
 * one slow receiver holds only its own sockets.
 */
export class WebhookSender {
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 8, maxFreeSockets: 2, timeout: 30_000 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 8, maxFreeSockets: 2, timeout: 30_000 }),
  };

  private readonly lookup;

  constructor(
    private readonly rules: WebhookUrlRules,
    private readonly limits: SendLimits,
  ) {
    this.lookup = guardedLookup(rules.env);
  }

  send(target: string, headers: Record<string, string>, body: string): Promise<SendOutcome> {
    const started = Date.now();
    const done = (ok: boolean, status: number | null, error: string | null): SendOutcome => ({ ok, status, error, ms: Date.now() - started });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return Promise.resolve(done(false, null, "the URL is not valid"));
    }
    // The allow-list may have changed since the subscription was made.
    const host = hostOf(url);
    if (!hostAllowed(host, this.rules)) return Promise.resolve(done(false, null, "the host is no longer allowed (HUB_WEBHOOK_ALLOWED_HOSTS)"));
    const env = this.rules.env;
    // An address literal is connected to without a lookup: it is checked here instead.
    if (net.isIP(host) && !addressAllowed(host, env)) return Promise.resolve(done(false, null, "the address is not one the hub sends to"));
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(responseTimer);
        clearTimeout(connectTimer);
        resolve(outcome);
      };
      const transport = url.protocol === "https:" ? https : http;
      const request = transport.request(url, {
        method: "POST",
        agent: url.protocol === "https:" ? this.agents.https : this.agents.http,
        lookup: this.lookup,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "appraisal-hub-webhooks" },
      });
      const responseTimer = setTimeout(() => {
        request.destroy();
        finish(done(false, null, `no answer within ${this.limits.responseTimeoutMs} ms`));
      }, this.limits.responseTimeoutMs);
      let connectTimer: NodeJS.Timeout | undefined;
      request.on("socket", (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => {
          request.destroy();
          finish(done(false, null, `could not connect within ${this.limits.connectTimeoutMs} ms`));
        }, this.limits.connectTimeoutMs);
        socket.once("connect", () => clearTimeout(connectTimer));
      });
      request.on("error", (error: NodeJS.ErrnoException) => finish(done(false, null, describeError(error))));
      request.on("response", (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          // Past the cap the answer is not wanted: the connection is dropped rather than drained.
          if (read > RESPONSE_BYTES_READ) response.destroy();
        });
        const settle = () => {
          if (status >= 200 && status < 300) finish(done(true, status, null));
          else finish(done(false, status, status >= 300 && status < 400 ? `answered ${status} (redirects are not followed)` : `answered ${status}`));
        };
        response.on("end", settle);
        response.on("close", settle);
        response.on("error", settle);
      });
      request.end(body);
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "connection reset";
    case "ENOTFOUND":
      return "the host name does not resolve";
    case "EADDRNOTALLOWED":
      return error.message;
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `the receiver's certificate is not valid (${error.code})`;
    default:
      return error.code ? `request failed (${error.code})` : "request failed";
  }
}
