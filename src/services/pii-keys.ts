import type { DataSource } from "typeorm";
import type { AuditActor, AuditTrail } from "../audit/audit-trail";
import { AuditOutcome } from "../entities/audit-event.entity";
import { PiiKeyError, PiiMasterKeys, PiiVault, retireOlderDataKeys, rewrapDataKeys, rotationDataKey, SEALED_COLUMNS } from "../auth/pii-vault";

/** What `hub pii rekey` did, printed as JSON: key ids and counts, never key material or values. */
export interface RekeySummary {
  /** The current master key (`HUB_PII_KEY_FILE`) every data key is now wrapped under. */
  masterKey: string;
  /** The encrypt data key every value is now sealed under. */
  dataKey: string;
  dataKeyCreated: boolean;
  keysRewrapped: number;
  valuesResealed: number;
  /** Values a concurrent write changed between their read and their re-sealing: left as written, re-read on the next pass. */
  valuesChangedMeanwhile: number;
  keysRetired: number;
  /** Values still not under `dataKey` after the run (written meanwhile by a hub that had not yet seen the new key, or unreadable): run it again. */
  valuesRemaining: number;
  /** Values that do not open (damaged): where they are, never what. */
  unreadable: Array<{ table: string; column: string; id: string }>;
  /** Whether anything still needs a master key of `HUB_PII_KEY_PREVIOUS_FILES`. */
  previousKeysNeeded: boolean;
  previousKeyFiles: string[];
  next: string;
}

export interface PiiKeyStatus {
  masterKeys: Array<{ id: string; configuredAs: "HUB_PII_KEY_FILE" | "HUB_PII_KEY_PREVIOUS_FILES" | "not configured"; file: string | null; dataKeys: number; v1Values: number }>;
  dataKeys: Array<{ id: string; purpose: string; masterKey: string; createdAt: string; retiredAt: string | null; values: number | null }>;
  /** Sealed values not under the newest encrypt key that is not retired and is wrapped under the current master key: what `hub pii rekey` would re-seal. */
  valuesToReseal: number;
  previousKeysNeeded: boolean;
}

/** The sealed columns whose tables this database has. */
async function sealedColumns(dataSource: DataSource): Promise<typeof SEALED_COLUMNS> {
  const tables = [...new Set(SEALED_COLUMNS.map((c) => c.table))];
  const rows: Array<{ name: string }> = await dataSource.query(`SELECT t.name FROM unnest($1::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL`, [tables]);
  return SEALED_COLUMNS.filter((c) => rows.some((r) => r.name === c.table));
}

/** Counts of sealed values by version (`v1`, `v2`) and key id (master key for v1, data key for v2). */
async function valuesByKey(dataSource: DataSource): Promise<Array<{ version: string; key_id: string; n: number }>> {
  const parts = (await sealedColumns(dataSource)).map(({ table, column }) => `SELECT split_part(${column}, '.', 1) AS version, split_part(${column}, '.', 2) AS key_id FROM ${table} WHERE ${column} IS NOT NULL`);
  return dataSource.query(`SELECT version, key_id, count(*)::int AS n FROM (${parts.join(" UNION ALL ")}) v GROUP BY 1, 2 ORDER BY 1, 2`);
}

/**
 * Rotates the PII keys to the current master key, while the hub keeps running:
 *
 * 1. an encrypt data key wrapped under the current master key (made unless the newest one already is, so a run
 *    again or after an interruption goes on with it; `newDataKey` forces a new one);
 * 2. every data key, the hash key and retired keys included, re-wrapped under the current master key;
 * 3. every sealed value not under that data key re-sealed under it, `batchSize` at a time, each batch its own
 *    short transaction whose UPDATE names the value it read (`WHERE id = … AND <column> = <value read>`), so a
 *    write made meanwhile is never overwritten (it is read again on the next pass);
 * 4. the older encrypt keys retired (they still open any value a hub wrote with them meanwhile), with one audit
 *    entry for the rotation in the same transaction.
 *
 * Re-sealing changes no value (the plaintext never leaves this process), so it writes no per-record audit entry,
 * no version and no `updated_at`. Fails before changing anything when a data key or a `v1.` value needs a
 * master key that is not configured.
 */
