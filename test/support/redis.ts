import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { freePort } from "./hub-process";

/** Debian's redis-server: `.ci/run` installs it; tests that share rate-limit budgets start their own. */
export const REDIS_SERVER = "/usr/bin/redis-server";

export function redisAvailable(): boolean {
  const available = fs.existsSync(REDIS_SERVER);
  if (!available && process.env.CI) throw new Error(`CI needs ${REDIS_SERVER} for the shared rate-limit tests (.ci/run installs redis-server)`);
  return available;
}

/** A throwaway Redis on a free loopback port, without persistence; answers once it accepts connections. */
export async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const server = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (up) return { url: `redis://127.0.0.1:${port}`, stop: () => server.kill("SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill("SIGKILL");
  throw new Error("redis-server did not start");
}
