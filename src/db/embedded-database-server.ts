import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import type { Logger } from "../logging/logger";
import { PGlitePool, SessionLock } from "./pglite-pool";

/**
 * The running hub serves its embedded database to the `hub` commands on the same machine, over the
 * PostgreSQL protocol on a Unix socket inside the database directory: `<dataDir>/pglite/.s.PGSQL.5432`, so a
 * `pg` client connects with `host=<dataDir>/pglite`. PGlite admits one process, and this is how a second one
 * (`hub migrate`, `hub token`, `hub import` …) reaches the database while the hub runs.
 *
 * PGlite has one session, which the hub's own requests use in-process. `@electric-sql/pglite-socket`'s server
 * takes PGlite's query mutex per protocol message only, so beside in-process use it would let the hub's
 * statements land inside a client's transaction (and the reverse), and between a client's Parse and Sync. So
 * only its per-connection protocol handler is used here, with a queue of our own that takes the database's
 * `SessionLock`, the lock the hub's pool takes for each of its connections: a client holds the session from its
 * first message until PGlite answers ReadyForQuery outside a transaction, like a pool connection held for one
 * statement or one transaction. Clients queue behind each other and behind the hub's requests, never between
 * their statements. A client that disconnects or stays idle inside a transaction for `idleInTransactionMs` is
 * rolled back and the session released. The socket is created with mode 0600: PGlite asks for no password.
 */
export const EMBEDDED_SOCKET_NAME = ".s.PGSQL.5432";

/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;

export function embeddedSocketPath(pgliteDir: string): string {
  return path.join(pgliteDir, EMBEDDED_SOCKET_NAME);
}

export interface EmbeddedDatabaseServer {
  readonly socketPath: string;
  /** Closes the socket; clients' open transactions are rolled back. The database stays open. */
  stop(): Promise<void>;
}

/**
 * Serves the PGlite database of `pgliteDir` (already opened by this process's pool) on its socket. Returns
 * undefined, after a warning, when the path is too long for a Unix socket.
 */
export async function serveEmbeddedDatabase(
  pgliteDir: string,
  logger: Logger,
  options: { idleInTransactionMs?: number } = {},
): Promise<EmbeddedDatabaseServer | undefined> {
  const socketPath = embeddedSocketPath(pgliteDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    logger.warn({ socketPath }, "the data directory's path is too long for a Unix socket; hub commands cannot reach the embedded database while the hub runs");
    return undefined;
  }
  const db = await PGlitePool.open(pgliteDir);
  const queue = new SessionQueue(db, PGlitePool.sessionLock(pgliteDir), options.idleInTransactionMs ?? 30_000, logger);
  // This process holds the data directory's lock, so a socket file left there is a crashed hub's.
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as PGLiteSocketHandlerOptions["queryQueue"], closeOnDetach: true });
    queue.register(handler);
    const forget = () => queue.unregister(handler.handlerId);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  server.on("error", (error) => logger.warn({ err: error.message }, "embedded database socket error"));
  return {
    socketPath,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      queue.close();
      await Promise.all(queue.connected().map((handler) => handler.detach(true)));
      await queue.idle();
      await closed;
      fs.rmSync(socketPath, { force: true });
    },
  };
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

/** Sync: ends an extended-protocol exchange that a client left half done. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * Stands in for pglite-socket's QueryQueueManager (same three methods, which is all its handler calls): runs
 * each client's messages in order, with the session lock held from a client's first message to its next
 * ReadyForQuery with transaction status idle.
 */
class SessionQueue {
  private queue: QueuedMessage[] = [];
  private owner: number | undefined;
  private release: (() => void) | undefined;
  private pumping = false;
  private closed = false;
  private cleaning: Promise<void> | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly handlers = new Map<number, PGLiteSocketHandler>();

  constructor(
    private readonly db: PGlite,
    private readonly lock: SessionLock,
    private readonly idleInTransactionMs: number,
    private readonly logger: Logger,
  ) {}

  register(handler: PGLiteSocketHandler): void {
    this.handlers.set(handler.handlerId, handler);
  }

