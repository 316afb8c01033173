import { IndustrySection } from "../domain/industry";
import { CultivationStage, InstitutionGrade, ListingLevel, ListingStatus, PracticeKind, TechnicalField as F } from "../domain/directory-enums";

/**
 * Demo institutions and appraisers: both cities, every listing state, realistic names, and the valid
 * synthetic identifiers of domain.md (plus more computed with the same check algorithms). Each institution
 * carries the register decisions that led to its status, so as-of queries answer something real.
 */
export interface DemoDecision {
  to: ListingStatus;
  on: string;
  by: string;
  reason: string;
  doc?: string;
}

export interface DemoInstitution {
  name: string;
  creditCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  contactPhone: string;
  businessScope: string;
  technicalFields: F[];
  /** The industries it serves (GB/T 4754 sections), for special statistics. */
  industrySections?: IndustrySection[];
  appraisalMatters: string[];
  standards: Array<{ code: string; title: string; verifiedBy: string | null; verifiedOn: string | null }>;
  level?: ListingLevel;
  grade?: InstitutionGrade;
  cultivationStage?: CultivationStage;
  history: DemoDecision[];
}

const recommended = (on: string): DemoDecision => ({ to: ListingStatus.RECOMMENDED, on, by: "XY-IPAA", reason: "行业协会推荐入库" });
const review = (on: string, by: string): DemoDecision => ({ to: ListingStatus.UNDER_REVIEW, on, by, reason: "受理入库申请，开展材料审查和现场核查" });
const listed = (on: string, by: string, doc: string): DemoDecision => ({ to: ListingStatus.LISTED, on, by, reason: "经审查符合入库条件，纳入知识产权鉴定机构名录库", doc });

