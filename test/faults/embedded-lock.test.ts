import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedDatabaseHolder, EmbeddedDatabaseBusyError, lockEmbeddedDatabase } from "../../src/db/data-dir-lock";

/**
 * The embedded database's lock (`<dir>/hub.pid`) after a hub was killed: the file stays behind, and the
 * kernel hands its pid to some other process sooner or later. A stale file must not keep the next hub from
 * starting, whatever process now has that number; a live hub's file must still keep others out.
 */
const LOCK_MODULE = path.join(__dirname, "..", "..", "dist", "db", "data-dir-lock.js");

let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-lock-"));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A process that takes the lock on `dir` as a hub does, says so, and waits to be killed. */
async function lockHolder(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", `require(${JSON.stringify(LOCK_MODULE)}).lockEmbeddedDatabase(process.argv[1]); console.log("locked"); setInterval(() => {}, 1000);`, dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => String(chunk).includes("locked") && resolve());
    child.once("exit", (code) => reject(new Error(`the lock holder exited ${code}`)));
  });
  return child;
}

/** An unrelated live process (not a hub). */
function bystander(): ChildProcess {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(child);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

it("keeps others out while the hub that holds the lock lives", async () => {
  const holder = await lockHolder();
  expect(embeddedDatabaseHolder(dir)).toBe(holder.pid);
  expect(() => lockEmbeddedDatabase(dir)).toThrow(EmbeddedDatabaseBusyError);
});

it("starts when the hub.pid of a killed hub now names an unrelated live process", async () => {
  const holder = await lockHolder();
  const deadPid = holder.pid!;
  await kill(holder);
  const file = path.join(dir, "hub.pid");
  expect(fs.existsSync(file)).toBe(true);
  // The kernel reuses pids: the number in the file now belongs to a process that is no hub.
  const other = bystander();
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(String(deadPid), String(other.pid)));
  expect(other.exitCode).toBeNull();

  expect(embeddedDatabaseHolder(dir)).toBeUndefined();
  const release = lockEmbeddedDatabase(dir);
  expect(embeddedDatabaseHolder(dir)).toBeUndefined(); // this process holds it now
  release();
  expect(fs.existsSync(file)).toBe(false);
});

it("starts when the hub.pid names a process that is gone", async () => {
  const holder = await lockHolder();
  await kill(holder);
  expect(embeddedDatabaseHolder(dir)).toBeUndefined();
  lockEmbeddedDatabase(dir)();
});
