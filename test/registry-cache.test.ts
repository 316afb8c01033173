import { RegistryCache } from "../src/auth/registry-cache";
import type { RegisteredCaller } from "../src/auth/token";

/** The registry rows tokens are checked against, kept for a bounded time (issue 20). */
const caller = (code: string) => ({ agency: { code, active: true }, client: { name: "default", active: true } }) as unknown as RegisteredCaller;

function counting(answer: (code: string) => Promise<RegisteredCaller | undefined>) {
  const reads: string[] = [];
  return { reads, lookup: (code: string, client: string) => (reads.push(`${code}/${client}`), answer(code)) };
}

it("reads a caller once per interval, shares a read in flight, and reads again once it has passed", async () => {
  let now = 1_000;
  const { reads, lookup } = counting(async (code) => caller(code));
  const cache = new RegistryCache(lookup, { ttlMs: 5_000, maxEntries: 10, now: () => now });
  await Promise.all([cache.get("XY-COURT", "default"), cache.get("XY-COURT", "default")]);
  await cache.get("XY-COURT", "default");
  expect(reads).toEqual(["XY-COURT/default"]);
  now += 5_001;
  await cache.get("XY-COURT", "default");
  expect(reads).toHaveLength(2);
  cache.clear();
  await cache.get("XY-COURT", "default");
  expect(reads).toHaveLength(3);
});

it("remembers unknown callers too, keeps at most maxEntries, and forgets a failed read", async () => {
  let fail = false;
  const { reads, lookup } = counting(async (code) => {
    if (fail) throw new Error("database down");
    return code.startsWith("X") ? caller(code) : undefined;
  });
  const cache = new RegistryCache(lookup, { ttlMs: 60_000, maxEntries: 2 });
  expect(await cache.get("NOBODY", "default")).toBeUndefined();
  expect(await cache.get("NOBODY", "default")).toBeUndefined();
  expect(reads).toEqual(["NOBODY/default"]);
  await cache.get("XA", "default");
  await cache.get("XB", "default"); // the oldest, NOBODY, is dropped
  await cache.get("NOBODY", "default");
  expect(reads.filter((r) => r === "NOBODY/default")).toHaveLength(2);
  fail = true;
  await expect(cache.get("XC", "default")).rejects.toThrow("database down");
  fail = false;
  expect((await cache.get("XC", "default"))?.agency.code).toBe("XC");
});

it("reads on every request with a ttl of 0", async () => {
  const { reads, lookup } = counting(async (code) => caller(code));
  const cache = new RegistryCache(lookup, { ttlMs: 0, maxEntries: 10 });
  await cache.get("XY-COURT", "default");
  await cache.get("XY-COURT", "default");
  expect(reads).toHaveLength(2);
});