/** The one IP-appraisal standard whose publication could be confirmed (the catalogue's seed, migration 1765600000000). */
const GB_T_45563_2 = { code: "GB/T 45563.2—2025", title: "知识产权鉴定规范 第2部分：专利", verifiedBy: "信阳市市场监督管理局", verifiedOn: "2025-07-18" };

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    name: "信阳中原知识产权鉴定中心",
    creditCode: "91411500MA9F3K2L21",
    regionCode: "411500",
    address: "河南省信阳市羊山新区新七大道158号",
    legalRepresentative: "王建国",
    contactPhone: "0376-6221234",
    businessScope: "知识产权鉴定；专利、商标技术咨询服务",
    technicalFields: [F.PATENT, F.TRADEMARK],
    industrySections: [IndustrySection.C, IndustrySection.I],
    appraisalMatters: ["专利侵权比对", "商标近似性鉴定", "技术特征同一性鉴定"],
    standards: [GB_T_45563_2],
    level: ListingLevel.MUNICIPAL,
    grade: InstitutionGrade.AAA,
    cultivationStage: CultivationStage.GRADUATED,
    history: [recommended("2022-03-01"), review("2022-04-10", "XY-AMR"), listed("2022-06-01", "XY-AMR", "信市监〔2022〕45号")],
  },
  {
    name: "信阳茶都知识产权鉴定评估有限公司",
    creditCode: "91411502MA4X7Q1R0F",
    regionCode: "411502",
    address: "河南省信阳市浉河区茶韵路88号",
    legalRepresentative: "陈茗",
    contactPhone: "0376-3312288",
    businessScope: "地理标志产品鉴定；商标价值评估",
    technicalFields: [F.GEOGRAPHICAL_INDICATION, F.TRADEMARK],
    industrySections: [IndustrySection.A, IndustrySection.F],
    appraisalMatters: ["地理标志产品真伪鉴定", "商标侵权鉴定"],
    standards: [],
    level: ListingLevel.MUNICIPAL,
    grade: InstitutionGrade.AA,
    cultivationStage: CultivationStage.CULTIVATING,
    history: [recommended("2023-02-15"), review("2023-03-01", "XY-AMR"), listed("2023-05-10", "XY-AMR", "信市监〔2023〕31号")],
  },
  {
    name: "信阳市科技成果与知识产权鉴定所",
    creditCode: "52411500MJY123458K",
    regionCode: "411500",
    address: "河南省信阳市平桥区中山北路19号",
    legalRepresentative: "刘志远",
    contactPhone: "0376-6087766",
    businessScope: "技术合同、商业秘密鉴定",
    technicalFields: [F.TECHNICAL_CONTRACT, F.TRADE_SECRET],
    appraisalMatters: ["商业秘密非公知性鉴定", "技术合同履行鉴定"],
    standards: [],
    level: ListingLevel.MUNICIPAL,
    grade: InstitutionGrade.A,
    history: [
      recommended("2021-09-01"),
      review("2021-10-08", "XY-AMR"),
      listed("2021-12-01", "XY-AMR", "信市监〔2021〕88号"),
      { to: ListingStatus.SUSPENDED, on: "2024-05-20", by: "XY-AMR", reason: "涉嫌出具虚假鉴定意见，暂停执业并限期整改", doc: "信市监〔2024〕17号" },
    ],
  },
  {
    name: "新乡华信知识产权司法鉴定所",
    creditCode: "91410700MA9G0T8C63",
    regionCode: "410700",
    address: "河南省新乡市红旗区人民东路266号",
    legalRepresentative: "赵国华",
    contactPhone: "0373-2056677",
    businessScope: "知识产权司法鉴定；集成电路布图设计鉴定",
    technicalFields: [F.PATENT, F.IC_LAYOUT_DESIGN, F.COPYRIGHT],
    appraisalMatters: ["专利侵权比对", "软件著作权同一性鉴定", "布图设计独创性鉴定"],
    standards: [{ ...GB_T_45563_2, verifiedBy: "新乡市市场监督管理局", verifiedOn: "2025-08-12" }],
    level: ListingLevel.PROVINCIAL,
    grade: InstitutionGrade.AAAA,
    history: [
      { to: ListingStatus.RECOMMENDED, on: "2021-03-01", by: "XX-AMR", reason: "市局推荐" },
      review("2021-04-01", "HA-AMR"),
      listed("2021-06-15", "HA-AMR", "豫市监〔2021〕102号"),
    ],
  },
  {
    name: "长垣市起重装备知识产权鉴定中心",
    creditCode: "91410783MA3W5N6P4P",
    regionCode: "410783",
    address: "河南省长垣市起重工业园区纬三路6号",
    legalRepresentative: "孙立平",
    contactPhone: "0373-8891122",
    businessScope: "起重装备专利技术鉴定",
    technicalFields: [F.PATENT],
    appraisalMatters: ["专利侵权比对"],
    standards: [],
    level: ListingLevel.MUNICIPAL,
    history: [
      { to: ListingStatus.RECOMMENDED, on: "2020-05-01", by: "XX-AMR", reason: "市局推荐" },
      review("2020-06-01", "XX-AMR"),
      listed("2020-08-01", "XX-AMR", "新市监〔2020〕56号"),
      { to: ListingStatus.SUSPENDED, on: "2023-03-01", by: "XX-AMR", reason: "年度执业检查不合格，暂停执业", doc: "新市监〔2023〕9号" },
      { to: ListingStatus.REMOVED, on: "2023-09-01", by: "XX-AMR", reason: "整改期满仍不符合条件，移出名录库", doc: "新市监〔2023〕77号" },
    ],
  },
  {
    name: "固始县知识产权服务中心",
    creditCode: "91411525MA47GT3K2G",
    regionCode: "411525",
    address: "河南省固始县蓼城大道36号",
    legalRepresentative: "周文斌",
    contactPhone: "0376-4961188",
    businessScope: "商标、专利咨询与鉴定",
    technicalFields: [F.TRADEMARK, F.PATENT],
    appraisalMatters: ["商标近似性鉴定"],
    standards: [],
    cultivationStage: CultivationStage.CANDIDATE,
    history: [recommended("2025-03-12")],
  },
  {
    name: "新乡红旗知识产权鉴定评估事务所",
    creditCode: "91410702MA46HX8T1F",
    regionCode: "410702",
    address: "河南省新乡市红旗区金穗大道东段12号",
    legalRepresentative: "黄立新",
    contactPhone: "0373-3528899",
    businessScope: "商标、著作权鉴定",
    technicalFields: [F.TRADEMARK, F.COPYRIGHT],
    appraisalMatters: ["著作权作品同一性鉴定"],
    standards: [],
    history: [{ to: ListingStatus.RECOMMENDED, on: "2025-01-06", by: "XX-AMR", reason: "市局推荐" }, review("2025-02-20", "XX-AMR")],
  },
  {
    name: "平桥区专利技术鉴定服务部",
    creditCode: "91411503MA45PQ2W7A",
    regionCode: "411503",
    address: "河南省信阳市平桥区平西路17号",
    legalRepresentative: "吴海燕",
    contactPhone: "0376-3790012",
    businessScope: "专利技术咨询",
    technicalFields: [F.PATENT],
    appraisalMatters: [],
    standards: [],
    cultivationStage: CultivationStage.CANDIDATE,
    history: [],
  },
  {
    name: "新乡县商业秘密鉴定咨询有限公司",
    creditCode: "91410721MA44LR5N9Q",
    regionCode: "410721",
    address: "河南省新乡县七里营镇府前街9号",
    legalRepresentative: "马振东",
    contactPhone: "0373-5582230",
    businessScope: "商业秘密鉴定咨询",
    technicalFields: [F.TRADE_SECRET],
    appraisalMatters: ["商业秘密非公知性鉴定"],
    standards: [],
    history: [
      { to: ListingStatus.RECOMMENDED, on: "2024-02-01", by: "XX-AMR", reason: "市局推荐" },
      review("2024-03-01", "XX-AMR"),
      { to: ListingStatus.REJECTED, on: "2024-05-15", by: "XX-AMR", reason: "专职鉴定人不足两名，不符合入库条件", doc: "新市监〔2024〕33号" },
    ],
  },
];

