import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import type { HubConfig } from "../config/config";
import type { HubContext } from "../context/context";
import type { OpenDatabase } from "../db/database";
import type { PiiMasterKeys } from "../auth/pii-vault";
import type { DEFAULT_CLIENT_NAME } from "../entities/client-system.entity";

// Each command loads the modules it uses when it gets to them (`await import`): the hub's modules (TypeORM,
// type-graphql, Apollo, PGlite) take about a second to load, which `--help`, a misused option or a
// configuration error need not wait for, and a command loads its own work's modules only once it has its
// database and keys.

/** The registry's default client system, spelled out here (checked by its type): its entity module loads TypeORM. */
const DEFAULT_CLIENT: typeof DEFAULT_CLIENT_NAME = "default";

/** The login name, for the audit trail of the operator's commands; a container's user may have none. */
function loginName(): string {
  try {
    return os.userInfo().username || "operator";
  } catch {
    return "operator";
  }
}

/** A failure the user can act on: printed as one line, exit code 1. */
class CliError extends Error {}

const IMPORT_KINDS = ["institutions", "appraisers", "abnormal-patents", "holidays"];

const program = new Command("hub")
  .description("appraisal-hub: the GraphQL data-sharing hub for IP appraisal supervision (知识产权鉴定)")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command("serve")
  .description("run the hub: migrations at start, demo data on an empty database (HUB_DEMO_DATA=false turns that off)")
  .action(async () => {
    // Apollo and Express run development-mode checks on every request unless NODE_ENV says production; the
    // hub's own behaviour follows HUB_ENV, never NODE_ENV, so the server always runs in production mode.
    process.env.NODE_ENV = "production";
    const { loadConfig } = await import("../config/config");
    const { createLogger } = await import("../logging/logger");
    const { databaseTarget, describeTarget } = await import("../db/data-source");
    const { serve } = await import("../hub");
    const config = loadConfig();
    const logger = createLogger(config.log.level);
    // The JSON log is this command's stderr: the database it uses is said there, first.
    logger.info({ database: describeTarget(databaseTarget(config)) }, "database");
    await serve(config, logger);
  });

program
  .command("init")
  .description("create what `hub serve` would at first start, without serving: the data directory, development keys (unless configured), the database with migrations and, when empty, the demo data")
  .action(async () => {
    const { loadConfig } = await import("../config/config");
    const { loadSigningKey, signingKeyPath } = await import("../auth/signing-key");
    const { readPiiMasterKeys, piiKeyPath } = await import("../auth/pii-vault");
    const config = loadConfig();
    const signingKeyMade = !config.jwt.signingKeyFile && !fs.existsSync(signingKeyPath(config));
    const piiKeyMade = !config.piiKeyFile && !fs.existsSync(piiKeyPath(config));
    await loadSigningKey(config);
    readPiiMasterKeys(config);
    const made = (yes: boolean) => (yes ? "made" : "kept");
    process.stdout.write(`signing key: ${signingKeyPath(config)} (${made(signingKeyMade)})\nPII key: ${piiKeyPath(config)} (${made(piiKeyMade)})\n`);
    await withDatabase(
      config,
      async (db) => {
        const { prepareDatabase } = await import("../hub");
        const { silentLogger } = await import("../logging/logger");
        const { migrations, wasEmpty, demoLoaded } = await prepareDatabase(config, db, silentLogger());
        process.stdout.write(migrations.length ? `migrations applied: ${migrations.join(", ")}\n` : "no pending migrations\n");
        process.stdout.write(demoLoaded ? "demo data loaded\n" : wasEmpty ? "empty database (HUB_DEMO_DATA=false)\n" : "database already holds data\n");
      },
      { create: true },
    );
  });

program
  .command("migrate")
  .description("apply pending database migrations and exit")
  .action(async () => {
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      const { migrate, migrationReport } = await import("../db/database");
      const { withPreparationLock } = await import("../db/preparation-lock");
      const ran = await withPreparationLock(db.target, () => migrate(db.dataSource), waitingForPreparation);
      process.stdout.write(ran.length ? `applied: ${ran.join(", ")}\n` : "no pending migrations\n");
      for (const line of await migrationReport(db.dataSource, ran)) process.stdout.write(`  ${line}\n`);
    });
  });

program
  .command("seed")
  .description("load data into the database")
  .option("--demo", "the demo agencies of the contract (idempotent)")
  .action(async (options: { demo?: boolean }) => {
    if (!options.demo) throw new CliError("nothing to seed: pass --demo");
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    const { readPiiMasterKeys } = await import("../auth/pii-vault");
    await withDatabase(
      config,
      async (db) => {
        const { migrate } = await import("../db/database");
        const { syncRegions } = await import("../seed/seed");
        const { syncShippedCalendar } = await import("../seed/calendar");
        const { loadDemoData } = await import("../hub");
        const { withPreparationLock } = await import("../db/preparation-lock");
        const seeded = await withPreparationLock(
          db.target,
          async () => {
            await migrate(db.dataSource);
            await syncRegions(db.dataSource);
            await syncShippedCalendar(db.dataSource);
            return loadDemoData(config, db);
          },
          waitingForPreparation,
        );
        process.stdout.write(`demo data: ${seeded.agencies} agencies, ${seeded.institutions} institutions, ${seeded.appraisers} appraisers, ${seeded.cases} cases created\n`);
      },
      { preflight: () => readPiiMasterKeys(config, { create: false }) },
    );
  });

