import { ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

/** The compiled `hub` command (npm test builds it first). */
export const CLI = path.join(__dirname, "..", "..", "bin", "hub.js");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** What the hub wrote on stderr (its JSON log) so far. */
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `hub serve` in a child process on a free loopback port, as an operator runs it (optionally under a wrapper
 * such as `unshare`), resolved once `/readyz` answers 200.
 */
export async function startHubProcess(env: NodeJS.ProcessEnv, options: { wrapper?: string[]; timeoutMs?: number } = {}): Promise<HubProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, CLI, "serve"];
  const child = spawn(command, args, { env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the hub did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, url, log: () => log, exited };
}
