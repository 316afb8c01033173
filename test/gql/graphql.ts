/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A handling step recorded by the bureau the item is allocated to. */
export type AbnormalPatentAction =
  | 'APPEAL'
  | 'ESCALATE'
  | 'FEED_BACK'
  | 'NOTIFY'
  | 'REJECT_APPEAL'
  | 'UPHOLD_APPEAL'
  | 'WITHDRAW';

/** For ESCALATE: the credit record the escalation creates. */
export type AbnormalPatentEscalationInput = {
  /** Facts and basis (a standard text naming the application and batch by default). */
  basis?: string | null | undefined;
  /** Decision document number. */
  decisionDocNo: string;
  /** Measures taken. */
  measures?: Array<string> | null | undefined;
  /** Severity (default GENERAL). */
  severity?: CreditSeverity | null | undefined;
  /** Whom the record is about: the applicant (organizations) or its patent agency. */
  subject: EscalationSubject;
};

/** Breakdown of withdrawal rates: per batch, per region (county) of the applicant, or per patent agency. */
export type AbnormalPatentGrouping =
  | 'BATCH'
  | 'PATENT_AGENCY'
  | 'REGION';

/** A handling step by the bureau the item is allocated to. */
export type AbnormalPatentHandlingInput = {
  /** What to record. */
  action: AbnormalPatentAction;
  /** With ESCALATE only. */
  escalation?: AbnormalPatentEscalationInput | null | undefined;
  /** Retrying with the same key and input returns the first result and writes nothing; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey?: string | null | undefined;
  /** Note. */
  note?: string | null | undefined;
};

/** Narrows abnormal patent items (and the items rates are computed over). */
export type AbnormalPatentItemFilter = {
  /** Code of the bureau the items are allocated to. */
  allocatedAgencyCode?: string | null | undefined;
  /** Application number. */
  applicationNumber?: string | null | undefined;
  /** Batch. */
  batchId?: string | number | null | undefined;
  /** Patent agency code. */
  patentAgencyCode?: string | null | undefined;
  /** Applicant's region (sub-regions included). */
  regionCode?: string | null | undefined;
  /** Status (OVERDUE: still waiting after the deadline). */
  status?: AbnormalPatentStatus | null | undefined;
};

/** One application of a batch, as the national office lists it. */
export type AbnormalPatentItemInput = {
  /** Applicant's unified social credit code. */
  applicantCreditCode?: string | null | undefined;
  /** ORGANIZATION (needs the credit code) or PERSON; by default ORGANIZATION when a credit code is given. */
  applicantKind?: ApplicantKind | null | undefined;
  /** Applicant's name. */
  applicantName: string;
  /** Region code (county where known) of the applicant's address; decides the bureau the item goes to. */
  applicantRegionCode: string;
  /** Application number with its check character, e.g. 202410123456.0. */
  applicationNumber: string;
  /** Patent agency code (机构代码, 5 digits). */
  patentAgencyCode?: string | null | undefined;
  /** Patent agency's unified social credit code (needed to escalate to the agency). */
  patentAgencyCreditCode?: string | null | undefined;
  /** Patent agency name. */
  patentAgencyName?: string | null | undefined;
  /** Patent type; must agree with the number's type digit (derived from it when omitted). */
  patentType?: PatentType | null | undefined;
  /** Title of the application. */
  title?: string | null | undefined;
};

/** NOTIFIED → WITHDRAWN, or APPEALED → APPEAL_UPHELD / APPEAL_REJECTED (→ WITHDRAWN); OVERDUE (computed: still waiting after the batch's deadline) → ESCALATED or WITHDRAWN. */
export type AbnormalPatentStatus =
  | 'APPEALED'
  | 'APPEAL_REJECTED'
  | 'APPEAL_UPHELD'
  | 'ESCALATED'
  | 'NOTIFIED'
  | 'OVERDUE'
  | 'WITHDRAWN';

/** The kind of agency: decides, with its region, what the agency may see and do. */
export type AgencyKind =
  /** 鉴定机构 (its own system) */
  | 'APPRAISAL_INSTITUTION'
  /** 仲裁机构: public data only */
  | 'ARBITRATION'
  /** 人民法院 */
  | 'COURT'
  /** 知识产权鉴定行业自律组织 */
  | 'INDUSTRY_ASSOCIATION'
  /** 市场监督管理局 / 知识产权局 */
  | 'MARKET_REGULATION'
  /** 调解组织: public data only */
  | 'MEDIATION'
  /** 其他部门（科技、教育、卫生等，信用联合惩戒的通报对象）: public data only */
  | 'OTHER_DEPARTMENT'
  /** 公安机关 */
  | 'POLICE'
  /** 人民检察院 */
  | 'PROCURATORATE';

/** An organization (with a credit code) or a natural person. */
export type ApplicantKind =
  | 'ORGANIZATION'
  | 'PERSON';

/** Narrows the appraiser list. All given conditions apply. */
export type AppraiserFilter = {
  /** Current appraisers of this institution. */
  institutionId?: string | number | null | undefined;
  /** Part of the name. */
  nameContains?: string | null | undefined;
  /** Appraisers whose institution lies in this region or below. */
  regionCode?: string | null | undefined;
  /** Status. */
  status?: AppraiserStatus | null | undefined;
  /** Appraisers of this field. */
  technicalField?: TechnicalField | null | undefined;
};

/** ACTIVE ⇄ SUSPENDED; either → REVOKED or RETIRED (final). */
export type AppraiserStatus =
  | 'ACTIVE'
  | 'RETIRED'
  | 'REVOKED'
  | 'SUSPENDED';

/** What a confirmed false-appraisal complaint calls for next. */
export type ComplaintNextStep =
  | 'RECORD_CREDIT_EVENT'
  | 'SUSPEND_LISTING';

/** SUBMITTED → ACKNOWLEDGED → INVESTIGATING → RESOLVED or DISMISSED. */
export type ComplaintStatus =
  | 'ACKNOWLEDGED'
  | 'DISMISSED'
  | 'INVESTIGATING'
  | 'RESOLVED'
  | 'SUBMITTED';

/** A standard of the catalogue (`standards`) the institution complies with. */
export type ComplianceStandardInput = {
  /** Code of a catalogue entry, however its spaces and dashes are written; a code not in the catalogue answers BAD_USER_INPUT. The catalogue's code and title are stored. */
  code: string;
  /** Title (the catalogue's is kept). */
  title: string;
  /** Who verified compliance. */
  verifiedBy?: string | null | undefined;
  /** When compliance was verified; listing needs a verified entry. */
  verifiedOn?: string | null | undefined;
};

/** The behaviour recorded (失信行为). */
export type CreditBehaviour =
  | 'ABNORMAL_PATENT_APPLICATION'
  | 'FAILED_RECUSAL'
  | 'FALSE_APPRAISAL'
  | 'FALSE_CREDIT_COMMITMENT'
  | 'MALICIOUS_INFRINGEMENT'
  | 'MALICIOUS_TRADEMARK_FILING'
  | 'OTHER_VIOLATION'
  | 'OUT_OF_SCOPE'
  | 'REPEATED_INFRINGEMENT'
  | 'UNJUSTIFIED_ABSENCE';

/** Credit grade for graded supervision (分级分类监管), A (best) to D. */
export type CreditGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

/** What a positive record (守信激励) is for: COMMENDATION (表彰奖励), RED_LIST (守信红名单), CREDIT_COMMITMENT_KEPT (信用承诺履行良好). */
export type CreditIncentiveKind =
  | 'COMMENDATION'
  | 'CREDIT_COMMITMENT_KEPT'
  | 'RED_LIST';

/** ACTIVE; EXPIRED once the publication window has passed (computed); REVOKED. */
export type CreditIncentiveStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

/** ACTIVE → REPAIR_REQUESTED → REPAIRED (or back to ACTIVE when refused); EXPIRED once the publication window has passed (computed); REVOKED. */
export type CreditRecordStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REPAIRED'
  | 'REPAIR_REQUESTED'
  | 'REVOKED';

/** A request to repair a credit record (信用修复), on the subject's behalf. */
export type CreditRepairInput = {
  /** The subject's commitment (信用承诺). */
  commitment: string;
  /** References to evidence of rectification. */
  evidence?: Array<string> | null | undefined;
};

/** MINOR (轻微: not announced unless the decision says so), GENERAL (一般) or SERIOUS (严重失信, shared for joint punishment); each has its publication periods and earliest repair (docs/credit.md). */
export type CreditSeverity =
  | 'GENERAL'
  | 'MINOR'
  | 'SERIOUS';

/** Whom a credit record is about. */
export type CreditSubjectType =
  | 'APPRAISER'
  | 'ENTERPRISE'
  | 'INSTITUTION'
  | 'PATENT_AGENCY'
  | 'PATENT_ATTORNEY'
  | 'TRADEMARK_AGENCY';

/** Stage in the city's cultivation plan for appraisal institutions (培育). */
export type CultivationStage =
  | 'CANDIDATE'
  | 'CULTIVATING'
  | 'DROPPED'
  | 'GRADUATED';

/** Whether the mark is still under custody. */
export type CustodyStatus =
  | 'ACTIVE'
  | 'ENDED';

/** Narrows the marks under custody. */
export type CustodyTrademarkFilter = {
  /** Category. */
  category?: TrademarkCategory | null | undefined;
  /** Custodian agency code. */
  custodianAgencyCode?: string | null | undefined;
  /** Custody status. */
  custodyStatus?: CustodyStatus | null | undefined;
  /** Expiring on or before this day. */
  expiringBefore?: string | null | undefined;
  /** Part of the mark. */
  markContains?: string | null | undefined;
  /** Nice class. */
  niceClass?: number | null | undefined;
  /** Owner's region (sub-regions included). */
  regionCode?: string | null | undefined;
};

/** Ends an active post. */
export type EndPostInput = {
  /** Ended on (default today). */
  endedOn?: string | null | undefined;
  /** Id of the post (from practiceHistory). */
  practiceId: string | number;
};

/** A new appraisal case. Retrying with the same idempotencyKey returns the first case. */
export type EntrustAppraisalInput = {
  /** Your own case number, e.g. (2024)豫15知民初32号 or 固公经立字〔2024〕018号. */
  agencyCaseNo: string;
  /** Day of entrustment (default today). */
  entrustedOn?: string | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** Industry of the matter (GB/T 4754 section), for special statistics. */
  industrySection?: IndustrySection | null | undefined;
  /** A LISTED institution listed for the technical field. */
  institutionId: string | number;
  /** The appraisal matter (鉴定事项). */
  matter: string;
  /** For a re-appraisal (重新鉴定): the case it appraises again, one the caller may see, in the same technical field, whose opinion was issued. Both cases show the link; they are not warned about each other. */
  reappraisalOf?: string | number | null | undefined;
  /** What is to be appraised. Patent and application numbers, trademark registration numbers (注册号…, 第…号) and parties' credit codes in it are compared with other cases (see `subjectIdentifiers`). */
  subject?: string | null | undefined;
  /** Identifiers of the subject besides those in `subject` (at most 20): patent or application numbers (202010123456.7, ZL…), trademark registration numbers (digits), parties' unified social credit codes. Open and recent cases in the same technical field that share a patent or trademark, or a party and the matter, come back as `warnings` (POSSIBLE_DUPLICATE). */
  subjectIdentifiers?: Array<string> | null | undefined;
  /** Technical field of the appraisal. */
  technicalField: TechnicalField;
};

/** Whom an escalation's credit record is about. */
export type EscalationSubject =
  | 'APPLICANT'
  | 'PATENT_AGENCY';

/** Evaluation after a case, complaint, or commendation. */
export type FeedbackKind =
  | 'COMMENDATION'
  | 'COMPLAINT'
  | 'EVALUATION';

/** People in `group` receive `scopes` when they sign in. */
export type GroupScopesInput = {
  /** A value of the groups claim (at most 200 characters). */
  group: string;
  /** Hub scopes, each one the agency's kind may carry, e.g. `pii:read`. */
  scopes: Array<string>;
};

/** A step in handling a complaint. */
export type HandleComplaintInput = {
  /** What was done. */
  note: string;
  /** The resolution (required to resolve). */
  resolution?: string | null | undefined;
  /** The next status. */
  to: ComplaintStatus;
  /** Whether a violation was confirmed (required to resolve). */
  violationConfirmed?: boolean | null | undefined;
};

/** A handling step for an alert. */
export type HandleTrademarkAlertInput = {
  /** What was done. */
  note: string;
  /** New status. */
  status: TrademarkAlertStatus;
};

/** How an agency's staff sign in through its OpenID Connect provider; omitted fields stay as they are (or take their defaults). */
export type IdentityProviderInput = {
  /** The hub's client id at the provider. */
  clientId?: string | null | undefined;
  /** The client secret (sealed at rest, never read back); the empty string removes it (a public client using PKCE alone). */
  clientSecret?: string | null | undefined;
  /** Which groups receive which hub scopes (replaces the whole mapping). */
  groupScopes?: Array<GroupScopesInput> | null | undefined;
  /** The claim listing the person's groups (default `groups`). */
  groupsClaim?: string | null | undefined;
  /** The provider's issuer URL (https; http only on a development hub). */
  issuer?: string | null | undefined;
  /** The claim naming the person (default `name`). */
  personClaim?: string | null | undefined;
  /** OAuth scopes to ask for (default `openid profile`); must include `openid`. */
  requestScopes?: string | null | undefined;
};

/** A batch of abnormal patent applications to import (or the items of it not yet imported). */
export type ImportAbnormalPatentBatchInput = {
  /** Batch number as issued, e.g. 2024年第3批. */
  batchNo: string;
  /** Deadline for handling (default: received plus the configured days); fixed once the batch exists. */
  deadline?: string | null | undefined;
  /** Check every item and report, write nothing. */
  dryRun?: boolean | null | undefined;
  /** The items, at most 5,000 per call. */
  items: Array<AbnormalPatentItemInput>;
  /** Day the batch was received (default today). */
  receivedOn?: string | null | undefined;
};

/** A section (门类) of GB/T 4754—2017 国民经济行业分类: A 农、林、牧、渔业 … C 制造业 … I 信息传输、软件和信息技术服务业 … M 科学研究和技术服务业 … T 国际组织. */
export type IndustrySection =
  /** 农、林、牧、渔业 */
  | 'A'
  /** 采矿业 */
  | 'B'
  /** 制造业 */
  | 'C'
  /** 电力、热力、燃气及水生产和供应业 */
  | 'D'
  /** 建筑业 */
  | 'E'
  /** 批发和零售业 */
  | 'F'
  /** 交通运输、仓储和邮政业 */
  | 'G'
  /** 住宿和餐饮业 */
  | 'H'
  /** 信息传输、软件和信息技术服务业 */
  | 'I'
  /** 金融业 */
  | 'J'
  /** 房地产业 */
  | 'K'
  /** 租赁和商务服务业 */
  | 'L'
  /** 科学研究和技术服务业 */
  | 'M'
  /** 水利、环境和公共设施管理业 */
  | 'N'
  /** 居民服务、修理和其他服务业 */
  | 'O'
  /** 教育 */
  | 'P'
  /** 卫生和社会工作 */
  | 'Q'
  /** 文化、体育和娱乐业 */
  | 'R'
  /** 公共管理、社会保障和社会组织 */
  | 'S'
  /** 国际组织 */
  | 'T';

