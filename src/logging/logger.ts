import pino, { Logger } from "pino";

/**
 * Structured JSON logs (pino). Personal data never reaches the log: request headers that identify people
 * or carry credentials are redacted by path, and nothing logs GraphQL variables or result data.
 */
export type { Logger };

export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-end-user"]',
  "headers.authorization",
  'headers["x-end-user"]',
  "endUser",
  "token",
  "variables",
  "idNumber",
  "phone",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "appraisal-hub" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 2, sync: false }),
  );
}

/** A logger that writes nothing, for tests and one-shot CLI commands that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
