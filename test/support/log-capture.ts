import { Writable } from "node:stream";
import { createLogger, Logger } from "../../src/logging/logger";

/** A real logger at `level` whose JSON lines are kept in `lines`, for tests that read what the hub logs. */
export function capturedLogger(level = "info"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