/** Narrows the institution list. All given conditions apply. */
export type InstitutionFilter = {
  /** Institutions serving this industry (GB/T 4754 section). */
  industrySection?: IndustrySection | null | undefined;
  /** Institutions that were LISTED on this day, according to the listing register. */
  listedOn?: string | null | undefined;
  /** Current listing level. */
  listingLevel?: ListingLevel | null | undefined;
  /** Current listing status. */
  listingStatus?: ListingStatus | null | undefined;
  /** Part of the name. */
  nameContains?: string | null | undefined;
  /** Institutions in this region or below it (411500 includes 411525). */
  regionCode?: string | null | undefined;
  /** Institutions that may appraise this field. */
  technicalField?: TechnicalField | null | undefined;
};

/** Grade from the industry association's evaluation (等级评价), A to AAAAA. */
export type InstitutionGrade =
  | 'A'
  | 'AA'
  | 'AAA'
  | 'AAAA'
  | 'AAAAA';

/** Which directory lists the institution: national, provincial or municipal. */
export type ListingLevel =
  | 'MUNICIPAL'
  | 'NATIONAL'
  | 'PROVINCIAL';

/** Status in the directory (名录库). NOT_LISTED → RECOMMENDED → UNDER_REVIEW → LISTED or REJECTED; LISTED → SUSPENDED → LISTED or REMOVED; LISTED → REMOVED; REJECTED or REMOVED → RECOMMENDED (applying again, after a waiting period). */
export type ListingStatus =
  | 'LISTED'
  | 'NOT_LISTED'
  | 'RECOMMENDED'
  | 'REJECTED'
  | 'REMOVED'
  | 'SUSPENDED'
  | 'UNDER_REVIEW';

/** A new post of an appraiser. */
export type NewPostInput = {
  /** The institution. */
  institutionId: string | number;
  /** A new FULL_TIME post ends the active one. */
  kind: PracticeKind;
  /** Started on (default today). */
  startedOn?: string | null | undefined;
};

/** Invention (发明), utility model (实用新型) or design (外观设计). */
export type PatentType =
  | 'DESIGN'
  | 'INVENTION'
  | 'UTILITY_MODEL';

/** A mark to place under monitoring and custody. */
export type PlaceTrademarkUnderCustodyInput = {
  /** Why it is monitored. */
  category: TrademarkCategory;
  /** Code of the custodian agency. */
  custodianAgencyCode: string;
  /** Last day of the registration period. */
  expiresOn: string;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** The mark. */
  markName: string;
  /** Nice class, 1 to 45. */
  niceClass: number;
  /** Note. */
  note?: string | null | undefined;
  /** Owner's unified social credit code. */
  ownerCreditCode: string;
  /** Owner (registrant). */
  ownerName: string;
  /** Owner's region (default: from the credit code). */
  regionCode?: string | null | undefined;
  /** Registration day. */
  registeredOn: string;
  /** Registration number (注册号). */
  registrationNumber: string;
};

/** Feedback about an appraiser after one of your cases. The posting agency and time are set by the hub. */
export type PostCaseFeedbackInput = {
  /** Your case number. */
  agencyCaseNo: string;
  /** The appraiser. */
  appraiserId: string | number;
  /** The hub case, when the appraisal was entrusted through the hub. */
  caseId?: string | number | null | undefined;
  /** Comment (at most 4000 characters). */
  comment?: string | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** Evaluation (needs a rating), complaint (needs a comment) or commendation. */
  kind: FeedbackKind;
  /** Whether the opinion was adopted. */
  opinionAdopted?: boolean | null | undefined;
  /** Ratings 1–5. */
  ratings?: RatingsInput | null | undefined;
  /** Whether false appraisal is suspected. */
  suspectedFalseAppraisal?: boolean | null | undefined;
};

/** Full-time (专职) or part-time (兼职) practice at an institution. */
export type PracticeKind =
  | 'FULL_TIME'
  | 'PART_TIME';

/** A professional title. */
export type ProfessionalTitleInput = {
  /** SENIOR, INTERMEDIATE or JUNIOR. */
  level?: string | null | undefined;
  /** Title, e.g. 高级工程师. */
  title: string;
};

/** Where a public report stands: RECEIVED, then the bureau's triage: ACCEPTED (受理, handled as a complaint), MERGED into another report on the same matter, or DISMISSED with a reason. */
export type PublicReportStatus =
  | 'ACCEPTED'
  | 'DISMISSED'
  | 'MERGED'
  | 'RECEIVED';

/** A qualification with its certificate. */
export type QualificationInput = {
  /** Certificate number. */
  certificateNo?: string | null | undefined;
  /** Issuing authority. */
  issuedBy?: string | null | undefined;
  /** Kind, e.g. PATENT_ATTORNEY, LAWYER, JUDICIAL_APPRAISER. */
  kind: string;
  /** Valid from. */
  validFrom?: string | null | undefined;
  /** Valid until. */
  validUntil?: string | null | undefined;
};

/** An alert entered by the custodian. */
export type RaiseTrademarkAlertInput = {
  /** What was found. */
  detail: string;
  /** Day by which to act (e.g. the opposition or answer deadline). */
  dueOn?: string | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** SIMILAR_FILING or NON_USE_CANCELLATION (EXPIRING is computed). */
  kind: TrademarkAlertKind;
  /** Reference, e.g. the similar filing's application number. */
  reference?: string | null | undefined;
  /** The mark. */
  trademarkId: string | number;
};

/** Ratings from 1 (poor) to 5 (excellent); leave out what does not apply. */
export type RatingsInput = {
  /** Conduct. */
  conduct?: number | null | undefined;
  /** Performance in court. */
  courtPerformance?: number | null | undefined;
  /** Professionalism. */
  professionalism?: number | null | undefined;
  /** Quality of the report. */
  reportQuality?: number | null | undefined;
  /** Timeliness. */
  timeliness?: number | null | undefined;
};

/** A credit determination. Name the subject by subjectCreditCode or subjectAppraiserId, or turn a confirmed complaint into a record with fromComplaintId. */
export type RecordCreditEventInput = {
  /** Announce publicly (公示) inside the window (default: yes, except MINOR). */
  announce?: boolean | null | undefined;
  /** Facts and legal basis. */
  basis: string;
  /** Behaviour (FALSE_APPRAISAL by default for a complaint of suspected false appraisal). */
  behaviour?: CreditBehaviour | null | undefined;
  /** Day of the decision document (认定之日; default today, never in the future): the publication and repair periods count from it. */
  decidedOn?: string | null | undefined;
  /** Decision document number. */
  decisionDocNo: string;
  /** A resolved complaint with a confirmed violation to turn into this record (once). */
  fromComplaintId?: string | number | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** Measures taken. */
  measures?: Array<string> | null | undefined;
  /** Publication from (default decidedOn; not before it). */
  publishFrom?: string | null | undefined;
  /** Publication until (default and at most the severity's maximum from decidedOn: 3 months MINOR, 1 year GENERAL, 3 years SERIOUS by the national rules; when announced, not before its minimum). */
  publishUntil?: string | null | undefined;
  /** Severity. */
  severity: CreditSeverity;
  /** Agencies of any kind to share it with for joint punishment (联合惩戒): for the severities the hub's policy shares (SERIOUS by default). */
  shareWithAgencyCodes?: Array<string> | null | undefined;
  /** The appraiser, for appraiser subjects. */
  subjectAppraiserId?: string | number | null | undefined;
  /** For PATENT_ATTORNEY: the practising certificate number (专利代理师执业证号); sealed at rest, shown masked. */
  subjectCertificateNo?: string | null | undefined;
  /** Subject's credit code (an institution of the directory, or another subject). */
  subjectCreditCode?: string | null | undefined;
  /** For subjects outside the directory: the name. */
  subjectName?: string | null | undefined;
  /** For subjects outside the directory: the region. */
  subjectRegionCode?: string | null | undefined;
  /** For subjects outside the directory: ENTERPRISE, PATENT_AGENCY, TRADEMARK_AGENCY or PATENT_ATTORNEY. */
  subjectType?: CreditSubjectType | null | undefined;
  /** SERIOUS only: suspend the subject institution's listing in the same transaction. */
  suspendListing?: boolean | null | undefined;
};

/** A positive record (守信激励). Name the subject as for a determination: by subjectCreditCode, subjectAppraiserId, or subjectType PATENT_ATTORNEY with subjectCertificateNo. */
export type RecordCreditIncentiveInput = {
  /** Facts and basis. */
  basis: string;
  /** Day of the decision document (default today, never in the future). */
  decidedOn?: string | null | undefined;
  /** Decision document number. */
  decisionDocNo: string;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** What earned it. */
  kind: CreditIncentiveKind;
  /** Incentive measures (激励措施). */
  measures?: Array<string> | null | undefined;
  /** Publication from (default decidedOn; not before it). */
  publishFrom?: string | null | undefined;
  /** Publication and incentives until (default and at most HUB_CREDIT_INCENTIVE_MONTHS, 36, from decidedOn). */
  publishUntil?: string | null | undefined;
  /** The appraiser, for appraiser subjects. */
  subjectAppraiserId?: string | number | null | undefined;
  /** For PATENT_ATTORNEY: the practising certificate number; sealed at rest, shown masked. */
  subjectCertificateNo?: string | null | undefined;
  /** Subject's credit code (an institution of the directory, or another subject). */
  subjectCreditCode?: string | null | undefined;
  /** For subjects outside the directory: the name. */
  subjectName?: string | null | undefined;
  /** For subjects outside the directory: the region. */
  subjectRegionCode?: string | null | undefined;
  /** For subjects outside the directory: ENTERPRISE, PATENT_AGENCY, TRADEMARK_AGENCY or PATENT_ATTORNEY. */
  subjectType?: CreditSubjectType | null | undefined;
};

/** An inspection, document-quality review or circular about an institution in your jurisdiction. */
export type RecordInspectionInput = {
  /** Day it was conducted. */
  conductedOn: string;
  /** Findings. */
  findings?: string | null | undefined;
  /** Optional: retrying with the same key and input returns the first result. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey?: string | null | undefined;
  /** The institution. */
  institutionId: string | number;
  /** Kind. */
  kind: SupervisionKind;
  /** Rectification deadline (required when rectification is required). */
  rectificationDeadline?: string | null | undefined;
  /** Outcome. */
  result: SupervisionResult;
  /** Score 0–100. */
  score?: number | null | undefined;
};

/** Whether an agency or client system may call the hub. Tokens of a disabled one are refused. */
export type RecordStatus =
  | 'ACTIVE'
  | 'DISABLED';

/** DIVISION: an administrative division of GB/T 2260; ZONE: a functional zone (高新区, 经开区, 管理区) under a city, with the statistics bureau's code. */
export type RegionKind =
  | 'DIVISION'
  | 'ZONE';

/** An agency to register with the hub. For registry administrators (`registry:admin`) whose jurisdiction covers its region. */
export type RegisterAgencyInput = {
  /** Its fixed code: 2 to 32 capital letters, digits or dashes, e.g. `ZZ-COURT`. Never changes. */
  code: string;
  /** Optional: retrying with the same key and input returns the first result. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey?: string | null | undefined;
  /** What kind of agency it is: decides, with its region, what it may see and do. */
  kind: AgencyKind;
  /** Official name, e.g. 郑州市中级人民法院. */
  name: string;
  /** Code of the registered agency above it, whose region covers its own. */
  parentCode?: string | null | undefined;
  /** 6-digit administrative division code of its jurisdiction (valid today). */
  regionCode: string;
};

/** A new appraiser of an institution. For the market-regulation bureau of the institution's region. */
export type RegisterAppraiserInput = {
  /** Resident ID number; sealed at rest and never shown in full but to authorised bureaus. */
  idNumber: string;
  /** Optional: retrying with the same key and input returns the first result. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey?: string | null | undefined;
  /** The institution of the post. */
  institutionId: string | number;
  /** Name. */
  name: string;
  /** Phone. */
  phone?: string | null | undefined;
  /** FULL_TIME (default) or PART_TIME post. */
  practiceKind?: PracticeKind | null | undefined;
  /** Qualifications. */
  qualifications?: Array<QualificationInput> | null | undefined;
  /** Post started on (default today). */
  startedOn?: string | null | undefined;
  /** Technical fields (at least one). */
  technicalFields: Array<TechnicalField>;
  /** Professional titles. */
  titles?: Array<ProfessionalTitleInput> | null | undefined;
  /** Trainings. */
  trainings?: Array<TrainingInput> | null | undefined;
};

/** A new client system of the caller's own agency, or of an agency a registry administrator covers (`agencyCode`). */
export type RegisterClientSystemInput = {
  /** Code of the agency whose system this is (default: the caller's own). Another agency's: for registry administrators (`registry:admin`) covering its region, e.g. a court's first system with its keys. */
  agencyCode?: string | null | undefined;
  /** Scopes its tokens may carry; each must be held by the calling system. */
  allowedScopes?: Array<string> | null | undefined;
  /** What the system is (at most 500 characters). */
  description?: string | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** JSON Web Key Set (public EC P-256 keys) with which the agency signs this system's tokens itself. Not with `jwksUri`. */
  jwks?: string | null | undefined;
  /** Instead of `jwks`: the https URL (at most 2,048 characters, no user name or password) at which the agency publishes that key set; the hub fetches and caches it, and refetches it when a token names a key id it has not seen. */
  jwksUri?: string | null | undefined;
  /** Name, unique within the agency: lower-case letters, digits and dashes. */
  name: string;
};

/** An agency's OpenID Connect provider, registered once. */
export type RegisterIdentityProviderInput = {
  /** Code of the agency whose staff sign in through it. */
  agencyCode: string;
  /** The hub's client id at the provider. */
  clientId?: string | null | undefined;
  /** The client secret (sealed at rest, never read back); the empty string removes it (a public client using PKCE alone). */
  clientSecret?: string | null | undefined;
  /** Which groups receive which hub scopes (replaces the whole mapping). */
  groupScopes?: Array<GroupScopesInput> | null | undefined;
  /** The claim listing the person's groups (default `groups`). */
  groupsClaim?: string | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** The provider's issuer URL (https; http only on a development hub). */
  issuer?: string | null | undefined;
  /** The claim naming the person (default `name`). */
  personClaim?: string | null | undefined;
  /** OAuth scopes to ask for (default `openid profile`); must include `openid`. */
  requestScopes?: string | null | undefined;
};

/** A new institution; it starts NOT_LISTED. For the market-regulation bureau of its region. */
export type RegisterInstitutionInput = {
  /** Address. */
  address?: string | null | undefined;
  /** Also register the institution's own agency (kind APPRAISAL_INSTITUTION) with this code and its `default` client system, so that its case system can report progress on its cases. */
  agencyCode?: string | null | undefined;
  /** Appraisal matters it may take. */
  appraisalMatters?: Array<string> | null | undefined;
  /** Business scope. */
  businessScope?: string | null | undefined;
  /** Contact phone. */
  contactPhone?: string | null | undefined;
  /** Unified social credit code. */
  creditCode: string;
  /** Stage in the cultivation plan. */
  cultivationStage?: CultivationStage | null | undefined;
  /** Optional: retrying with the same key and input returns the first result. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey?: string | null | undefined;
  /** Industries it serves (GB/T 4754 sections). */
  industrySections?: Array<IndustrySection> | null | undefined;
  /** Legal representative. */
  legalRepresentative?: string | null | undefined;
  /** Registered name. */
  name: string;
  /** Region code of its registration (must be valid today). */
  regionCode: string;
  /** Standards it complies with. */
  standards?: Array<ComplianceStandardInput> | null | undefined;
  /** Technical fields (at least one). */
  technicalFields: Array<TechnicalField>;
};

/** A report from the public about an appraisal institution (受理公众举报). No sign-in; rate limited per address. */
export type SubmitPublicReportInput = {
  /** How the bureau may reach you (phone or e-mail); sealed, shown only to the bureau handling the report. */
  contact?: string | null | undefined;
  /** What happened (at most 4,000 characters). */
  description: string;
  /** The institution's unified social credit code (18 characters, checked). */
  subjectCreditCode: string;
  /** The institution's name. */
  subjectName: string;
};

