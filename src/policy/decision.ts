import type { Viewer } from "../auth/viewer";
import { ForbiddenError } from "../errors/errors";

/**
 * Every decision of the policy is a named predicate registered here, so that one listing shows them all
 * (`policyListing`), a test can loosen any one of them in-process to prove some test notices (the
 * load-bearing test), and a trace can tell which decision denied a request.
 *
 * Layers: `rule` decides whether a field or an operation may be used at all (graphql-shield); `row` decides
 * which records exist for the caller (SQL and in-memory forms side by side); `write` decides whether the
 * caller may make this change to this record; `disclosure` whether personal data may leave in full.
 */
export type Layer = "rule" | "row" | "write" | "disclosure";

export interface PolicyDecision {
  readonly name: string;
  readonly layer: Layer;
  /** One sentence a reviewer reads: who is allowed. */
  readonly summary: string;
  /** Set only by the load-bearing test: the decision then allows everything. */
  loosened: boolean;
}

/** A WHERE clause with named parameters (TypeORM's `:name`), prefixed `vis_`. */
export interface Clause {
  clause: string;
  params: Record<string, unknown>;
}

export const NOTHING: Clause = { clause: "1 = 0", params: {} };
export const EVERYTHING: Clause = { clause: "1 = 1", params: {} };

const registry = new Map<string, PolicyDecision>();

/** What a trace receives: a decision was taken, and whether it allowed (`sql`: a row predicate was applied). */
export type PolicyTracer = (name: string, layer: Layer, outcome: boolean | "sql") => void;
let tracer: PolicyTracer | undefined;

function register<D extends PolicyDecision>(decision: D): D {
  if (registry.has(decision.name)) throw new Error(`policy decision ${decision.name} is declared twice`);
  registry.set(decision.name, decision);
  return decision;
}

function decided(decision: PolicyDecision, allowed: boolean): boolean {
  tracer?.(decision.name, decision.layer, allowed);
  return allowed;
}

export interface Predicate<A extends unknown[]> extends PolicyDecision {
  (...args: A): boolean;
}

/** A named yes/no decision over the caller and what it acts on. */
export function predicate<A extends unknown[]>(name: string, layer: Layer, summary: string, decide: (...args: A) => boolean): Predicate<A> {
  const fn = ((...args: A) => decided(fn, fn.loosened || decide(...args))) as Predicate<A>;
  Object.defineProperty(fn, "name", { value: name });
  return register(Object.assign(fn, { layer, summary, loosened: false }) as Predicate<A>);
}

/**
 * Which records of one kind exist for a caller, as a SQL predicate over a table alias and as an in-memory
 * test over a loaded row. The two forms say the same thing (a test checks them against each other on
 * generated rows for every caller of the matrix); a record outside them does not exist for the caller.
 */
export interface RowVisibility<S extends unknown[], T extends unknown[]> extends PolicyDecision {
  sql(viewer: Viewer, ...args: S): Clause;
  test(viewer: Viewer, ...args: T): boolean;
}

export function rowVisibility<S extends unknown[], T extends unknown[]>(
  name: string,
  summary: string,
  forms: { sql: (viewer: Viewer, ...args: S) => Clause; test: (viewer: Viewer, ...args: T) => boolean },
): RowVisibility<S, T> {
  const visibility: RowVisibility<S, T> = {
    name,
    layer: "row",
    summary,
    loosened: false,
    sql(viewer, ...args) {
      tracer?.(name, "row", "sql");
      return visibility.loosened ? EVERYTHING : forms.sql(viewer, ...args);
    },
    test(viewer, ...args) {
      return decided(visibility, visibility.loosened || forms.test(viewer, ...args));
    },
  };
  return register(visibility);
}

/** Every registered decision, by name. */
export function policyDecisions(): ReadonlyMap<string, PolicyDecision> {
  return registry;
}

/**
 * Loosens every decision of the process at once: rules allow, rows are all visible, writes are permitted.
 * Only for the bench-only `HUB_BENCH_AUTHORIZATION=off` (configuration refuses it in production), to
 * measure what authorization costs.
 */
export function loosenEveryDecisionForBenchmark(): void {
  for (const decision of registry.values()) decision.loosened = true;
}

/** Installs (or, with undefined, removes) the trace; for tests and diagnostics, never on in production. */
export function tracePolicy(next: PolicyTracer | undefined): void {
  tracer = next;
}

/**
 * Throws FORBIDDEN with `refusal` unless `decision` allows: how a service applies a rule it shares with the
 * schema (a command-line import reaches the service without passing the schema's rules).
 */
export function demand<A extends unknown[]>(decision: Predicate<A>, refusal: string, ...args: A): void {
  if (!decision(...args)) throw new ForbiddenError(refusal);
}

/** A write permission: a named predicate with the refusal the caller reads when it denies. */
export interface Permission<A extends unknown[]> extends Predicate<A> {
  readonly refusal: string | ((...args: A) => string);
  /** Throws FORBIDDEN with the refusal unless the permission allows. */
  require(...args: A): void;
}

export function permission<A extends unknown[]>(name: string, summary: string, refusal: string | ((...args: A) => string), decide: (...args: A) => boolean): Permission<A> {
  const allowed = predicate(name, "write", summary, decide);
  return Object.assign(allowed, {
    refusal,
    require(...args: A) {
      if (!allowed(...args)) throw new ForbiddenError(typeof refusal === "string" ? refusal : refusal(...args));
    },
  });
}
