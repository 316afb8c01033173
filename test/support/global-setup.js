// Runs once per `jest` run, in the parent process, before any worker starts: it prepares the template every
// test hub starts from (migrated, reference data, demo data, keys), so a test file copies a database instead
// of building one. Plain JavaScript over the compiled hub (`dist/`, built by `pretest`): it runs outside
// Jest's module system. Workers inherit the environment variables it sets.
require("reflect-metadata");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { onServer } = require("./server-sql");
const { loadConfig } = require("../../dist/config/config");
const { openDatabase } = require("../../dist/db/database");
const { prepareDatabase } = require("../../dist/hub");
const { PGlitePool } = require("../../dist/db/pglite-pool");
const { loadSigningKey } = require("../../dist/auth/signing-key");
const { silentLogger } = require("../../dist/logging/logger");

module.exports = async function globalSetup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-template-"));
  const config = loadConfig({ HUB_ENV: "test", HUB_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  await loadSigningKey(config);
  process.env.HUB_TEST_TEMPLATE_DIR = dataDir;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `hub_template_${process.pid}_${Date.now().toString(36)}`;
    await onServer(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase(config, silentLogger(), { kind: "postgres", url: url.toString() });
    await prepareDatabase(config, db, silentLogger());
    await db.close();
    process.env.HUB_TEST_TEMPLATE_DATABASE = name;
  } else {
    const db = await openDatabase(config, silentLogger(), { kind: "pglite", dataDir: undefined });
    await prepareDatabase(config, db, silentLogger());
    const dump = await (await PGlitePool.open(undefined)).dumpDataDir("none");
    const file = path.join(dataDir, "template.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    process.env.HUB_TEST_TEMPLATE_DUMP = file;
  }
};
