import type { DataSource, EntityManager } from "typeorm";

/**
 * Runs the hub's own background work (the audit sequencer, the tree head publisher) on a connection marked as
 * such in `QueryRunner.data`, so that what requests send (`QueryCounter.count`) is told apart from the work
 * that serves every request at once (`QueryCounter.background`).
 */
export async function inBackground<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, options: { transaction?: boolean } = {}): Promise<T> {
  const runner = dataSource.createQueryRunner();
  runner.data = { background: true };
  try {
    return options.transaction ? await runner.manager.transaction(work) : await work(runner.manager);
  } finally {
    await runner.release();
  }
}
