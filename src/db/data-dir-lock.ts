import fs from "node:fs";
import path from "node:path";

/**
 * The embedded PGlite database may be opened by one process at a time: two would corrupt it. A process that
 * opens it writes its pid into `<dir>/hub.pid`; another finds a live pid there and stays out (a `hub` command
 * then reaches the database through the running hub's socket, `embedded-database-server.ts`).
 */
export function embeddedDatabaseHolder(dir: string): number | undefined {
  const file = path.join(dir, "hub.pid");
  let pid: number;
  try {
    pid = Number(fs.readFileSync(file, "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(`the embedded database under ${dir} is in use by hub process ${pid}; stop it first, or use DATABASE_URL`);
    this.name = "EmbeddedDatabaseBusyError";
  }
}

/** Takes the lock or throws `EmbeddedDatabaseBusyError`; returns the release function. */
export function lockEmbeddedDatabase(dir: string): () => void {
  const holder = embeddedDatabaseHolder(dir);
  if (holder !== undefined) throw new EmbeddedDatabaseBusyError(dir, holder);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "hub.pid");
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
