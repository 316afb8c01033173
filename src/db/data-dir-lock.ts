import fs from "node:fs";
import path from "node:path";

/**
 * The embedded PGlite database may be opened by one process at a time: two would corrupt it. A process that
 * opens it writes `<dir>/hub.pid`; another finds a live holder there and stays out (a `hub` command then
 * reaches the database through the running hub's socket, `embedded-database-server.ts`).
 *
 * The file names the process by its pid and, where `/proc` tells them (Linux), its start time and PID
 * namespace: a pid is reused once its process is gone, so a file left by a hub that was killed can name an
 * unrelated live process (a shell, another service) that must not keep the hub from starting. A holder is
 * live when that pid runs and, when the file says so, started at the same moment. A hub in another PID
 * namespace (a container's, whose pid means nothing here) is live when a process of that namespace with
 * that start time can be seen from here; one that cannot (a container restarted, in a new namespace) is
 * gone. Without `/proc`, or for a file with only a pid, the pid answering is enough, as before.
 */
export function embeddedDatabaseHolder(dir: string): number | undefined {
  const holder = readHolder(path.join(dir, "hub.pid"));
  if (!holder) return undefined;
  const here = pidNamespace("self");
  const sameNamespace = holder.namespace === undefined || here === undefined || holder.namespace === here;
  if (sameNamespace && holder.pid === process.pid) return undefined;
  if (!sameNamespace) return holder.started === undefined ? undefined : findProcess(holder.namespace!, holder.started);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  if (holder.started === undefined) return holder.pid;
  const started = processStartTime(holder.pid);
  // Unknown here (no /proc): the pid answers, so keep out as before.
  if (started === undefined || started === holder.started) return holder.pid;
  return undefined;
}

interface Holder {
  pid: number;
  /** The process's start time in clock ticks after boot (`/proc/<pid>/stat`, field 22). */
  started?: string;
  /** `pid:[4026531836]`: the PID namespace the pid belongs to. */
  namespace?: string;
}

/** `{"pid":…,"started":…,"namespace":…}`, or a bare pid as hubs before this one wrote it. */
function readHolder(file: string): Holder | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
  let holder: Holder;
  if (/^\d+$/.test(text)) {
    holder = { pid: Number(text) };
  } else {
    try {
      const parsed = JSON.parse(text) as Partial<Record<keyof Holder, unknown>>;
      holder = {
        pid: Number(parsed.pid),
        ...(typeof parsed.started === "string" ? { started: parsed.started } : {}),
        ...(typeof parsed.namespace === "string" ? { namespace: parsed.namespace } : {}),
      };
    } catch {
      return undefined;
    }
  }
  return Number.isInteger(holder.pid) && holder.pid > 0 ? holder : undefined;
}

/** When the process started, in clock ticks after boot; undefined where `/proc` does not say (not Linux). */
function processStartTime(pid: number | "self"): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const started = fields[19];
    return started && /^\d+$/.test(started) ? started : undefined;
  } catch {
    return undefined;
  }
}

/** The pid, as seen here, of the process of PID namespace `namespace` that started at `started`, if visible. */
function findProcess(namespace: string, started: string): number | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (processStartTime(pid) === started && pidNamespace(pid) === namespace) return pid;
  }
  return undefined;
}

function pidNamespace(pid: number | "self"): string | undefined {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return undefined;
  }
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `the embedded database under ${dir} is in use by hub process ${pid}; stop it first, or use DATABASE_URL (if no hub runs there any more, remove ${path.join(dir, "hub.pid")})`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

/** Takes the lock or throws `EmbeddedDatabaseBusyError`; returns the release function. */
export function lockEmbeddedDatabase(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "hub.pid");
  const self: Holder = { pid: process.pid, started: processStartTime("self"), namespace: pidNamespace("self") };
  const text = JSON.stringify(self);
  // Created exclusively, so two processes starting at once cannot both take it; a file whose holder is gone
  // (or was never a live hub) is replaced.
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, text, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = embeddedDatabaseHolder(dir);
      if (holder !== undefined) throw new EmbeddedDatabaseBusyError(dir, holder);
      if (attempt >= 3) throw error;
      fs.rmSync(file, { force: true });
    }
  }
  return () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === text) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
