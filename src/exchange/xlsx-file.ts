import ExcelJS from "exceljs";

/**
 * `.xlsx` as bureau staff open it in Excel or WPS: Chinese headers in a frozen first row, columns wide enough
 * to read, numbers stored as numbers (so they sum), dates as text in ISO form (a cell Excel would reformat by
 * locale is a cell a platform misreads). Built with exceljs; tests read files back with the same library.
 */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxColumn {
  header: string;
  /** Width in characters (a Chinese character counts two); default from the header. */
  width?: number;
  /** Number format for numeric cells, e.g. `0.0%` or `#,##0`. */
  numberFormat?: string;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** Lines above the header (a title, the period): the header then follows them and is what freezes. */
  title?: string[];
}

const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique in the workbook (a repeat gets 2, 3…). */
function sheetNames(sheets: XlsxSheet[]): string[] {
  const seen = new Set<string>();
  return sheets.map((sheet) => {
    const base = sheet.name.replace(/[[\]:*?/\\]/g, "-").slice(0, 28);
    let name = base;
    for (let i = 2; seen.has(name); i++) name = `${base}${i}`;
    seen.add(name);
    return name;
  });
}

export async function writeXlsx(sheets: XlsxSheet[], properties: { creator?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = properties.creator ?? "appraisal-hub";
  // Fixed, so the same data makes the same file (an export can be compared with the last one).
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const names = sheetNames(sheets);
  for (const [i, sheet] of sheets.entries()) {
    const ws = workbook.addWorksheet(names[i]);
    const titleRows = sheet.title ?? [];
    for (const line of titleRows) ws.addRow([line]).font = { bold: true };
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    for (const row of sheet.rows) ws.addRow(row.map((cell) => (cell === undefined ? null : cell)));
    sheet.columns.forEach((column, i) => {
      const values = sheet.rows.map((row) => row[i]).filter((v) => v !== null && v !== undefined).map(String);
      const widest = Math.max(displayWidth(column.header), ...values.slice(0, 500).map(displayWidth));
      ws.getColumn(i + 1).width = column.width ?? Math.min(Math.max(widest + 2, 8), 60);
      if (column.numberFormat) ws.getColumn(i + 1).numFmt = column.numberFormat;
    });
    ws.views = [{ state: "frozen", ySplit: titleRows.length + 1, xSplit: 0 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