  unregister(handlerId: number): void {
    this.handlers.delete(handlerId);
  }

  /** The clients still connected. */
  connected(): PGLiteSocketHandler[] {
    return [...this.handlers.values()];
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (this.closed) return reject(new Error("the hub is shutting down"));
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  /** Refuses further messages; `idle()` then resolves once the session is cleaned and released. */
  close(): void {
    this.closed = true;
    for (const entry of this.queue.splice(0)) entry.reject(new Error("the hub is shutting down"));
  }

  async idle(): Promise<void> {
    while (this.pumping) await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.owner !== undefined) await this.clearTransactionIfNeeded(this.owner);
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((entry) => {
      if (entry.handlerId !== handlerId) return true;
      entry.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** Called when a client goes away: if it held the session, roll back what it left open and let go. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    // Once: the client's detach, the idle timer and shutdown may all ask for it.
    this.cleaning ??= (async () => {
      // Wait for a message of its that is still running, so the session is not cleaned under it.
      while (this.pumping && this.owner === handlerId) await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.owner !== handlerId) return;
      try {
        await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
        if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, "could not roll back a disconnected client's transaction");
      }
      this.letGo();
    })().finally(() => (this.cleaning = undefined));
    await this.cleaning;
    void this.pump();
  }

  private letGo(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.owner = undefined;
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const index = this.owner === undefined ? 0 : this.queue.findIndex((entry) => entry.handlerId === this.owner);
        if (index < 0 || this.queue.length === 0) break;
        const [entry] = this.queue.splice(index, 1);
        if (this.owner === undefined) {
          this.release = await this.lock.acquire();
          this.owner = entry.handlerId;
          if (this.closed || !this.handlers.has(entry.handlerId)) {
            // The client left, or the hub began to shut down, while it waited for the session.
            entry.reject(new Error("Handler disconnected"));
            this.letGo();
            continue;
          }
        }
        clearTimeout(this.idleTimer);
        this.idleTimer = undefined;
        const scanner = new ReadyForQueryScanner();
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(entry.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                scanner.feed(data);
                entry.onData(data);
              },
            }),
          );
        } catch (error) {
          // The handler closes the connection on this; clearTransactionIfNeeded then cleans the session.
          entry.reject(error as Error);
          continue;
        }
        entry.resolve(bytes);
        if (scanner.status === IDLE) this.letGo();
      }
      if (this.owner !== undefined && this.idleTimer === undefined) this.armIdleTimer(this.owner);
    } finally {
      this.pumping = false;
    }
  }

  /** A client that holds the session and sends nothing is cut off, as PostgreSQL's idle_in_transaction_session_timeout does. */
  private armIdleTimer(owner: number): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.owner !== owner) return;
      this.logger.warn({ ms: this.idleInTransactionMs }, "a local client stayed idle inside a transaction; closing its connection");
      const handler = this.handlers.get(owner);
      this.handlers.delete(owner);
      // Detaching cleans the session through clearTransactionIfNeeded; a handler already detached does not.
      void (handler ? handler.detach(true) : Promise.resolve()).then(() => this.clearTransactionIfNeeded(owner));
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I': not in a transaction block

/**
 * Follows the backend's messages (type byte, int32 length, body) across chunks and keeps the transaction
 * status of the last ReadyForQuery seen.
 */
class ReadyForQueryScanner {
  status: number | undefined;
  private readonly header = Buffer.alloc(5);
  private headerLength = 0;
  private remaining = 0;
  private type = 0;

  feed(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        if (this.type === READY_FOR_QUERY && this.remaining === 1) this.status = chunk[i];
        const n = Math.min(this.remaining, chunk.length - i);
        this.remaining -= n;
        i += n;
        continue;
      }
      this.header[this.headerLength++] = chunk[i++];
      if (this.headerLength === 5) {
        this.type = this.header[0];
        this.remaining = this.header.readInt32BE(1) - 4;
        this.headerLength = 0;
        if (this.type === READY_FOR_QUERY) this.status = undefined;
      }
    }
  }
}
