import { registerEnumType } from "type-graphql";

/** The kinds of agency that use the hub (domain.md, "Who uses the hub"). */
export enum AgencyKind {
  COURT = "COURT",
  PROCURATORATE = "PROCURATORATE",
  POLICE = "POLICE",
  MARKET_REGULATION = "MARKET_REGULATION",
  INDUSTRY_ASSOCIATION = "INDUSTRY_ASSOCIATION",
  APPRAISAL_INSTITUTION = "APPRAISAL_INSTITUTION",
}

registerEnumType(AgencyKind, {
  name: "AgencyKind",
  description: "The kind of agency: decides, with its region, what the agency may see and do.",
  valuesConfig: {
    COURT: { description: "人民法院" },
    PROCURATORATE: { description: "人民检察院" },
    POLICE: { description: "公安机关" },
    MARKET_REGULATION: { description: "市场监督管理局 / 知识产权局" },
    INDUSTRY_ASSOCIATION: { description: "知识产权鉴定行业自律组织" },
    APPRAISAL_INSTITUTION: { description: "鉴定机构 (its own system)" },
  },
});

export enum RecordStatus {
  ACTIVE = "ACTIVE",
  DISABLED = "DISABLED",
}

registerEnumType(RecordStatus, {
  name: "RecordStatus",
  description: "Whether an agency or client system may call the hub. Tokens of a disabled one are refused.",
});
