// One SQL statement on the PostgreSQL server of TEST_DATABASE_URL (creating and dropping test databases).
// Plain JavaScript: the run's global setup and teardown load it outside Jest's transform, test files through it.
const { Client } = require("pg");

async function onServer(serverUrl, sql) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

module.exports = { onServer };
