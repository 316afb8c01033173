import dns from "node:dns";
import net, { type LookupFunction } from "node:net";
import { Agent } from "undici";
import type { HubConfig } from "../config/config";
import { addressAllowed } from "../domain/network-address";

/**
 * A DNS lookup that answers only addresses the hub may connect to (`addressAllowed`): a host name, however
 * it resolves, never leads to the hub's own machine in production, nor to link-local (cloud metadata),
 * unspecified or multicast addresses. For `http.request` and for undici's connector alike.
 */
export function guardedLookup(env: HubConfig["env"]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const allowed = (addresses as dns.LookupAddress[]).filter((entry) => addressAllowed(entry.address, env));
      if (allowed.length === 0) return callback(Object.assign(new Error("the host resolves to an address the hub does not connect to"), { code: "EADDRNOTALLOWED" }), "", 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/**
 * `fetch` for the URLs the hub fetches on an agency's behalf (a client system's `jwksUri`, an identity
 * provider's discovery, keys and token endpoint): the same as the global one, but connecting only to
 * addresses the hub may reach, a resolved name's or a literal's.
 */
export function outboundFetch(env: HubConfig["env"]): typeof fetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(env) } });
  return (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
    // An address literal is connected to without a lookup: it is checked here instead.
    if (net.isIP(host) && !addressAllowed(host, env)) return Promise.reject(new TypeError("fetch failed: the address is not one the hub connects to"));
    return fetch(input, { ...init, dispatcher } as RequestInit);
  };
}