program
  .command("token")
  .description("print a signed bearer token for an agency's client system, and nothing else, on stdout")
  .requiredOption("--agency <code>", "agency code, e.g. XY-COURT")
  .option("--client <name>", "client system name", DEFAULT_CLIENT)
  .option("--scopes <list>", "comma-separated scopes, e.g. pii:read (each must be allowed for the client system)", "")
  .option("--expires-in <duration>", "lifetime such as 900, 15m, 8h (default HUB_JWT_DEFAULT_LIFETIME)")
  .action(async (options: { agency: string; client: string; scopes: string; expiresIn?: string }) => {
    const { loadConfig, parseDurationSeconds } = await import("../config/config");
    const { isKnownScope } = await import("../auth/scopes");
    const config = loadConfig();
    const scopes = options.scopes.split(",").map((s) => s.trim()).filter(Boolean);
    for (const scope of scopes) if (!isKnownScope(scope)) throw new CliError(`unknown scope: ${scope}`);
    const lifetime = options.expiresIn === undefined ? config.jwt.defaultLifetimeSeconds : parseDurationSeconds(options.expiresIn);
    if (!lifetime || lifetime < 1) throw new CliError("--expires-in must be a duration such as 900, 15m or 8h");
    if (lifetime > config.jwt.maxLifetimeSeconds) throw new CliError(`--expires-in exceeds HUB_JWT_MAX_LIFETIME (${config.jwt.maxLifetimeSeconds}s)`);
    const { loadSigningKey } = await import("../auth/signing-key");
    const { issueToken } = await import("../auth/token");
    const key = await checkRegistry(config, options.agency, options.client, scopes, () => loadSigningKey(config, { create: false }));
    const token = await issueToken(key, config.jwt, { agencyCode: options.agency, clientName: options.client, scopes, lifetimeSeconds: lifetime });
    process.stdout.write(`${token}\n`);
  });