export interface DemoAppraiser {
  name: string;
  idNumber: string;
  phone: string;
  institution: string;
  kind?: PracticeKind;
  startedOn: string;
  technicalFields: F[];
  titles: Array<{ title: string; level: string }>;
  qualifications: Array<{ kind: string; certificateNo: string; issuedBy: string; validFrom: string; validUntil: string | null }>;
}

const attorney = (no: string, from: string) => ({ kind: "PATENT_ATTORNEY", certificateNo: no, issuedBy: "国家知识产权局", validFrom: from, validUntil: null });
const lawyer = (no: string, from: string) => ({ kind: "LAWYER", certificateNo: no, issuedBy: "河南省司法厅", validFrom: from, validUntil: "2027-12-31" });
const senior = (title: string) => ({ title, level: "SENIOR" });
const middle = (title: string) => ({ title, level: "INTERMEDIATE" });

export const DEMO_APPRAISERS: DemoAppraiser[] = [
  { name: "张伟", idNumber: "411502198003121232", phone: "13803761232", institution: "91411500MA9F3K2L21", startedOn: "2022-06-01", technicalFields: [F.PATENT], titles: [senior("高级工程师")], qualifications: [attorney("4115020801", "2010-09-01")] },
  { name: "李娜", idNumber: "411502197802142019", phone: "13903762019", institution: "91411500MA9F3K2L21", startedOn: "2022-06-01", technicalFields: [F.PATENT, F.TRADEMARK], titles: [senior("研究员")], qualifications: [attorney("4115020802", "2008-09-01")] },
  { name: "王强", idNumber: "411521198306051023", phone: "13703761023", institution: "91411500MA9F3K2L21", startedOn: "2023-01-10", technicalFields: [F.TRADEMARK], titles: [middle("工程师")], qualifications: [lawyer("14115201310567890", "2013-05-01")] },
  { name: "陈静", idNumber: "411503198511223311", phone: "13603763311", institution: "91411502MA4X7Q1R0F", startedOn: "2023-05-10", technicalFields: [F.GEOGRAPHICAL_INDICATION], titles: [senior("高级农艺师")], qualifications: [] },
  { name: "杨帆", idNumber: "41152519900101175X", phone: "15803761175", institution: "91411502MA4X7Q1R0F", startedOn: "2023-05-10", technicalFields: [F.GEOGRAPHICAL_INDICATION, F.TRADEMARK], titles: [middle("农艺师")], qualifications: [] },
  { name: "刘洋", idNumber: "411525198805200316", phone: "15903760316", institution: "52411500MJY123458K", startedOn: "2021-12-01", technicalFields: [F.TRADE_SECRET], titles: [senior("副教授")], qualifications: [lawyer("14115201510123456", "2015-03-01")] },
  { name: "黄敏", idNumber: "411526198104122868", phone: "13503762868", institution: "52411500MJY123458K", startedOn: "2021-12-01", technicalFields: [F.TECHNICAL_CONTRACT], titles: [senior("高级经济师")], qualifications: [] },
  { name: "赵磊", idNumber: "410702197511082466", phone: "13903732466", institution: "91410700MA9G0T8C63", startedOn: "2021-06-15", technicalFields: [F.PATENT, F.IC_LAYOUT_DESIGN], titles: [senior("教授级高级工程师")], qualifications: [attorney("4107020601", "2006-09-01")] },
  { name: "周杰", idNumber: "410702197909304428", phone: "13803734428", institution: "91410700MA9G0T8C63", startedOn: "2021-06-15", technicalFields: [F.COPYRIGHT], titles: [senior("高级工程师")], qualifications: [] },
  { name: "吴婷", idNumber: "410711198203170537", phone: "13703730537", institution: "91410700MA9G0T8C63", startedOn: "2022-02-01", technicalFields: [F.PATENT], titles: [middle("工程师")], qualifications: [attorney("4107110902", "2014-09-01")] },
  { name: "徐明", idNumber: "410783198402293195", phone: "13603733195", institution: "91410783MA3W5N6P4P", startedOn: "2020-08-01", technicalFields: [F.PATENT], titles: [senior("高级工程师")], qualifications: [] },
  { name: "孙丽", idNumber: "410782198608081642", phone: "15003731642", institution: "91410702MA46HX8T1F", startedOn: "2025-01-06", technicalFields: [F.TRADEMARK, F.COPYRIGHT], titles: [middle("编辑")], qualifications: [] },
  { name: "马超", idNumber: "410721197712251974", phone: "15103731974", institution: "91410721MA44LR5N9Q", startedOn: "2024-02-01", technicalFields: [F.TRADE_SECRET], titles: [senior("高级经济师")], qualifications: [lawyer("14107202010654321", "2010-07-01")] },
  { name: "朱琳", idNumber: "411502199207152086", phone: "18803762086", institution: "91411500MA9F3K2L21", kind: PracticeKind.PART_TIME, startedOn: "2024-09-01", technicalFields: [F.TRADEMARK], titles: [middle("讲师")], qualifications: [lawyer("14115202010777888", "2020-01-01")] },
];
