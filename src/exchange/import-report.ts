import type { HubContext } from "../context/context";
import { BadUserInputError, HubError } from "../errors/errors";
import type { CsvTable } from "./csv-file";

/** What an import did, row by row: bad rows are reported and never stop good ones. */
export interface ImportReport {
  kind: string;
  encoding: string;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** One entry per problem: a row with two bad cells has two entries. */
  rejected: Array<{ row: number; column: string; message: string }>;
}

export function emptyReport(kind: string, encoding: string, dryRun: boolean, rows: number): ImportReport {
  return { kind, encoding, dryRun, rows, created: 0, updated: 0, unchanged: 0, rejected: [] };
}

/**
 * Records a refused row. Coded errors carry the input field (`input.creditCode`), which is translated back
 * into the column header the file used; a refusal without a field is about jurisdiction, which `scopeField`
 * (the region or institution column) decides. Anything else is not the row's fault and is rethrown.
 */
function rejectRow(report: ImportReport, row: number, error: unknown, headers: Record<string, string>, scopeField: string): void {
  if (!(error instanceof HubError)) throw error;
  // A row with several bad cells reports each of them (one line per problem), not only the first.
  const problems = error instanceof BadUserInputError ? error.problems : [{ field: typeof error.extensions.field === "string" ? error.extensions.field : "", message: error.message }];
  for (const problem of problems) {
    const field = problem.field ? problem.field.replace(/^input\./, "").split(/[.[]/)[0] : scopeField;
    report.rejected.push({ row, column: headers[field] ?? field, message: problem.message });
  }
}

/** The report as lines for a terminal: a summary, then one line per refused row. */
export function formatReport(report: ImportReport): string {
  const verb = report.dryRun ? "would be" : "were";
  const lines = [
    `${report.kind}: ${report.rows} rows read (${report.encoding}); ${report.created} ${verb} created, ${report.updated} ${verb} updated, ${report.unchanged} unchanged, ${rejectedRows(report)} rejected${report.dryRun ? " (dry run: nothing written)" : ""}`,
    ...report.rejected.map((r) => `row ${r.row}, column ${r.column || "-"}: ${r.message}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** Rows refused (a row with several problems counts once). */
export function rejectedRows(report: ImportReport): number {
  return new Set(report.rejected.map((r) => r.row)).size;
}

export type RowOutcome = "created" | "updated" | "unchanged";

/**
 * The loop every import shares: one fresh request context per row (no loader cache outlives its row), the
 * row's own transactions inside the services, outcomes counted, refused rows reported. `claim` refuses a
 * key (credit code, ID hash) that an earlier row of the same file already used.
 */
export async function importRows(
  kind: string,
  table: CsvTable,
  options: { dryRun: boolean; scopeField: string },
  newContext: () => HubContext,
  handle: (ctx: HubContext, values: Record<string, string>, claim: (key: string, field: string) => void) => Promise<RowOutcome>,
): Promise<ImportReport> {
  const report = emptyReport(kind, table.encoding, options.dryRun, table.rows.length);
  const seen = new Set<string>();
  const claim = (key: string, field: string) => {
    if (seen.has(key)) throw new BadUserInputError("This key already appeared in an earlier row of the file.", field);
    seen.add(key);
  };
  for (const { row, values } of table.rows) {
    try {
      report[await handle(newContext(), values, claim)]++;
    } catch (error) {
      rejectRow(report, row, error, table.headers, options.scopeField);
    }
  }
  return report;
}
