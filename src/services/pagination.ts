import { BadUserInputError } from "../errors/errors";

/** The page sizes of every list: `first` defaults to 20 and is capped at 100 (contract.md). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  /** How many rows the whole list holds; counted only when asked for (a connection's `totalCount`). */
  totalCount: () => Promise<number>;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) throw new BadUserInputError("first must be a positive whole number.", "first");
  return Math.min(first, MAX_PAGE_SIZE);
}

/** Cursors are opaque to clients: base64url of the row's sort key. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** What each part of a list's sort key is; a cursor's parts must be of these kinds before they reach SQL. */
export type CursorPart = "text" | "uuid" | "date" | "timestamp" | "seq";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A real calendar day: `Date.parse` would roll 2024-02-30 over to 1 March, where PostgreSQL refuses it.
const isDay = (part: string) => /^\d{4}-\d{2}-\d{2}$/.test(part) && new Date(`${part}T00:00:00Z`).toISOString().startsWith(part);
const PART_CHECKS: Record<CursorPart, (part: unknown) => boolean> = {
  // No control characters: PostgreSQL refuses NUL in text.
  text: (part) => typeof part === "string" && part.length <= 1_000 && !/[\u0000-\u001f\u007f]/.test(part),
  uuid: (part) => typeof part === "string" && UUID.test(part),
  date: (part) => typeof part === "string" && isDay(part),
  timestamp: (part) => typeof part === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(part) && isDay(part.slice(0, 10)) && !Number.isNaN(Date.parse(part)),
  seq: (part) => (typeof part === "string" && /^\d{1,18}$/.test(part)) || (typeof part === "number" && Number.isSafeInteger(part) && part >= 0),
};

/**
 * Decodes a cursor made by `encodeCursor` for a list sorted by `shape`. A forged or foreign cursor, including a
 * well-formed one whose parts are of the wrong kind (`["x","y"]` where a uuid belongs), is BAD_USER_INPUT: it
 * never reaches SQL as a value the database would refuse.
 */
export function decodeCursor(cursor: string | null | undefined, shape: readonly CursorPart[]): Array<string | number> | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => PART_CHECKS[shape[i]](part))) {
      return key as Array<string | number>;
    }
  } catch {
    // fall through
  }
  throw new BadUserInputError("after is not a cursor this list gave out.", "after");
}

/**
 * Builds a page from rows fetched with `LIMIT size + 1` after the cursor (keyset pagination: the database
 * never builds rows it skips, unlike OFFSET).
 */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => Array<string | number>, totalCount: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, size);
  return { nodes, cursors: nodes.map((row) => encodeCursor(keyOf(row))), hasNextPage: rows.length > size, totalCount };
}