program
  .command("import")
  .description("import a CSV (UTF-8, UTF-8 with BOM, or GBK; Chinese or English headers) as a bureau; exit code 2 when rows were rejected")
  .argument("<kind>", "institutions, appraisers, abnormal-patents (one batch), or holidays (the working-day calendar: day,kind,name,source[,status]; status CONFIRMED, the default, or PROVISIONAL per year)")
  .argument("<file>", "the CSV file")
  .option("--agency <code>", "the market-regulation bureau the import acts as, e.g. XY-AMR (institutions, appraisers) or HA-AMR (abnormal-patents)")
  .option("--batch <batchNo>", "abnormal-patents: the batch number, e.g. 2024年第3批")
  .option("--deadline <date>", "abnormal-patents: the batch's deadline, YYYY-MM-DD (default: received plus HUB_ABNORMAL_PATENT_DEADLINE_DAYS)")
  .option("--received-on <date>", "abnormal-patents: the day the batch was received (default today)")
  .option("--dry-run", "check every row and report, write nothing")
  .action(async (kind: string, file: string, options: { agency?: string; batch?: string; deadline?: string; receivedOn?: string; dryRun?: boolean }) => {
    if (!IMPORT_KINDS.includes(kind)) throw new CliError(`cannot import ${kind}: ${IMPORT_KINDS.join(", ")}`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new CliError(`cannot read ${file}`);
    }
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    if (kind === "holidays") {
      const { parseCalendar, writeCalendar } = await import("../seed/calendar");
      let rows;
      try {
        rows = parseCalendar(bytes.toString("utf8"));
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      await withDatabase(config, async (db) => {
        await assertMigrated(db);
        if (options.dryRun) {
          process.stdout.write(`holidays: ${rows.length} days read; dry run: nothing written\n`);
          return;
        }
        const result = await writeCalendar(db.dataSource, rows, { overwrite: true });
        const years = result.years.map((y) => `${y.year} ${y.status}`).join(", ");
        process.stdout.write(`holidays: ${rows.length} days read; ${result.daysWritten} written; years: ${years || "none"}; complaint deadlines moved: ${result.complaintDeadlinesMoved}\n`);
      });
      return;
    }
    if (!options.agency) throw new CliError(`--agency is required for importing ${kind}`);
    if (kind === "abnormal-patents" && !options.batch) throw new CliError("--batch is required for importing abnormal-patents, e.g. --batch 2024年第3批");
    const agency = options.agency;
    const { readPiiMasterKeys } = await import("../auth/pii-vault");
    await withDatabase(
      config,
      async (db) => {
        await assertMigrated(db);
        const { commandContexts } = await import("../hub");
        const { importInstitutions } = await import("../exchange/institution-import");
        const { importAppraisers } = await import("../exchange/appraiser-import");
        const { importAbnormalPatents } = await import("../exchange/abnormal-patent-import");
        const { formatReport } = await import("../exchange/import-report");
        const { HubError } = await import("../errors/errors");
        if (kind === "appraisers") {
          // A database's first PII data keys (when no hub has served it yet) are made here, before the rows' transactions.
          const { loadPiiVault } = await import("../auth/pii-vault");
          await loadPiiVault(config, db.dataSource, { createDataKeys: true });
        }
        const contexts = await commandContexts(config, db, agency, `import-${kind}`);
        try {
          const dryRun = options.dryRun === true;
          const report =
            kind === "institutions"
              ? await importInstitutions(contexts.newContext, bytes, { dryRun })
              : kind === "appraisers"
                ? await importAppraisers(contexts.newContext, bytes, { dryRun }, (sealed) => contexts.deps.vault.openLatest(sealed))
                : await importAbnormalPatents(contexts.newContext(), bytes, { batchNo: options.batch!, deadline: options.deadline, receivedOn: options.receivedOn, dryRun }).catch((error: unknown) => {
                    // A refusal of the whole batch (jurisdiction, deadline, size) is the user's to fix, not a crash.
                    if (error instanceof HubError) throw new CliError(`${file}: ${error.message}`);
                    throw error;
                  });
          process.stdout.write(formatReport(report));
          if (report.rejected.length > 0) process.exitCode = 2;
        } finally {
          await contexts.close();
        }
      },
      { preflight: () => readPiiMasterKeys(config, { create: false }) },
    );
  });

program
  .command("export")
  .description("export what an agency (or, without --agency, the public) may see; credit: a bureau's exchange with the public credit platform")
  .argument("<kind>", "institutions or credit")
  .option("--format <format>", "csv (with a BOM, for Excel), json, or xlsx (needs --out)", "csv")
  .option("--agency <code>", "the agency whose view to export, e.g. XY-COURT (credit: a market-regulation bureau)")
  .option("--out <file>", "write to a file instead of stdout")
  .option("--from <day>", "credit: decisions on or after this day (YYYY-MM-DD)")
  .option("--to <day>", "credit: decisions on or before this day")
  .option("--updated-since <instant>", "credit: only what changed at or after this instant (the watermark of the last export)")
  .option("--state <file>", "credit: read --updated-since from this file when it exists, and write the new watermark to it once the export is written")
  .action(async (kind: string, options: { format: string; agency?: string; out?: string; from?: string; to?: string; updatedSince?: string; state?: string }) => {
    if (kind !== "institutions" && kind !== "credit") throw new CliError(`cannot export ${kind}: institutions or credit`);
    if (!["csv", "json", "xlsx"].includes(options.format)) throw new CliError("--format must be csv, json or xlsx");
    if (options.format === "xlsx" && !options.out) throw new CliError("--format xlsx needs --out <file>");
    if (kind === "credit" && !options.agency) throw new CliError("hub export credit needs --agency <code> of the market-regulation bureau whose records to send");
    const { loadConfig } = await import("../config/config");
    const { readPiiMasterKeys } = await import("../auth/pii-vault");
    const config = loadConfig();
    await withDatabase(
      config,
      async (db) => {
        const { commandContexts } = await import("../hub");
        const { hubSchema } = await import("../schema/build-schema");
        const contexts = await commandContexts(config, db, options.agency, `export-${kind}`);
        try {
          if (kind === "institutions") {
            const { exportInstitutions, institutionsCsv, institutionsXlsx } = await import("../exchange/institution-export");
            const rows = await exportInstitutions(await hubSchema(), contexts.newContext);
            writeOut(options.out, options.format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : options.format === "xlsx" ? await institutionsXlsx(rows) : institutionsCsv(rows));
            return;
          }
          const { exportCredit, creditCsv, creditXlsx, CreditExportError } = await import("../exchange/credit-export");
          const updatedSince = options.updatedSince ?? (options.state && fs.existsSync(options.state) ? fs.readFileSync(options.state, "utf8").trim() || undefined : undefined);
          const exchange = await exportCredit(await hubSchema(), contexts.newContext, { updatedSince, from: options.from, to: options.to }).catch((error: unknown) => {
            throw error instanceof CreditExportError ? new CliError(error.message) : error;
          });
          const output = options.format === "json" ? `${JSON.stringify(exchange, null, 2)}\n` : options.format === "xlsx" ? await creditXlsx(exchange) : creditCsv(exchange);
          writeOut(options.out, output);
          // Only once the rows are written: a failed run sends the same window again next time.
          if (options.state) fs.writeFileSync(options.state, `${exchange.watermark}\n`);
          process.stderr.write(`${exchange.rows.length} credit record(s)${updatedSince ? ` changed since ${updatedSince}` : ""}; watermark ${exchange.watermark} (the next --updated-since)\n`);
        } finally {
          await contexts.close();
        }
      },
      { preflight: () => readPiiMasterKeys(config, { create: false }) },
    );
  });

/** Writes an export to `--out`, or to stdout. */
function writeOut(out: string | undefined, content: string | Buffer): void {
  if (out) fs.writeFileSync(out, content);
  else process.stdout.write(content);
}

const report = program.command("report").description("reports offices send");
report
  .command("monthly")
  .description("the monthly supervision report of a region (定期汇总上报), as .xlsx or a page to print")
  .requiredOption("--agency <code>", "the market-regulation bureau making it, e.g. XY-AMR")
  .requiredOption("--month <YYYY-MM>", "the calendar month, e.g. 2026-10")
  .option("--region <code>", "the region (default: the bureau's own); a province bureau may ask for any of its cities")
  .option("--format <format>", "xlsx or html", "xlsx")
  .requiredOption("--out <file>", "the file to write")
  .action(async (options: { agency: string; month: string; region?: string; format: string; out: string }) => {
    if (options.format !== "xlsx" && options.format !== "html") throw new CliError("--format must be xlsx or html");
    const { loadConfig } = await import("../config/config");
    const { readPiiMasterKeys } = await import("../auth/pii-vault");
    const config = loadConfig();
    await withDatabase(
      config,
      async (db) => {
        const { commandContexts } = await import("../hub");
        const { monthlyReportHtml, monthlyReportXlsx } = await import("../exchange/monthly-report-files");
        const { HubError } = await import("../errors/errors");
        const contexts = await commandContexts(config, db, options.agency, "report-monthly");
        try {
          const made = await contexts
            .newContext()
            .services.monthlyReports.report({ regionCode: options.region, month: options.month })
            .catch((error: unknown) => {
              // A refusal or a wrong option: its message is for the operator.
              throw error instanceof HubError ? new CliError(error.message) : error;
            });
          fs.writeFileSync(options.out, options.format === "html" ? monthlyReportHtml(made) : await monthlyReportXlsx(made));
          process.stderr.write(`${made.regionName}（${made.regionCode}） ${made.month}: ${made.cases.entrusted} case(s) entrusted, ${made.cases.issued} issued, ${made.cases.overdue} overdue; written to ${options.out}\n`);
        } finally {
          await contexts.close();
        }
      },
      { preflight: () => readPiiMasterKeys(config, { create: false }) },
    );
  });

program
  .command("feedback")
  .description("feedback maintenance")
  .command("rebuild-summaries")
  .description("recompute every institution's and appraiser's feedback summary from the feedback rows (after a bulk load, or to repair)")
  .action(async () => {
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      const { rebuildFeedbackSummaries } = await import("../services/feedback-summary");
      const subjects = await rebuildFeedbackSummaries(db.dataSource);
      process.stdout.write(`feedback summaries rebuilt for ${subjects} institutions and appraisers\n`);
    });
  });

