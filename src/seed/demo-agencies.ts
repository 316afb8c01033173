import { AgencyKind } from "../entities/agency-kind";

/** The demo agencies of contract.md, with these exact codes. */
export const DEMO_AGENCIES: ReadonlyArray<{ code: string; name: string; kind: AgencyKind; regionCode: string }> = [
  { code: "CNIPA", name: "国家知识产权局", kind: AgencyKind.MARKET_REGULATION, regionCode: "100000" },
  { code: "HA-AMR", name: "河南省市场监督管理局（知识产权局）", kind: AgencyKind.MARKET_REGULATION, regionCode: "410000" },
  { code: "XY-AMR", name: "信阳市市场监督管理局", kind: AgencyKind.MARKET_REGULATION, regionCode: "411500" },
  { code: "XX-AMR", name: "新乡市市场监督管理局", kind: AgencyKind.MARKET_REGULATION, regionCode: "410700" },
  { code: "XY-COURT", name: "信阳市中级人民法院", kind: AgencyKind.COURT, regionCode: "411500" },
  { code: "XX-COURT", name: "新乡市中级人民法院", kind: AgencyKind.COURT, regionCode: "410700" },
  { code: "XY-PROC", name: "信阳市人民检察院", kind: AgencyKind.PROCURATORATE, regionCode: "411500" },
  { code: "XY-PSB", name: "信阳市公安局", kind: AgencyKind.POLICE, regionCode: "411500" },
  { code: "GS-PSB", name: "固始县公安局", kind: AgencyKind.POLICE, regionCode: "411525" },
  { code: "XX-PSB", name: "新乡市公安局", kind: AgencyKind.POLICE, regionCode: "410700" },
  { code: "XY-IPAA", name: "信阳市知识产权鉴定行业协会", kind: AgencyKind.INDUSTRY_ASSOCIATION, regionCode: "411500" },
];

/** Appraisal institutions' own systems (kind APPRAISAL_INSTITUTION), linked to their directory entries. */
export const DEMO_INSTITUTION_AGENCIES: ReadonlyArray<{ code: string; name: string; regionCode: string; institutionCreditCode: string }> = [
  { code: "XY-ZYJD", name: "信阳中原知识产权鉴定中心（业务系统）", regionCode: "411500", institutionCreditCode: "91411500MA9F3K2L21" },
  { code: "XY-CDJD", name: "信阳茶都知识产权鉴定评估有限公司（业务系统）", regionCode: "411502", institutionCreditCode: "91411502MA4X7Q1R0F" },
  { code: "XX-HXJD", name: "新乡华信知识产权司法鉴定所（业务系统）", regionCode: "410700", institutionCreditCode: "91410700MA9G0T8C63" },
];
