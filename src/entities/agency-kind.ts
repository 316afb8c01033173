import { registerEnumType } from "type-graphql";

/** The kinds of agency that use the hub (domain.md, "Who uses the hub"). */
export enum AgencyKind {
  COURT = "COURT",
  PROCURATORATE = "PROCURATORATE",
  POLICE = "POLICE",
  MARKET_REGULATION = "MARKET_REGULATION",
  INDUSTRY_ASSOCIATION = "INDUSTRY_ASSOCIATION",
  APPRAISAL_INSTITUTION = "APPRAISAL_INSTITUTION",
  /** 科技、教育、卫生 and other departments the credit plan notifies: the least access (public data). */
  OTHER_DEPARTMENT = "OTHER_DEPARTMENT",
  /** 仲裁机构: public data only until a rule grants more. */
  ARBITRATION = "ARBITRATION",
  /** 调解组织 (incl. 知识产权纠纷人民调解委员会): public data only until a rule grants more. */
  MEDIATION = "MEDIATION",
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
    OTHER_DEPARTMENT: { description: "其他部门（科技、教育、卫生等，信用联合惩戒的通报对象）: public data only" },
    ARBITRATION: { description: "仲裁机构: public data only" },
    MEDIATION: { description: "调解组织: public data only" },
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