const audit = program.command("audit").description("the tamper-evident audit trail");
audit
  .command("verify")
  .description("verify the whole audit log offline: the hash chain, the Merkle tree and the signed tree heads (exit code 3 when broken)")
  .action(async () => {
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      const { verifyAuditLog } = await import("../audit/audit-verify");
      const { loadSigningKey, loadVerificationKeys } = await import("../auth/signing-key");
      // The heads' signatures are checked with the hub's public keys when this machine has them.
      const keys = await loadSigningKey(config, { create: false })
        .then((current) => loadVerificationKeys(config, current))
        .then((all) => all.map((key) => key.publicJwk))
        .catch(() => undefined);
      const result = await verifyAuditLog(db.dataSource, keys);
      const heads = `${result.treeHeadsChecked} signed tree heads${result.signaturesChecked ? "" : " (signatures not checked: no signing key here)"}`;
      const queued = result.queued > 0 ? `; ${result.queued} entries queued, not yet sequenced` : "";
      if (result.ok) {
        process.stdout.write(`audit log intact: ${result.checked} entries, ${heads}; head ${result.headSeq ?? "-"} ${result.headHash ?? ""}${queued}\n`);
      } else {
        const b = result.firstBreak!;
        process.stdout.write(`audit log BROKEN at entry ${b.seq}: ${b.reason} (${b.detail}); ${result.checked} entries intact before it${queued}\n`);
        process.exitCode = 3;
      }
    });
  });

const agencyCommand = program.command("agency").description("the agency registry (接入单位): what registerAgency does, run by the hub's operator");

agencyCommand
  .command("add")
  .description("register an agency, audited with the operator as its end user (the first agencies of an empty registry start here)")
  .requiredOption("--code <code>", "its fixed code, e.g. HA-AMR")
  .requiredOption("--name <name>", "official name")
  .requiredOption("--kind <kind>", "COURT, PROCURATORATE, POLICE, MARKET_REGULATION, INDUSTRY_ASSOCIATION, OTHER_DEPARTMENT, ARBITRATION or MEDIATION")
  .requiredOption("--region <code>", "6-digit administrative division code of its jurisdiction")
  .option("--parent <code>", "code of the registered agency above it")
  .option("--operator <name>", "who runs the command, for the audit trail (default: the login name)", loginName())
  .action(async (options: { code: string; name: string; kind: string; region: string; parent?: string; operator: string }) => {
    const { loadConfig } = await import("../config/config");
    const { AgencyKind } = await import("../entities/agency-kind");
    const kinds = Object.values(AgencyKind) as string[];
    if (!kinds.includes(options.kind)) throw new CliError(`unknown --kind ${options.kind}: ${kinds.join(", ")}`);
    const { record } = await asOperator(loadConfig(), "agency-add", options.operator, (services) =>
      services.agencies.register({ code: options.code, name: options.name, kind: options.kind as (typeof AgencyKind)[keyof typeof AgencyKind], regionCode: options.region, parentCode: options.parent ?? null }),
    );
    process.stdout.write(`agency ${record.code} registered: ${record.kind} ${record.regionCode}${record.parentCode ? ` under ${record.parentCode}` : ""}\n`);
  });

agencyCommand
  .command("list")
  .description("print the registry, one agency a line: code, kind, region, status, parent, name (tab-separated)")
  .action(async () => {
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      await assertMigrated(db);
      const { Agency } = await import("../entities/agency.entity");
      const agencies = await db.dataSource.getRepository(Agency).find({ order: { code: "ASC" } });
      if (agencies.length === 0) process.stderr.write("hub: the registry is empty; begin with `hub agency add --code … --name … --kind MARKET_REGULATION --region …`\n");
      for (const a of agencies) process.stdout.write(`${[a.code, a.kind, a.regionCode, a.status, a.parentCode ?? "-", a.name].join("\t")}\n`);
    });
  });

const clientCommand = program.command("client").description("agencies' client systems: what registerClientSystem does, run by the hub's operator");

