import { INDUSTRY_SECTION_LABELS } from "../../domain/industry";
import type { Count } from "./breakdown";

/**
 * Chinese labels for the keys statistics break down by, so every client (the dashboard included) shows the
 * same words. Region names come from the region table instead.
 */
export const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  listingStatus: {
    NOT_LISTED: "未入库",
    RECOMMENDED: "已推荐",
    UNDER_REVIEW: "审核中",
    LISTED: "已入库",
    REJECTED: "未通过",
    SUSPENDED: "暂停",
    REMOVED: "已移出",
  },
  listingLevel: { NATIONAL: "国家级", PROVINCIAL: "省级", MUNICIPAL: "市级", NONE: "未定级" },
  technicalField: {
    PATENT: "专利",
    TRADEMARK: "商标",
    GEOGRAPHICAL_INDICATION: "地理标志",
    IC_LAYOUT_DESIGN: "集成电路布图设计",
    TRADE_SECRET: "商业秘密",
    COPYRIGHT: "著作权",
    TECHNICAL_CONTRACT: "技术合同",
    PLANT_VARIETY: "植物新品种",
  },
  industrySection: { ...INDUSTRY_SECTION_LABELS, NONE: "未填写" },
  titleLevel: { SENIOR: "高级职称", INTERMEDIATE: "中级职称", JUNIOR: "初级职称", NONE: "无职称" },
  cultivationStage: { CANDIDATE: "培育对象", CULTIVATING: "培育中", GRADUATED: "已结业", DROPPED: "已退出" },
  agencyKind: {
    COURT: "法院",
    PROCURATORATE: "检察院",
    POLICE: "公安",
    MARKET_REGULATION: "市场监管",
    INDUSTRY_ASSOCIATION: "行业协会",
    APPRAISAL_INSTITUTION: "鉴定机构",
    OTHER_DEPARTMENT: "其他部门",
    ARBITRATION: "仲裁机构",
    MEDIATION: "调解组织",
  },
  creditGrade: { A: "A 级", B: "B 级", C: "C 级", D: "D 级", NONE: "未评级" },
  creditSeverity: { MINOR: "轻微失信", GENERAL: "一般失信", SERIOUS: "严重失信" },
  creditBehaviour: {
    FALSE_APPRAISAL: "虚假鉴定",
    UNJUSTIFIED_ABSENCE: "无正当理由拒不出庭",
    OUT_OF_SCOPE: "超范围鉴定",
    FAILED_RECUSAL: "应回避未回避",
    ABNORMAL_PATENT_APPLICATION: "非正常专利申请",
    MALICIOUS_TRADEMARK_FILING: "恶意商标注册",
    OTHER_VIOLATION: "其他违法违规",
    MALICIOUS_INFRINGEMENT: "恶意侵权",
    REPEATED_INFRINGEMENT: "重复侵权",
    FALSE_CREDIT_COMMITMENT: "信用承诺不实或未履行",
  },
  creditIncentiveKind: { COMMENDATION: "表彰奖励", RED_LIST: "守信红名单", CREDIT_COMMITMENT_KEPT: "信用承诺履行良好" },
  publicReportStatus: { RECEIVED: "待处理", ACCEPTED: "已受理", MERGED: "已合并", DISMISSED: "不予受理" },
  supervisionResult: { PASSED: "合格", RECTIFICATION_REQUIRED: "限期整改", FAILED: "不合格", NOTICE: "通报" },
  repairOutcome: { GRANTED: "准予修复", REFUSED: "不予修复", PENDING: "待决定" },
  collaborationKind: {
    CASE_TRANSFER: "案件移送",
    CLUE_REFERRAL: "线索移交",
    JOINT_ENFORCEMENT: "联合执法",
    APPRAISAL_ASSISTANCE: "鉴定协助",
    INFORMATION_REQUEST: "信息查询",
    CONSULTATION: "会商",
    CROSS_REGION: "跨区域协作",
  },
};

export function label(dimension: keyof typeof LABELS, key: string): string {
  return LABELS[dimension]?.[key] ?? key;
}

/** The keys of a dimension in their declared order, for breakdowns that list every key, zeros included. */
export function keysOf(dimension: keyof typeof LABELS): string[] {
  return Object.keys(LABELS[dimension]);
}

/**
 * Counts per key of a dimension from grouped rows: every declared key in order, zeros included, then any key
 * the dimension does not declare; a null key counts as `nullKey` (no grade, no level).
 */
export function countsByKey(dimension: keyof typeof LABELS, rows: ReadonlyArray<{ key: string | null; n: number | string }>, nullKey = "NONE"): Count[] {
  const counts = new Map<string, number>(keysOf(dimension).map((k) => [k, 0]));
  for (const row of rows) counts.set(row.key ?? nullKey, (counts.get(row.key ?? nullKey) ?? 0) + Number(row.n));
  return [...counts].map(([key, n]) => ({ key, label: label(dimension, key), n }));
}
