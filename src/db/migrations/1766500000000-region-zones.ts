import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every region of China and functional zones (issue 19): the region table now holds all of GB/T 2260 and the
 * zones (高新区, 经开区, 管理区) a deployment configures, each zone under the city or province it lies in.
 */
export class RegionZones1766500000000 implements MigrationInterface {
  name = "RegionZones1766500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions ADD COLUMN kind text NOT NULL DEFAULT 'DIVISION' CHECK (kind IN ('DIVISION','ZONE')), ADD COLUMN parent_code text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM regions WHERE kind = 'ZONE'`);
    await q.query(`ALTER TABLE regions DROP COLUMN parent_code, DROP COLUMN kind`);
  }
}