clientCommand
  .command("add")
  .description("register a client system of an agency, with its scopes and public keys (tokens then come from `hub token` or are signed by the agency with its keys)")
  .requiredOption("--agency <code>", "the agency's code")
  .requiredOption("--name <name>", "the system's name, unique within the agency, e.g. default or case-system")
  .option("--scopes <list>", "comma-separated scopes its tokens may carry: pii:read, clients:manage, registry:admin, graph:compose (the federation router)", "")
  .option("--jwks <file>", "a JSON Web Key Set file with the public EC P-256 keys the agency signs its tokens with")
  .option("--jwks-url <url>", "instead of --jwks: the https URL at which the agency publishes that key set (the hub fetches and caches it)")
  .option("--description <text>", "what the system is")
  .option("--operator <name>", "who runs the command, for the audit trail (default: the login name)", loginName())
  .action(async (options: { agency: string; name: string; scopes: string; jwks?: string; jwksUrl?: string; description?: string; operator: string }) => {
    if (options.jwks !== undefined && options.jwksUrl !== undefined) throw new CliError("give either --jwks or --jwks-url, not both");
    let jwks: string | null = null;
    if (options.jwks) {
      try {
        jwks = fs.readFileSync(options.jwks, "utf8");
      } catch {
        throw new CliError(`cannot read ${options.jwks}`);
      }
    }
    const { loadConfig } = await import("../config/config");
    const allowedScopes = options.scopes.split(",").map((scope) => scope.trim()).filter(Boolean);
    const { record } = await asOperator(loadConfig(), "client-add", options.operator, (services) =>
      services.clientSystems.register({ idempotencyKey: "", agencyCode: options.agency, name: options.name, description: options.description ?? null, allowedScopes, jwks, jwksUri: options.jwksUrl ?? null }),
    );
    const keys = record.jwks?.keys.length ?? 0;
    const signing = record.jwksUri ? `public keys from ${record.jwksUri}` : keys ? `${keys} public key(s)` : "tokens from hub token";
    process.stdout.write(`client ${options.agency}/${record.name} registered: scopes ${record.allowedScopes.join(",") || "none"}; ${signing}\n`);
  });

clientCommand
  .command("list")
  .description("print the client systems, one a line: agency/name, status, scopes, public keys: how many are registered, or the URL they are fetched from (tab-separated)")
  .option("--agency <code>", "only this agency's")
  .action(async (options: { agency?: string }) => {
    const { loadConfig } = await import("../config/config");
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      await assertMigrated(db);
      const rows: Array<{ code: string; name: string; status: string; allowed_scopes: string[]; keys: number; jwks_uri: string | null }> = await db.dataSource.query(
        `SELECT a.code, c.name, c.status, c.allowed_scopes, coalesce(jsonb_array_length(c.jwks->'keys'), 0)::int AS keys, c.jwks_uri
           FROM client_systems c JOIN agencies a ON a.id = c.agency_id
          WHERE $1::text IS NULL OR a.code = $1 ORDER BY a.code, c.name`,
        [options.agency ?? null],
      );
      for (const r of rows) process.stdout.write(`${[`${r.code}/${r.name}`, r.status, r.allowed_scopes.join(",") || "-", r.jwks_uri ?? String(r.keys)].join("\t")}\n`);
    });
  });

const manifestCommand = program.command("manifest").description("client systems' operation manifests (trusted documents, HUB_TRUSTED_DOCUMENTS): what registerOperationManifest does, run by the hub's operator");

manifestCommand
  .command("register")
  .description("register the operations a client system may run, from the persisted-documents.json @graphql-codegen/client-preset writes (`sha256:<hex>` → document)")
  .requiredOption("--agency <code>", "the agency's code")
  .requiredOption("--client <name>", "the client system's name")
  .option("--replace", "take out the documents the file does not hold (by default they are added to what the system registered before)")
  .option("--operator <name>", "who runs the command, for the audit trail (default: the login name)", loginName())
  .argument("<file>", "the manifest (JSON)")
  .action(async (file: string, options: { agency: string; client: string; replace?: boolean; operator: string }) => {
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch {
      throw new CliError(`cannot read ${file} as JSON`);
    }
    const { loadConfig } = await import("../config/config");
    const result = await asOperator(loadConfig(), "manifest-register", options.operator, (services) =>
      services.operationManifests.register({ agencyCode: options.agency, clientName: options.client, manifest, replace: options.replace ?? false }),
    );
    process.stdout.write(`manifest of ${options.agency}/${options.client}: version ${result.manifest.version}, ${result.manifest.documentCount} documents (${result.added} added, ${result.removed} removed)\n`);
  });

manifestCommand
  .command("list")
  .description("print the client systems with their manifests, one a line: agency/name, manifest version (0: none registered), documents (tab-separated)")
  .option("--agency <code>", "only this agency's")
  .option("--operator <name>", "who runs the command (default: the login name)", loginName())
  .action(async (options: { agency?: string; operator: string }) => {
    const { loadConfig } = await import("../config/config");
    const manifests = await asOperator(loadConfig(), "manifest-list", options.operator, (services) => services.operationManifests.list(options.agency));
    for (const m of manifests) process.stdout.write(`${[`${m.agencyCode}/${m.clientName}`, String(m.version), String(m.documentCount)].join("\t")}\n`);
  });

const webhooksCommand = program.command("webhooks").description("webhook subscriptions and their deliveries (issue 16): what the subscribing systems see, for the hub's operator");

webhooksCommand
  .command("list")
  .description("print the webhooks, one a line: id, agency/system, status, URL, event types, region, deliveries pending and dead (tab-separated)")
  .option("--agency <code>", "only this agency's")
  .action(async (options: { agency?: string }) => {
    const { loadConfig } = await import("../config/config");
    await withDatabase(loadConfig(), async (db) => {
      await assertMigrated(db);
      const rows: Array<{ id: string; code: string; name: string; status: string; url: string; events: string[]; region_code: string | null; pending: number; dead: number }> = await db.dataSource.query(
        `SELECT s.id, a.code, c.name, s.status, s.url, s.events, s.region_code,
                (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status IN ('PENDING', 'SENDING')) AS pending,
                (SELECT count(*)::int FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'DEAD') AS dead
           FROM webhook_subscriptions s JOIN client_systems c ON c.id = s.client_system_id JOIN agencies a ON a.id = s.agency_id
          WHERE s.status <> 'DELETED' AND ($1::text IS NULL OR a.code = $1) ORDER BY a.code, c.name, s.created_at`,
        [options.agency ?? null],
      );
      for (const r of rows) process.stdout.write(`${[r.id, `${r.code}/${r.name}`, r.status, r.url, r.events.join(","), r.region_code ?? "-", `pending ${r.pending}`, `dead ${r.dead}`].join("\t")}\n`);
    });
  });

