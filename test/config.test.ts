import { ConfigError, loadConfig, parseDurationSeconds } from "../src/config/config";

describe("configuration", () => {
  it("has working defaults: port 4000, embedded database under ./data, demo data on", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: "development", port: 4000, databaseUrl: undefined, demoData: true });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.graphql.introspection).toBe(true);
    expect(Object.isFrozen(config.jwt)).toBe(true);
  });

  it("lists every problem at once", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", HUB_DEMO_DATA: "perhaps", HUB_JWT_MAX_LIFETIME: "forever" });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(":")[0]).sort()).toEqual(["DATABASE_URL", "HUB_DEMO_DATA", "HUB_JWT_MAX_LIFETIME", "PORT"]);
  });

  it("requires configured signing and PII keys in production and turns introspection off there", () => {
    expect(() => loadConfig({ HUB_ENV: "production" })).toThrow(/HUB_SIGNING_KEY_FILE/);
    expect(() => loadConfig({ HUB_ENV: "production" })).toThrow(/HUB_PII_KEY_FILE/);
    const keys = { HUB_SIGNING_KEY_FILE: "/etc/hub/key.pem", HUB_PII_KEY_FILE: "/etc/hub/pii.key" };
    const config = loadConfig({ HUB_ENV: "production", ...keys, NODE_ENV: "development" });
    expect(config.graphql.introspection).toBe(false);
    expect(loadConfig({ HUB_ENV: "production", ...keys, HUB_INTROSPECTION: "true" }).graphql.introspection).toBe(true);
  });

  it("loads no demo data in production, and refuses to be told to", () => {
    const keys = { HUB_SIGNING_KEY_FILE: "/etc/hub/key.pem", HUB_PII_KEY_FILE: "/etc/hub/pii.key" };
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ HUB_ENV: "production", ...keys }).demoData).toBe(false);
    expect(loadConfig({ HUB_ENV: "production", ...keys, HUB_DEMO_DATA: "false" }).demoData).toBe(false);
    expect(() => loadConfig({ HUB_ENV: "production", ...keys, HUB_DEMO_DATA: "true" })).toThrow(/HUB_DEMO_DATA: must be false when HUB_ENV=production/);
  });

  it("turns authorization off only for a benchmark, never in production", () => {
    const keys = { HUB_SIGNING_KEY_FILE: "/etc/hub/key.pem", HUB_PII_KEY_FILE: "/etc/hub/pii.key" };
    expect(loadConfig({}).benchAuthorizationOff).toBe(false);
    expect(loadConfig({ HUB_BENCH_AUTHORIZATION: "off" }).benchAuthorizationOff).toBe(true);
    expect(() => loadConfig({ HUB_ENV: "production", ...keys, HUB_BENCH_AUTHORIZATION: "off" })).toThrow(/HUB_BENCH_AUTHORIZATION: off is for benchmarks only/);
    expect(() => loadConfig({ HUB_BENCH_AUTHORIZATION: "false" })).toThrow(/HUB_BENCH_AUTHORIZATION/);
  });

  it("reads durations in seconds, minutes, hours and days", () => {
    expect([parseDurationSeconds("900"), parseDurationSeconds("15m"), parseDurationSeconds("8h"), parseDurationSeconds("1d")]).toEqual([900, 900, 28800, 86400]);
    expect(parseDurationSeconds("soon")).toBeUndefined();
  });

  it("reads the abnormal-patent withdrawal target as a share or a percentage, and refuses anything else", () => {
    expect(loadConfig({}).policy).toMatchObject({ abnormalPatentWithdrawalTarget: 0.9, abnormalPatentDeadlineDays: 30, trademarkExpiryAlertMonths: 6 });
    expect(loadConfig({ HUB_ABNORMAL_PATENT_WITHDRAWAL_TARGET: "95%" }).policy.abnormalPatentWithdrawalTarget).toBeCloseTo(0.95);
    expect(loadConfig({ HUB_ABNORMAL_PATENT_WITHDRAWAL_TARGET: "0.85" }).policy.abnormalPatentWithdrawalTarget).toBe(0.85);
    for (const bad of ["90", "0", "ninety"]) {
      expect(() => loadConfig({ HUB_ABNORMAL_PATENT_WITHDRAWAL_TARGET: bad })).toThrow(/HUB_ABNORMAL_PATENT_WITHDRAWAL_TARGET: expected a share such as 0.9 or 90%/);
    }
  });

  it("reads DATABASE_REPLICA_URLS only beside DATABASE_URL, as postgres URLs, and names a wrong one without repeating it", () => {
    const primary = "postgres://hub:secret@db-1:5432/hub";
    expect(loadConfig({}).db).toMatchObject({ replicaUrls: [], replicaMaxLagMs: 10_000, replicaPollMs: 200 });
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: " postgres://hub:secret@db-2:5432/hub, postgresql://db-3/hub," }).db.replicaUrls).toEqual(["postgres://hub:secret@db-2:5432/hub", "postgresql://db-3/hub"]);
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: "" }).db.replicaUrls).toEqual([]);
    // The embedded database has no replicas: set alone, it is a mistake to say, not a setting to ignore.
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgres://db-2/hub" })).toThrow(/DATABASE_REPLICA_URLS: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: primary })).toThrow(/DATABASE_REPLICA_URLS: names DATABASE_URL itself/);
    let error: ConfigError | undefined;
    try {
      loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: "postgres://db-2/hub,mysql://root:hunter2@db-3/hub" });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual(["DATABASE_REPLICA_URLS: expected comma-separated postgres:// or postgresql:// URLs (entry 2 is not one)"]);
    expect(error?.message).not.toMatch(/hunter2/);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: "postgres://db 2:x/hub" })).toThrow(/DATABASE_REPLICA_URLS: expected comma-separated postgres/);
  });

  it("bounds a replica's lag and its poll, the poll at most half the lag", () => {
    expect(loadConfig({ HUB_REPLICA_MAX_LAG_MS: "60000", HUB_REPLICA_POLL_MS: "1000" }).db).toMatchObject({ replicaMaxLagMs: 60_000, replicaPollMs: 1_000 });
    expect(() => loadConfig({ HUB_REPLICA_MAX_LAG_MS: "500" })).toThrow(/HUB_REPLICA_MAX_LAG_MS/);
    expect(() => loadConfig({ HUB_REPLICA_POLL_MS: "10" })).toThrow(/HUB_REPLICA_POLL_MS/);
    expect(() => loadConfig({ HUB_REPLICA_MAX_LAG_MS: "2000", HUB_REPLICA_POLL_MS: "1500" })).toThrow(/HUB_REPLICA_POLL_MS: at most half of HUB_REPLICA_MAX_LAG_MS/);
  });
});