/** Practice inspection (执业检查), document-quality review (文书质量评查) or circular (通报). */
export type SupervisionKind =
  | 'CIRCULAR'
  | 'DOCUMENT_QUALITY_REVIEW'
  | 'PRACTICE_INSPECTION';

/** Outcome of a supervision record. */
export type SupervisionResult =
  | 'FAILED'
  | 'NOTICE'
  | 'PASSED'
  | 'RECTIFICATION_REQUIRED';

/** Technical field of IP appraisal. */
export type TechnicalField =
  /** 著作权 */
  | 'COPYRIGHT'
  /** 地理标志 */
  | 'GEOGRAPHICAL_INDICATION'
  /** 集成电路布图设计 */
  | 'IC_LAYOUT_DESIGN'
  /** 专利 */
  | 'PATENT'
  /** 植物新品种 */
  | 'PLANT_VARIETY'
  /** 技术合同 */
  | 'TECHNICAL_CONTRACT'
  /** 商标 */
  | 'TRADEMARK'
  /** 商业秘密 */
  | 'TRADE_SECRET';

/** Narrows the alerts. */
export type TrademarkAlertFilter = {
  /** Kind. */
  kind?: TrademarkAlertKind | null | undefined;
  /** Owner's region (sub-regions included). */
  regionCode?: string | null | undefined;
  /** Status. */
  status?: TrademarkAlertStatus | null | undefined;
  /** The mark. */
  trademarkId?: string | number | null | undefined;
  /** Only OPEN and IN_PROGRESS alerts. */
  unresolved?: boolean | null | undefined;
};

/** EXPIRING is computed from the expiry date; the others are entered by the custodian. */
export type TrademarkAlertKind =
  | 'EXPIRING'
  | 'NON_USE_CANCELLATION'
  | 'SIMILAR_FILING';

/** OPEN → IN_PROGRESS → RESOLVED or DISMISSED. */
export type TrademarkAlertStatus =
  | 'DISMISSED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'RESOLVED';

/** Well-known (驰名), geographical indication (地理标志) or key-industry mark. */
export type TrademarkCategory =
  | 'GEOGRAPHICAL_INDICATION'
  | 'KEY_INDUSTRY'
  | 'WELL_KNOWN';

/** A training completed. */
export type TrainingInput = {
  /** Completed on. */
  completedOn?: string | null | undefined;
  /** Hours. */
  hours?: number | null | undefined;
  /** Organizer. */
  organizer?: string | null | undefined;
  /** Course title. */
  title: string;
};

/** Changes to an agency; omitted fields stay as they are. Its code and kind never change. */
export type UpdateAgencyInput = {
  /** Official name. */
  name?: string | null | undefined;
  /** Code of the agency above it; an empty string removes it. */
  parentCode?: string | null | undefined;
  /** The agency's own query-cost budget per rate-limit window (each of its systems and people); 0 returns it to the hub's default. */
  rateLimitPoints?: number | null | undefined;
  /** Region code (valid today); the administrator must cover the old and the new region. */
  regionCode?: string | null | undefined;
};

/** Changes to an appraiser; omitted fields stay as they are; lists replace the stored list. */
export type UpdateAppraiserInput = {
  /** Ends a post. */
  endPost?: EndPostInput | null | undefined;
  /** Name. */
  name?: string | null | undefined;
  /** Opens a post. */
  newPost?: NewPostInput | null | undefined;
  /** Phone; the empty string removes it. */
  phone?: string | null | undefined;
  /** Qualifications. */
  qualifications?: Array<QualificationInput> | null | undefined;
  /** Technical fields. */
  technicalFields?: Array<TechnicalField> | null | undefined;
  /** Professional titles. */
  titles?: Array<ProfessionalTitleInput> | null | undefined;
  /** Trainings. */
  trainings?: Array<TrainingInput> | null | undefined;
};

/** Changes to a mark under custody. The custodian records renewals and notes; the bureau covering the owner's region also changes the custodian or ends custody. */
export type UpdateCustodyTrademarkInput = {
  /** New custodian agency. */
  custodianAgencyCode?: string | null | undefined;
  /** ENDED to end custody. */
  custodyStatus?: CustodyStatus | null | undefined;
  /** New expiry (a renewal, 续展). */
  expiresOn?: string | null | undefined;
  /** Note. */
  note?: string | null | undefined;
};

/** Changes to an institution; omitted fields stay as they are. */
export type UpdateInstitutionInput = {
  /** Address. */
  address?: string | null | undefined;
  /** Appraisal matters (replaces the list). */
  appraisalMatters?: Array<string> | null | undefined;
  /** Business scope. */
  businessScope?: string | null | undefined;
  /** Contact phone. */
  contactPhone?: string | null | undefined;
  /** Stage in the cultivation plan. */
  cultivationStage?: CultivationStage | null | undefined;
  /**
   * No longer set here.
   * @deprecated The industry association records grades with recordInstitutionGrade; a grade here answers BAD_USER_INPUT.
   */
  grade?: InstitutionGrade | null | undefined;
  /** Industries it serves (replaces the list). */
  industrySections?: Array<IndustrySection> | null | undefined;
  /** Legal representative. */
  legalRepresentative?: string | null | undefined;
  /** Registered name. */
  name?: string | null | undefined;
  /** Region code (must be valid today). */
  regionCode?: string | null | undefined;
  /** Standards (replaces the list). */
  standards?: Array<ComplianceStandardInput> | null | undefined;
  /** Technical fields (replaces the list). */
  technicalFields?: Array<TechnicalField> | null | undefined;
};

export type AbnormalImportBatchMutationVariables = Exact<{
  input: ImportAbnormalPatentBatchInput;
}>;


export type AbnormalImportBatchMutation = { importAbnormalPatentBatch: { created: number, unchanged: number, dryRun: boolean, rejected: Array<{ index: number, field: string, code: string, message: string }>, batch: { id: string, batchNo: string, itemCount: number, withdrawnCount: number, withdrawalRate: number | null, deadline: string } | null } | null };

export type AbnormalHandleItemMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: AbnormalPatentHandlingInput;
}>;


export type AbnormalHandleItemMutation = { recordAbnormalPatentHandling: { replayed: boolean, item: { id: string, version: number, status: AbnormalPatentStatus, notifiedAt: string | null, handledAt: string | null, fedBackAt: string | null, creditRecord: { id: string, subjectType: CreditSubjectType, subjectName: string, behaviour: CreditBehaviour, severity: CreditSeverity } | null, history: Array<{ action: AbnormalPatentAction, fromStatus: AbnormalPatentStatus, toStatus: AbnormalPatentStatus, actorAgencyCode: string }> } } | null };

export type AbnormalItemsQueryVariables = Exact<{
  filter?: AbnormalPatentItemFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AbnormalItemsQuery = { abnormalPatentItems: { totalCount: number, edges: Array<{ node: { id: string, applicationNumber: string, status: AbnormalPatentStatus, regionCode: string, allocatedAgencyCode: string, version: number, deadline: string } }> } | null };

export type AbnormalItemsWithCreditRecordQueryVariables = Exact<{
  filter?: AbnormalPatentItemFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AbnormalItemsWithCreditRecordQuery = { abnormalPatentItems: { totalCount: number, edges: Array<{ node: { id: string, applicationNumber: string, status: AbnormalPatentStatus, regionCode: string, allocatedAgencyCode: string, version: number, deadline: string, creditRecord: { subjectType: CreditSubjectType, subjectName: string, behaviour: CreditBehaviour } | null } }> } | null };

export type AbnormalWithdrawalRatesQueryVariables = Exact<{
  groupBy: AbnormalPatentGrouping;
  filter?: AbnormalPatentItemFilter | null | undefined;
}>;


export type AbnormalWithdrawalRatesQuery = { abnormalPatentWithdrawalRates: Array<{ key: string, label: string, itemCount: number, withdrawnCount: number, appealUpheldCount: number, appealedCount: number, overdueCount: number, escalatedCount: number, withdrawalRate: number | null, withdrawalTarget: number, meetsTarget: boolean | null }> | null };

export type AbnormalDemoBatchesQueryVariables = Exact<{ [key: string]: never; }>;


export type AbnormalDemoBatchesQuery = { abnormalPatentBatches: { totalCount: number, edges: Array<{ node: { batchNo: string, itemCount: number, withdrawnCount: number, withdrawalRate: number | null, totals: { appealUpheldCount: number, overdueCount: number, escalatedCount: number, meetsTarget: boolean | null, withdrawalTarget: number }, byRegion: Array<{ key: string, label: string, itemCount: number }> } }> } | null };

export type AbnormalDryRunBatchQueryVariables = Exact<{ [key: string]: never; }>;


export type AbnormalDryRunBatchQuery = { abnormalPatentBatches: { totalCount: number } | null };

export type AbnormalEscalatedCreditRecordsQueryVariables = Exact<{
  code: string;
}>;


export type AbnormalEscalatedCreditRecordsQuery = { creditRecords: { totalCount: number } };

export type AbnormalItemsAnonymousQueryVariables = Exact<{ [key: string]: never; }>;


export type AbnormalItemsAnonymousQuery = { abnormalPatentItems: { totalCount: number } | null };

export type RegistryRegisterMutationVariables = Exact<{
  input: RegisterAgencyInput;
}>;


export type RegistryRegisterMutation = { registerAgency: { replayed: boolean, agency: { id: string, code: string, name: string, kind: AgencyKind, regionCode: string, parentCode: string | null, status: RecordStatus | null, version: number | null } } | null };

export type RegistryUpdateMutationVariables = Exact<{
  code: string;
  v: number;
  input: UpdateAgencyInput;
}>;


export type RegistryUpdateMutation = { updateAgency: { code: string, name: string, regionCode: string, parentCode: string | null, version: number | null } | null };

export type RegistryDisableMutationVariables = Exact<{
  code: string;
  v: number;
  reason: string;
}>;


export type RegistryDisableMutation = { disableAgency: { code: string, status: RecordStatus | null, statusReason: string | null, version: number | null } | null };

export type RegistryEnableMutationVariables = Exact<{
  code: string;
  v: number;
}>;


export type RegistryEnableMutation = { enableAgency: { code: string, status: RecordStatus | null, version: number | null } | null };

export type RegistryAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistryAuditQuery = { auditEvents: { edges: Array<{ node: { operation: string | null, entityId: string | null, fields: Array<string> | null, agencyCode: string | null } }> } | null };

export type RegistryClientMutationVariables = Exact<{
  input: RegisterClientSystemInput;
}>;


export type RegistryClientMutation = { registerClientSystem: { replayed: boolean, clientSystem: { name: string | null, allowedScopes: Array<string> | null } } | null };

export type RegistryInstitutionMutationVariables = Exact<{
  input: RegisterInstitutionInput;
}>;


export type RegistryInstitutionMutation = { registerInstitution: { institution: { id: string, name: string, agencyCode: string | null } } | null };

export type RegistryInstitutionAgencyMutationVariables = Exact<{
  id: string | number;
  code: string;
}>;


export type RegistryInstitutionAgencyMutation = { registerInstitutionAgency: { institution: { agencyCode: string | null } } | null };

export type AppraiserRegisterMutationVariables = Exact<{
  input: RegisterAppraiserInput;
}>;


export type AppraiserRegisterMutation = { registerAppraiser: { replayed: boolean, appraiser: { id: string, name: string, version: number | null, idNumber: string | null, institution: { name: string } | null } } | null };

export type AppraiserUpdateMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: UpdateAppraiserInput;
}>;


export type AppraiserUpdateMutation = { updateAppraiser: { version: number | null, institution: { creditCode: string } | null, practiceHistory: Array<{ id: string, kind: PracticeKind, endedOn: string | null, institution: { creditCode: string } | null }> | null } | null };

export type AppraiserPiiQueryVariables = Exact<{
  id: string | number;
}>;


export type AppraiserPiiQuery = { appraiser: { name: string, idNumber: string | null, phone: string | null } | null };

export type AppraiserIdNumberQueryVariables = Exact<{
  id: string | number;
}>;


export type AppraiserIdNumberQuery = { appraiser: { idNumber: string | null } | null };

export type AppraiserListIdNumbersQueryVariables = Exact<{ [key: string]: never; }>;


export type AppraiserListIdNumbersQuery = { appraisers: { edges: Array<{ node: { name: string, idNumber: string | null } }> } };

export type AppraiserIdNumberAndPhoneQueryVariables = Exact<{
  id: string | number;
}>;


export type AppraiserIdNumberAndPhoneQuery = { appraiser: { idNumber: string | null, phone: string | null } | null };

export type AppraiserChangeStatusMutationVariables = Exact<{
  id: string | number;
  v: number;
  to: AppraiserStatus;
}>;


export type AppraiserChangeStatusMutation = { changeAppraiserStatus: { status: AppraiserStatus | null, version: number | null } | null };

export type AppraiserNamesQueryVariables = Exact<{
  f?: AppraiserFilter | null | undefined;
}>;


export type AppraiserNamesQuery = { appraisers: { edges: Array<{ node: { name: string } }> } };

export type FeedbackPostMutationVariables = Exact<{
  input: PostCaseFeedbackInput;
}>;


export type FeedbackPostMutation = { postCaseFeedback: { replayed: boolean, feedback: { id: string, kind: FeedbackKind, postingAgencyCode: string, complaintStatus: ComplaintStatus | null, complaintRespondBy: string | null, version: number } } | null };

export type FeedbackHandleComplaintMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: HandleComplaintInput;
}>;


export type FeedbackHandleComplaintMutation = { handleComplaint: { complaintStatus: ComplaintStatus | null, version: number, violationConfirmed: boolean | null, nextSteps: Array<ComplaintNextStep>, complaintHistory: Array<{ toStatus: ComplaintStatus, actorAgencyCode: string }> } | null };

export type FeedbackAppraiserSummaryQueryVariables = Exact<{
  id: string | number;
}>;


export type FeedbackAppraiserSummaryQuery = { appraiser: { feedbackSummary: { count: number, adoptionRate: number | null, complaintsLast12Months: number, complaintsTotal: number, lastFeedbackAt: string | null, averages: { timeliness: number | null, professionalism: number | null, reportQuality: number | null, conduct: number | null, courtPerformance: number | null } } | null } | null };

export type FeedbackSeenQueryVariables = Exact<{
  id: string | number;
}>;


export type FeedbackSeenQuery = { caseFeedback: { id: string } | null };

export type FeedbackInstitutionSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type FeedbackInstitutionSummaryQuery = { institution: { feedbackSummary: { complaintsLast12Months: number, complaintsTotal: number } | null } | null };

export type FeedbackRecordInspectionMutationVariables = Exact<{
  input: RecordInspectionInput;
}>;


export type FeedbackRecordInspectionMutation = { recordInspection: { id: string, result: SupervisionResult, score: number | null } | null };

export type FeedbackSupervisionRecordsQueryVariables = Exact<{ [key: string]: never; }>;


export type FeedbackSupervisionRecordsQuery = { institution: { supervisionRecords: Array<{ findings: string }> | null } | null };

export type FeedbackCaseDeadlinesQueryVariables = Exact<{
  id: string | number;
}>;


export type FeedbackCaseDeadlinesQuery = { appraisalCase: { deadlines: { acceptBy: string | null, provisional: boolean, provisionalYears: Array<number> } } | null };

export type FeedbackEntrustMutationVariables = Exact<{
  input: EntrustAppraisalInput;
}>;


export type FeedbackEntrustMutation = { entrustAppraisal: { appraisalCase: { id: string } } | null };

