import type { TestHub } from "./test-hub";

/**
 * Registers an agency with a `default` client system straight in the registry, as an operator would: the
 * demo has no county bureau, and no API registers agencies (the registry is the hub operator's).
 */
export async function addBureau(hub: TestHub, agency: { code: string; name: string; regionCode: string; kind?: string }): Promise<void> {
  const [{ id }] = await hub.db.dataSource.query(`INSERT INTO agencies (code, name, kind, region_code) VALUES ($1, $2, $3, $4) RETURNING id`, [
    agency.code,
    agency.name,
    agency.kind ?? "MARKET_REGULATION",
    agency.regionCode,
  ]);
  await hub.db.dataSource.query(`INSERT INTO client_systems (agency_id, name, allowed_scopes) VALUES ($1, 'default', '{}')`, [id]);
}
