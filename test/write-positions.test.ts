import Redis from "ioredis";
import { lsnKey, lsnOfKey, parseLsn } from "../src/db/lsn";
import { UNREACHABLE, WritePositions } from "../src/db/write-positions";
import { freePort } from "./support/hub-process";
import { redisAvailable, startRedis } from "./support/redis";

/**
 * Where each caller's last write ends (`db/write-positions.ts`), what read-your-writes on replicas rests on:
 * kept for a while, the greater of two positions winning, never lost to the memory bound, and shared between
 * instances through Redis; when Redis cannot say, a position no replica reaches. The routing itself runs
 * against real replicas in `read-replica.test.ts`.
 */
describe("write positions", () => {
  it("reads PostgreSQL's log positions and keeps their order in fixed-width keys", () => {
    expect(parseLsn("16/B374D848")).toBe(0x16b374d848n);
    expect(parseLsn("0/0")).toBe(0n);
    expect([parseLsn(null), parseLsn("16-B3"), parseLsn("1/123456789")]).toEqual([undefined, undefined, undefined]);
    const keys = [parseLsn("9/FF")!, parseLsn("A/0")!, parseLsn("10/1")!].map(lsnKey);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.map(lsnOfKey)).toEqual([0x9000000ffn, 0xa00000000n, 0x1000000001n]);
    expect(lsnOfKey(lsnKey(UNREACHABLE))).toBe(UNREACHABLE);
  });

  it("keeps a caller's greatest recent position for its time to live", async () => {
    let now = 1_000;
    const positions = new WritePositions(10_000, undefined, { now: () => now });
    await positions.record("client:XY-COURT/default", 500n);
    await positions.record("client:XY-COURT/default", 300n);
    expect(positions.local("client:XY-COURT/default")).toBe(500n);
    expect(positions.local("client:XY-AMR/default")).toBeUndefined();
    now += 10_001;
    expect(positions.local("client:XY-COURT/default")).toBeUndefined();
  });

  it("still holds the write of a caller pushed out by the memory bound, for every caller, until it would have expired", async () => {
    let now = 0;
    const positions = new WritePositions(10_000, undefined, { maxEntries: 2, now: () => now });
    await positions.record("a", 900n);
    now = 1_000;
    await positions.record("b", 100n);
    await positions.record("c", 200n);
    // "a" was pushed out: its position now stands for whoever is not known better.
    expect([positions.local("a"), positions.local("b"), positions.local("c"), positions.local("d")]).toEqual([900n, 900n, 900n, 900n]);
    now = 10_001;
    expect([positions.local("a"), positions.local("b"), positions.local("d")]).toEqual([undefined, 100n, undefined]);
  });

  it("counts a caller's position as unreachable when Redis cannot say, and records without failing", async () => {
    const redis = new Redis(`redis://127.0.0.1:${await freePort()}`, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on("error", () => {});
    try {
      const positions = new WritePositions(10_000, redis);
      await expect(positions.record("a", 5n)).resolves.toBeUndefined();
      expect(positions.local("a")).toBe(5n);
      expect(await positions.remote("a")).toBe(UNREACHABLE);
    } finally {
      redis.disconnect();
    }
  });

  (redisAvailable() ? it : it.skip)("shares positions between instances through Redis, the greater one winning, without the caller's key", async () => {
    const server = await startRedis();
    const clients = [new Redis(server.url), new Redis(server.url)];
    try {
      const [one, two] = clients.map((redis) => new WritePositions(10_000, redis));
      await one.record("person:XY-COURT:zhang.san", 0x2000n);
      await two.record("person:XY-COURT:zhang.san", 0x1000n);
      expect(await two.remote("person:XY-COURT:zhang.san")).toBe(0x2000n);
      expect(await one.remote("person:XY-COURT:li.si")).toBeUndefined();
      const keys = await clients[0].keys("*");
      expect(keys).toHaveLength(1);
      expect(keys[0]).not.toMatch(/zhang/);
      expect(await clients[0].pttl(keys[0])).toBeGreaterThan(9_000);
    } finally {
      for (const redis of clients) redis.disconnect();
      server.stop();
    }
  });
});