export type FeedbackComplaintDayQueryVariables = Exact<{
  id: string | number;
}>;


export type FeedbackComplaintDayQuery = { caseFeedback: { complaintRespondBy: string | null, version: number } | null };

export type CreditExchangeQueryVariables = Exact<{
  since?: string | null | undefined;
  until?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CreditExchangeQuery = { creditExport: { watermark: string, pageInfo: { hasNextPage: boolean, endCursor: string | null }, rows: Array<{ category: string, id: string, subjectType: string, subjectName: string, subjectCreditCode: string | null, subjectCertificateNo: string | null, code: string, severity: string | null, decisionDocNo: string, decidingAgencyName: string | null, announced: boolean, status: string, repairedOn: string | null, updatedAt: string }> } | null };

export type CreditExchangeRevokeMutationVariables = Exact<{
  id: string | number;
  v: number;
}>;


export type CreditExchangeRevokeMutation = { revokeCreditRecord: { status: CreditRecordStatus } | null };

export type CreditExchangeNewMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type CreditExchangeNewMutation = { recordCreditEvent: { record: { id: string } } | null };

export type IncentiveRecordMutationVariables = Exact<{
  input: RecordCreditIncentiveInput;
}>;


export type IncentiveRecordMutation = { recordCreditIncentive: { replayed: boolean, incentive: { id: string, kind: CreditIncentiveKind, status: CreditIncentiveStatus, decidedOn: string, publishFrom: string, publishUntil: string, measures: Array<string>, version: number | null, subjectType: CreditSubjectType, subjectName: string } } | null };

export type IncentiveRevokeMutationVariables = Exact<{
  id: string | number;
  v: number;
}>;


export type IncentiveRevokeMutation = { revokeCreditIncentive: { status: CreditIncentiveStatus, version: number | null } | null };

export type IncentiveOneQueryVariables = Exact<{
  id: string | number;
}>;


export type IncentiveOneQuery = { creditIncentive: { id: string, status: CreditIncentiveStatus } | null };

export type IncentiveOnInstitutionQueryVariables = Exact<{
  c: string;
}>;


export type IncentiveOnInstitutionQuery = { institution: { creditIncentives: Array<{ kind: CreditIncentiveKind }>, creditRecords: Array<{ id: string }> } | null };

export type IncentiveListQueryVariables = Exact<{
  kind?: CreditIncentiveKind | null | undefined;
}>;


export type IncentiveListQuery = { creditIncentives: { edges: Array<{ node: { kind: CreditIncentiveKind, status: CreditIncentiveStatus, subjectName: string } }> } };

export type CreditRecordEventMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type CreditRecordEventMutation = { recordCreditEvent: { replayed: boolean, record: { id: string, status: CreditRecordStatus, subjectType: CreditSubjectType, behaviour: CreditBehaviour, severity: CreditSeverity, version: number | null, subjectName: string } } | null };

export type CreditRequestRepairMutationVariables = Exact<{
  id: string | number;
  input: CreditRepairInput;
}>;


export type CreditRequestRepairMutation = { requestCreditRepair: { status: CreditRecordStatus, version: number | null } | null };

export type CreditDecideRepairMutationVariables = Exact<{
  id: string | number;
  v: number;
  approve: boolean;
}>;


export type CreditDecideRepairMutation = { decideCreditRepair: { status: CreditRecordStatus, version: number | null } | null };

export type CreditFalseAppraisalRecordsQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditFalseAppraisalRecordsQuery = { creditRecords: { edges: Array<{ node: { subjectType: CreditSubjectType, subjectName: string, severity: CreditSeverity, status: CreditRecordStatus, sharedWith: Array<{ agencyCode: string }> | null } }> } };

export type CreditPublicCountQueryVariables = Exact<{
  c?: string | null | undefined;
}>;


export type CreditPublicCountQuery = { creditRecords: { totalCount: number } };

export type CreditBureauViewQueryVariables = Exact<{
  c?: string | null | undefined;
}>;


export type CreditBureauViewQuery = { creditRecords: { edges: Array<{ node: { status: CreditRecordStatus, repairCommitment: string | null } }> } };

export type CreditRepairableFromQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditRepairableFromQuery = { creditRecord: { decidedOn: string, repairableFrom: string | null, publishUntil: string } | null };

export type CreditRecordLeapDayMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type CreditRecordLeapDayMutation = { recordCreditEvent: { record: { id: string, publishFrom: string, publishUntil: string } } | null };

export type CreditSharedRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditSharedRecordQuery = { creditRecord: { status: CreditRecordStatus, sharedWith: Array<{ agencyCode: string, acknowledgedAt: string | null }> | null } | null };

export type CreditAcknowledgeShareMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditAcknowledgeShareMutation = { acknowledgeCreditShare: { agencyCode: string, acknowledgedAt: string | null } | null };

export type CreditAcknowledgeShareElsewhereMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditAcknowledgeShareElsewhereMutation = { acknowledgeCreditShare: { agencyCode: string } | null };

export type CreditRecordSeenQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditRecordSeenQuery = { creditRecord: { id: string } | null };

export type CreditRevokeMutationVariables = Exact<{
  id: string | number;
  v: number;
}>;


export type CreditRevokeMutation = { revokeCreditRecord: { status: CreditRecordStatus } | null };

export type CreditFailedInspectionMutationVariables = Exact<{
  input: RecordInspectionInput;
}>;


export type CreditFailedInspectionMutation = { recordInspection: { id: string } | null };

export type CreditInspectionMutationVariables = Exact<{
  input: RecordInspectionInput;
}>;


export type CreditInspectionMutation = { recordInspection: { id: string } | null };

export type CreditInstitutionGradeQueryVariables = Exact<{
  c: string;
}>;


export type CreditInstitutionGradeQuery = { institution: { creditGrade: CreditGrade | null, creditGradeWhy: Array<string> | null } | null };

export type CreditRegisterAppraiserMutationVariables = Exact<{
  input: RegisterAppraiserInput;
}>;


export type CreditRegisterAppraiserMutation = { registerAppraiser: { replayed: boolean, appraiser: { id: string } } | null };

export type CreditPostComplaintMutationVariables = Exact<{
  input: PostCaseFeedbackInput;
}>;


export type CreditPostComplaintMutation = { postCaseFeedback: { feedback: { id: string, version: number } } | null };

export type CreditHandleComplaintMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: HandleComplaintInput;
}>;


export type CreditHandleComplaintMutation = { handleComplaint: { version: number } | null };

export type CreditRulesRecordMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type CreditRulesRecordMutation = { recordCreditEvent: { record: { id: string, severity: CreditSeverity, announced: boolean, decidedOn: string, publishFrom: string, publishUntil: string, repairableFrom: string | null, status: CreditRecordStatus, version: number | null } } | null };

export type CreditRulesSeenQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditRulesSeenQuery = { creditRecord: { id: string } | null };

export type CreditRulesGradeQueryVariables = Exact<{
  c: string;
}>;


export type CreditRulesGradeQuery = { institution: { creditGrade: CreditGrade | null, creditGradeWhy: Array<string> | null } | null };

export type CreditRulesRepairMinorMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditRulesRepairMinorMutation = { requestCreditRepair: { status: CreditRecordStatus } | null };

export type SubjectRecordMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type SubjectRecordMutation = { recordCreditEvent: { replayed: boolean, record: { id: string, subjectType: CreditSubjectType, subjectName: string, subjectCertificateNo: string | null } } | null };

export type SubjectCertificateQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectCertificateQuery = { creditRecord: { subjectName: string, subjectCertificateNo: string | null } | null };

export type SubjectByCertificateQueryVariables = Exact<{
  no: string;
}>;


export type SubjectByCertificateQuery = { creditRecords: { totalCount: number } };

export type SubjectRegisterTaxMutationVariables = Exact<{
  input: RegisterAgencyInput;
}>;


export type SubjectRegisterTaxMutation = { registerAgency: { agency: { code: string } } | null };

export type SubjectRegisterTaxSystemMutationVariables = Exact<{
  input: RegisterClientSystemInput;
}>;


export type SubjectRegisterTaxSystemMutation = { registerClientSystem: { replayed: boolean } | null };

export type SubjectAcknowledgeMutationVariables = Exact<{
  id: string | number;
}>;


export type SubjectAcknowledgeMutation = { acknowledgeCreditShare: { agencyCode: string, acknowledgedAt: string | null } | null };

export type PlaceMarkMutationVariables = Exact<{
  input: PlaceTrademarkUnderCustodyInput;
}>;


export type PlaceMarkMutation = { placeTrademarkUnderCustody: { replayed: boolean, trademark: { id: string, version: number, markName: string, regionCode: string, custodianAgencyCode: string, expiresOn: string } } | null };

export type MarksQueryVariables = Exact<{
  filter?: CustodyTrademarkFilter | null | undefined;
}>;


export type MarksQuery = { custodyTrademarks: { totalCount: number, edges: Array<{ node: { markName: string, niceClass: number, category: TrademarkCategory, regionName: string, custodianAgencyCode: string, expiresOn: string, alerts: Array<{ id: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, version: number, dueOn: string | null }> } }> } | null };

export type AlertsQueryVariables = Exact<{
  filter?: TrademarkAlertFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AlertsQuery = { trademarkAlerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, trademarkId: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, version: number, raisedOn: string, dueOn: string | null, raisedByAgencyCode: string, handlingNote: string | null } }> } | null };

export type HandleAlertMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: HandleTrademarkAlertInput;
}>;


export type HandleAlertMutation = { handleTrademarkAlert: { id: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, version: number, handlingNote: string | null, handledByAgencyCode: string | null } | null };

export type UpdateMarkMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: UpdateCustodyTrademarkInput;
}>;


export type UpdateMarkMutation = { updateCustodyTrademark: { id: string, version: number, expiresOn: string, custodianAgencyCode: string, custodyStatus: CustodyStatus } | null };

export type RaiseAlertMutationVariables = Exact<{
  input: RaiseTrademarkAlertInput;
}>;


export type RaiseAlertMutation = { raiseTrademarkAlert: { replayed: boolean, alert: { id: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, raisedByAgencyCode: string } } | null };

export type IndustryEntrustMutationVariables = Exact<{
  input: EntrustAppraisalInput;
}>;


export type IndustryEntrustMutation = { entrustAppraisal: { replayed: boolean, appraisalCase: { id: string, industrySection: IndustrySection | null } } | null };

export type IndustryStatisticsQueryVariables = Exact<{
  region?: string | null | undefined;
}>;


export type IndustryStatisticsQuery = { statistics: { directory: { institutionsByIndustry: { cells: Array<{ key: string, label: string, value: number | null }> } } | null, cases: { entrustedByIndustry: { cells: Array<{ key: string, label: string, value: number | null }> } } | null } | null };

export type IndustryInstitutionsQueryVariables = Exact<{
  s?: IndustrySection | null | undefined;
}>;


export type IndustryInstitutionsQuery = { institutions: { edges: Array<{ node: { creditCode: string, industrySections: Array<IndustrySection> } }> } };

export type InstitutionUpdateMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: UpdateInstitutionInput;
}>;


export type InstitutionUpdateMutation = { updateInstitution: { name: string, version: number | null } | null };

export type InstitutionListingOnDaysQueryVariables = Exact<{
  id: string | number;
}>;


export type InstitutionListingOnDaysQuery = { institution: { listingStatus: ListingStatus, listedAt: string | null, d0: ListingStatus, d1: ListingStatus, d2: ListingStatus, d3: ListingStatus, d4: ListingStatus, d5: ListingStatus, d6: ListingStatus, d7: ListingStatus } | null };

export type InstitutionsListedOnQueryVariables = Exact<{
  d?: string | null | undefined;
}>;


export type InstitutionsListedOnQuery = { institutions: { edges: Array<{ node: { id: string } }> } };

export type InstitutionRemovedQueryVariables = Exact<{ [key: string]: never; }>;


export type InstitutionRemovedQuery = { institution: { name: string, listingStatus: ListingStatus, listingHistory: Array<{ toStatus: ListingStatus, reason: string, decisionDocNo: string | null }> | null } | null };

export type InstitutionListQueryVariables = Exact<{
  f?: InstitutionFilter | null | undefined;
}>;


export type InstitutionListQuery = { institutions: { totalCount: number, edges: Array<{ node: { name: string, regionCode: string, listingStatus: ListingStatus, technicalFields: Array<TechnicalField> } }> } };

export type MonthlyReportFullQueryVariables = Exact<{
  region?: string | null | undefined;
  month: string;
}>;


export type MonthlyReportFullQuery = { monthlyReport: { regionCode: string, regionName: string, month: string, from: string, to: string, asOf: string, cases: { entrusted: number, issued: number, open: number, overdue: number, entrustedByAgencyKind: { label: string, cells: Array<{ label: string, value: number | null }> } }, feedback: { count: number, complaintsReceived: number | null }, credit: { determinationsBySeverity: { label: string, total: number | null, cells: Array<{ key: string, value: number | null }> }, incentives: { total: number | null } }, clues: { publicReports: { label: string, total: number | null, cells: Array<{ key: string, value: number | null }> }, inspections: { total: number | null } }, abnormalPatents: { from: string, byRegion: Array<{ label: string, itemCount: number | null, withdrawalRate: number | null }> }, xlsx: { filename: string, mediaType: string, contentBase64: string }, html: { filename: string, mediaType: string, contentBase64: string } } | null };

export type MonthlyReportDashboardQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type MonthlyReportDashboardQuery = { statistics: { to: string, cases: { open: number, overdue: number, issued: number, entrustedByAgencyKind: { total: number | null, cells: Array<{ label: string, value: number | null }> } } | null, feedback: { count: number } | null } | null };

export type MonthlyReportDeterminationMutationVariables = Exact<{
  input: RecordCreditEventInput;
}>;


export type MonthlyReportDeterminationMutation = { recordCreditEvent: { replayed: boolean } | null };

export type MonthlyReportClueMutationVariables = Exact<{
  input: SubmitPublicReportInput;
}>;


export type MonthlyReportClueMutation = { submitPublicReport: { status: PublicReportStatus } | null };

