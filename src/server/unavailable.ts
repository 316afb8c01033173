import type { ApolloServerPlugin } from "@apollo/server";
import type { Response } from "express";
import type { DataSource } from "typeorm";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "../errors/database-unavailable";
import { ServiceUnavailableError } from "../errors/errors";

/**
 * A GraphQL answer with a `SERVICE_UNAVAILABLE` error anywhere in it (the database or the registry could not
 * answer: `formatError` names such errors so) is sent as HTTP 503 with `Retry-After`, whatever else it holds.
 * A field-level failure would otherwise leave a 200 with the field `null`: a client, a proxy or a load
 * balancer that reads the status must learn that this answer is not to be trusted whole and should be retried.
 */
export function unavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
          if (!errors?.some((error) => error.extensions?.code === "SERVICE_UNAVAILABLE")) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** Answers an HTTP request (outside GraphQL) that needed the database while it could not answer. */
export function sendUnavailable(res: Response): void {
  const error = new ServiceUnavailableError();
  res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  res.status(503).json({ errors: [{ message: error.message, extensions: error.publicExtensions() }] });
}

export interface Readiness {
  ok: boolean;
  database: string;
  migrations: string;
}

/**
 * `/readyz`'s check, bounded: ready when the database answers and every migration has run, not ready when it
 * fails or takes longer than `timeoutMs` (a frozen network would otherwise hold the probe past the load
 * balancer's own timeout, which then decides nothing). At most one check runs at a time; probes that come
 * meanwhile share it, so a database that hangs is not asked again by every probe.
 */
export function readinessProbe(dataSource: DataSource, timeoutMs: number): () => Promise<Readiness> {
  let running: Promise<Readiness> | undefined;
  return async () => {
    running ??= readiness(dataSource).finally(() => (running = undefined));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, database: "timeout", migrations: "unknown" }), timeoutMs);
    });
    try {
      return await Promise.race([running, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Ready when the database answers and every migration has run. */
async function readiness(dataSource: DataSource): Promise<Readiness> {
  try {
    await dataSource.query("SELECT 1");
  } catch {
    return { ok: false, database: "unreachable", migrations: "unknown" };
  }
  try {
    const pending = await dataSource.showMigrations();
    return { ok: !pending, database: "ok", migrations: pending ? "pending" : "applied" };
  } catch {
    return { ok: false, database: "ok", migrations: "unknown" };
  }
}
