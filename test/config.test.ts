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
});