webhooksCommand
  .command("deliveries")
  .description("print deliveries, newest first: id (the webhook-id without msg_), queued at, event type, record, status, attempts, last status code, last error (tab-separated)")
  .option("--webhook <id>", "only this webhook's")
  .option("--status <status>", "only PENDING, SENDING, DELIVERED or DEAD ones")
  .option("--limit <n>", "at most this many", "50")
  .action(async (options: { webhook?: string; status?: string; limit: string }) => {
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new CliError("--limit is a whole number from 1 to 10000");
    const status = options.status?.toUpperCase();
    if (status && !["PENDING", "SENDING", "DELIVERED", "DEAD"].includes(status)) throw new CliError("--status is PENDING, SENDING, DELIVERED or DEAD");
    if (options.webhook && !/^[0-9a-f-]{36}$/i.test(options.webhook)) throw new CliError("--webhook is a webhook's id (hub webhooks list)");
    const { loadConfig } = await import("../config/config");
    await withDatabase(loadConfig(), async (db) => {
      await assertMigrated(db);
      const rows: Array<Record<string, any>> = await db.dataSource.query(
        `SELECT d.id, d.created_at, e.type, e.entity_type, e.entity_id, d.status, d.attempts, d.last_response_code, d.last_error
           FROM webhook_deliveries d JOIN hub_events e ON e.seq = d.event_seq
          WHERE d.status <> 'WITHHELD' AND ($1::uuid IS NULL OR d.subscription_id = $1) AND ($2::text IS NULL OR d.status = $2)
          ORDER BY d.created_at DESC, d.id DESC LIMIT $3`,
        [options.webhook ?? null, status ?? null, limit],
      );
      for (const r of rows) {
        process.stdout.write(`${[r.id, new Date(r.created_at).toISOString(), r.type, `${r.entity_type}:${r.entity_id}`, r.status, r.attempts, r.last_response_code ?? "-", r.last_error ?? "-"].join("\t")}\n`);
      }
    });
  });

webhooksCommand
  .command("redeliver")
  .description("send a delivered or dead-lettered delivery again (same webhook-id), as redeliverWebhook does for its subscriber; audited")
  .argument("<deliveryId>", "the delivery's id (hub webhooks deliveries --status DEAD)")
  .option("--operator <name>", "who runs the command, for the audit trail (default: the login name)", loginName())
  .action(async (deliveryId: string, options: { operator: string }) => {
    const { loadConfig } = await import("../config/config");
    const delivery = await asOperator(loadConfig(), "webhooks-redeliver", options.operator, (services) => services.webhooks.redeliver(deliveryId.replace(/^msg_/, "")));
    process.stdout.write(`delivery ${delivery.id} (${delivery.eventType}) queued again: the running hub sends it within its poll interval\n`);
  });

const keysCommand = program.command("keys").description("key files for HUB_SIGNING_KEY_FILE and HUB_PII_KEY_FILE (both required with HUB_ENV=production)");

keysCommand
  .command("rotate")
  .description("write a new signing key and print the settings that sign with it while the current key still verifies the tokens it signed")
  .option("--out <dir>", "the directory to write it to (default: the current key's)")
  .action(async (options: { out?: string }) => {
    const { loadConfig } = await import("../config/config");
    const { loadSigningKey, signingKeyPath, writeNewSigningKey } = await import("../auth/signing-key");
    const config = loadConfig();
    const current = signingKeyPath(config);
    await loadSigningKey(config, { create: false });
    const file = path.join(path.resolve(options.out ?? path.dirname(current)), `hub-signing-key-${new Date().toISOString().replace(/[:.]/g, "-")}.pem`);
    await writeNewSigningKey(file, "pem").catch((error: NodeJS.ErrnoException) => {
      throw new CliError(error.code === "EEXIST" ? `${file} exists; refusing to overwrite a key` : `cannot write ${file}`);
    });
    const retireAfter = new Date(Date.now() + config.jwt.maxLifetimeSeconds * 1000 + config.jwt.clockToleranceSeconds * 1000).toISOString();
    const previous = [path.resolve(current), ...config.jwt.previousSigningKeyFiles].join(",");
    process.stderr.write(`hub: wrote a new signing key (mode 0600); restart the hub with these settings. Tokens of the previous key stay valid until they expire: remove it from HUB_SIGNING_KEY_PREVIOUS_FILES after ${retireAfter}\n`);
    process.stdout.write(`HUB_SIGNING_KEY_FILE=${file}\nHUB_SIGNING_KEY_PREVIOUS_FILES=${previous}\n`);
  });

keysCommand
  .command("generate")
  .description("write a new ES256 signing key (PKCS#8 PEM) and a new 32-byte PII key (base64), mode 0600, never overwriting; print the settings that use them")
  .option("--out <dir>", "the directory to write both to (default: the files HUB_SIGNING_KEY_FILE and HUB_PII_KEY_FILE name, else data/keys)")
  .option("--signing-key <file>", "the signing key's file")
  .option("--pii-key <file>", "the PII key's file")
  .action(async (options: { out?: string; signingKey?: string; piiKey?: string }) => {
    const dir = options.out ?? path.join("data", "keys");
    const configured = options.out === undefined ? process.env : {};
    const signingFile = path.resolve(options.signingKey ?? configured.HUB_SIGNING_KEY_FILE ?? path.join(dir, "hub-signing-key.pem"));
    const piiFile = path.resolve(options.piiKey ?? configured.HUB_PII_KEY_FILE ?? path.join(dir, "hub-pii.key"));
    for (const file of [signingFile, piiFile]) if (fs.existsSync(file)) throw new CliError(`${file} exists; refusing to overwrite a key (choose another --out)`);
    const { writeNewSigningKey } = await import("../auth/signing-key");
    const { writeNewPiiKey } = await import("../auth/pii-vault");
    await writeNewSigningKey(signingFile, "pem");
    writeNewPiiKey(piiFile);
    process.stderr.write(`hub: wrote a new signing key and PII key (mode 0600); keep both secret and back up the PII key: without it the ID numbers and phones sealed with it cannot be read\n`);
    process.stdout.write(`HUB_SIGNING_KEY_FILE=${signingFile}\nHUB_PII_KEY_FILE=${piiFile}\n`);
  });

