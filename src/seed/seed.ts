import type { DataSource } from "typeorm";
import { AuditTrail, systemActor } from "../audit/audit-trail";
import { AuditOutcome } from "../entities/audit-event.entity";
import { Agency } from "../entities/agency.entity";
import { ClientSystem, DEFAULT_CLIENT_NAME } from "../entities/client-system.entity";
import { DEMO_AGENCIES, defaultAllowedScopes } from "./demo-agencies";

/**
 * Loads the demo data. Idempotent: records that exist (by code) are left as they are, so running it twice
 * changes nothing. Every record it creates is audited as the hub's own `seed` command.
 */
export async function seedDemo(dataSource: DataSource, trail: AuditTrail): Promise<{ agencies: number }> {
  return dataSource.transaction(async (manager) => {
    let created = 0;
    for (const demo of DEMO_AGENCIES) {
      if (await manager.getRepository(Agency).existsBy({ code: demo.code })) continue;
      const agency = await manager.getRepository(Agency).save(manager.create(Agency, demo));
      const client = await manager.getRepository(ClientSystem).save(
        manager.create(ClientSystem, {
          agencyId: agency.id,
          name: DEFAULT_CLIENT_NAME,
          description: "Default client system, created with the agency.",
          allowedScopes: defaultAllowedScopes(demo.kind),
        }),
      );
      await trail.append(manager, systemActor("seed"), [
        { operation: "seed", entityType: "Agency", entityId: agency.id, fields: ["code", "name", "kind", "regionCode"], outcome: AuditOutcome.SUCCESS },
        { operation: "seed", entityType: "ClientSystem", entityId: client.id, fields: ["name", "allowedScopes"], outcome: AuditOutcome.SUCCESS },
      ]);
      created++;
    }
    return { agencies: created };
  });
}

/** Whether the database holds no agencies yet: the signal to load demo data on first start. */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Agency).count()) === 0;
}