export async function rekeyPii(
  dataSource: DataSource,
  masterKeys: PiiMasterKeys,
  options: { trail: AuditTrail; actor: AuditActor; batchSize?: number; newDataKey?: boolean; maxPasses?: number },
): Promise<RekeySummary> {
  const batchSize = options.batchSize ?? 200;
  const vault = await PiiVault.load(dataSource, masterKeys, { create: true, refreshMs: 0 });
  const unknownV1 = (await valuesByKey(dataSource)).filter((v) => v.version === "v1" && !allIds(masterKeys).includes(v.key_id)).map((v) => v.key_id);
  if (unknownV1.length) throw new PiiKeyError(`values are sealed under master key(s) ${unknownV1.join(", ")}, which neither HUB_PII_KEY_FILE nor HUB_PII_KEY_PREVIOUS_FILES holds: nothing was changed`);

  // Checked before the first write (rewrapDataKeys checks again, under its lock): a new data key is not made
  // for a rotation that cannot re-wrap the others.
  const lockedKeys: Array<{ kek_id: string }> = await dataSource.query(`SELECT DISTINCT kek_id FROM pii_data_keys`);
  const missing = lockedKeys.map((row) => row.kek_id).filter((id) => !allIds(masterKeys).includes(id));
  if (missing.length) throw new PiiKeyError(`data keys are wrapped under master key(s) ${missing.join(", ")}, which neither HUB_PII_KEY_FILE nor HUB_PII_KEY_PREVIOUS_FILES holds: nothing was changed`);

  const dataKey = await rotationDataKey(dataSource, masterKeys, { fresh: options.newDataKey });
  const keysRewrapped = await rewrapDataKeys(dataSource, masterKeys);
  await vault.reload();

  let valuesResealed = 0;
  let valuesChangedMeanwhile = 0;
  const unreadable: RekeySummary["unreadable"] = [];
  for (let pass = 0; pass < (options.maxPasses ?? 3); pass++) {
    let changedThisPass = 0;
    for (const { table, column } of await sealedColumns(dataSource)) {
      let after = "00000000-0000-0000-0000-000000000000";
      for (;;) {
        const rows: Array<{ id: string; sealed: string }> = await dataSource.query(
          `SELECT id, ${column} AS sealed FROM ${table} WHERE id > $1 AND ${column} IS NOT NULL AND ${column} NOT LIKE $2 ORDER BY id LIMIT $3`,
          [after, `v2.${dataKey.id}.%`, batchSize],
        );
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        const batch: Array<{ id: string; old: string; sealed: string }> = [];
        for (const row of rows) {
          if (unreadable.some((u) => u.table === table && u.column === column && u.id === row.id)) continue;
          let plain: string;
          try {
            plain = await vault.openLatest(row.sealed);
          } catch {
            // Damaged, or under a data key the table does not hold: it stays as it is, and is reported.
            unreadable.push({ table, column, id: row.id });
            continue;
          }
          batch.push({ id: row.id, old: row.sealed, sealed: vault.seal(plain, dataKey.id) });
        }
        if (batch.length === 0) continue;
        const updated: unknown[] = await dataSource.transaction((manager) =>
          manager.query(
            `WITH resealed AS (
               UPDATE ${table} t SET ${column} = v.sealed
                 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, old, sealed)
                WHERE t.id = v.id AND t.${column} = v.old
               RETURNING t.id)
             SELECT id FROM resealed`,
            [batch.map((b) => b.id), batch.map((b) => b.old), batch.map((b) => b.sealed)],
          ),
        );
        valuesResealed += updated.length;
        changedThisPass += batch.length - updated.length;
      }
    }
    valuesChangedMeanwhile += changedThisPass;
    if (changedThisPass === 0) break;
  }

  // Computed before the transaction: on PGlite (or through a running hub's socket) it holds the one connection.
  const fields = [...new Set((await sealedColumns(dataSource)).map((c) => c.field))];
  const keysRetired = await dataSource.transaction(async (manager) => {
    const retired = await retireOlderDataKeys(manager, dataKey.id);
    await options.trail.append(manager, options.actor, [
      {
        operation: "rekeyPii",
        entityType: "PiiDataKey",
        entityId: dataKey.id,
        fields: [...fields, `masterKey:${masterKeys.current.id}`, `rewrapped:${keysRewrapped}`, `resealed:${valuesResealed}`, `retired:${retired}`],
        outcome: AuditOutcome.SUCCESS,
      },
    ]);
    return retired;
  });

  const status = await piiKeyStatus(dataSource, masterKeys);
  const valuesRemaining = status.valuesToReseal;
  const previousKeyFiles = masterKeys.previous.map((k) => k.file);
  const next = status.previousKeysNeeded
    ? `values or data keys still need a previous master key${valuesRemaining ? ` (${valuesRemaining} values not yet re-sealed)` : ""}: keep HUB_PII_KEY_PREVIOUS_FILES and run \`hub pii rekey\` again`
    : valuesRemaining > 0
      ? `${valuesRemaining} values are not yet under the new data key${unreadable.length ? ` (${unreadable.length} do not open: see unreadable)` : ""}: run \`hub pii rekey\` again`
      : previousKeyFiles.length
        ? "every data key is wrapped under HUB_PII_KEY_FILE and no value needs the previous master key: remove HUB_PII_KEY_PREVIOUS_FILES, restart the hub, then the previous key file(s) may be deleted; back up HUB_PII_KEY_FILE"
        : "every data key is wrapped under HUB_PII_KEY_FILE; back it up";
  return {
    masterKey: masterKeys.current.id,
    dataKey: dataKey.id,
    dataKeyCreated: dataKey.created,
    keysRewrapped,
    valuesResealed,
    valuesChangedMeanwhile,
    keysRetired,
    valuesRemaining,
    unreadable,
    previousKeysNeeded: status.previousKeysNeeded,
    previousKeyFiles,
    next,
  };
}

