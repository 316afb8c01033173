import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { createTestDatabase } from "./support/test-database";
import { patentCheckCharacter } from "../src/domain/identifiers";
import { creditCodeFor } from "./support/directory";
import { freePort, runHub, startHubProcess, withHubDatabase } from "./support/hub-process";

/**
 * The `hub` command as a user runs it: the compiled CLI (npm test builds it first) in a child process,
 * against PGlite in a temporary data directory, or a fresh database on the TEST_DATABASE_URL server.
 * Commands that cannot affect each other run at once: those that stop before they open the database, and
 * those that change nothing in it (on PGlite each on its own copy of the data directory, `beside()`).
 */
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const copies: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-cli-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
  for (const dir of [dataDir, ...copies]) fs.rmSync(dir, { recursive: true, force: true });
});

function hub(args: string[], env: Record<string, string> = {}, options: { dataDir?: string; embedded?: boolean } = {}) {
  return runHub(args, { PATH: process.env.PATH, HUB_DATA_DIR: options.dataDir ?? dataDir, ...(database.url && !options.embedded ? { DATABASE_URL: database.url } : {}), ...env }, 60_000);
}

/**
 * A data directory for a command that runs while another runs on `dataDir`, holding the same data: on PGlite
 * a copy of it (one process at a time may open an embedded database), on a server the same directory (the
 * keys) and the same database.
 */
function beside(): string {
  if (database.url) return dataDir;
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "hub-cli-copy-"));
  copies.push(copy);
  fs.cpSync(dataDir, copy, { recursive: true });
  return copy;
}

/** The line every command that uses the database (on `dir` when embedded) prints on stderr first. */
function databaseLine(dir = dataDir): string {
  if (!database.url) return `hub: database: PGlite at ${path.join(dir, "pglite")}\n`;
  const url = new URL(database.url);
  return `hub: database: PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}\n`;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String);
}

describe("a command run against a directory that holds no hub", () => {
  let empty: string;
  beforeEach(() => (empty = fs.mkdtempSync(path.join(os.tmpdir(), "hub-cli-empty-"))));
  afterEach(() => fs.rmSync(empty, { recursive: true, force: true }));
  const missing = () => `hub: no hub database at ${path.join(empty, "pglite")}; run \`hub init\` or \`hub serve\` first (or set HUB_DATA_DIR to the hub's data directory, or DATABASE_URL)\n`;

  it("exports nothing, says in one line which database is missing, and creates no file", async () => {
    expect(await hub(["export", "institutions"], {}, { dataDir: empty, embedded: true })).toEqual({ code: 1, stdout: "", stderr: missing() });
    expect(listFiles(empty)).toEqual([]);
  });

  it("issues no token, says in one line which database is missing, and makes no key", async () => {
    expect(await hub(["token", "--agency", "XY-COURT"], {}, { dataDir: empty, embedded: true })).toEqual({ code: 1, stdout: "", stderr: missing() });
    expect(listFiles(empty)).toEqual([]);
  });
});

