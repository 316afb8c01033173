import { MigrationInterface, QueryRunner } from "typeorm";

/** An agency's own query-cost budget per rate-limit window (issue 15); null: the hub's default (`HUB_RATE_LIMIT_CLIENT_POINTS`). */
export class RateLimits1765000000000 implements MigrationInterface {
  name = "RateLimits1765000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN rate_limit_points int CHECK (rate_limit_points > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies DROP COLUMN rate_limit_points`);
  }
}