function allIds(keys: PiiMasterKeys): string[] {
  return [keys.current.id, ...keys.previous.map((k) => k.id)];
}

/**
 * What each key holds: sealed values per data key, data keys and `v1.` values per master key (the configured
 * ones and any other one named), so an operator sees that a previous master key is unreferenced before
 * deleting it. Reads only; needs no key to unwrap.
 */
export async function piiKeyStatus(dataSource: DataSource, masterKeys: PiiMasterKeys): Promise<PiiKeyStatus> {
  const rows: Array<{ id: string; purpose: string; kek_id: string; created_at: Date | string; retired_at: Date | string | null }> = await dataSource.query(
    `SELECT id, purpose, kek_id, created_at, retired_at FROM pii_data_keys ORDER BY created_at, id`,
  );
  const values = await valuesByKey(dataSource);
  const count = (version: string, keyId: string) => values.filter((v) => v.version === version && v.key_id === keyId).reduce((n, v) => n + v.n, 0);
  const dataKeys = rows.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    masterKey: row.kek_id,
    createdAt: new Date(row.created_at).toISOString(),
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at).toISOString(),
    values: row.purpose === "hash" ? null : count("v2", row.id),
  }));
  const configured = [
    { key: masterKeys.current, as: "HUB_PII_KEY_FILE" as const },
    ...masterKeys.previous.map((key) => ({ key, as: "HUB_PII_KEY_PREVIOUS_FILES" as const })),
  ];
  const named = [...new Set([...rows.map((r) => r.kek_id), ...values.filter((v) => v.version === "v1").map((v) => v.key_id)])].filter((id) => !configured.some((c) => c.key.id === id));
  const masterKeyRows: PiiKeyStatus["masterKeys"] = [
    ...configured.map(({ key, as }) => ({ id: key.id, configuredAs: as, file: key.file })),
    ...named.map((id) => ({ id, configuredAs: "not configured" as const, file: null })),
  ].map((k) => ({ ...k, dataKeys: rows.filter((r) => r.kek_id === k.id).length, v1Values: count("v1", k.id) }));
  // What a rotation would re-seal: everything not under the newest live encrypt key wrapped under the current master key.
  const newest = rows.filter((r) => r.purpose === "encrypt" && r.retired_at === null).at(-1);
  const target = newest?.kek_id === masterKeys.current.id ? newest : undefined;
  const sealedTotal = values.reduce((n, v) => n + v.n, 0);
  return {
    masterKeys: masterKeyRows,
    dataKeys,
    valuesToReseal: sealedTotal - (target ? count("v2", target.id) : 0),
    previousKeysNeeded: masterKeyRows.some((k) => k.configuredAs !== "HUB_PII_KEY_FILE" && (k.dataKeys > 0 || k.v1Values > 0)),
  };
}
