import { BadUserInputError } from "../errors/errors";

/** The page sizes of every list: `first` defaults to 20 and is capped at 100 (contract.md). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
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

/** Decodes a cursor made by `encodeCursor` with `arity` key parts; a forged or foreign cursor is BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined, arity: number): Array<string | number> | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === "string" || typeof part === "number")) {
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
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => Array<string | number>, totalCount: number): Page<T> {
  const nodes = rows.slice(0, size);
  return { nodes, cursors: nodes.map((row) => encodeCursor(keyOf(row))), hasNextPage: rows.length > size, totalCount };
}
