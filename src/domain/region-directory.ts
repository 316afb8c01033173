import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { regionCovers, regionLevel, regionPrefix } from "../auth/region";

/**
 * The regions the hub knows. The administrative divisions (GB/T 2260) come from `resources/regions.csv`:
 * every province, prefecture-level city and county of China (docs/regions.md says where they come from).
 * The functional zones (高新区, 经开区, 管理区, 示范区) come from `resources/zones.csv`, or from the file
 * `HUB_ZONES_FILE` names. Their codes are the statistics bureau's (统计用区划代码, 7x under a city), so
 * a city's jurisdiction covers its zones the way it covers its counties.
 *
 * Codes change (410728 长垣县 became 410783 长垣市 in 2019), so each code carries its validity dates. An old
 * record keeps the code that was valid when it was made, and new records must use a code valid today.
 * Loaded once per process. The same rows fill the `regions` table at start.
 */
export type RegionKind = "DIVISION" | "ZONE";

export interface Region {
  code: string;
  name: string;
  validFrom: string;
  validUntil: string | null;
  replacedBy: string | null;
  kind: RegionKind;
  /** For a zone, the city or province it lies in; null for a division (its parent follows from its code). */
  parentCode: string | null;
}

export const REGIONS_FILE = path.resolve(__dirname, "..", "..", "resources", "regions.csv");
export const ZONES_FILE = path.resolve(__dirname, "..", "..", "resources", "zones.csv");

let byCode: Map<string, Region> | undefined;

const rowsOf = (file: string) => parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
const toRegion = (row: Record<string, string>, kind: RegionKind): Region => ({
  code: row.code,
  name: row.name,
  validFrom: row.valid_from,
  validUntil: row.valid_until || null,
  replacedBy: row.replaced_by || null,
  kind,
  parentCode: kind === "ZONE" ? row.parent_code : null,
});

/**
 * The zones of `file`, checked against the divisions: each has a six-digit code of its own under its parent's
 * prefix (so jurisdiction by prefix holds), a name and a parent that is a city or province. A file that breaks
 * any of these stops the process with the line at fault rather than scoping records wrongly.
 */
export function readZones(file: string, divisions: ReadonlyMap<string, Region>): Region[] {
  return rowsOf(file).map((row, i) => {
    const zone = toRegion(row, "ZONE");
    const where = `${file} line ${i + 2}`;
    const parent = divisions.get(zone.parentCode ?? "");
    if (!/^\d{6}$/.test(zone.code) || !zone.name || !/^\d{4}-\d{2}-\d{2}$/.test(zone.validFrom)) throw new Error(`${where}: expected code (6 digits), name, parent_code and valid_from (YYYY-MM-DD)`);
    if (divisions.has(zone.code)) throw new Error(`${where}: ${zone.code} is an administrative division, not a zone`);
    if (!parent || !["CITY", "PROVINCE"].includes(regionLevel(parent.code))) throw new Error(`${where}: parent_code ${zone.parentCode} is not a city or province of resources/regions.csv`);
    const prefix = regionPrefix(parent.code);
    if (!zone.code.startsWith(prefix)) throw new Error(`${where}: ${zone.code} does not lie under ${parent.code} (its code must start with ${prefix})`);
    return zone;
  });
}

function load(): Map<string, Region> {
  if (!byCode) {
    const divisions = new Map(rowsOf(REGIONS_FILE).map((row) => [row.code, toRegion(row, "DIVISION")]));
    // Read here rather than from the hub's configuration: validators use the table before any hub exists
    // (commands, imports); the configuration checks the same variable names an existing file.
    const zones = readZones(process.env.HUB_ZONES_FILE || ZONES_FILE, divisions);
    byCode = new Map([...divisions, ...zones.map((zone) => [zone.code, zone] as const)]);
  }
  return byCode;
}

export function allRegions(): Region[] {
  return [...load().values()];
}

export function findRegion(code: string): Region | undefined {
  return load().get(code);
}

/** The division's name, or the code itself when the table does not know it. */
export function regionName(code: string): string {
  return findRegion(code)?.name ?? code;
}

/** Whether the code was a valid division on `day` (YYYY-MM-DD). */
export function regionValidOn(code: string, day: string): boolean {
  const region = findRegion(code);
  return !!region && region.validFrom <= day && (region.validUntil === null || day <= region.validUntil);
}

/** The code in use today for a division: a replaced code (410728 长垣县) leads to its successor (410783). */
export function currentRegionCode(code: string): string {
  let current = code;
  for (let hops = 0; hops < 10; hops++) {
    const next = findRegion(current)?.replacedBy;
    if (!next) break;
    current = next;
  }
  return current;
}

const childrenByCode = new Map<string, string[]>();

/**
 * The codes in use one level below `code`, in the table's order (for a county: itself): a country's
 * provinces; a province's cities and the county-level units it administers directly (no city code above
 * them: Beijing's districts, 济源市); a city's counties and zones. Computed once per code.
 */
export function childRegions(code: string): string[] {
  let children = childrenByCode.get(code);
  if (!children) {
    children = regionsBelow(code);
    childrenByCode.set(code, children);
  }
  return children;
}

function regionsBelow(code: string): string[] {
  const level = regionLevel(code);
  if (level === "COUNTY") return [code];
  const below = allRegions().filter((r) => !r.validUntil && r.code !== code && regionCovers(code, r.code));
  if (level === "NATIONAL") return below.filter((r) => regionLevel(r.code) === "PROVINCE").map((r) => r.code);
  if (level === "PROVINCE") return below.filter((r) => regionLevel(r.code) === "CITY" || (regionLevel(r.code) === "COUNTY" && !findRegion(`${r.code.slice(0, 4)}00`))).map((r) => r.code);
  return below.map((r) => r.code);
}
