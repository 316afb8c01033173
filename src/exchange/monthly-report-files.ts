import type { MonthlyReport } from "../services/monthly-report.service";
import type { StatBreakdown } from "../services/statistics/breakdown";
import type { StatisticsWithdrawalRate } from "../services/statistics/abnormal-patent-statistics";
import { breakdownSheet } from "./statistics-workbook";
import { writeXlsx, type XlsxCell, type XlsxSheet } from "./xlsx-file";

/**
 * A monthly report as the two files an office passes on: an `.xlsx` (one sheet of key figures, then one per
 * table) and a self-contained HTML page to print (no script, no remote resource; PDF-free by design: the
 * browser's print dialog makes one where needed).
 */
const title = (r: MonthlyReport) => `${r.regionName}知识产权鉴定监管月报（${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月）`;

/** The key figures, in the order the report reads: [label, count, rate]. */
function keyFigures(r: MonthlyReport): Array<[string, number | null, number | null]> {
  return [
    ["本月委托鉴定", r.cases.entrusted, null],
    ["本月出具鉴定意见", r.cases.issued, null],
    [`在办案件（截至${r.asOf}）`, r.cases.open, null],
    [`超期案件（截至${r.asOf}）`, r.cases.overdue, null],
    ["鉴定周期中位数（工作日）", r.cases.medianWorkingDays, null],
    ["按期出具率", null, r.cases.onTimeRate],
    ["本月反馈", r.feedback.count, null],
    ["本月收到投诉", r.feedback.complaintsReceived, null],
    ["鉴定意见采纳率", null, r.feedback.adoptionRate],
    ["本月发起协作", r.collaboration.opened, null],
    ["本月发起且已办结的协作", r.collaboration.closed, null],
    [`非正常专利申请撤回率（${r.abnormalPatents.from} 起）`, null, r.abnormalPatents.total.withdrawalRate],
  ];
}

function tables(r: MonthlyReport): StatBreakdown[] {
  return [
    r.cases.entrustedByAgencyKind,
    r.cases.overdueByRegion,
    r.feedback.complaintsByRegion,
    r.feedback.complaintsResolvedByRegion,
    r.credit.determinationsBySeverity,
    r.credit.determinationsByBehaviour,
    r.credit.repairs,
    r.credit.incentives,
    r.collaboration.byKind,
    r.clues.publicReports,
    r.clues.inspections,
  ];
}

const WITHDRAWAL_HEADERS = ["地区", "件数", "已撤回", "申诉成立", "逾期", "已移交", "撤回率", "是否达标"];
const withdrawalRow = (w: StatisticsWithdrawalRate): XlsxCell[] => [w.label, w.itemCount, w.withdrawnCount, w.appealUpheldCount, w.overdueCount, w.escalatedCount, w.withdrawalRate, w.meetsTarget === null ? null : w.meetsTarget ? "是" : "否"];

export function monthlyReportXlsx(r: MonthlyReport): Promise<Buffer> {
  const sheets: XlsxSheet[] = [
    {
      name: "概况",
      title: [title(r), `统计期间 ${r.from} 至 ${r.to}`],
      columns: [{ header: "指标", width: 36 }, { header: "数值", width: 12 }, { header: "比率", width: 10, numberFormat: "0.0%" }],
      rows: keyFigures(r),
    },
    ...tables(r).map(breakdownSheet),
    {
      name: "非正常专利撤回率（按地区）",
      title: [`${r.abnormalPatents.from} 至 ${r.to} 收到的批次；目标 ${(r.abnormalPatents.withdrawalTarget * 100).toFixed(0)}%`],
      columns: WITHDRAWAL_HEADERS.map((header) => (header === "撤回率" ? { header, numberFormat: "0.0%" } : { header })),
      rows: r.abnormalPatents.byRegion.map(withdrawalRow),
    },
  ];
  return writeXlsx(sheets);
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
const number = (value: number | null) => (value === null ? "—" : String(Math.round(value * 10) / 10));
const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);

function tableHtml(b: StatBreakdown): string {
  const rows = b.cells.map((c) => `<tr><td>${escape(c.label)}</td><td class="n">${c.suppressed ? "已隐藏" : number(c.value)}</td></tr>`).join("");
  return `<h2>${escape(b.label)}</h2><table><thead><tr><th>项目</th><th>数量</th></tr></thead><tbody>${rows}<tr class="total"><td>合计</td><td class="n">${b.totalSuppressed ? "已隐藏" : number(b.total)}</td></tr></tbody></table>`;
}

export function monthlyReportHtml(r: MonthlyReport): string {
  const figures = keyFigures(r)
    .map(([label, count, rate]) => `<tr><td>${escape(label)}</td><td class="n">${rate === null && count !== null ? number(count) : percent(rate)}</td></tr>`)
    .join("");
  const withdrawal = r.abnormalPatents.byRegion
    .map((w) => `<tr>${withdrawalRow(w).map((cell, i) => `<td${i ? ' class="n"' : ""}>${escape(i === 6 ? percent(w.withdrawalRate) : cell === null || cell === undefined ? "—" : String(cell))}</td>`).join("")}</tr>`)
    .join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title(r))}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 52em; color: #222; }
h1 { font-size: 1.5em; text-align: center; } h2 { font-size: 1.1em; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; } th, td { border: 1px solid #bbb; padding: .25em .5em; } th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } tr.total td { font-weight: bold; }
.meta { text-align: center; color: #555; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: avoid; } }
</style></head>
<body>
<h1>${escape(title(r))}</h1>
<p class="meta">统计期间 ${escape(r.from)} 至 ${escape(r.to)}；在办、超期案件截至 ${escape(r.asOf)}；行政区划 ${escape(r.regionCode)}</p>
<h2>概况</h2><table><thead><tr><th>指标</th><th>数值</th></tr></thead><tbody>${figures}</tbody></table>
${tables(r).map(tableHtml).join("\n")}
<h2>非正常专利申请撤回率（${escape(r.abnormalPatents.from)} 至 ${escape(r.to)}，按地区）</h2>
<table><thead><tr>${WITHDRAWAL_HEADERS.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${withdrawal}</tbody></table>
</body></html>
`;
}
