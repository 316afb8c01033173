import net from "node:net";
import { BadUserInputError } from "../errors/errors";
import type { HubConfig } from "../config/config";
import { addressAllowed } from "../domain/network-address";

export interface WebhookUrlRules {
  /** `HUB_WEBHOOK_ALLOWED_HOSTS`: exact host names or IP addresses, or `*.domain` for the hosts under a domain. */
  allowedHosts: readonly string[];
  env: HubConfig["env"];
}

const MAX_URL_LENGTH = 2048;

/** Whether `host` (lower case, no brackets) names this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const version = net.isIP(host);
  if (version === 4) return host.startsWith("127.");
  if (version === 6) return host === "::1" || host.startsWith("::ffff:127.");
  return false;
}

/** Whether the deployment lets the hub send to `host`: loopback on a development or test hub; otherwise only a host the allow-list names. */
export function hostAllowed(host: string, rules: WebhookUrlRules): boolean {
  if (isLoopbackHost(host)) return rules.env !== "production";
  return rules.allowedHosts.some((allowed) => (allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1 : host === allowed));
}

/**
 * A webhook URL as the hub stores it, or BAD_USER_INPUT naming `field`: https (plain http only on a
 * development or test hub, whose receivers run on loopback), no credentials or fragment, on an allowed host.
 */
export function parseWebhookUrl(text: string, field: string, rules: WebhookUrlRules): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH) throw new BadUserInputError(`The URL must be 1 to ${MAX_URL_LENGTH} characters.`, field);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new BadUserInputError("The URL is not a valid absolute URL.", field);
  }
  const plainHttpAllowed = rules.env !== "production";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && plainHttpAllowed)) {
    throw new BadUserInputError(plainHttpAllowed ? "The URL must be https (or http)." : "The URL must be https.", field);
  }
  if (url.username || url.password) throw new BadUserInputError("The URL must not carry credentials: verify the hub's signature instead.", field);
  if (url.hash) throw new BadUserInputError("The URL must not have a fragment.", field);
  const host = hostOf(url);
  if (net.isIP(host) && !addressAllowed(host, rules.env)) throw new BadUserInputError(`The address ${host} is not one the hub sends to.`, field);
  if (!hostAllowed(host, rules)) {
    throw new BadUserInputError(
      isLoopbackHost(host)
        ? "Loopback addresses receive webhooks only on a development hub."
        : `The host ${host} is not one this hub delivers to: the operator lists receivers' hosts in HUB_WEBHOOK_ALLOWED_HOSTS.`,
      field,
    );
  }
  return url.toString();
}

/** The URL's host in lower case, without an IPv6 literal's brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
}
