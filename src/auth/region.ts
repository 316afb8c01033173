/**
 * Administrative division codes (GB/T 2260) and jurisdiction.
 *
 * `100000` is the national level, `XX0000` a province, `XXXX00` a prefecture-level city, anything else a
 * county or district. A region covers itself and everything below it: 410000 covers 411500 covers 411525.
 */
export const NATIONAL_REGION = "100000";

export type RegionLevel = "NATIONAL" | "PROVINCE" | "CITY" | "COUNTY";

const REGION_PATTERN = /^\d{6}$/;

export function isRegionCodeShape(code: string): boolean {
  return REGION_PATTERN.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (code === NATIONAL_REGION) return "NATIONAL";
  if (code.endsWith("0000")) return "PROVINCE";
  if (code.endsWith("00")) return "CITY";
  return "COUNTY";
}

/** The code prefix every region inside `code` shares ('' for the national level). */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case "NATIONAL":
      return "";
    case "PROVINCE":
      return code.slice(0, 2);
    case "CITY":
      return code.slice(0, 4);
    default:
      return code;
  }
}

/** Whether `outer` covers `inner` (itself included). */
export function regionCovers(outer: string, inner: string): boolean {
  if (!isRegionCodeShape(outer) || !isRegionCodeShape(inner)) return false;
  if (outer === inner) return true;
  return inner.startsWith(regionPrefix(outer)) && regionLevel(outer) !== "COUNTY";
}

/** A SQL `LIKE` pattern matching every region code `code` covers. */
export function regionLikePattern(code: string): string {
  return `${regionPrefix(code)}%`;
}

/** Province level or above (national or province), the level that supervises audit trails. */
export function isProvinceLevelOrAbove(code: string): boolean {
  const level = regionLevel(code);
  return level === "NATIONAL" || level === "PROVINCE";
}

/** The region and every level above it, innermost first: 411525 → 411525, 411500, 410000, 100000. */
export function enclosingRegions(code: string): string[] {
  const chain = [code];
  const level = regionLevel(code);
  if (level === "COUNTY") chain.push(`${code.slice(0, 4)}00`);
  if (level === "COUNTY" || level === "CITY") chain.push(`${code.slice(0, 2)}0000`);
  if (level !== "NATIONAL") chain.push(NATIONAL_REGION);
  return chain;
}
