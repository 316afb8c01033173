import net from "node:net";

/** Where the hub runs: production refuses loopback destinations (the hub's own machine). */
type HubEnv = "development" | "production" | "test";

/**
 * Whether the hub may connect to an address when it calls out (webhooks, agencies' key sets, identity
 * providers): never the unspecified, link-local (cloud metadata) or multicast ranges, loopback only on a
 * development or test hub; an IPv4 address carried inside an IPv6 one (mapped,
 * compatible, NAT64, 6to4) is judged as that IPv4 address. Checked on the address actually connected to, a
 * resolved name's or a literal's, so a name on the allow-list cannot be pointed at the hub's own machine.
 * Private ranges stay allowed: agencies' receivers often sit on government networks, and their hosts are
 * on the allow-list by name.
 */
export function addressAllowed(address: string, env: HubEnv): boolean {
  const version = net.isIP(address);
  if (version === 4) return ipv4Allowed(address.split(".").map(Number), env);
  if (version !== 6) return false;
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const prefixIs = (prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  const zeros = (n: number) => Array(n).fill(0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): the last four bytes.
  if (prefixIs([...zeros(10), 0xff, 0xff]) || (prefixIs(zeros(12)) && bytes.slice(12).some((b, i) => b !== 0 && !(i === 3 && b === 1))) || prefixIs([0, 0x64, 0xff, 0x9b, ...zeros(8)])) {
    return ipv4Allowed(bytes.slice(12), env);
  }
  // 2002:AABB:CCDD::/48 (6to4): the IPv4 address in bytes 2 to 5.
  if (prefixIs([0x20, 0x02])) return ipv4Allowed(bytes.slice(2, 6), env);
  if (bytes.every((b) => b === 0)) return false;
  if (prefixIs(zeros(15)) && bytes[15] === 1) return env !== "production";
  // fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast.
  if (bytes[0] === 0xfe && (bytes[1] & 0xc0) >= 0x80) return false;
  if (bytes[0] === 0xff) return false;
  return true;
}

function ipv4Allowed([a, b]: number[], env: HubEnv): boolean {
  if (a === 0 || (a === 169 && b === 254) || a >= 224) return false;
  if (a === 127) return env !== "production";
  return true;
}

/** The 16 bytes of an IPv6 address (with `::` and a trailing dotted IPv4 part), or undefined. */
function ipv6Bytes(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 1) return undefined;
  const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right].map((group) => parseInt(group, 16));
  if (groups.length !== 8 || groups.some((group) => Number.isNaN(group) || group < 0 || group > 0xffff)) return undefined;
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}