describe("hub command", () => {
  it("lists its commands with --help, and each command has its own help", async () => {
    const [help, token, audit] = await Promise.all([hub(["--help"]), hub(["token", "--help"]), hub(["audit", "verify", "--help"])]);
    expect(help.code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "token", "audit", "schema"]) expect(help.stdout).toContain(command);
    expect(token.stdout).toContain("--expires-in");
    expect(audit.code).toBe(0);
  });

  it("creates an embedded database and keys only with hub init (or serve), then migrates and seeds the demo data idempotently", async () => {
    const noData = { HUB_DEMO_DATA: "false" };
    // Seeding stops at the missing PII key or database before it touches the database: it runs beside migrate.
    const [firstMigrate, firstSeed] = await Promise.all([hub(["migrate"]), hub(["seed", "--demo"])]);
    if (database.url) {
      // The server's database exists: migrate works as before; seeding needs the PII key, which only init makes.
      expect(firstMigrate.stdout).toMatch(/applied: Foundation\d+, Directory\d+/);
      expect(firstMigrate.stderr).toBe(databaseLine());
      expect(firstSeed).toMatchObject({ code: 1, stderr: `hub: no PII key at ${path.join(dataDir, "keys", "pii.key")}; run \`hub init\` or \`hub serve\` first, or set HUB_PII_KEY_FILE (\`hub keys generate\` makes one)\n` });
    } else {
      for (const result of [firstMigrate, firstSeed]) {
        expect(result).toEqual({ code: 1, stdout: "", stderr: `hub: no hub database at ${path.join(dataDir, "pglite")}; run \`hub init\` or \`hub serve\` first (or set HUB_DATA_DIR to the hub's data directory, or DATABASE_URL)\n` });
      }
    }
    expect(listFiles(dataDir)).toEqual([]);
    const init = await hub(["init"], noData);
    expect(init.code).toBe(0);
    expect(init.stderr).toBe(databaseLine());
    expect(init.stdout).toMatch(new RegExp(`^signing key: ${path.join(dataDir, "keys", "hub-signing-key.jwk.json")} \\(made\\)\nPII key: ${path.join(dataDir, "keys", "pii.key")} \\(made\\)\n`));
    expect(init.stdout).toMatch(database.url ? /no pending migrations\nempty database \(HUB_DEMO_DATA=false\)\n$/ : /migrations applied: Foundation\d+, Directory\d+.*\nempty database \(HUB_DEMO_DATA=false\)\n$/);
    expect(fs.statSync(path.join(dataDir, "keys", "pii.key")).mode & 0o777).toBe(0o600);
    // Neither changes the database now, so they run at once.
    const migrateDir = beside();
    const [again, migrated] = await Promise.all([hub(["init"], noData), hub(["migrate"], {}, { dataDir: migrateDir })]);
    expect(again.stdout).toMatch(/\(kept\)\nPII key: .*\(kept\)\nno pending migrations\nempty database/);
    expect(migrated).toEqual({ code: 0, stdout: "no pending migrations\n", stderr: databaseLine(migrateDir) });
    expect((await hub(["seed", "--demo"])).stdout).toBe("demo data: 14 agencies, 9 institutions, 14 appraisers, 3 cases created\n");
    expect((await hub(["seed", "--demo"])).stdout).toBe("demo data: 0 agencies, 0 institutions, 0 appraisers, 0 cases created\n");
  });

  it("prints a token and nothing else on stdout", async () => {
    // A bureau's client system may carry pii:read.
    const { code, stdout, stderr } = await hub(["token", "--agency", "XY-AMR", "--scopes", "pii:read", "--expires-in", "15m"]);
    expect(code).toBe(0);
    expect(stderr).toBe(databaseLine());
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = decodeJwt(stdout.trim());
    expect(claims.sub).toBe("XY-AMR/default");
    expect(claims.scope).toBe("pii:read");
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
  });

  it("refuses a token for an unknown agency or a scope the client system may not carry, in one line", async () => {
    const [unknown, scope] = await Promise.all([hub(["token", "--agency", "NOPE"]), hub(["token", "--agency", "XY-COURT", "--scopes", "pii:read"], {}, { dataDir: beside() })]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toBe(`${databaseLine()}hub: no client system default of agency NOPE in the registry\n`);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toMatch(/scopes not allowed .*pii:read/);
  });

  it("verifies the audit chain, and exits 3 when it is broken", async () => {
    const intact = await hub(["audit", "verify"]);
    expect(intact.code).toBe(0);
    // 14 agencies and their client systems, 9 institutions, 14 appraisers; then 3 cases, 11 steps,
    // 3 feedback items, 1 complaint and its 3 handling steps, 2 inspections, 1 collaboration and 2 events,
    // 4 credit records, the 2 shares of the serious one and the removal it proposed, 1 positive record, 1
    // appraiser's suspension, 1 association's sanction, 1 circular and 1 typical case (89); 2 abnormal-patent
    // batch imports, 33 handling steps and the escalation's credit record, 5 marks placed under custody, 3 alerts
    // and 1 handling step (45); last month's report 信阳 filed (1)
    expect(intact.stdout).toMatch(/^audit log intact: 135 entries, 0 signed tree heads; head 135 [0-9a-f]{64}\n$/);
    // Tamper as a superuser would, through the same database the CLI uses (it has exited, so PGlite is free).
    await withHubDatabase(database, dataDir, async (query) => {
      await query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
      await query(`UPDATE audit_events SET entity_id = 'forged' WHERE seq = 7`);
    });
    const broken = await hub(["audit", "verify"]);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(/BROKEN at entry 7: CONTENT_CHANGED/);
  });

  it("exports what an agency may see, as JSON or as CSV with a BOM", async () => {
    const [json, publicCsv] = await Promise.all([hub(["export", "institutions", "--format", "json", "--agency", "XX-COURT"]), hub(["export", "institutions"], {}, { dataDir: beside() })]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout);
    expect(rows.map((r: any) => r.listingStatus).sort()).toEqual(["LISTED", "LISTED", "LISTED", "REMOVED", "SUSPENDED"]);
    expect(publicCsv.stdout.startsWith("\ufeff名称,统一社会信用代码")).toBe(true);
    expect(publicCsv.stdout.trim().split("\r\n")).toHaveLength(4);
  });

  it("exports a bureau's credit exchange as .xlsx, and with --state only what changed since the last run", async () => {
    const state = path.join(dataDir, "credit.watermark");
    const file = path.join(dataDir, "credit.xlsx");
    const first = await hub(["export", "credit", "--agency", "XY-AMR", "--format", "xlsx", "--out", file, "--state", state]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\d+ credit record\(s\); watermark \d{4}-\d{2}-\d{2}T[\d:.]+Z \(the next --updated-since\)\n$/);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    const watermark = fs.readFileSync(state, "utf8").trim();
    const again = await hub(["export", "credit", "--agency", "XY-AMR", "--format", "json", "--state", state]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).rows).toEqual([]);
    expect(again.stderr).toContain(`0 credit record(s) changed since ${watermark}`);
    const refused = await Promise.all([hub(["export", "credit", "--agency", "XY-COURT"]), hub(["export", "credit"]), hub(["export", "credit", "--agency", "XY-AMR", "--format", "xlsx"])]);
    expect(refused.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(refused[0].stderr).toContain("hub: You are not allowed to do this.");
  });

  it("makes a bureau's monthly report as .xlsx and as a page to print, and refuses another region's", async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const xlsx = path.join(dataDir, "monthly.xlsx");
    const html = path.join(dataDir, "monthly.html");
    const [made, page, refused] = await Promise.all([
      hub(["report", "monthly", "--agency", "XY-AMR", "--month", month, "--out", xlsx]),
      hub(["report", "monthly", "--agency", "XY-AMR", "--month", month, "--format", "html", "--out", html], {}, { dataDir: beside() }),
      hub(["report", "monthly", "--agency", "XX-AMR", "--region", "411500", "--month", month, "--out", path.join(dataDir, "nope.xlsx")], {}, { dataDir: beside() }),
    ]);
    expect(made.code).toBe(0);
    expect(made.stderr).toMatch(new RegExp(`信阳市（411500） ${month}: \\d+ case\\(s\\) entrusted`));
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    expect(page.code).toBe(0);
    expect(fs.readFileSync(html, "utf8")).toContain("信阳市知识产权鉴定监管月报");
    expect(refused.code).toBe(1);
    expect(fs.existsSync(path.join(dataDir, "nope.xlsx"))).toBe(false);
  });

  it("imports with a per-row report, and exits 2 when rows were rejected", async () => {
    const file = path.join(dataDir, "institutions.csv");
    fs.writeFileSync(file, `名称,统一社会信用代码,行政区划代码,技术领域\n甲,91411500MA45XXXX0Y,411500,专利\n乙,91411500MA9F3K2L21,411500,专利；商标\n`);
    // Neither the dry run nor the refused import writes anything.
    const [dry, court, missing] = await Promise.all([
      hub(["import", "institutions", file, "--agency", "XY-AMR", "--dry-run"]),
      hub(["import", "institutions", file, "--agency", "XY-COURT"], {}, { dataDir: beside() }),
      hub(["import", "institutions", path.join(dataDir, "missing.csv"), "--agency", "XY-AMR"]),
    ]);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toBe(
      "institutions: 2 rows read (utf-8); 0 would be created, 1 would be updated, 0 unchanged, 1 rejected (dry run: nothing written)\n" +
        "row 2, column 统一社会信用代码: The check character of the unified social credit code is wrong.\n",
    );
    expect(court.stdout).toMatch(/0 were created, 0 were updated, 0 unchanged, 2 rejected/);
    expect(missing.stderr).toBe(`hub: cannot read ${path.join(dataDir, "missing.csv")}\n`);
  });

  it("imports a 500-item abnormal-patent batch in one command with a report, and changes nothing the second time", async () => {
    const check = (first12: string) => `${first12}.${patentCheckCharacter(first12)}`;
    const counties = ["411502", "411521", "411525", "410702", "410783"];
    const rows = Array.from({ length: 500 }, (_, i) => {
      const region = counties[i % counties.length];
      const number = check(`20252${String(100000 + i).padStart(7, "0")}`);
      return [number, "实用新型", `申请人${i}`, creditCodeFor(region, 5000 + i), "测试专利代理事务所", "41199", region];
    });
    rows[99][0] = rows[99][0].replace(/\.(.)$/, (_, c) => `.${c === "1" ? "2" : "1"}`);
    rows[199][1] = "外观设计";
    rows[299][6] = "999999";
    const file = path.join(dataDir, "abnormal-patents.csv");
    const header = "申请号,专利类型,申请人,申请人统一社会信用代码,代理机构,代理机构代码,申请人行政区划代码";
    fs.writeFileSync(file, [header, ...rows.map((r) => r.join(","))].join("\n"));
    const args = ["import", "abnormal-patents", file, "--batch", "2025年第7批", "--agency", "HA-AMR"];
    const [first, noBatch] = await Promise.all([hub(args), hub(["import", "abnormal-patents", file, "--agency", "HA-AMR"])]);
    expect(first.code).toBe(2);
    expect(first.stdout).toBe(
      "abnormal patents (2025年第7批): 500 rows read (utf-8); 497 were created, 0 were updated, 0 unchanged, 3 rejected\n" +
        "row 101, column 申请号: The check character of the patent application number is wrong.\n" +
        "row 201, column 专利类型: patentType does not match the type digit of the application number.\n" +
        "row 301, column 申请人行政区划代码: The region code is not in the hub's region table.\n",
    );
    expect(noBatch.stderr).toBe("hub: --batch is required for importing abnormal-patents, e.g. --batch 2024年第3批\n");
    // A city bureau's batch is refused before anything is written.
    const cityDir = beside();
    const [second, city] = await Promise.all([hub(args), hub(["import", "abnormal-patents", file, "--batch", "2025年第8批", "--agency", "XY-AMR"], {}, { dataDir: cityDir })]);
    expect(second.stdout).toMatch(/^abnormal patents \(2025年第7批\): 500 rows read \(utf-8\); 0 were created, 0 were updated, 497 unchanged, 3 rejected\n/);
    expect(city).toMatchObject({ code: 1, stderr: `${databaseLine(cityDir)}hub: ${file}: Batches are imported by market-regulation bureaus at province level or above.\n` });
  });

  it("says in one line why it cannot reach a database, without a stack trace", async () => {
    const res = await hub(["migrate"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe("hub: database: PostgreSQL at 127.0.0.1:1/nowhere\nhub: cannot connect to PostgreSQL at 127.0.0.1:1/nowhere: connection refused (is PostgreSQL running?)\n");
  });

  it("never issues a token without the hub's signing key, and never makes one", async () => {
    const key = path.join(dataDir, "keys", "hub-signing-key.jwk.json");
    fs.renameSync(key, `${key}.away`);
    try {
      const res = await hub(["token", "--agency", "XY-COURT"]);
      expect(res).toEqual({ code: 1, stdout: "", stderr: `hub: no signing key at ${key}; run \`hub init\` or \`hub serve\` first, or set HUB_SIGNING_KEY_FILE (\`hub keys generate\` makes one)\n` });
      expect(fs.existsSync(key)).toBe(false);
    } finally {
      fs.renameSync(`${key}.away`, key);
    }
  });

  it("makes production keys with keys generate, mode 0600, never overwriting them, and prints the settings", async () => {
    const out = path.join(dataDir, "production-keys");
    const made = await hub(["keys", "generate", "--out", out]);
    expect(made.code).toBe(0);
    const signing = path.join(out, "hub-signing-key.pem");
    const pii = path.join(out, "hub-pii.key");
    expect(made.stdout).toBe(`HUB_SIGNING_KEY_FILE=${signing}\nHUB_PII_KEY_FILE=${pii}\n`);
    expect(fs.readFileSync(signing, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(Buffer.from(fs.readFileSync(pii, "utf8"), "base64")).toHaveLength(32);
    for (const file of [signing, pii]) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Or to the files the settings (or --signing-key and --pii-key) name.
    const named = { HUB_SIGNING_KEY_FILE: path.join(out, "named", "signing.pem"), HUB_PII_KEY_FILE: path.join(out, "named", "pii.key") };
    const [fromSettings, fromFlags] = await Promise.all([
      hub(["keys", "generate"], named),
      hub(["keys", "generate", "--signing-key", path.join(out, "flags", "s.pem"), "--pii-key", path.join(out, "flags", "p.key")]),
    ]);
    expect(fromSettings.stdout).toBe(`HUB_SIGNING_KEY_FILE=${named.HUB_SIGNING_KEY_FILE}\nHUB_PII_KEY_FILE=${named.HUB_PII_KEY_FILE}\n`);
    expect(fromFlags.stdout).toBe(`HUB_SIGNING_KEY_FILE=${path.join(out, "flags", "s.pem")}\nHUB_PII_KEY_FILE=${path.join(out, "flags", "p.key")}\n`);
    for (const file of [...Object.values(named), path.join(out, "flags", "s.pem"), path.join(out, "flags", "p.key")]) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = fs.readFileSync(signing, "utf8");
    // Production takes both; the PEM key signs a token, which the registry check lets through.
    const production = { HUB_ENV: "production", HUB_SIGNING_KEY_FILE: signing };
    const [again, withoutPiiKey, token] = await Promise.all([
      hub(["keys", "generate", "--out", out]),
      hub(["token", "--agency", "XY-COURT"], production),
      hub(["token", "--agency", "XY-COURT"], { ...production, HUB_PII_KEY_FILE: pii }),
    ]);
    expect(again).toEqual({ code: 1, stdout: "", stderr: `hub: ${signing} exists; refusing to overwrite a key (choose another --out)\n` });
    expect(fs.readFileSync(signing, "utf8")).toBe(before);
    expect(withoutPiiKey.stderr).toMatch(/HUB_PII_KEY_FILE: required when HUB_ENV=production/);
    expect(token.code).toBe(0);
    expect(decodeJwt(token.stdout.trim()).sub).toBe("XY-COURT/default");
  });

  it("lists every configuration problem at once", async () => {
    const res = await hub(["migrate"], { PORT: "x", HUB_ENV: "staging" });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/configuration problems:\n  - HUB_ENV: .*\n  - PORT: /);
  });

  it("registers a client system whose keys are fetched from a URL, lists the URL, and takes --jwks or --jwks-url, not both", async () => {
    const url = "https://keys.xy-court.example.gov.cn/jwks.json";
    const [both, withCredentials] = await Promise.all([
      hub(["client", "add", "--agency", "XY-COURT", "--name", "by-url", "--jwks", "keys.json", "--jwks-url", url]),
      hub(["client", "add", "--agency", "XY-COURT", "--name", "by-url", "--jwks-url", "https://court:secret@keys.example/jwks.json"], {}, { dataDir: beside() }),
    ]);
    expect(both).toEqual({ code: 1, stdout: "", stderr: "hub: give either --jwks or --jwks-url, not both\n" });
    expect(withCredentials).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/^hub: jwksUri must not carry a user name or password\. \(input\.jwksUri\)$/m) });
    const added = await hub(["client", "add", "--agency", "XY-COURT", "--name", "by-url", "--jwks-url", url, "--operator", "王工"]);
    expect(added).toEqual({ code: 0, stdout: `client XY-COURT/by-url registered: scopes none; public keys from ${url}\n`, stderr: databaseLine() });
    const listed = await hub(["client", "list", "--agency", "XY-COURT"]);
    expect(listed.stdout.split("\n")).toEqual(expect.arrayContaining([`XY-COURT/by-url\tACTIVE\t-\t${url}`, expect.stringMatching(/^XY-COURT\/default\tACTIVE\t.*\t0$/)]));
  });
});

