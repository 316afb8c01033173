import { EventEmitter } from "node:events";
import fs from "node:fs";
import { PGlite, types } from "@electric-sql/pglite";

/**
 * A `pg.Pool` look-alike over one embedded PGlite database, for TypeORM's postgres driver.
 *
 * PGlite has a single connection. Handing that connection to two TypeORM query runners at once would
 * interleave their statements: one runner's `BEGIN`/`ROLLBACK` would swallow the other's writes. So this
 * pool behaves like a `pg.Pool` with `max: 1`: `connect()` waits until the previous holder releases the
 * connection. Code must therefore never query through the data source while it holds a transaction (it
 * would wait for itself), the same discipline a size-1 server pool enforces. The wait is on the database's
 * `SessionLock`, which every user of the instance shares: other pools on the same directory, and the
 * clients of the running hub's local socket (`embedded-database-server.ts`).
 *
 * Results are shaped like `pg`'s (`rows`, `rowCount`, `command`) and values parse like `pg`'s defaults
 * (int8 and numeric as strings, dates as `YYYY-MM-DD` strings), so code behaves the same on both databases.
 */
export class PGlitePool extends EventEmitter {
  private static instances = new Map<string, Promise<PGlite>>();
  private static locks = new Map<string, SessionLock>();
  private readonly dataDir: string | undefined;
  private readonly restoreFrom: string | undefined;

  constructor(options: { pgliteDataDir?: string; pgliteRestoreFrom?: string }) {
    super();
    this.dataDir = options.pgliteDataDir;
    this.restoreFrom = options.pgliteRestoreFrom;
  }

  /**
   * One PGlite per data directory per process (PGlite cannot open one directory twice). A new database can
   * start as a copy of a `dumpDataDir` tarball (`restoreFrom`), which skips `initdb`.
   */
  static open(dataDir: string | undefined, restoreFrom?: string): Promise<PGlite> {
    const key = dataDir ?? "memory://";
    let instance = PGlitePool.instances.get(key);
    if (!instance) {
      instance = PGlite.create(dataDir ?? "memory://", {
        loadDataDir: restoreFrom ? new Blob([fs.readFileSync(restoreFrom)]) : undefined,
        parsers: {
          [types.INT8]: (value: string) => value,
          [types.NUMERIC]: (value: string) => value,
          [types.DATE]: (value: string) => value,
        },
      });
      PGlitePool.instances.set(key, instance);
    }
    return instance;
  }

  static async close(dataDir: string | undefined): Promise<void> {
    const key = dataDir ?? "memory://";
    const instance = PGlitePool.instances.get(key);
    PGlitePool.instances.delete(key);
    PGlitePool.locks.delete(key);
    if (instance) await (await instance).close();
  }

  /** The lock on the single session of the database in `dataDir` (one per directory per process). */
  static sessionLock(dataDir: string | undefined): SessionLock {
    const key = dataDir ?? "memory://";
    let lock = PGlitePool.locks.get(key);
    if (!lock) {
      lock = new SessionLock();
      PGlitePool.locks.set(key, lock);
    }
    return lock;
  }

  connect(callback: (err: Error | null, client?: PGliteClient, release?: (err?: Error) => void) => void): void {
    PGlitePool.sessionLock(this.dataDir)
      .acquire()
      .then((release) =>
        PGlitePool.open(this.dataDir, this.restoreFrom).then(
          (db) => {
            let released = false;
            callback(null, new PGliteClient(db), () => {
              if (!released) {
                released = true;
                release();
              }
            });
          },
          (error: Error) => {
            release();
            callback(error);
          },
        ),
      );
  }

  end(callback?: (err?: Error) => void): void {
    PGlitePool.close(this.dataDir).then(
      () => callback?.(),
      (error: Error) => callback?.(error),
    );
  }
}

/**
 * Whoever holds it owns PGlite's one session: its transaction, its unnamed statement and portal. Holders
 * queue in order of arrival; `acquire()` resolves with the release function once the previous holder let go.
 */
export class SessionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(() => release);
  }
}

/** The connection handed out by `PGlitePool.connect`; speaks the part of `pg.Client` TypeORM uses. */
class PGliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(sql: string, params?: unknown[] | ((err: Error | null, result?: unknown) => void), cb?: (err: Error | null, result?: unknown) => void): Promise<unknown> {
    const callback = typeof params === "function" ? params : cb;
    const values = Array.isArray(params) ? params : undefined;
    const run = values && values.length > 0 ? this.db.query(sql, values) : this.db.exec(sql).then((all) => all[all.length - 1] ?? { rows: [], fields: [] });
    return run.then(
      (raw: { rows: unknown[]; affectedRows?: number; fields: unknown[] }) => {
        const result = {
          rows: raw.rows,
          fields: raw.fields,
          rowCount: raw.affectedRows ?? raw.rows.length,
          command: /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "",
        };
        callback?.(null, result);
        return result;
      },
      (error: Error) => {
        callback?.(error);
        throw error;
      },
    );
  }

  release(): void {
    // Releasing happens through the callback handed out by `connect`.
  }
}
