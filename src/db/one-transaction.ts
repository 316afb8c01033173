import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager, QueryRunner } from "typeorm";

/**
 * Runs `work` in one transaction on one connection, and hands it a data source bound to that transaction:
 * its queries, repositories and query builders run there, and its `transaction` opens a savepoint there
 * instead of a transaction of its own on another connection. Code written for a data source (the services,
 * each opening its own transaction through the command runner) so commits or rolls back as one whole: the
 * demo load (`loadDemoData`) is made of such calls.
 *
 * One connection runs one statement at a time: `transaction` calls that do not nest (a timer's flush beside
 * a command) wait for each other instead of interleaving their savepoints. A second connection would see
 * none of this transaction's rows and wait on its locks (on PGlite, whose pool is its one connection, forever),
 * so the bound data source refuses to make one.
 */
export async function inOneTransaction<T>(dataSource: DataSource, work: (bound: DataSource) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    let result: T;
    try {
      result = await work(boundTo(dataSource, runner));
    } catch (error) {
      await runner.rollbackTransaction().catch(() => {});
      throw error;
    }
    await runner.commitTransaction();
    return result;
  } finally {
    await runner.release();
  }
}

/** The data sources `inOneTransaction` made: their work is one caller's, in order, with nothing beside it. */
const boundSources = new WeakSet<DataSource>();

/** Whether `dataSource` is bound to one transaction on one connection (it opens no other, and has no background). */
export function isBoundToOneTransaction(dataSource: DataSource): boolean {
  return boundSources.has(dataSource);
}

/** Runs the work it is given one after the other, each once the one before has settled. */
function inTurn(): <T>(work: () => Promise<T>) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = previous.then(work);
    previous = next.catch(() => undefined);
    return next;
  };
}

function boundTo(dataSource: DataSource, runner: QueryRunner): DataSource {
  const manager = runner.manager;
  const nested = new AsyncLocalStorage<true>();
  const transactionsInTurn = inTurn();
  const transaction = (...args: unknown[]): Promise<unknown> => {
    const run = () => nested.run(true, () => (manager.transaction as (...a: unknown[]) => Promise<unknown>)(...args));
    // Inside another `transaction` of this data source: a savepoint within it, at once.
    return nested.getStore() ? run() : transactionsInTurn(run);
  };
  // One connection runs one statement at a time: statements asked for at once (a report's sections in
  // `Promise.all`) are sent one after the other rather than handed to the driver together.
  const statementsInTurn = inTurn();
  const query = (sql: string, parameters?: unknown[]): Promise<unknown> => statementsInTurn(() => manager.query(sql, parameters));
  // Everything else a data source offers (getRepository, sql, metadata) reads `this.manager` or `this.query`.
  const bound = Object.create(dataSource, {
    manager: { value: manager },
    transaction: { value: transaction },
    query: { value: query },
    createQueryBuilder: { value: (...args: unknown[]) => (manager.createQueryBuilder as (...a: unknown[]) => unknown)(...args) },
    createEntityManager: { value: (): EntityManager => manager },
    createQueryRunner: {
      value: () => {
        throw new Error("this data source is bound to one transaction on one connection; it opens no other");
      },
    },
  }) as DataSource;
  boundSources.add(bound);
  return bound;
}