describe("bootstrapping an empty registry", () => {
  let bootDir: string;
  let bootDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    bootDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-cli-boot-"));
    bootDatabase = await createTestDatabase();
  });
  afterAll(async () => {
    await bootDatabase.drop();
    fs.rmSync(bootDir, { recursive: true, force: true });
  });
  const boot = (args: string[], env: Record<string, string> = {}) =>
    runHub(args, { PATH: process.env.PATH, HUB_DATA_DIR: bootDir, ...(bootDatabase.url ? { DATABASE_URL: bootDatabase.url } : {}), ...env }, 60_000);
  const bootLine = () => {
    if (!bootDatabase.url) return `hub: database: PGlite at ${path.join(bootDir, "pglite")}\n`;
    const url = new URL(bootDatabase.url);
    return `hub: database: PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}\n`;
  };

  /** `me` over HTTP from a running hub, as the agency the token names. */
  const askMe = (url: string, token: string) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ me { agency { code kind } } }" }),
    });

  it("registers the first agency and its system with the operator's commands; in production that bureau registers a city bureau and a court, whose own token reads credentials until the court is disabled; a rotation keeps earlier tokens valid", async () => {
    expect((await boot(["init"], { HUB_DEMO_DATA: "false" })).code).toBe(0);
    // The registry starts empty: the operator registers the first agency, audited under the operator's name.
    // (The unknown kind is refused before the database is opened, so it runs beside the second add.)
    const emptyRegistry = await boot(["agency", "list"]);
    expect(emptyRegistry).toEqual({ code: 0, stdout: "", stderr: `${bootLine()}hub: the registry is empty; begin with \`hub agency add --code … --name … --kind MARKET_REGULATION --region …\`\n` });
    // A production hub does not start on a registry nobody can administer, and says how to begin.
    const keys = (await boot(["keys", "generate", "--out", path.join(bootDir, "production-keys")])).stdout;
    const settings = (lines: string): Record<string, string> => Object.fromEntries(lines.trim().split("\n").map((line) => line.split("=") as [string, string]));
    const production: Record<string, string> = { HUB_ENV: "production", PORT: String(await freePort()), ...settings(keys) };
    const refused = await boot(["serve"], production);
    expect(refused.code).toBe(1);
    // One line among the JSON log lines `serve` writes (which pino may flush after it).
    expect(refused.stderr).toMatch(/^hub: the registry has no administrator; register the province bureau and its system first: `hub agency add .*` then `hub client add .*registry:admin`$/m);
    const added = await boot(["agency", "add", "--code", "HA-AMR", "--name", "河南省市场监督管理局", "--kind", "MARKET_REGULATION", "--region", "410000", "--operator", "王工"]);
    expect(added).toEqual({ code: 0, stdout: "agency HA-AMR registered: MARKET_REGULATION 410000\n", stderr: bootLine() });
    const [twice, badKind] = await Promise.all([
      boot(["agency", "add", "--code", "HA-AMR", "--name", "x", "--kind", "MARKET_REGULATION", "--region", "410000"]),
      boot(["agency", "add", "--code", "ZJ-X", "--name", "x", "--kind", "GUARD", "--region", "410000"]),
    ]);
    expect(twice).toEqual({ code: 1, stdout: "", stderr: `${bootLine()}hub: An agency with this code is already registered. (input.code)\n` });
    expect(badKind).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/^hub: unknown --kind GUARD: COURT, /) });
    expect((await boot(["agency", "list"])).stdout).toBe("HA-AMR\tMARKET_REGULATION\t410000\tACTIVE\t-\t河南省市场监督管理局\n");
    // Its first client system, then a token for it: the province bureau can now sign in and register the rest.
    const client = await boot(["client", "add", "--agency", "HA-AMR", "--name", "default", "--scopes", "clients:manage,registry:admin", "--operator", "王工"]);
    expect(client).toEqual({ code: 0, stdout: "client HA-AMR/default registered: scopes clients:manage,registry:admin; tokens from hub token\n", stderr: bootLine() });
    const clients = await boot(["client", "list", "--agency", "HA-AMR"]);
    const bootToken = await boot(["token", "--agency", "HA-AMR", "--scopes", "registry:admin"]);
    expect(clients.stdout).toBe("HA-AMR/default\tACTIVE\tclients:manage,registry:admin\t0\n");
    expect(decodeJwt(bootToken.stdout.trim())).toMatchObject({ sub: "HA-AMR/default", scope: "registry:admin" });
    const audited = await withHubDatabase(bootDatabase, bootDir, (query) =>
      query(`SELECT operation, entity_type, agency_code, client_name, end_user FROM audit_events WHERE operation IN ('registerAgency', 'registerClientSystem') ORDER BY seq`),
    );
    expect(audited).toEqual([
      { operation: "registerAgency", entity_type: "Agency", agency_code: null, client_name: "hub", end_user: "王工" },
      { operation: "registerClientSystem", entity_type: "ClientSystem", agency_code: null, client_name: "hub", end_user: "王工" },
    ]);
    // Now the production hub starts; its published key verifies the token it accepts.
    const productionToken = (await boot(["token", "--agency", "HA-AMR", "--scopes", "registry:admin,clients:manage"], production)).stdout.trim();
    const running = await startHubProcess({ PATH: process.env.PATH, HUB_DATA_DIR: bootDir, ...(bootDatabase.url ? { DATABASE_URL: bootDatabase.url } : {}), ...production });
    try {
      const jwks = await (await fetch(`${running.url}/.well-known/jwks.json`)).json();
      expect((await jwtVerify(productionToken, createLocalJWKSet(jwks as never))).payload.sub).toBe("HA-AMR/default");
      const me = await askMe(running.url, productionToken);
      expect(await me.json()).toMatchObject({ data: { me: { agency: { code: "HA-AMR", kind: "MARKET_REGULATION" } } } });

      // The province bureau registers a city bureau and a court through the API, and the court's system with its keys.
      const asBureau = async (query: string) => {
        const res = await fetch(`${running.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${productionToken}` }, body: JSON.stringify({ query }) });
        const body = await res.json();
        expect(body.errors).toBeUndefined();
        return body.data;
      };
      await asBureau(`mutation { registerAgency(input: { idempotencyKey: "zz-amr", code: "ZZ-AMR", name: "郑州市市场监督管理局", kind: MARKET_REGULATION, regionCode: "410100", parentCode: "HA-AMR" }) { replayed } }`);
      await asBureau(`mutation { registerAgency(input: { idempotencyKey: "zz-court", code: "ZZ-COURT", name: "郑州市中级人民法院", kind: COURT, regionCode: "410100" }) { replayed } }`);
      const { publicKey, privateKey } = await generateKeyPair("ES256");
      const courtKeys = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "zz-court-1" }] });
      await asBureau(`mutation { registerClientSystem(input: { idempotencyKey: "zz-court-case", agencyCode: "ZZ-COURT", name: "case-system", jwks: ${JSON.stringify(courtKeys)} }) { replayed } }`);
      const courtToken = await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: "zz-court-1" }).setIssuer("ZZ-COURT").setSubject("ZZ-COURT/case-system").setAudience("appraisal-hub").setIssuedAt().setExpirationTime("5m").sign(privateKey);
      const credentials = () =>
        fetch(`${running.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${courtToken}` },
          body: JSON.stringify({ query: `{ me { agency { code kind } } institutions(first: 5) { totalCount } }` }),
        });
      const read = await credentials();
      expect((await read.json()).data).toEqual({ me: { agency: { code: "ZZ-COURT", kind: "COURT" } }, institutions: { totalCount: 0 } });
      await asBureau(`mutation { disableAgency(code: "ZZ-COURT", expectedVersion: 1, reason: "撤销接入") { status } }`);
      expect((await credentials()).status).toBe(401);
    } finally {
      running.child.kill("SIGTERM");
      await running.exited;
    }

    // A rotation: the new key signs, the previous one still verifies the tokens it signed until they expire.
    const rotation = await boot(["keys", "rotate"], production);
    expect(rotation.code).toBe(0);
    expect(rotation.stderr).toMatch(/remove it from HUB_SIGNING_KEY_PREVIOUS_FILES after \d{4}-\d{2}-\d{2}T/);
    const rotated = { ...production, ...settings(rotation.stdout) };
    expect(rotated.HUB_SIGNING_KEY_PREVIOUS_FILES).toBe(production.HUB_SIGNING_KEY_FILE);
    const newToken = (await boot(["token", "--agency", "HA-AMR"], rotated)).stdout.trim();
    const restarted = await startHubProcess({ PATH: process.env.PATH, HUB_DATA_DIR: bootDir, ...(bootDatabase.url ? { DATABASE_URL: bootDatabase.url } : {}), ...rotated });
    try {
      const jwks = (await (await fetch(`${restarted.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
      expect(jwks.keys).toHaveLength(2);
      expect(decodeProtectedHeader(newToken).kid).toBe(jwks.keys[0].kid);
      expect(decodeProtectedHeader(productionToken).kid).toBe(jwks.keys[1].kid);
      for (const token of [productionToken, newToken]) {
        expect((await askMe(restarted.url, token)).status).toBe(200);
      }
    } finally {
      restarted.child.kill("SIGTERM");
      await restarted.exited;
    }
  }, 240_000);
});