export type FiledMonthlyReportsQueryVariables = Exact<{
  region?: string | null | undefined;
  month?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FiledMonthlyReportsQuery = { monthlyReports: { totalCount: number, edges: Array<{ node: { id: string, regionCode: string, regionName: string, month: string, filedAt: string, filedBy: { code: string } | null, figures: { asOf: string, cases: { entrusted: number, issued: number, open: number, overdue: number }, feedback: { count: number }, credit: { determinationsBySeverity: { total: number | null } } }, xlsx: { filename: string, contentBase64: string }, html: { filename: string, contentBase64: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type QueryCountAgenciesQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type QueryCountAgenciesQuery = { agencies: { totalCount: number, edges: Array<{ node: { code: string, status: RecordStatus | null, clientSystems: Array<{ name: string | null, allowedScopes: Array<string> | null, status: RecordStatus | null }> | null } }> } };

export type QueryCountDirectoryQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type QueryCountDirectoryQuery = { institutions: { edges: Array<{ node: { name: string, appraisers: Array<{ name: string, institution: { name: string } | null }> } }> } };

export type QueryCountAbnormalItemsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type QueryCountAbnormalItemsQuery = { abnormalPatentItems: { edges: Array<{ node: { applicationNumber: string, status: AbnormalPatentStatus, deadline: string, batch: { batchNo: string, itemCount: number }, history: Array<{ action: AbnormalPatentAction }>, creditRecord: { id: string } | null } }> } | null };

export type QueryCountAbnormalBatchesQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type QueryCountAbnormalBatchesQuery = { abnormalPatentBatches: { edges: Array<{ node: { batchNo: string, itemCount: number, withdrawalRate: number | null, byRegion: Array<{ key: string }>, byPatentAgency: Array<{ key: string }> } }> } | null };

export type QueryCountStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type QueryCountStatisticsQuery = { statistics: { regionCode: string, directory: { institutionsByStatus: { total: number | null }, institutionsByField: { total: number | null }, appraisersByRegion: { total: number | null }, cultivation: { total: number | null } } | null, cases: { open: number, overdue: number, medianWorkingDays: number | null, entrustedByMonth: Array<{ total: number | null }>, overdueByRegion: { total: number | null } } | null, feedback: { count: number, feedbackByMonth: { total: number | null }, complaintsByRegion: { total: number | null }, institutions: Array<{ name: string, complaints: number | null }> } | null, credit: { activeByBehaviour: { total: number | null }, repairs: { total: number | null }, institutionGrades: { total: number | null } } | null, abnormalPatents: { total: { itemCount: number | null }, byBatch: Array<{ itemCount: number | null }>, byRegion: Array<{ itemCount: number | null }> } | null, collaboration: { opened: number, averageResponseHours: number | null, flows: Array<{ count: number }> } | null } | null };

export type QueryCountListWithoutTotalQueryVariables = Exact<{ [key: string]: never; }>;


export type QueryCountListWithoutTotalQuery = { institutions: { edges: Array<{ node: { name: string } }> } };

export type QueryCountListWithTotalQueryVariables = Exact<{ [key: string]: never; }>;


export type QueryCountListWithTotalQuery = { institutions: { totalCount: number, edges: Array<{ node: { name: string } }> } };

export type ReplicaInstitutionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReplicaInstitutionsQuery = { institutions: { edges: Array<{ node: { id: string, name: string, version: number | null } }> } };

export type ReplicaInstitutionQueryVariables = Exact<{
  id: string | number;
}>;


export type ReplicaInstitutionQuery = { institution: { name: string, version: number | null } | null };

export type ReplicaStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReplicaStatisticsQuery = { statistics: { directory: { institutionsByStatus: { total: number | null } } | null } | null };

export type ReplicaRenameMutationVariables = Exact<{
  id: string | number;
  v: number;
  name: string;
}>;


export type ReplicaRenameMutation = { updateInstitution: { name: string, version: number | null } | null };

export type ReplicaCreditExportQueryVariables = Exact<{ [key: string]: never; }>;


export type ReplicaCreditExportQuery = { creditExport: { watermark: string, rows: Array<{ id: string }> } | null };

export type RegionRegisterAgencyMutationVariables = Exact<{
  input: RegisterAgencyInput;
}>;


export type RegionRegisterAgencyMutation = { registerAgency: { agency: { code: string, regionCode: string } } | null };

export type RegionRegisterClientMutationVariables = Exact<{
  input: RegisterClientSystemInput;
}>;


export type RegionRegisterClientMutation = { registerClientSystem: { replayed: boolean } | null };

export type RegionInstitutionQueryVariables = Exact<{
  c: string;
}>;


export type RegionInstitutionQuery = { institution: { name: string, regionCode: string } | null };

export type RegionInstitutionsQueryVariables = Exact<{
  r: string;
}>;


export type RegionInstitutionsQuery = { institutions: { edges: Array<{ node: { creditCode: string } }> } };

export type RegionStatisticsQueryVariables = Exact<{
  region?: string | null | undefined;
}>;


export type RegionStatisticsQuery = { statistics: { directory: { institutionsByRegion: { cells: Array<{ key: string, label: string, value: number | null }> } } | null } | null };

export type RegionChildrenQueryVariables = Exact<{
  parent?: string | null | undefined;
}>;


export type RegionChildrenQuery = { regions: Array<{ code: string, name: string, kind: RegionKind, parentCode: string | null }> };

export type RegionOneQueryVariables = Exact<{
  code: string;
}>;


export type RegionOneQuery = { region: { code: string, name: string, validUntil: string | null, replacedBy: string | null } };

export type SignInRegisterProviderMutationVariables = Exact<{
  input: RegisterIdentityProviderInput;
}>;


export type SignInRegisterProviderMutation = { registerIdentityProvider: { replayed: boolean, identityProvider: { id: string, issuer: string | null, clientId: string | null, hasClientSecret: boolean | null, personClaim: string | null, groupsClaim: string | null, version: number | null, groupScopes: Array<{ group: string, scopes: Array<string> }> | null } } | null };

export type SignInUpdateProviderMutationVariables = Exact<{
  code: string;
  version: number;
  input: IdentityProviderInput;
}>;


export type SignInUpdateProviderMutation = { updateIdentityProvider: { version: number | null, hasClientSecret: boolean | null, groupScopes: Array<{ group: string, scopes: Array<string> }> | null } | null };

export type SignInProviderOfQueryVariables = Exact<{
  code: string;
}>;


export type SignInProviderOfQuery = { agency: { identityProvider: { issuer: string | null, version: number | null, hasClientSecret: boolean | null } | null, clientSystems: Array<{ name: string | null, allowedScopes: Array<string> | null }> | null } | null };

export type StatisticsWorkbookFileQueryVariables = Exact<{
  region?: string | null | undefined;
}>;


export type StatisticsWorkbookFileQuery = { statistics: { regionCode: string, from: string, to: string, workbook: { filename: string, mediaType: string, contentBase64: string } | null, directory: { institutionsByStatus: { label: string, total: number | null, cells: Array<{ key: string, label: string, value: number | null }> }, appraisersByField: { label: string, cells: Array<{ label: string, value: number | null, suppressed: boolean }> } } | null, cases: { open: number, overdue: number, entrustedByMonth: Array<{ label: string, total: number | null }> } | null } | null };

export type StatsHeaderFragment = { regionCode: string, regionName: string, from: string, to: string, threshold: number };

export type StatsBreakdownFragment = { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> };

export type StatsRateFragment = { key: string, label: string, itemCount: number | null, withdrawnCount: number | null, appealUpheldCount: number | null, withdrawalRate: number | null, meetsTarget: boolean | null, suppressed: boolean };

export type StatsDirectoryQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StatsDirectoryQuery = { statistics: { regionCode: string, regionName: string, from: string, to: string, threshold: number, directory: { institutionsByStatus: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, institutionsByLevel: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, institutionsByField: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, institutionsByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, cultivation: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, institutionCreditGrades: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, appraisersByField: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, appraisersByTitleLevel: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, appraisersByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, appraiserCreditGrades: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> } } | null } | null };

export type StatsCasesQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StatsCasesQuery = { statistics: { regionCode: string, regionName: string, from: string, to: string, threshold: number, cases: { open: number, overdue: number, issued: number, medianWorkingDays: number | null, onTimeRate: number | null, courtAppearancesRequested: number, courtAppearancesAttended: number, courtAppearancesMissed: number, opinionAdoptionRate: number | null, entrustedByAgencyKind: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, entrustedByMonth: Array<{ key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }>, openByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, overdueByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> } } | null } | null };

export type StatsFeedbackQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StatsFeedbackQuery = { statistics: { regionCode: string, regionName: string, from: string, to: string, threshold: number, feedback: { count: number, adoptionRate: number | null, averages: { timeliness: number | null, professionalism: number | null, reportQuality: number | null, conduct: number | null, courtPerformance: number | null }, feedbackByMonth: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, ratingsByMonth: Array<{ month: string, count: number, averages: { timeliness: number | null } }>, complaintsByMonth: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, complaintsByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, complaintsResolvedByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, institutions: Array<{ institutionId: string, name: string, regionCode: string, count: number, complaints: number | null, complaintsSuppressed: boolean, averages: { timeliness: number | null } | null }> } | null } | null };

export type StatsCreditQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StatsCreditQuery = { statistics: { regionCode: string, regionName: string, from: string, to: string, threshold: number, credit: { repairRate: number | null, activeByBehaviour: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, activeBySeverity: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, repairs: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, institutionGrades: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, appraiserGrades: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> } } | null } | null };

export type StatsAbnormalPatentsQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StatsAbnormalPatentsQuery = { statistics: { regionCode: string, regionName: string, from: string, to: string, threshold: number, abnormalPatents: { withdrawalTarget: number, total: { key: string, label: string, itemCount: number | null, withdrawnCount: number | null, appealUpheldCount: number | null, withdrawalRate: number | null, meetsTarget: boolean | null, suppressed: boolean }, byBatch: Array<{ key: string, label: string, itemCount: number | null, withdrawnCount: number | null, appealUpheldCount: number | null, withdrawalRate: number | null, meetsTarget: boolean | null, suppressed: boolean }>, byRegion: Array<{ key: string, label: string, itemCount: number | null, withdrawnCount: number | null, appealUpheldCount: number | null, withdrawalRate: number | null, meetsTarget: boolean | null, suppressed: boolean }> } | null } | null };

export type StatsCollaborationQueryVariables = Exact<{
  region?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type StatsCollaborationQuery = { statistics: { regionCode: string, regionName: string, from: string, to: string, threshold: number, collaboration: { opened: number, closed: number, responded: number, averageResponseHours: number | null, byKind: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, flows: Array<{ fromKind: string, toKind: string, count: number }> } | null } | null };

export type StatsAnonymousQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsAnonymousQuery = { statistics: { regionCode: string } | null };

export type StatsVisibleDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsVisibleDirectoryQuery = { statistics: { directory: { institutionsByStatus: { total: number | null, cells: Array<{ key: string, value: number | null }> }, cultivation: { total: number | null }, appraisersByRegion: { total: number | null } } | null } | null };

export type StatsCourtInstitutionsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsCourtInstitutionsQuery = { institutions: { totalCount: number } };

export type StatsCourtAppraisersQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsCourtAppraisersQuery = { appraisers: { edges: Array<{ node: { status: AppraiserStatus | null } }> } };

export type StatsLabelsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsLabelsQuery = { statistics: { directory: { institutionsByStatus: { label: string, cells: Array<{ key: string, label: string }> }, institutionsByRegion: { cells: Array<{ key: string, label: string }> } } | null } | null };

export type StatsRegionWithdrawalRatesQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsRegionWithdrawalRatesQuery = { abnormalPatentWithdrawalRates: Array<{ key: string, itemCount: number, withdrawnCount: number, withdrawalRate: number | null }> | null };

export type StatsEntrustMutationVariables = Exact<{
  input: EntrustAppraisalInput;
}>;


export type StatsEntrustMutation = { entrustAppraisal: { appraisalCase: { id: string } } | null };

export type StatsOpenOverdueByRegionQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsOpenOverdueByRegionQuery = { statistics: { cases: { openByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> }, overdueByRegion: { key: string, total: number | null, totalSuppressed: boolean, cells: Array<{ key: string, value: number | null, suppressed: boolean }> } } | null } | null };

export type StatsOpenByRegionLabelsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsOpenByRegionLabelsQuery = { statistics: { cases: { openByRegion: { cells: Array<{ key: string, label: string }> } } | null } | null };

export type StatsThresholdOneQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsThresholdOneQuery = { statistics: { threshold: number, credit: { activeBySeverity: { total: number | null, cells: Array<{ value: number | null, suppressed: boolean }> } } | null } | null };

export type DirectoryRegisterInstitutionMutationVariables = Exact<{
  input: RegisterInstitutionInput;
}>;


export type DirectoryRegisterInstitutionMutation = { registerInstitution: { replayed: boolean, institution: { id: string, version: number | null, listingStatus: ListingStatus, creditCode: string } } | null };

export type DirectoryChangeListingMutationVariables = Exact<{
  id: string | number;
  v: number;
  to: ListingStatus;
  reason: string;
  on?: string | null | undefined;
  doc?: string | null | undefined;
}>;


export type DirectoryChangeListingMutation = { changeListingStatus: { id: string, version: number | null, listingStatus: ListingStatus, listedAt: string | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StatsHeaderFragmentDoc = new TypedDocumentString(`
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
    `, {"fragmentName":"StatsHeader"}) as unknown as TypedDocumentString<StatsHeaderFragment, unknown>;
export const StatsBreakdownFragmentDoc = new TypedDocumentString(`
    fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}
    `, {"fragmentName":"StatsBreakdown"}) as unknown as TypedDocumentString<StatsBreakdownFragment, unknown>;
export const StatsRateFragmentDoc = new TypedDocumentString(`
    fragment StatsRate on StatisticsWithdrawalRate {
  key
  label
  itemCount
  withdrawnCount
  appealUpheldCount
  withdrawalRate
  meetsTarget
  suppressed
}
    `, {"fragmentName":"StatsRate"}) as unknown as TypedDocumentString<StatsRateFragment, unknown>;
export const AbnormalImportBatchDocument = new TypedDocumentString(`
    mutation AbnormalImportBatch($input: ImportAbnormalPatentBatchInput!) {
  importAbnormalPatentBatch(input: $input) {
    created
    unchanged
    dryRun
    rejected {
      index
      field
      code
      message
    }
    batch {
      id
      batchNo
      itemCount
      withdrawnCount
      withdrawalRate
      deadline
    }
  }
}
    `) as unknown as TypedDocumentString<AbnormalImportBatchMutation, AbnormalImportBatchMutationVariables>;
export const AbnormalHandleItemDocument = new TypedDocumentString(`
    mutation AbnormalHandleItem($id: ID!, $v: Int!, $input: AbnormalPatentHandlingInput!) {
  recordAbnormalPatentHandling(itemId: $id, expectedVersion: $v, input: $input) {
    replayed
    item {
      id
      version
      status
      notifiedAt
      handledAt
      fedBackAt
      creditRecord {
        id
        subjectType
        subjectName
        behaviour
        severity
      }
      history {
        action
        fromStatus
        toStatus
        actorAgencyCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AbnormalHandleItemMutation, AbnormalHandleItemMutationVariables>;
export const AbnormalItemsDocument = new TypedDocumentString(`
    query AbnormalItems($filter: AbnormalPatentItemFilter, $first: Int) {
  abnormalPatentItems(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        applicationNumber
        status
        regionCode
        allocatedAgencyCode
        version
        deadline
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AbnormalItemsQuery, AbnormalItemsQueryVariables>;
export const AbnormalItemsWithCreditRecordDocument = new TypedDocumentString(`
    query AbnormalItemsWithCreditRecord($filter: AbnormalPatentItemFilter, $first: Int) {
  abnormalPatentItems(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        applicationNumber
        status
        regionCode
        allocatedAgencyCode
        version
        deadline
        creditRecord {
          subjectType
          subjectName
          behaviour
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AbnormalItemsWithCreditRecordQuery, AbnormalItemsWithCreditRecordQueryVariables>;
export const AbnormalWithdrawalRatesDocument = new TypedDocumentString(`
    query AbnormalWithdrawalRates($groupBy: AbnormalPatentGrouping!, $filter: AbnormalPatentItemFilter) {
  abnormalPatentWithdrawalRates(groupBy: $groupBy, filter: $filter) {
    key
    label
    itemCount
    withdrawnCount
    appealUpheldCount
    appealedCount
    overdueCount
    escalatedCount
    withdrawalRate
    withdrawalTarget
    meetsTarget
  }
}
    `) as unknown as TypedDocumentString<AbnormalWithdrawalRatesQuery, AbnormalWithdrawalRatesQueryVariables>;
export const AbnormalDemoBatchesDocument = new TypedDocumentString(`
    query AbnormalDemoBatches {
  abnormalPatentBatches {
    totalCount
    edges {
      node {
        batchNo
        itemCount
        withdrawnCount
        withdrawalRate
        totals {
          appealUpheldCount
          overdueCount
          escalatedCount
          meetsTarget
          withdrawalTarget
        }
        byRegion {
          key
          label
          itemCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AbnormalDemoBatchesQuery, AbnormalDemoBatchesQueryVariables>;
export const AbnormalDryRunBatchDocument = new TypedDocumentString(`
    query AbnormalDryRunBatch {
  abnormalPatentBatches(filter: {batchNo: "测试-试运行"}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AbnormalDryRunBatchQuery, AbnormalDryRunBatchQueryVariables>;
export const AbnormalEscalatedCreditRecordsDocument = new TypedDocumentString(`
    query AbnormalEscalatedCreditRecords($code: CreditCode!) {
  creditRecords(filter: {subjectCreditCode: $code}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AbnormalEscalatedCreditRecordsQuery, AbnormalEscalatedCreditRecordsQueryVariables>;
export const AbnormalItemsAnonymousDocument = new TypedDocumentString(`
    query AbnormalItemsAnonymous {
  abnormalPatentItems {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AbnormalItemsAnonymousQuery, AbnormalItemsAnonymousQueryVariables>;
export const RegistryRegisterDocument = new TypedDocumentString(`
    mutation RegistryRegister($input: RegisterAgencyInput!) {
  registerAgency(input: $input) {
    replayed
    agency {
      id
      code
      name
      kind
      regionCode
      parentCode
      status
      version
    }
  }
}
    `) as unknown as TypedDocumentString<RegistryRegisterMutation, RegistryRegisterMutationVariables>;
export const RegistryUpdateDocument = new TypedDocumentString(`
    mutation RegistryUpdate($code: String!, $v: Int!, $input: UpdateAgencyInput!) {
  updateAgency(code: $code, expectedVersion: $v, input: $input) {
    code
    name
    regionCode
    parentCode
    version
  }
}
    `) as unknown as TypedDocumentString<RegistryUpdateMutation, RegistryUpdateMutationVariables>;
export const RegistryDisableDocument = new TypedDocumentString(`
    mutation RegistryDisable($code: String!, $v: Int!, $reason: String!) {
  disableAgency(code: $code, expectedVersion: $v, reason: $reason) {
    code
    status
    statusReason
    version
  }
}
    `) as unknown as TypedDocumentString<RegistryDisableMutation, RegistryDisableMutationVariables>;
export const RegistryEnableDocument = new TypedDocumentString(`
    mutation RegistryEnable($code: String!, $v: Int!) {
  enableAgency(code: $code, expectedVersion: $v) {
    code
    status
    version
  }
}
    `) as unknown as TypedDocumentString<RegistryEnableMutation, RegistryEnableMutationVariables>;
export const RegistryAuditDocument = new TypedDocumentString(`
    query RegistryAudit {
  auditEvents(first: 50, filter: {entityType: "Agency"}) {
    edges {
      node {
        operation
        entityId
        fields
        agencyCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegistryAuditQuery, RegistryAuditQueryVariables>;
export const RegistryClientDocument = new TypedDocumentString(`
    mutation RegistryClient($input: RegisterClientSystemInput!) {
  registerClientSystem(input: $input) {
    replayed
    clientSystem {
      name
      allowedScopes
    }
  }
}
    `) as unknown as TypedDocumentString<RegistryClientMutation, RegistryClientMutationVariables>;
export const RegistryInstitutionDocument = new TypedDocumentString(`
    mutation RegistryInstitution($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) {
    institution {
      id
      name
      agencyCode
    }
  }
}
    `) as unknown as TypedDocumentString<RegistryInstitutionMutation, RegistryInstitutionMutationVariables>;
export const RegistryInstitutionAgencyDocument = new TypedDocumentString(`
    mutation RegistryInstitutionAgency($id: ID!, $code: String!) {
  registerInstitutionAgency(institutionId: $id, agencyCode: $code) {
    institution {
      agencyCode
    }
  }
}
    `) as unknown as TypedDocumentString<RegistryInstitutionAgencyMutation, RegistryInstitutionAgencyMutationVariables>;
export const AppraiserRegisterDocument = new TypedDocumentString(`
    mutation AppraiserRegister($input: RegisterAppraiserInput!) {
  registerAppraiser(input: $input) {
    appraiser {
      id
      name
      version
      idNumber
      institution {
        name
      }
    }
    replayed
  }
}
    `) as unknown as TypedDocumentString<AppraiserRegisterMutation, AppraiserRegisterMutationVariables>;
export const AppraiserUpdateDocument = new TypedDocumentString(`
    mutation AppraiserUpdate($id: ID!, $v: Int!, $input: UpdateAppraiserInput!) {
  updateAppraiser(id: $id, expectedVersion: $v, input: $input) {
    version
    institution {
      creditCode
    }
    practiceHistory {
      id
      kind
      endedOn
      institution {
        creditCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AppraiserUpdateMutation, AppraiserUpdateMutationVariables>;
export const AppraiserPiiDocument = new TypedDocumentString(`
    query AppraiserPii($id: ID!) {
  appraiser(id: $id) {
    name
    idNumber
    phone
  }
}
    `) as unknown as TypedDocumentString<AppraiserPiiQuery, AppraiserPiiQueryVariables>;
export const AppraiserIdNumberDocument = new TypedDocumentString(`
    query AppraiserIdNumber($id: ID!) {
  appraiser(id: $id) {
    idNumber
  }
}
    `) as unknown as TypedDocumentString<AppraiserIdNumberQuery, AppraiserIdNumberQueryVariables>;
export const AppraiserListIdNumbersDocument = new TypedDocumentString(`
    query AppraiserListIdNumbers {
  appraisers(first: 100) {
    edges {
      node {
        name
        idNumber
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AppraiserListIdNumbersQuery, AppraiserListIdNumbersQueryVariables>;
export const AppraiserIdNumberAndPhoneDocument = new TypedDocumentString(`
    query AppraiserIdNumberAndPhone($id: ID!) {
  appraiser(id: $id) {
    idNumber
    phone
  }
}
    `) as unknown as TypedDocumentString<AppraiserIdNumberAndPhoneQuery, AppraiserIdNumberAndPhoneQueryVariables>;
export const AppraiserChangeStatusDocument = new TypedDocumentString(`
    mutation AppraiserChangeStatus($id: ID!, $v: Int!, $to: AppraiserStatus!) {
  changeAppraiserStatus(id: $id, expectedVersion: $v, to: $to, reason: "执业检查") {
    status
    version
  }
}
    `) as unknown as TypedDocumentString<AppraiserChangeStatusMutation, AppraiserChangeStatusMutationVariables>;
export const AppraiserNamesDocument = new TypedDocumentString(`
    query AppraiserNames($f: AppraiserFilter) {
  appraisers(first: 100, filter: $f) {
    edges {
      node {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AppraiserNamesQuery, AppraiserNamesQueryVariables>;
export const FeedbackPostDocument = new TypedDocumentString(`
    mutation FeedbackPost($input: PostCaseFeedbackInput!) {
  postCaseFeedback(input: $input) {
    replayed
    feedback {
      id
      kind
      postingAgencyCode
      complaintStatus
      complaintRespondBy
      version
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackPostMutation, FeedbackPostMutationVariables>;
export const FeedbackHandleComplaintDocument = new TypedDocumentString(`
    mutation FeedbackHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) {
  handleComplaint(id: $id, expectedVersion: $v, input: $input) {
    complaintStatus
    version
    violationConfirmed
    nextSteps
    complaintHistory {
      toStatus
      actorAgencyCode
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackHandleComplaintMutation, FeedbackHandleComplaintMutationVariables>;
export const FeedbackAppraiserSummaryDocument = new TypedDocumentString(`
    query FeedbackAppraiserSummary($id: ID!) {
  appraiser(id: $id) {
    feedbackSummary {
      count
      averages {
        timeliness
        professionalism
        reportQuality
        conduct
        courtPerformance
      }
      adoptionRate
      complaintsLast12Months
      complaintsTotal
      lastFeedbackAt
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackAppraiserSummaryQuery, FeedbackAppraiserSummaryQueryVariables>;
export const FeedbackSeenDocument = new TypedDocumentString(`
    query FeedbackSeen($id: ID!) {
  caseFeedback(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<FeedbackSeenQuery, FeedbackSeenQueryVariables>;
export const FeedbackInstitutionSummaryDocument = new TypedDocumentString(`
    query FeedbackInstitutionSummary {
  institution(creditCode: "91411500MA9F3K2L21") {
    feedbackSummary {
      complaintsLast12Months
      complaintsTotal
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackInstitutionSummaryQuery, FeedbackInstitutionSummaryQueryVariables>;
export const FeedbackRecordInspectionDocument = new TypedDocumentString(`
    mutation FeedbackRecordInspection($input: RecordInspectionInput!) {
  recordInspection(input: $input) {
    id
    result
    score
  }
}
    `) as unknown as TypedDocumentString<FeedbackRecordInspectionMutation, FeedbackRecordInspectionMutationVariables>;
export const FeedbackSupervisionRecordsDocument = new TypedDocumentString(`
    query FeedbackSupervisionRecords {
  institution(creditCode: "91410700MA9G0T8C63") {
    supervisionRecords {
      findings
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackSupervisionRecordsQuery, FeedbackSupervisionRecordsQueryVariables>;
export const FeedbackCaseDeadlinesDocument = new TypedDocumentString(`
    query FeedbackCaseDeadlines($id: ID!) {
  appraisalCase(id: $id) {
    deadlines {
      acceptBy
      provisional
      provisionalYears
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackCaseDeadlinesQuery, FeedbackCaseDeadlinesQueryVariables>;
export const FeedbackEntrustDocument = new TypedDocumentString(`
    mutation FeedbackEntrust($input: EntrustAppraisalInput!) {
  entrustAppraisal(input: $input) {
    appraisalCase {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackEntrustMutation, FeedbackEntrustMutationVariables>;
export const FeedbackComplaintDayDocument = new TypedDocumentString(`
    query FeedbackComplaintDay($id: ID!) {
  caseFeedback(id: $id) {
    complaintRespondBy
    version
  }
}
    `) as unknown as TypedDocumentString<FeedbackComplaintDayQuery, FeedbackComplaintDayQueryVariables>;
export const CreditExchangeDocument = new TypedDocumentString(`
    query CreditExchange($since: String, $until: String, $first: Int, $after: String) {
  creditExport(updatedSince: $since, until: $until, first: $first, after: $after) {
    watermark
    pageInfo {
      hasNextPage
      endCursor
    }
    rows {
      category
      id
      subjectType
      subjectName
      subjectCreditCode
      subjectCertificateNo
      code
      severity
      decisionDocNo
      decidingAgencyName
      announced
      status
      repairedOn
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreditExchangeQuery, CreditExchangeQueryVariables>;
export const CreditExchangeRevokeDocument = new TypedDocumentString(`
    mutation CreditExchangeRevoke($id: ID!, $v: Int!) {
  revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: "复议撤销") {
    status
  }
}
    `) as unknown as TypedDocumentString<CreditExchangeRevokeMutation, CreditExchangeRevokeMutationVariables>;
export const CreditExchangeNewDocument = new TypedDocumentString(`
    mutation CreditExchangeNew($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    record {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreditExchangeNewMutation, CreditExchangeNewMutationVariables>;
export const IncentiveRecordDocument = new TypedDocumentString(`
    mutation IncentiveRecord($input: RecordCreditIncentiveInput!) {
  recordCreditIncentive(input: $input) {
    replayed
    incentive {
      id
      kind
      status
      decidedOn
      publishFrom
      publishUntil
      measures
      version
      subjectType
      subjectName
    }
  }
}
    `) as unknown as TypedDocumentString<IncentiveRecordMutation, IncentiveRecordMutationVariables>;
export const IncentiveRevokeDocument = new TypedDocumentString(`
    mutation IncentiveRevoke($id: ID!, $v: Int!) {
  revokeCreditIncentive(id: $id, expectedVersion: $v, reason: "表彰依据被撤销") {
    status
    version
  }
}
    `) as unknown as TypedDocumentString<IncentiveRevokeMutation, IncentiveRevokeMutationVariables>;
export const IncentiveOneDocument = new TypedDocumentString(`
    query IncentiveOne($id: ID!) {
  creditIncentive(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<IncentiveOneQuery, IncentiveOneQueryVariables>;
export const IncentiveOnInstitutionDocument = new TypedDocumentString(`
    query IncentiveOnInstitution($c: CreditCode!) {
  institution(creditCode: $c) {
    creditIncentives {
      kind
    }
    creditRecords {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<IncentiveOnInstitutionQuery, IncentiveOnInstitutionQueryVariables>;
export const IncentiveListDocument = new TypedDocumentString(`
    query IncentiveList($kind: CreditIncentiveKind) {
  creditIncentives(filter: {kind: $kind}, first: 100) {
    edges {
      node {
        kind
        status
        subjectName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IncentiveListQuery, IncentiveListQueryVariables>;
export const CreditRecordEventDocument = new TypedDocumentString(`
    mutation CreditRecordEvent($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    replayed
    record {
      id
      status
      subjectType
      behaviour
      severity
      version
      subjectName
    }
  }
}
    `) as unknown as TypedDocumentString<CreditRecordEventMutation, CreditRecordEventMutationVariables>;
export const CreditRequestRepairDocument = new TypedDocumentString(`
    mutation CreditRequestRepair($id: ID!, $input: CreditRepairInput!) {
  requestCreditRepair(recordId: $id, input: $input) {
    status
    version
  }
}
    `) as unknown as TypedDocumentString<CreditRequestRepairMutation, CreditRequestRepairMutationVariables>;
export const CreditDecideRepairDocument = new TypedDocumentString(`
    mutation CreditDecideRepair($id: ID!, $v: Int!, $approve: Boolean!) {
  decideCreditRepair(
    recordId: $id
    expectedVersion: $v
    approve: $approve
    note: "整改到位"
  ) {
    status
    version
  }
}
    `) as unknown as TypedDocumentString<CreditDecideRepairMutation, CreditDecideRepairMutationVariables>;
export const CreditFalseAppraisalRecordsDocument = new TypedDocumentString(`
    query CreditFalseAppraisalRecords {
  creditRecords(filter: {behaviour: FALSE_APPRAISAL}) {
    edges {
      node {
        subjectType
        subjectName
        severity
        status
        sharedWith {
          agencyCode
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreditFalseAppraisalRecordsQuery, CreditFalseAppraisalRecordsQueryVariables>;
export const CreditPublicCountDocument = new TypedDocumentString(`
    query CreditPublicCount($c: CreditCode) {
  creditRecords(filter: {subjectCreditCode: $c}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<CreditPublicCountQuery, CreditPublicCountQueryVariables>;
export const CreditBureauViewDocument = new TypedDocumentString(`
    query CreditBureauView($c: CreditCode) {
  creditRecords(filter: {subjectCreditCode: $c}) {
    edges {
      node {
        status
        repairCommitment
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreditBureauViewQuery, CreditBureauViewQueryVariables>;
export const CreditRepairableFromDocument = new TypedDocumentString(`
    query CreditRepairableFrom($id: ID!) {
  creditRecord(id: $id) {
    decidedOn
    repairableFrom
    publishUntil
  }
}
    `) as unknown as TypedDocumentString<CreditRepairableFromQuery, CreditRepairableFromQueryVariables>;
export const CreditRecordLeapDayDocument = new TypedDocumentString(`
    mutation CreditRecordLeapDay($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    record {
      id
      publishFrom
      publishUntil
    }
  }
}
    `) as unknown as TypedDocumentString<CreditRecordLeapDayMutation, CreditRecordLeapDayMutationVariables>;
export const CreditSharedRecordDocument = new TypedDocumentString(`
    query CreditSharedRecord($id: ID!) {
  creditRecord(id: $id) {
    status
    sharedWith {
      agencyCode
      acknowledgedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreditSharedRecordQuery, CreditSharedRecordQueryVariables>;
export const CreditAcknowledgeShareDocument = new TypedDocumentString(`
    mutation CreditAcknowledgeShare($id: ID!) {
  acknowledgeCreditShare(recordId: $id) {
    agencyCode
    acknowledgedAt
  }
}
    `) as unknown as TypedDocumentString<CreditAcknowledgeShareMutation, CreditAcknowledgeShareMutationVariables>;
export const CreditAcknowledgeShareElsewhereDocument = new TypedDocumentString(`
    mutation CreditAcknowledgeShareElsewhere($id: ID!) {
  acknowledgeCreditShare(recordId: $id) {
    agencyCode
  }
}
    `) as unknown as TypedDocumentString<CreditAcknowledgeShareElsewhereMutation, CreditAcknowledgeShareElsewhereMutationVariables>;
export const CreditRecordSeenDocument = new TypedDocumentString(`
    query CreditRecordSeen($id: ID!) {
  creditRecord(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditRecordSeenQuery, CreditRecordSeenQueryVariables>;
export const CreditRevokeDocument = new TypedDocumentString(`
    mutation CreditRevoke($id: ID!, $v: Int!) {
  revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: "行政复议撤销") {
    status
  }
}
    `) as unknown as TypedDocumentString<CreditRevokeMutation, CreditRevokeMutationVariables>;
export const CreditFailedInspectionDocument = new TypedDocumentString(`
    mutation CreditFailedInspection($input: RecordInspectionInput!) {
  recordInspection(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditFailedInspectionMutation, CreditFailedInspectionMutationVariables>;
export const CreditInspectionDocument = new TypedDocumentString(`
    mutation CreditInspection($input: RecordInspectionInput!) {
  recordInspection(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditInspectionMutation, CreditInspectionMutationVariables>;
export const CreditInstitutionGradeDocument = new TypedDocumentString(`
    query CreditInstitutionGrade($c: CreditCode!) {
  institution(creditCode: $c) {
    creditGrade
    creditGradeWhy
  }
}
    `) as unknown as TypedDocumentString<CreditInstitutionGradeQuery, CreditInstitutionGradeQueryVariables>;
export const CreditRegisterAppraiserDocument = new TypedDocumentString(`
    mutation CreditRegisterAppraiser($input: RegisterAppraiserInput!) {
  registerAppraiser(input: $input) {
    appraiser {
      id
    }
    replayed
  }
}
    `) as unknown as TypedDocumentString<CreditRegisterAppraiserMutation, CreditRegisterAppraiserMutationVariables>;
export const CreditPostComplaintDocument = new TypedDocumentString(`
    mutation CreditPostComplaint($input: PostCaseFeedbackInput!) {
  postCaseFeedback(input: $input) {
    feedback {
      id
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CreditPostComplaintMutation, CreditPostComplaintMutationVariables>;
export const CreditHandleComplaintDocument = new TypedDocumentString(`
    mutation CreditHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) {
  handleComplaint(id: $id, expectedVersion: $v, input: $input) {
    version
  }
}
    `) as unknown as TypedDocumentString<CreditHandleComplaintMutation, CreditHandleComplaintMutationVariables>;
export const CreditRulesRecordDocument = new TypedDocumentString(`
    mutation CreditRulesRecord($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    record {
      id
      severity
      announced
      decidedOn
      publishFrom
      publishUntil
      repairableFrom
      status
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CreditRulesRecordMutation, CreditRulesRecordMutationVariables>;
export const CreditRulesSeenDocument = new TypedDocumentString(`
    query CreditRulesSeen($id: ID!) {
  creditRecord(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditRulesSeenQuery, CreditRulesSeenQueryVariables>;
export const CreditRulesGradeDocument = new TypedDocumentString(`
    query CreditRulesGrade($c: CreditCode!) {
  institution(creditCode: $c) {
    creditGrade
    creditGradeWhy
  }
}
    `) as unknown as TypedDocumentString<CreditRulesGradeQuery, CreditRulesGradeQueryVariables>;
export const CreditRulesRepairMinorDocument = new TypedDocumentString(`
    mutation CreditRulesRepairMinor($id: ID!) {
  requestCreditRepair(recordId: $id, input: {commitment: "已履行义务并作出信用承诺"}) {
    status
  }
}
    `) as unknown as TypedDocumentString<CreditRulesRepairMinorMutation, CreditRulesRepairMinorMutationVariables>;
export const SubjectRecordDocument = new TypedDocumentString(`
    mutation SubjectRecord($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    replayed
    record {
      id
      subjectType
      subjectName
      subjectCertificateNo
    }
  }
}
    `) as unknown as TypedDocumentString<SubjectRecordMutation, SubjectRecordMutationVariables>;
export const SubjectCertificateDocument = new TypedDocumentString(`
    query SubjectCertificate($id: ID!) {
  creditRecord(id: $id) {
    subjectName
    subjectCertificateNo
  }
}
    `) as unknown as TypedDocumentString<SubjectCertificateQuery, SubjectCertificateQueryVariables>;
export const SubjectByCertificateDocument = new TypedDocumentString(`
    query SubjectByCertificate($no: String!) {
  creditRecords(filter: {subjectCertificateNo: $no}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SubjectByCertificateQuery, SubjectByCertificateQueryVariables>;
export const SubjectRegisterTaxDocument = new TypedDocumentString(`
    mutation SubjectRegisterTax($input: RegisterAgencyInput!) {
  registerAgency(input: $input) {
    agency {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SubjectRegisterTaxMutation, SubjectRegisterTaxMutationVariables>;
export const SubjectRegisterTaxSystemDocument = new TypedDocumentString(`
    mutation SubjectRegisterTaxSystem($input: RegisterClientSystemInput!) {
  registerClientSystem(input: $input) {
    replayed
  }
}
    `) as unknown as TypedDocumentString<SubjectRegisterTaxSystemMutation, SubjectRegisterTaxSystemMutationVariables>;
export const SubjectAcknowledgeDocument = new TypedDocumentString(`
    mutation SubjectAcknowledge($id: ID!) {
  acknowledgeCreditShare(recordId: $id) {
    agencyCode
    acknowledgedAt
  }
}
    `) as unknown as TypedDocumentString<SubjectAcknowledgeMutation, SubjectAcknowledgeMutationVariables>;
export const PlaceMarkDocument = new TypedDocumentString(`
    mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) {
  placeTrademarkUnderCustody(input: $input) {
    replayed
    trademark {
      id
      version
      markName
      regionCode
      custodianAgencyCode
      expiresOn
    }
  }
}
    `) as unknown as TypedDocumentString<PlaceMarkMutation, PlaceMarkMutationVariables>;
export const MarksDocument = new TypedDocumentString(`
    query Marks($filter: CustodyTrademarkFilter) {
  custodyTrademarks(filter: $filter, first: 20) {
    totalCount
    edges {
      node {
        markName
        niceClass
        category
        regionName
        custodianAgencyCode
        expiresOn
        alerts {
          id
          kind
          status
          version
          dueOn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MarksQuery, MarksQueryVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) {
  trademarkAlerts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        trademarkId
        kind
        status
        version
        raisedOn
        dueOn
        raisedByAgencyCode
        handlingNote
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const HandleAlertDocument = new TypedDocumentString(`
    mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) {
  handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) {
    id
    kind
    status
    version
    handlingNote
    handledByAgencyCode
  }
}
    `) as unknown as TypedDocumentString<HandleAlertMutation, HandleAlertMutationVariables>;
export const UpdateMarkDocument = new TypedDocumentString(`
    mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) {
  updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) {
    id
    version
    expiresOn
    custodianAgencyCode
    custodyStatus
  }
}
    `) as unknown as TypedDocumentString<UpdateMarkMutation, UpdateMarkMutationVariables>;
export const RaiseAlertDocument = new TypedDocumentString(`
    mutation RaiseAlert($input: RaiseTrademarkAlertInput!) {
  raiseTrademarkAlert(input: $input) {
    replayed
    alert {
      id
      kind
      status
      raisedByAgencyCode
    }
  }
}
    `) as unknown as TypedDocumentString<RaiseAlertMutation, RaiseAlertMutationVariables>;
export const IndustryEntrustDocument = new TypedDocumentString(`
    mutation IndustryEntrust($input: EntrustAppraisalInput!) {
  entrustAppraisal(input: $input) {
    replayed
    appraisalCase {
      id
      industrySection
    }
  }
}
    `) as unknown as TypedDocumentString<IndustryEntrustMutation, IndustryEntrustMutationVariables>;
export const IndustryStatisticsDocument = new TypedDocumentString(`
    query IndustryStatistics($region: String) {
  statistics(regionCode: $region) {
    directory {
      institutionsByIndustry {
        cells {
          key
          label
          value
        }
      }
    }
    cases {
      entrustedByIndustry {
        cells {
          key
          label
          value
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IndustryStatisticsQuery, IndustryStatisticsQueryVariables>;
export const IndustryInstitutionsDocument = new TypedDocumentString(`
    query IndustryInstitutions($s: IndustrySection) {
  institutions(filter: {industrySection: $s}, first: 100) {
    edges {
      node {
        creditCode
        industrySections
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IndustryInstitutionsQuery, IndustryInstitutionsQueryVariables>;
export const InstitutionUpdateDocument = new TypedDocumentString(`
    mutation InstitutionUpdate($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) {
  updateInstitution(id: $id, expectedVersion: $v, input: $input) {
    name
    version
  }
}
    `) as unknown as TypedDocumentString<InstitutionUpdateMutation, InstitutionUpdateMutationVariables>;
export const InstitutionListingOnDaysDocument = new TypedDocumentString(`
    query InstitutionListingOnDays($id: ID!) {
  institution(id: $id) {
    listingStatus
    listedAt
    d0: listingStatusOn(date: "2025-01-01")
    d1: listingStatusOn(date: "2025-01-31")
    d2: listingStatusOn(date: "2025-02-01")
    d3: listingStatusOn(date: "2025-05-31")
    d4: listingStatusOn(date: "2025-06-01")
    d5: listingStatusOn(date: "2025-08-31")
    d6: listingStatusOn(date: "2025-09-01")
    d7: listingStatusOn(date: "2026-01-01")
  }
}
    `) as unknown as TypedDocumentString<InstitutionListingOnDaysQuery, InstitutionListingOnDaysQueryVariables>;
export const InstitutionsListedOnDocument = new TypedDocumentString(`
    query InstitutionsListedOn($d: Date) {
  institutions(first: 100, filter: {listedOn: $d, regionCode: "411502"}) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionsListedOnQuery, InstitutionsListedOnQueryVariables>;
export const InstitutionRemovedDocument = new TypedDocumentString(`
    query InstitutionRemoved {
  institution(creditCode: "91410783MA3W5N6P4P") {
    name
    listingStatus
    listingHistory {
      toStatus
      reason
      decisionDocNo
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionRemovedQuery, InstitutionRemovedQueryVariables>;
export const InstitutionListDocument = new TypedDocumentString(`
    query InstitutionList($f: InstitutionFilter) {
  institutions(first: 100, filter: $f) {
    totalCount
    edges {
      node {
        name
        regionCode
        listingStatus
        technicalFields
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionListQuery, InstitutionListQueryVariables>;
export const MonthlyReportFullDocument = new TypedDocumentString(`
    query MonthlyReportFull($region: RegionCode, $month: String!) {
  monthlyReport(regionCode: $region, month: $month) {
    regionCode
    regionName
    month
    from
    to
    asOf
    cases {
      entrusted
      issued
      open
      overdue
      entrustedByAgencyKind {
        label
        cells {
          label
          value
        }
      }
    }
    feedback {
      count
      complaintsReceived
    }
    credit {
      determinationsBySeverity {
        label
        cells {
          key
          value
        }
        total
      }
      incentives {
        total
      }
    }
    clues {
      publicReports {
        label
        cells {
          key
          value
        }
        total
      }
      inspections {
        total
      }
    }
    abnormalPatents {
      from
      byRegion {
        label
        itemCount
        withdrawalRate
      }
    }
    xlsx {
      filename
      mediaType
      contentBase64
    }
    html {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<MonthlyReportFullQuery, MonthlyReportFullQueryVariables>;
export const MonthlyReportDashboardDocument = new TypedDocumentString(`
    query MonthlyReportDashboard($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    to
    cases {
      open
      overdue
      issued
      entrustedByAgencyKind {
        total
        cells {
          label
          value
        }
      }
    }
    feedback {
      count
    }
  }
}
    `) as unknown as TypedDocumentString<MonthlyReportDashboardQuery, MonthlyReportDashboardQueryVariables>;
export const MonthlyReportDeterminationDocument = new TypedDocumentString(`
    mutation MonthlyReportDetermination($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) {
    replayed
  }
}
    `) as unknown as TypedDocumentString<MonthlyReportDeterminationMutation, MonthlyReportDeterminationMutationVariables>;
export const MonthlyReportClueDocument = new TypedDocumentString(`
    mutation MonthlyReportClue($input: SubmitPublicReportInput!) {
  submitPublicReport(input: $input) {
    status
  }
}
    `) as unknown as TypedDocumentString<MonthlyReportClueMutation, MonthlyReportClueMutationVariables>;
export const FiledMonthlyReportsDocument = new TypedDocumentString(`
    query FiledMonthlyReports($region: RegionCode, $month: String, $first: Int, $after: String) {
  monthlyReports(regionCode: $region, month: $month, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        regionCode
        regionName
        month
        filedAt
        filedBy {
          code
        }
        figures {
          asOf
          cases {
            entrusted
            issued
            open
            overdue
          }
          feedback {
            count
          }
          credit {
            determinationsBySeverity {
              total
            }
          }
        }
        xlsx {
          filename
          contentBase64
        }
        html {
          filename
          contentBase64
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FiledMonthlyReportsQuery, FiledMonthlyReportsQueryVariables>;
export const QueryCountAgenciesDocument = new TypedDocumentString(`
    query QueryCountAgencies($n: Int) {
  agencies(first: $n) {
    totalCount
    edges {
      node {
        code
        status
        clientSystems {
          name
          allowedScopes
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountAgenciesQuery, QueryCountAgenciesQueryVariables>;
export const QueryCountDirectoryDocument = new TypedDocumentString(`
    query QueryCountDirectory($n: Int) {
  institutions(first: $n) {
    edges {
      node {
        name
        appraisers {
          name
          institution {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountDirectoryQuery, QueryCountDirectoryQueryVariables>;
export const QueryCountAbnormalItemsDocument = new TypedDocumentString(`
    query QueryCountAbnormalItems($n: Int) {
  abnormalPatentItems(first: $n) {
    edges {
      node {
        applicationNumber
        status
        deadline
        batch {
          batchNo
          itemCount
        }
        history {
          action
        }
        creditRecord {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountAbnormalItemsQuery, QueryCountAbnormalItemsQueryVariables>;
export const QueryCountAbnormalBatchesDocument = new TypedDocumentString(`
    query QueryCountAbnormalBatches($n: Int) {
  abnormalPatentBatches(first: $n) {
    edges {
      node {
        batchNo
        itemCount
        withdrawalRate
        byRegion {
          key
        }
        byPatentAgency {
          key
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountAbnormalBatchesQuery, QueryCountAbnormalBatchesQueryVariables>;
export const QueryCountStatisticsDocument = new TypedDocumentString(`
    query QueryCountStatistics {
  statistics(regionCode: "411500") {
    regionCode
    directory {
      institutionsByStatus {
        total
      }
      institutionsByField {
        total
      }
      appraisersByRegion {
        total
      }
      cultivation {
        total
      }
    }
    cases {
      open
      overdue
      medianWorkingDays
      entrustedByMonth {
        total
      }
      overdueByRegion {
        total
      }
    }
    feedback {
      count
      feedbackByMonth {
        total
      }
      complaintsByRegion {
        total
      }
      institutions(first: 100) {
        name
        complaints
      }
    }
    credit {
      activeByBehaviour {
        total
      }
      repairs {
        total
      }
      institutionGrades {
        total
      }
    }
    abnormalPatents {
      total {
        itemCount
      }
      byBatch {
        itemCount
      }
      byRegion {
        itemCount
      }
    }
    collaboration {
      opened
      flows {
        count
      }
      averageResponseHours
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountStatisticsQuery, QueryCountStatisticsQueryVariables>;
export const QueryCountListWithoutTotalDocument = new TypedDocumentString(`
    query QueryCountListWithoutTotal {
  institutions(first: 5) {
    edges {
      node {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountListWithoutTotalQuery, QueryCountListWithoutTotalQueryVariables>;
export const QueryCountListWithTotalDocument = new TypedDocumentString(`
    query QueryCountListWithTotal {
  institutions(first: 5) {
    totalCount
    edges {
      node {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryCountListWithTotalQuery, QueryCountListWithTotalQueryVariables>;
export const ReplicaInstitutionsDocument = new TypedDocumentString(`
    query ReplicaInstitutions {
  institutions(first: 100, filter: {regionCode: "411500"}) {
    edges {
      node {
        id
        name
        version
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReplicaInstitutionsQuery, ReplicaInstitutionsQueryVariables>;
export const ReplicaInstitutionDocument = new TypedDocumentString(`
    query ReplicaInstitution($id: ID!) {
  institution(id: $id) {
    name
    version
  }
}
    `) as unknown as TypedDocumentString<ReplicaInstitutionQuery, ReplicaInstitutionQueryVariables>;
export const ReplicaStatisticsDocument = new TypedDocumentString(`
    query ReplicaStatistics {
  statistics(regionCode: "411500") {
    directory {
      institutionsByStatus {
        total
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReplicaStatisticsQuery, ReplicaStatisticsQueryVariables>;
export const ReplicaRenameDocument = new TypedDocumentString(`
    mutation ReplicaRename($id: ID!, $v: Int!, $name: String!) {
  updateInstitution(id: $id, expectedVersion: $v, input: {name: $name}) {
    name
    version
  }
}
    `) as unknown as TypedDocumentString<ReplicaRenameMutation, ReplicaRenameMutationVariables>;
export const ReplicaCreditExportDocument = new TypedDocumentString(`
    query ReplicaCreditExport {
  creditExport(first: 10) {
    watermark
    rows {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ReplicaCreditExportQuery, ReplicaCreditExportQueryVariables>;
export const RegionRegisterAgencyDocument = new TypedDocumentString(`
    mutation RegionRegisterAgency($input: RegisterAgencyInput!) {
  registerAgency(input: $input) {
    agency {
      code
      regionCode
    }
  }
}
    `) as unknown as TypedDocumentString<RegionRegisterAgencyMutation, RegionRegisterAgencyMutationVariables>;
export const RegionRegisterClientDocument = new TypedDocumentString(`
    mutation RegionRegisterClient($input: RegisterClientSystemInput!) {
  registerClientSystem(input: $input) {
    replayed
  }
}
    `) as unknown as TypedDocumentString<RegionRegisterClientMutation, RegionRegisterClientMutationVariables>;
export const RegionInstitutionDocument = new TypedDocumentString(`
    query RegionInstitution($c: CreditCode!) {
  institution(creditCode: $c) {
    name
    regionCode
  }
}
    `) as unknown as TypedDocumentString<RegionInstitutionQuery, RegionInstitutionQueryVariables>;
export const RegionInstitutionsDocument = new TypedDocumentString(`
    query RegionInstitutions($r: RegionCode!) {
  institutions(filter: {regionCode: $r}, first: 100) {
    edges {
      node {
        creditCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegionInstitutionsQuery, RegionInstitutionsQueryVariables>;
export const RegionStatisticsDocument = new TypedDocumentString(`
    query RegionStatistics($region: String) {
  statistics(regionCode: $region) {
    directory {
      institutionsByRegion {
        cells {
          key
          label
          value
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegionStatisticsQuery, RegionStatisticsQueryVariables>;
export const RegionChildrenDocument = new TypedDocumentString(`
    query RegionChildren($parent: RegionCode) {
  regions(parentCode: $parent) {
    code
    name
    kind
    parentCode
  }
}
    `) as unknown as TypedDocumentString<RegionChildrenQuery, RegionChildrenQueryVariables>;
export const RegionOneDocument = new TypedDocumentString(`
    query RegionOne($code: RegionCode!) {
  region(code: $code) {
    code
    name
    validUntil
    replacedBy
  }
}
    `) as unknown as TypedDocumentString<RegionOneQuery, RegionOneQueryVariables>;
export const SignInRegisterProviderDocument = new TypedDocumentString(`
    mutation SignInRegisterProvider($input: RegisterIdentityProviderInput!) {
  registerIdentityProvider(input: $input) {
    identityProvider {
      id
      issuer
      clientId
      hasClientSecret
      personClaim
      groupsClaim
      groupScopes {
        group
        scopes
      }
      version
    }
    replayed
  }
}
    `) as unknown as TypedDocumentString<SignInRegisterProviderMutation, SignInRegisterProviderMutationVariables>;
export const SignInUpdateProviderDocument = new TypedDocumentString(`
    mutation SignInUpdateProvider($code: String!, $version: Int!, $input: IdentityProviderInput!) {
  updateIdentityProvider(
    agencyCode: $code
    expectedVersion: $version
    input: $input
  ) {
    version
    groupScopes {
      group
      scopes
    }
    hasClientSecret
  }
}
    `) as unknown as TypedDocumentString<SignInUpdateProviderMutation, SignInUpdateProviderMutationVariables>;
export const SignInProviderOfDocument = new TypedDocumentString(`
    query SignInProviderOf($code: String!) {
  agency(code: $code) {
    identityProvider {
      issuer
      version
      hasClientSecret
    }
    clientSystems {
      name
      allowedScopes
    }
  }
}
    `) as unknown as TypedDocumentString<SignInProviderOfQuery, SignInProviderOfQueryVariables>;
export const StatisticsWorkbookFileDocument = new TypedDocumentString(`
    query StatisticsWorkbookFile($region: String) {
  statistics(regionCode: $region) {
    regionCode
    from
    to
    workbook {
      filename
      mediaType
      contentBase64
    }
    directory {
      institutionsByStatus {
        label
        total
        cells {
          key
          label
          value
        }
      }
      appraisersByField {
        label
        cells {
          label
          value
          suppressed
        }
      }
    }
    cases {
      open
      overdue
      entrustedByMonth {
        label
        total
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatisticsWorkbookFileQuery, StatisticsWorkbookFileQueryVariables>;
export const StatsDirectoryDocument = new TypedDocumentString(`
    query StatsDirectory($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    ...StatsHeader
    directory {
      institutionsByStatus {
        ...StatsBreakdown
      }
      institutionsByLevel {
        ...StatsBreakdown
      }
      institutionsByField {
        ...StatsBreakdown
      }
      institutionsByRegion {
        ...StatsBreakdown
      }
      cultivation {
        ...StatsBreakdown
      }
      institutionCreditGrades {
        ...StatsBreakdown
      }
      appraisersByField {
        ...StatsBreakdown
      }
      appraisersByTitleLevel {
        ...StatsBreakdown
      }
      appraisersByRegion {
        ...StatsBreakdown
      }
      appraiserCreditGrades {
        ...StatsBreakdown
      }
    }
  }
}
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}`) as unknown as TypedDocumentString<StatsDirectoryQuery, StatsDirectoryQueryVariables>;
export const StatsCasesDocument = new TypedDocumentString(`
    query StatsCases($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    ...StatsHeader
    cases {
      entrustedByAgencyKind {
        ...StatsBreakdown
      }
      entrustedByMonth {
        ...StatsBreakdown
      }
      open
      overdue
      openByRegion {
        ...StatsBreakdown
      }
      overdueByRegion {
        ...StatsBreakdown
      }
      issued
      medianWorkingDays
      onTimeRate
      courtAppearancesRequested
      courtAppearancesAttended
      courtAppearancesMissed
      opinionAdoptionRate
    }
  }
}
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}`) as unknown as TypedDocumentString<StatsCasesQuery, StatsCasesQueryVariables>;
export const StatsFeedbackDocument = new TypedDocumentString(`
    query StatsFeedback($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    ...StatsHeader
    feedback {
      count
      averages {
        timeliness
        professionalism
        reportQuality
        conduct
        courtPerformance
      }
      adoptionRate
      feedbackByMonth {
        ...StatsBreakdown
      }
      ratingsByMonth {
        month
        count
        averages {
          timeliness
        }
      }
      complaintsByMonth {
        ...StatsBreakdown
      }
      complaintsByRegion {
        ...StatsBreakdown
      }
      complaintsResolvedByRegion {
        ...StatsBreakdown
      }
      institutions(first: 100) {
        institutionId
        name
        regionCode
        count
        averages {
          timeliness
        }
        complaints
        complaintsSuppressed
      }
    }
  }
}
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}`) as unknown as TypedDocumentString<StatsFeedbackQuery, StatsFeedbackQueryVariables>;
export const StatsCreditDocument = new TypedDocumentString(`
    query StatsCredit($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    ...StatsHeader
    credit {
      activeByBehaviour {
        ...StatsBreakdown
      }
      activeBySeverity {
        ...StatsBreakdown
      }
      repairs {
        ...StatsBreakdown
      }
      repairRate
      institutionGrades {
        ...StatsBreakdown
      }
      appraiserGrades {
        ...StatsBreakdown
      }
    }
  }
}
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}`) as unknown as TypedDocumentString<StatsCreditQuery, StatsCreditQueryVariables>;
export const StatsAbnormalPatentsDocument = new TypedDocumentString(`
    query StatsAbnormalPatents($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    ...StatsHeader
    abnormalPatents {
      withdrawalTarget
      total {
        ...StatsRate
      }
      byBatch {
        ...StatsRate
      }
      byRegion {
        ...StatsRate
      }
    }
  }
}
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
fragment StatsRate on StatisticsWithdrawalRate {
  key
  label
  itemCount
  withdrawnCount
  appealUpheldCount
  withdrawalRate
  meetsTarget
  suppressed
}`) as unknown as TypedDocumentString<StatsAbnormalPatentsQuery, StatsAbnormalPatentsQueryVariables>;
export const StatsCollaborationDocument = new TypedDocumentString(`
    query StatsCollaboration($region: String, $from: Date, $to: Date) {
  statistics(regionCode: $region, from: $from, to: $to) {
    ...StatsHeader
    collaboration {
      opened
      closed
      byKind {
        ...StatsBreakdown
      }
      flows {
        fromKind
        toKind
        count
      }
      responded
      averageResponseHours
    }
  }
}
    fragment StatsHeader on Statistics {
  regionCode
  regionName
  from
  to
  threshold
}
fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}`) as unknown as TypedDocumentString<StatsCollaborationQuery, StatsCollaborationQueryVariables>;
export const StatsAnonymousDocument = new TypedDocumentString(`
    query StatsAnonymous {
  statistics {
    regionCode
  }
}
    `) as unknown as TypedDocumentString<StatsAnonymousQuery, StatsAnonymousQueryVariables>;
export const StatsVisibleDirectoryDocument = new TypedDocumentString(`
    query StatsVisibleDirectory {
  statistics(regionCode: "411500") {
    directory {
      institutionsByStatus {
        total
        cells {
          key
          value
        }
      }
      cultivation {
        total
      }
      appraisersByRegion {
        total
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatsVisibleDirectoryQuery, StatsVisibleDirectoryQueryVariables>;
export const StatsCourtInstitutionsDocument = new TypedDocumentString(`
    query StatsCourtInstitutions {
  institutions(first: 100, filter: {regionCode: "411500"}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<StatsCourtInstitutionsQuery, StatsCourtInstitutionsQueryVariables>;
export const StatsCourtAppraisersDocument = new TypedDocumentString(`
    query StatsCourtAppraisers {
  appraisers(first: 100, filter: {regionCode: "411500"}) {
    edges {
      node {
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatsCourtAppraisersQuery, StatsCourtAppraisersQueryVariables>;
export const StatsLabelsDocument = new TypedDocumentString(`
    query StatsLabels {
  statistics(regionCode: "411300") {
    directory {
      institutionsByStatus {
        label
        cells {
          key
          label
        }
      }
      institutionsByRegion {
        cells {
          key
          label
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatsLabelsQuery, StatsLabelsQueryVariables>;
export const StatsRegionWithdrawalRatesDocument = new TypedDocumentString(`
    query StatsRegionWithdrawalRates {
  abnormalPatentWithdrawalRates(groupBy: REGION) {
    key
    itemCount
    withdrawnCount
    withdrawalRate
  }
}
    `) as unknown as TypedDocumentString<StatsRegionWithdrawalRatesQuery, StatsRegionWithdrawalRatesQueryVariables>;
export const StatsEntrustDocument = new TypedDocumentString(`
    mutation StatsEntrust($input: EntrustAppraisalInput!) {
  entrustAppraisal(input: $input) {
    appraisalCase {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<StatsEntrustMutation, StatsEntrustMutationVariables>;
export const StatsOpenOverdueByRegionDocument = new TypedDocumentString(`
    query StatsOpenOverdueByRegion {
  statistics(regionCode: "411500") {
    cases {
      openByRegion {
        ...StatsBreakdown
      }
      overdueByRegion {
        ...StatsBreakdown
      }
    }
  }
}
    fragment StatsBreakdown on StatBreakdown {
  key
  total
  totalSuppressed
  cells {
    key
    value
    suppressed
  }
}`) as unknown as TypedDocumentString<StatsOpenOverdueByRegionQuery, StatsOpenOverdueByRegionQueryVariables>;
export const StatsOpenByRegionLabelsDocument = new TypedDocumentString(`
    query StatsOpenByRegionLabels {
  statistics(regionCode: "411500") {
    cases {
      openByRegion {
        cells {
          key
          label
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatsOpenByRegionLabelsQuery, StatsOpenByRegionLabelsQueryVariables>;
export const StatsThresholdOneDocument = new TypedDocumentString(`
    query StatsThresholdOne {
  statistics {
    threshold
    credit {
      activeBySeverity {
        total
        cells {
          value
          suppressed
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatsThresholdOneQuery, StatsThresholdOneQueryVariables>;
export const DirectoryRegisterInstitutionDocument = new TypedDocumentString(`
    mutation DirectoryRegisterInstitution($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) {
    institution {
      id
      version
      listingStatus
      creditCode
    }
    replayed
  }
}
    `) as unknown as TypedDocumentString<DirectoryRegisterInstitutionMutation, DirectoryRegisterInstitutionMutationVariables>;
export const DirectoryChangeListingDocument = new TypedDocumentString(`
    mutation DirectoryChangeListing($id: ID!, $v: Int!, $to: ListingStatus!, $reason: String!, $on: Date, $doc: String) {
  changeListingStatus(
    id: $id
    expectedVersion: $v
    to: $to
    reason: $reason
    effectiveOn: $on
    decisionDocNo: $doc
  ) {
    id
    version
    listingStatus
    listedAt
  }
}
    `) as unknown as TypedDocumentString<DirectoryChangeListingMutation, DirectoryChangeListingMutationVariables>;