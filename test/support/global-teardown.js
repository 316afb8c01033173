// Drops what `global-setup.js` made.
const fs = require("node:fs");
const { onServer } = require("./server-sql");

module.exports = async function globalTeardown() {
  const name = process.env.HUB_TEST_TEMPLATE_DATABASE;
  if (name && process.env.TEST_DATABASE_URL) await onServer(process.env.TEST_DATABASE_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const dir = process.env.HUB_TEST_TEMPLATE_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
