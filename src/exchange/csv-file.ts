import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { TechnicalField } from "../domain/directory-enums";
import { BadUserInputError } from "../errors/errors";

/**
 * CSV as agencies exchange it: UTF-8 with or without a byte-order mark, or GBK as Excel on a Chinese
 * Windows saves it; headers in Chinese or English. Reading gives rows keyed by our field names, each with
 * the spreadsheet row number a person sees (the header is row 1).
 */
export interface CsvRow {
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  rows: CsvRow[];
  /** Our field name → the header the file used, to name columns in the report as the user wrote them. */
  headers: Record<string, string>;
  encoding: "utf-8" | "gbk";
}

export class CsvFormatError extends Error {}

/** Decodes bytes: a UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as GBK. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: "utf-8" | "gbk" } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8" };
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(bytes, "gbk"), encoding: "gbk" };
  }
}

/**
 * Parses a CSV whose headers are any of `aliases` (field → accepted headers, compared without spaces and
 * case). `required` fields must have a column. Unknown columns are ignored.
 */
export function readCsv(bytes: Buffer, aliases: Record<string, string[]>, required: string[]): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new CsvFormatError(`the file is not valid CSV (${(error as Error).message.split("\n")[0].slice(0, 120)})`);
  }
  if (records.length === 0) throw new CsvFormatError("the file is empty");
  const normalise = (header: string) => header.replace(/\s+/g, "").toLowerCase();
  const lookup = new Map<string, string>();
  for (const [field, names] of Object.entries(aliases)) for (const name of [field, ...names]) lookup.set(normalise(name), field);
  const header = records[0];
  const columns = header.map((h) => lookup.get(normalise(h)));
  const headers: Record<string, string> = {};
  columns.forEach((field, i) => {
    if (field && !(field in headers)) headers[field] = header[i];
  });
  const missing = required.filter((field) => !(field in headers));
  if (missing.length > 0) {
    throw new CsvFormatError(`missing columns: ${missing.map((f) => `${f} (${aliases[f].join(" / ")})`).join(", ")}`);
  }
  const rows = records.slice(1).map((record, i) => {
    const values: Record<string, string> = {};
    columns.forEach((field, c) => {
      if (field && values[field] === undefined) values[field] = record[c] ?? "";
    });
    return { row: i + 2, values };
  });
  return { rows, headers, encoding };
}

/** CSV text with a UTF-8 byte-order mark, so Excel opens Chinese text correctly. */
export function writeCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return `\ufeff${stringify([header, ...rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))))], { record_delimiter: "\r\n" })}`;
}

/** Splits a list cell: `专利；商标`, `PATENT, TRADEMARK`, `专利、商标`. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(/[;；,，、|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const FIELD_LABELS: Record<string, TechnicalField> = {
  专利: TechnicalField.PATENT,
  商标: TechnicalField.TRADEMARK,
  地理标志: TechnicalField.GEOGRAPHICAL_INDICATION,
  集成电路布图设计: TechnicalField.IC_LAYOUT_DESIGN,
  商业秘密: TechnicalField.TRADE_SECRET,
  著作权: TechnicalField.COPYRIGHT,
  版权: TechnicalField.COPYRIGHT,
  技术合同: TechnicalField.TECHNICAL_CONTRACT,
  植物新品种: TechnicalField.PLANT_VARIETY,
};

export const TECHNICAL_FIELD_LABELS: Record<TechnicalField, string> = Object.fromEntries(
  Object.entries(FIELD_LABELS).filter(([label]) => label !== "版权").map(([label, field]) => [field, label]),
) as Record<TechnicalField, string>;

/**
 * Technical fields from a cell of Chinese labels or enum names. Unknown entries are BAD_USER_INPUT naming
 * them (a vocabulary word, never personal data) and the known labels, so the user can correct the cell.
 */
export function parseTechnicalFields(cell: string | undefined): TechnicalField[] {
  const unknown: string[] = [];
  const fields = splitList(cell).flatMap((item) => {
    const field = FIELD_LABELS[item] ?? (Object.values(TechnicalField) as string[]).find((f) => f === item.toUpperCase());
    if (!field) unknown.push(item.slice(0, 20));
    return field ? [field as TechnicalField] : [];
  });
  if (unknown.length > 0) {
    throw new BadUserInputError(`technicalFields: unknown value ${unknown.join("、")} (known: ${Object.values(TECHNICAL_FIELD_LABELS).join("、")}).`, "input.technicalFields");
  }
  return fields;
}
