import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

/**
 * The administrative divisions the hub knows (GB/T 2260), from `resources/regions.csv`: every province,
 * and Henan down to its counties. Codes change (410728 长垣县 became 410783 长垣市 in 2019), so each code
 * carries its validity dates: an old record keeps the code that was valid when it was made, and new records
 * must use a code valid today. Loaded once per process; the same file fills the `regions` table at start.
 */
export interface Region {
  code: string;
  name: string;
  validFrom: string;
  validUntil: string | null;
  replacedBy: string | null;
}

export const REGIONS_FILE = path.resolve(__dirname, "..", "..", "resources", "regions.csv");

let byCode: Map<string, Region> | undefined;

function load(): Map<string, Region> {
  if (!byCode) {
    const rows = parse(fs.readFileSync(REGIONS_FILE, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
    byCode = new Map(
      rows.map((row) => [
        row.code,
        { code: row.code, name: row.name, validFrom: row.valid_from, validUntil: row.valid_until || null, replacedBy: row.replaced_by || null },
      ]),
    );
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
