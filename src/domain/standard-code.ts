/**
 * Standard codes as people type them: `GB/T 45563.2—2025` is also written `GB/T45563.2-2025`,
 * `gb/t 45563.2–2025` or with a full-width dash. The key the catalogue matches on drops spaces, folds case
 * and every dash to `-`, so one standard has one entry however its code is spelt.
 */
export function standardCodeKey(code: string): string {
  return code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u3000]+/g, "")
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-");
}

/** A plausible standard code: a prefix (GB, GB/T, DB41/T, T/CAB, SB/T…), a number, optionally a part and year. */
export const STANDARD_CODE = /^[A-Z]{1,4}(?:\d{2})?(?:\/[A-Z]{1,6})?\d+(?:\.\d+)*(?:-\d{4})?$/;
