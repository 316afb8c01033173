import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FiledMonthlyReport } from "../entities/monthly-report.entity";

/** A filed report's file by report id: the one column asked for (files are not read with the list). */
function fileById<T>(dataSource: DataSource, column: "xlsx" | "html", read: (value: FiledMonthlyReport["xlsx" | "html"]) => T): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(FiledMonthlyReport).find({ select: { id: true, [column]: true }, where: { id: In([...ids]) } });
    const byId = new Map(rows.map((row) => [row.id, read(row[column])]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Batched fetches of filed monthly reports' files; no visibility applied (the list decided it). */
export function createMonthlyReportLoaders(dataSource: DataSource) {
  return {
    // PGlite answers bytea as a Uint8Array, node-postgres as a Buffer.
    filedMonthlyReportXlsx: fileById(dataSource, "xlsx", (value) => Buffer.from(value as Uint8Array)),
    filedMonthlyReportHtml: fileById(dataSource, "html", (value) => String(value)),
  };
}
