import { registerEnumType } from "type-graphql";

/** The directory's vocabularies (domain.md, "What is stored"), registered as GraphQL enums. */
export enum TechnicalField {
  PATENT = "PATENT",
  TRADEMARK = "TRADEMARK",
  GEOGRAPHICAL_INDICATION = "GEOGRAPHICAL_INDICATION",
  IC_LAYOUT_DESIGN = "IC_LAYOUT_DESIGN",
  TRADE_SECRET = "TRADE_SECRET",
  COPYRIGHT = "COPYRIGHT",
  TECHNICAL_CONTRACT = "TECHNICAL_CONTRACT",
  PLANT_VARIETY = "PLANT_VARIETY",
}

export enum ListingStatus {
  NOT_LISTED = "NOT_LISTED",
  RECOMMENDED = "RECOMMENDED",
  UNDER_REVIEW = "UNDER_REVIEW",
  LISTED = "LISTED",
  REJECTED = "REJECTED",
  SUSPENDED = "SUSPENDED",
  REMOVED = "REMOVED",
}

export enum ListingLevel {
  NATIONAL = "NATIONAL",
  PROVINCIAL = "PROVINCIAL",
  MUNICIPAL = "MUNICIPAL",
}

export enum InstitutionGrade {
  A = "A",
  AA = "AA",
  AAA = "AAA",
  AAAA = "AAAA",
  AAAAA = "AAAAA",
}

export enum CreditGrade {
  A = "A",
  B = "B",
  C = "C",
  D = "D",
}

export enum CultivationStage {
  CANDIDATE = "CANDIDATE",
  CULTIVATING = "CULTIVATING",
  GRADUATED = "GRADUATED",
  DROPPED = "DROPPED",
}

export enum AppraiserStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  REVOKED = "REVOKED",
  RETIRED = "RETIRED",
}

export enum PracticeKind {
  FULL_TIME = "FULL_TIME",
  PART_TIME = "PART_TIME",
}

registerEnumType(TechnicalField, {
  name: "TechnicalField",
  description: "Technical field of IP appraisal.",
  valuesConfig: {
    PATENT: { description: "专利" },
    TRADEMARK: { description: "商标" },
    GEOGRAPHICAL_INDICATION: { description: "地理标志" },
    IC_LAYOUT_DESIGN: { description: "集成电路布图设计" },
    TRADE_SECRET: { description: "商业秘密" },
    COPYRIGHT: { description: "著作权" },
    TECHNICAL_CONTRACT: { description: "技术合同" },
    PLANT_VARIETY: { description: "植物新品种" },
  },
});
registerEnumType(ListingStatus, {
  name: "ListingStatus",
  description:
    "Status in the directory (名录库). NOT_LISTED → RECOMMENDED → UNDER_REVIEW → LISTED or REJECTED; LISTED → SUSPENDED → LISTED or REMOVED; LISTED → REMOVED; REJECTED or REMOVED → RECOMMENDED (applying again, after a waiting period).",
});
registerEnumType(ListingLevel, { name: "ListingLevel", description: "Which directory lists the institution: national, provincial or municipal." });
registerEnumType(InstitutionGrade, { name: "InstitutionGrade", description: "Grade from the industry association's evaluation (等级评价), A to AAAAA." });
registerEnumType(CreditGrade, { name: "CreditGrade", description: "Credit grade for graded supervision (分级分类监管), A (best) to D." });
registerEnumType(CultivationStage, { name: "CultivationStage", description: "Stage in the city's cultivation plan for appraisal institutions (培育)." });
registerEnumType(AppraiserStatus, { name: "AppraiserStatus", description: "ACTIVE ⇄ SUSPENDED; either → REVOKED or RETIRED (final)." });
registerEnumType(PracticeKind, { name: "PracticeKind", description: "Full-time (专职) or part-time (兼职) practice at an institution." });

/** Moves the listing register allows (domain.md). Anything else is INVALID_STATE_TRANSITION. */
export const LISTING_TRANSITIONS: Readonly<Record<ListingStatus, readonly ListingStatus[]>> = {
  NOT_LISTED: [ListingStatus.RECOMMENDED],
  RECOMMENDED: [ListingStatus.UNDER_REVIEW],
  UNDER_REVIEW: [ListingStatus.LISTED, ListingStatus.REJECTED],
  LISTED: [ListingStatus.SUSPENDED, ListingStatus.REMOVED],
  SUSPENDED: [ListingStatus.LISTED, ListingStatus.REMOVED],
  // Either may apply again (a new recommendation), after the waiting period of the policy (listing-conditions.ts).
  REJECTED: [ListingStatus.RECOMMENDED],
  REMOVED: [ListingStatus.RECOMMENDED],
};

export const APPRAISER_TRANSITIONS: Readonly<Record<AppraiserStatus, readonly AppraiserStatus[]>> = {
  ACTIVE: [AppraiserStatus.SUSPENDED, AppraiserStatus.REVOKED, AppraiserStatus.RETIRED],
  SUSPENDED: [AppraiserStatus.ACTIVE, AppraiserStatus.REVOKED, AppraiserStatus.RETIRED],
  REVOKED: [],
  RETIRED: [],
};