const piiCommand = program
  .command("pii")
  .description("the keys that seal ID numbers and phones: master keys in files (HUB_PII_KEY_FILE, HUB_PII_KEY_PREVIOUS_FILES) wrap data keys in the database");

piiCommand
  .command("new-key")
  .description("write a new master key (32 bytes, base64, mode 0600) and print the settings for `hub pii rekey`: HUB_PII_KEY_FILE=<new> and HUB_PII_KEY_PREVIOUS_FILES=<current,…>")
  .option("--out <dir>", "the directory to write it to (default: the current key's)")
  .action(async (options: { out?: string }) => {
    const { loadConfig } = await import("../config/config");
    const { piiKeyPath, readPiiMasterKeys, writeNewPiiKey } = await import("../auth/pii-vault");
    const config = loadConfig();
    const current = readPiiMasterKeys(config, { create: false });
    const file = path.join(path.resolve(options.out ?? path.dirname(piiKeyPath(config))), `hub-pii-${new Date().toISOString().replace(/[:.]/g, "-")}.key`);
    try {
      writeNewPiiKey(file);
    } catch (error) {
      throw new CliError((error as NodeJS.ErrnoException).code === "EEXIST" ? `${file} exists; refusing to overwrite a key` : `cannot write ${file}`);
    }
    const previous = [current.current, ...current.previous].map((key) => key.file).join(",");
    process.stderr.write(
      "hub: wrote a new PII master key (mode 0600); back it up. Restart the hub with these settings, then run `hub pii rekey` with them; once it says the previous key is no longer needed, drop HUB_PII_KEY_PREVIOUS_FILES and restart again\n",
    );
    process.stdout.write(`HUB_PII_KEY_FILE=${file}\nHUB_PII_KEY_PREVIOUS_FILES=${previous}\n`);
  });

piiCommand
  .command("rekey")
  .description(
    "rotate to the master key of HUB_PII_KEY_FILE beside a running hub: a new data key wrapped under it, every data key re-wrapped under it, every value re-sealed under the new data key (in short batches that never overwrite a concurrent write), older data keys retired; prints a JSON summary (exit code 2 when it could not finish: run it again). Put the old master key in HUB_PII_KEY_PREVIOUS_FILES; running it again is harmless",
  )
  .option("--batch-size <n>", "values re-sealed per transaction", "200")
  .option("--new-data-key", "make a new data key even when the newest one is already wrapped under HUB_PII_KEY_FILE")
  .option("--operator <name>", "who runs the command, for the audit trail (default: the login name)", loginName())
  .action(async (options: { batchSize: string; newDataKey?: boolean; operator: string }) => {
    const batchSize = Number(options.batchSize);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new CliError("--batch-size must be a whole number from 1 to 10000");
    await withPiiKeys(async (config, db, keys) => {
      const { AuditTrail } = await import("../audit/audit-trail");
      const { rekeyPii } = await import("../services/pii-keys");
      const trail = new AuditTrail(db.dataSource, config.audit);
      // The operator is the audit entry's end user, as for the registry's commands.
      const actor = { agencyCode: null, regionCode: null, clientName: "hub", endUser: options.operator, requestId: `pii-rekey-${new Date().toISOString()}`, caseRef: null };
      try {
        const summary = await rekeyPii(db.dataSource, keys, { trail, actor, batchSize, newDataKey: options.newDataKey === true });
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        // Not finished: something still needs a previous master key, or values are not yet under the new data key.
        if (summary.previousKeysNeeded || summary.valuesRemaining > 0) process.exitCode = 2;
      } finally {
        await trail.close();
      }
    });
  });

piiCommand
  .command("status")
  .description("print as JSON what each key holds: values per data key, data keys and values sealed before data keys per master key, and whether a previous master key is still needed")
  .action(async () => {
    await withPiiKeys(async (_config, db, keys) => {
      const { piiKeyStatus } = await import("../services/pii-keys");
      process.stdout.write(`${JSON.stringify(await piiKeyStatus(db.dataSource, keys), null, 2)}\n`);
    });
  });

/**
 * Runs a `hub pii` command on the migrated database with the configured master keys, read (and refused when
 * missing) before the database opens.
 */
async function withPiiKeys(work: (config: HubConfig, db: OpenDatabase, keys: PiiMasterKeys) => Promise<void>): Promise<void> {
  const { loadConfig } = await import("../config/config");
  const { readPiiMasterKeys } = await import("../auth/pii-vault");
  const config = loadConfig();
  let keys!: PiiMasterKeys;
  await withDatabase(
    config,
    async (db) => {
      await assertMigrated(db);
      await work(config, db, keys);
    },
    { preflight: () => (keys = readPiiMasterKeys(config, { create: false })) },
  );
}

