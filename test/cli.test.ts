import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { createDataSource } from "../src/db/data-source";
import { createTestDatabase } from "./support/test-database";

/**
 * The `hub` command as a user runs it: the compiled CLI (npm test builds it first) in a child process,
 * against PGlite in a temporary data directory, or a fresh database on the TEST_DATABASE_URL server.
 */
const CLI = path.join(__dirname, "..", "bin", "hub.js");
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-cli-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function hub(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, HUB_DATA_DIR: dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("hub command", () => {
  it("lists its commands with --help, and each command has its own help", () => {
    const help = hub(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "token", "audit", "schema"]) expect(help.stdout).toContain(command);
    expect(hub(["token", "--help"]).stdout).toContain("--expires-in");
    expect(hub(["audit", "verify", "--help"]).code).toBe(0);
  });

  it("migrates and seeds the demo data idempotently", () => {
    expect(hub(["migrate"]).stdout).toMatch(/applied: Foundation\d+, Directory\d+/);
    expect(hub(["seed", "--demo"]).stdout).toBe("demo data: 11 agencies, 9 institutions, 14 appraisers created\n");
    expect(hub(["seed", "--demo"]).stdout).toBe("demo data: 0 agencies, 0 institutions, 0 appraisers created\n");
  });

  it("prints a token and nothing else on stdout", () => {
    const { code, stdout, stderr } = hub(["token", "--agency", "XY-COURT", "--expires-in", "15m"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = decodeJwt(stdout.trim());
    expect(claims.sub).toBe("XY-COURT/default");
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
  });

  it("refuses a token for an unknown agency or a scope the client system may not carry, in one line", () => {
    const unknown = hub(["token", "--agency", "NOPE"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    const scope = hub(["token", "--agency", "XY-COURT", "--scopes", "pii:read"]);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toMatch(/scopes not allowed .*pii:read/);
    expect(hub(["token", "--agency", "XY-AMR", "--scopes", "pii:read"]).code).toBe(0);
  });

  it("verifies the audit chain, and exits 3 when it is broken", async () => {
    const intact = hub(["audit", "verify"]);
    expect(intact.code).toBe(0);
    // 11 agencies and their client systems, 9 institutions, 14 appraisers
    expect(intact.stdout).toMatch(/^audit chain intact: 45 entries; head 45 [0-9a-f]{64}\n$/);
    // Tamper as a superuser would, through the same database the CLI uses (it has exited, so PGlite is free).
    const target = database.url ? database.target : ({ kind: "pglite", dataDir: path.join(dataDir, "pglite") } as const);
    const dataSource = await createDataSource(target).initialize();
    await dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    await dataSource.query(`UPDATE audit_events SET entity_id = 'forged' WHERE seq = 7`);
    await dataSource.destroy();
    const broken = hub(["audit", "verify"]);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(/BROKEN at entry 7: CONTENT_CHANGED/);
  });

  it("says in one line why it cannot reach a database, without a stack trace", () => {
    const res = hub(["migrate"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe("hub: cannot connect to PostgreSQL at 127.0.0.1:1/nowhere: connection refused (is PostgreSQL running?)\n");
  });

  it("lists every configuration problem at once", () => {
    const res = hub(["migrate"], { PORT: "x", HUB_ENV: "staging" });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/configuration problems:\n  - HUB_ENV: .*\n  - PORT: /);
  });
});
