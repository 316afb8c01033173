/**
 * PostgreSQL's write-ahead log positions (`pg_lsn`, written `16/B374D848`) as numbers that compare: a replica
 * that has replayed up to position R shows every transaction whose commit record ends at or before R.
 */
export type Lsn = bigint;

const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** `16/B374D848` as a number; undefined for anything else (NULL: not a standby, or nothing replayed yet). */
export function parseLsn(text: unknown): Lsn | undefined {
  const match = typeof text === "string" ? LSN.exec(text) : null;
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : undefined;
}

/** Sixteen hexadecimal digits: the order of the strings is the order of the positions (Redis compares them so). */
export function lsnKey(lsn: Lsn): string {
  return lsn.toString(16).padStart(16, "0");
}

/** The inverse of `lsnKey`; undefined for anything else. */
export function lsnOfKey(key: unknown): Lsn | undefined {
  return typeof key === "string" && /^[0-9a-f]{16}$/.test(key) ? BigInt(`0x${key}`) : undefined;
}