program
  .command("schema")
  .description("print the GraphQL schema (SDL) of the hub's endpoint, or with --subgraph the one a federation router composes")
  .option("--subgraph", "the subgraph a router composes (served at /subgraph): authorization and cost directives, renamed root fields")
  .option("--gateway", "with --subgraph: without @authenticated, @requiresScopes and @policy, which @apollo/gateway cannot enforce and refuses (an Apollo Router enforces them)")
  .option("--write [file]", "write it to a file instead (default schema.graphql, or subgraph.graphql with --subgraph)")
  .action(async (options: { write?: string | boolean; subgraph?: boolean; gateway?: boolean }) => {
    const { hubSchema, printHubSchema } = await import("../schema/build-schema");
    const { withoutRouterAuthorization } = await import("../schema/federation-sdl");
    if (options.gateway && !options.subgraph) throw new Error("--gateway goes with --subgraph");
    const printed = printHubSchema(await hubSchema(), options.subgraph ? "subgraph" : "hub");
    const sdl = options.gateway ? withoutRouterAuthorization(printed) : printed;
    if (options.write) {
      const file = path.resolve(typeof options.write === "string" ? options.write : options.subgraph ? "subgraph.graphql" : "schema.graphql");
      fs.writeFileSync(file, sdl);
      process.stdout.write(`wrote ${file}\n`);
    } else {
      process.stdout.write(sdl);
    }
  });

/**
 * Checks that the agency and client system exist, are active, and allow the scopes (beside a running hub,
 * through its socket), and returns what `preflight` returns (the signing key, checked before the database opens).
 */
async function checkRegistry<K>(config: HubConfig, agencyCode: string, clientName: string, scopes: string[], preflight: () => Promise<K>): Promise<K> {
  let key!: K;
  await withDatabase(
    config,
    async (db) => {
      await assertMigrated(db);
      const { registryLookup } = await import("../services/client-system.service");
      const { RecordStatus } = await import("../entities/agency-kind");
      const caller = await registryLookup(db.dataSource)(agencyCode, clientName);
      if (!caller) throw new CliError(`no client system ${clientName} of agency ${agencyCode} in the registry`);
      if (!caller.agency.active || !caller.client.active) throw new CliError(`agency ${agencyCode} or its client system ${clientName} is ${RecordStatus.DISABLED}`);
      const refused = scopes.filter((scope) => !caller.client.allowedScopes.includes(scope));
      if (refused.length) throw new CliError(`scopes not allowed for ${agencyCode}/${clientName}: ${refused.join(", ")} (allowed: ${caller.client.allowedScopes.join(", ") || "none"})`);
    },
    { preflight: async () => (key = await preflight()) },
  );
  return key;
}

/**
 * Only `migrate`, `init`, `seed` and `serve` change the schema. Another command that found migrations pending
 * would otherwise apply them under a hub still running the old code (whose writes would then fail).
 */
/**
 * Runs one service call of the registry's commands as the operator at the command line (the audit trail's end
 * user), on the migrated database; a refusal the operator can act on is one line naming the field at fault.
 */
async function asOperator<T>(config: HubConfig, command: string, operator: string, work: (services: HubContext["services"]) => Promise<T>): Promise<T> {
  return withDatabase(config, async (db) => {
    await assertMigrated(db);
    const { commandContexts } = await import("../hub");
    const { HubError } = await import("../errors/errors");
    const contexts = await commandContexts(config, db, undefined, command, operator);
    try {
      return await work(contexts.newContext().services);
    } catch (error) {
      if (error instanceof HubError) throw new CliError(`${error.message}${typeof error.extensions.field === "string" ? ` (${error.extensions.field})` : ""}`);
      throw error;
    } finally {
      await contexts.close();
    }
  });
}

/** Said once when another process (a starting hub, another `hub migrate`) holds the preparation lock. */
function waitingForPreparation(): void {
  process.stderr.write("hub: waiting for another hub process to finish preparing the database\n");
}

async function assertMigrated(db: OpenDatabase): Promise<void> {
  if (await db.dataSource.showMigrations()) throw new CliError("the database has migrations pending: run `hub migrate` (with the hub's new version) first");
}

/**
 * Runs `work` on the configured database and closes it. First it finds the database without creating
 * anything (an embedded database that a running hub holds is reached through the hub's socket; a missing one
 * is an error naming its path unless `create`, for `hub init` only), runs `preflight` (the keys a command
 * needs, which are never made here either), then says on stderr which database it uses: one line, no
 * credentials.
 */
async function withDatabase<T>(
  config: HubConfig,
  work: (db: OpenDatabase) => Promise<T>,
  options: { create?: boolean; preflight?: () => unknown } = {},
): Promise<T> {
  const { locateDatabase, openDatabase } = await import("../db/database");
  const { describeDatabaseError, describeTarget } = await import("../db/data-source");
  const { silentLogger } = await import("../logging/logger");
  const target = await locateDatabase(config, {
    create: options.create,
    onWait: (pid) => process.stderr.write(`hub: waiting for hub process ${pid} to open the database\n`),
  });
  await options.preflight?.();
  process.stderr.write(`hub: database: ${describeTarget(target)}\n`);
  const db = await openDatabase(config, silentLogger(), target);
  try {
    return await work(db);
  } catch (error) {
    // What the server refused (a privilege, a read-only standby, a full disk) is said in words, in one line.
    throw describeDatabaseError(error, target);
  } finally {
    await db.close();
  }
}

// Every failure is one line on stderr (configuration problems, one per line) and exit code 1.
program.parseAsync(process.argv).catch(async (error: unknown) => {
  const { ConfigError } = await import("../config/config");
  if (error instanceof ConfigError) {
    process.stderr.write(`hub: configuration problems:\n${error.problems.map((p) => `  - ${p}`).join("\n")}\n`);
  } else {
    process.stderr.write(`hub: ${(error as Error)?.message ?? String(error)}\n`);
  }
  process.exit(1);
});
