import type { DataSource } from "typeorm";
import { CaseAction, ComplaintStatus, FeedbackKind } from "../domain/case-enums";
import { SupervisionKind, SupervisionResult } from "../domain/case-enums";
import { AppraiserStatus, TechnicalField } from "../domain/directory-enums";
import { IndustrySection } from "../domain/industry";
import { SanctionKind } from "../entities/disciplinary-sanction.entity";
import { CircularKind } from "../entities/circular.entity";
import { CollaborationEventKind, CollaborationKind } from "../domain/collaboration-enums";
import { CreditBehaviour, CreditIncentiveKind, CreditSeverity, CreditSubjectType } from "../domain/credit-enums";
import { AppraisalCase } from "../entities/appraisal-case.entity";
import { todayInChina } from "../domain/local-date";
import { addMonths } from "../domain/local-date";
import type { HubContext } from "../context/context";

/**
 * Demo cases, feedback, a handled complaint and supervision records, created through the services as the
 * agencies would (so summaries, events and the audit trail are what real use produces). Skipped when any
 * case exists.
 */
export async function seedDemoCases(dataSource: DataSource, as: (agencyCode: string) => Promise<HubContext>): Promise<number> {
  if ((await dataSource.getRepository(AppraisalCase).count()) > 0) return 0;
  const ids = async (sql: string, params: unknown[]) => ((await dataSource.query(sql, params)) as Array<{ id: string }>).map((r) => r.id);
  const [zhongyuan] = await ids(`SELECT id FROM institutions WHERE credit_code = $1`, ["91411500MA9F3K2L21"]);
  const [chadu] = await ids(`SELECT id FROM institutions WHERE credit_code = $1`, ["91411502MA4X7Q1R0F"]);
  const [zhangWei, liNa] = await ids(`SELECT id FROM appraisers WHERE name = ANY($1) ORDER BY name = '张伟' DESC`, [["张伟", "李娜"]]);
  const [chenJing, yangFan] = await ids(`SELECT id FROM appraisers WHERE name = ANY($1) ORDER BY name = '陈静' DESC`, [["陈静", "杨帆"]]);
  const [liuYang] = await ids(`SELECT id FROM appraisers WHERE name = '刘洋'`, []);

  const court = await as("XY-COURT");
  const police = await as("XY-PSB");
  const zhongyuanSystem = await as("XY-ZYJD");
  const chaduSystem = await as("XY-CDJD");

  // A court case walked from entrustment to closing, with a court appearance.
  const { record: patentCase } = await court.services.appraisalCases.entrust({
    idempotencyKey: "demo-case-1",
    agencyCaseNo: "(2024)豫15知民初32号",
    institutionId: zhongyuan,
    technicalField: TechnicalField.PATENT,
    industrySection: IndustrySection.C,
    matter: "专利侵权比对",
    subject: "被诉侵权产品与ZL202010123456.7号发明专利权利要求1的技术特征比对",
    entrustedOn: "2024-03-15",
  });
  let v = patentCase.version;
  const step = async (ctx: HubContext, action: CaseAction, occurredOn: string, extra: Record<string, unknown> = {}) => {
    v = (await ctx.services.appraisalCases.recordProgress(patentCase.id, v, { action, occurredOn, ...extra })).version;
  };
  await step(zhongyuanSystem, CaseAction.ACCEPT, "2024-03-19");
  await step(zhongyuanSystem, CaseAction.ASSIGN_APPRAISERS, "2024-03-20", {
    appraisers: [
      { appraiserId: zhangWei, recusalDeclaration: "本人与案件当事人无利害关系，无应当回避情形。" },
      { appraiserId: liNa, recusalDeclaration: "本人与案件当事人无利害关系，无应当回避情形。" },
    ],
  });
  await step(zhongyuanSystem, CaseAction.REQUEST_MATERIALS, "2024-04-02", { note: "请补充被诉侵权产品实物及技术图纸" });
  await step(court, CaseAction.RESUME, "2024-04-12", { note: "补充材料已送达" });
  await step(zhongyuanSystem, CaseAction.SUBMIT_FOR_REVIEW, "2024-04-26");
  await step(zhongyuanSystem, CaseAction.ISSUE, "2024-05-08", { opinionDocNo: "中原知鉴〔2024〕第015号", opinionSha256: "9f2c1e5b7a0d4c3e8b6a1f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4" });
  await step(court, CaseAction.REQUEST_COURT_APPEARANCE, "2024-05-20");
  await step(court, CaseAction.RECORD_APPEARANCE, "2024-06-04");
  await step(court, CaseAction.CLOSE, "2024-06-10");
  for (const [i, appraiserId] of [zhangWei, liNa].entries()) {
    await court.services.caseFeedback.post({
      idempotencyKey: `demo-feedback-${i}`,
      agencyCaseNo: "(2024)豫15知民初32号",
      caseId: patentCase.id,
      appraiserId,
      kind: FeedbackKind.EVALUATION,
      ratings: { timeliness: 4, professionalism: 5, reportQuality: 5 - i, conduct: 5, courtPerformance: 5 - i },
      opinionAdopted: true,
      comment: "鉴定意见论证充分，出庭答疑清楚。",
    });
  }

  // A police case on 信阳毛尖 counterfeit goods, in progress.
  const { record: giCase } = await police.services.appraisalCases.entrust({
    idempotencyKey: "demo-case-2",
    agencyCaseNo: "信公经立字〔2025〕018号",
    institutionId: chadu,
    technicalField: TechnicalField.GEOGRAPHICAL_INDICATION,
    industrySection: IndustrySection.A,
    matter: "地理标志产品真伪鉴定",
    subject: "扣押的标注“信阳毛尖”字样茶叶120箱",
    subjectIdentifiers: ["7038852"],
  });
  const accepted = await chaduSystem.services.appraisalCases.recordProgress(giCase.id, giCase.version, { action: CaseAction.ACCEPT });
  await chaduSystem.services.appraisalCases.recordProgress(giCase.id, accepted.version, {
    action: CaseAction.ASSIGN_APPRAISERS,
    appraisers: [
      { appraiserId: chenJing, recusalDeclaration: "无应当回避情形。" },
      { appraiserId: yangFan, recusalDeclaration: "无应当回避情形。" },
    ],
  });
  await police.services.caseFeedback.post({
    idempotencyKey: "demo-feedback-commendation",
    agencyCaseNo: "信公经立字〔2025〕018号",
    caseId: giCase.id,
    appraiserId: chenJing,
    kind: FeedbackKind.COMMENDATION,
    ratings: { timeliness: 5 },
    comment: "响应迅速，现场取样规范。",
  });

  // A police complaint about an appraiser of the suspended institution, handled to a confirmed violation.
  const gsPolice = await as("GS-PSB");
  const { record: complaint } = await gsPolice.services.caseFeedback.post({
    idempotencyKey: "demo-complaint-1",
    agencyCaseNo: "固公经立字〔2024〕018号",
    appraiserId: liuYang,
    kind: FeedbackKind.COMPLAINT,
    ratings: { professionalism: 1, conduct: 1 },
    opinionAdopted: false,
    suspectedFalseAppraisal: true,
    comment: "鉴定意见与送检材料明显不符，涉嫌虚假鉴定。",
  });
  const association = await as("XY-IPAA");
  let cv = complaint.version;
  for (const [to, note, extra] of [
    [ComplaintStatus.ACKNOWLEDGED, "已受理投诉", {}],
    [ComplaintStatus.INVESTIGATING, "调取鉴定档案，约谈鉴定人", {}],
    [ComplaintStatus.RESOLVED, "经核查属实", { resolution: "确认存在虚假鉴定行为，建议记入信用记录并暂停执业。", violationConfirmed: true }],
  ] as const) {
    cv = (await association.services.caseFeedback.handleComplaint(complaint.id, cv, { to, note, ...extra })).version;
  }

  // The confirmed false appraisal becomes a serious credit record, shared for joint punishment.
  const bureau = await as("XY-AMR");
  await bureau.services.creditRecords.record({
    idempotencyKey: "demo-credit-1",
    fromComplaintId: complaint.id,
    severity: CreditSeverity.SERIOUS,
    decisionDocNo: "信市监信〔2025〕3号",
    basis: "经查，该鉴定人出具的鉴定意见与送检材料明显不符，构成虚假鉴定。",
    measures: ["暂停执业六个月", "列入重点监管对象"],
    shareWithAgencyCodes: ["XY-COURT", "XY-PROC"],
  });
  const province = await as("HA-AMR");
  await province.services.creditRecords.record({
    idempotencyKey: "demo-credit-2",
    subjectCreditCode: "91410000MA40KE7C5A",
    subjectType: CreditSubjectType.TRADEMARK_AGENCY,
    subjectName: "河南华标商标代理有限公司",
    subjectRegionCode: "410000",
    behaviour: CreditBehaviour.MALICIOUS_TRADEMARK_FILING,
    severity: CreditSeverity.GENERAL,
    decisionDocNo: "豫市监信〔2025〕21号",
    basis: "代理恶意抢注“信阳毛尖”近似商标申请12件。",
    // Decided five months before the demo is loaded: published (a GENERAL record for up to a year) and, its
    // three-month minimum over, repairable whenever someone starts the hub.
    decidedOn: addMonths(todayInChina(), -5),
  });
  // A patent attorney (专利代理师) as subject: the certificate number is sealed and shown masked.
  await bureau.services.creditRecords.record({
    idempotencyKey: "demo-credit-3",
    subjectType: CreditSubjectType.PATENT_ATTORNEY,
    subjectCertificateNo: "4115201900321",
    subjectName: "周明",
    subjectRegionCode: "411502",
    behaviour: CreditBehaviour.ABNORMAL_PATENT_APPLICATION,
    severity: CreditSeverity.GENERAL,
    decisionDocNo: "信市监信〔2025〕7号",
    basis: "代理非正常专利申请11件，经通知逾期未撤回。",
    decidedOn: addMonths(todayInChina(), -2),
  });
  // A minor one (轻微失信): on record for the bureau, not announced to the public.
  await bureau.services.creditRecords.record({
    idempotencyKey: "demo-credit-4",
    subjectCreditCode: "91411503MA48QW2E52",
    subjectType: CreditSubjectType.ENTERPRISE,
    subjectName: "信阳平桥茶叶商贸有限公司",
    subjectRegionCode: "411503",
    behaviour: CreditBehaviour.FALSE_CREDIT_COMMITMENT,
    severity: CreditSeverity.MINOR,
    decisionDocNo: "信市监信〔2025〕9号",
    basis: "告知承诺事项逾期未履行，已督促整改。",
    decidedOn: addMonths(todayInChina(), -1),
  });
  // A positive record (守信激励): the well-run institution on the red list, with its incentives.
  await bureau.services.creditIncentives.record({
    idempotencyKey: "demo-incentive-1",
    subjectCreditCode: "91411500MA9F3K2L21",
    kind: CreditIncentiveKind.RED_LIST,
    decisionDocNo: "信市监信〔2025〕12号",
    basis: "连续三年鉴定质量检查合格，无投诉，纳入守信红名单。",
    measures: ["优先推荐承接鉴定业务", "减少日常检查频次"],
    decidedOn: addMonths(todayInChina(), -1),
  });

  await association.services.supervisionRecords.record({
    institutionId: zhongyuan,
    kind: SupervisionKind.PRACTICE_INSPECTION,
    conductedOn: "2025-06-18",
    result: SupervisionResult.PASSED,
    score: 92,
    findings: "执业档案完整，鉴定流程规范。",
  });
  await association.services.supervisionRecords.record({
    institutionId: chadu,
    kind: SupervisionKind.DOCUMENT_QUALITY_REVIEW,
    conductedOn: "2025-09-10",
    result: SupervisionResult.RECTIFICATION_REQUIRED,
    score: 74,
    findings: "部分鉴定文书未载明检材来源。",
    rectificationDeadline: "2025-10-31",
  });
  // A market-regulation bureau transfers a counterfeit 信阳毛尖 case to the police (行刑衔接).
  const { record } = await bureau.services.collaborationRecords.open({
    idempotencyKey: "demo-collaboration-1",
    kind: CollaborationKind.CASE_TRANSFER,
    title: "涉嫌假冒“信阳毛尖”地理标志商标案移送",
    participantAgencyCodes: ["XY-PSB", "XY-PROC"],
    regionCode: "411502",
    relatedInstitutionIds: [chadu],
    relatedCaseIds: [giCase.id],
    summary: "执法检查中查获标注“信阳毛尖”字样茶叶120箱，涉案金额超过刑事立案标准，依法移送公安机关。",
  });
  const transferAccepted = await police.services.collaborationRecords.addEvent(record.id, record.version, { kind: CollaborationEventKind.ACCEPTED, note: "已受理，进入立案审查" });
  await police.services.collaborationRecords.addEvent(record.id, transferAccepted.version, { kind: CollaborationEventKind.REPLIED, note: "已立案侦查，委托鉴定机构开展地理标志产品鉴定" });

  // The bureau entrusts the same 信阳毛尖 mark while the police case is open: both are warned (多头、重复鉴定).
  await bureau.services.appraisalCases.entrust({
    idempotencyKey: "demo-case-3",
    agencyCaseNo: "信市监立〔2025〕56号",
    institutionId: chadu,
    technicalField: TechnicalField.GEOGRAPHICAL_INDICATION,
    industrySection: IndustrySection.F,
    matter: "地理标志产品真伪鉴定",
    subject: "市场检查中查扣的标注第7038852号“信阳毛尖”证明商标的茶叶",
    subjectIdentifiers: ["7038852"],
  });

  // 刘洋, of the confirmed false appraisal: the bureau's suspension and the association's censure, with their decisions.
  const [{ version: liuYangVersion }] = await dataSource.query(`SELECT version FROM appraisers WHERE id = $1`, [liuYang]);
  await bureau.services.appraisers.changeStatus(liuYang, liuYangVersion, AppraiserStatus.SUSPENDED, "出具虚假鉴定意见，暂停执业六个月", "信市监罚〔2025〕7号", "2025-06-20");
  await association.services.sanctions.impose({
    idempotencyKey: "demo-sanction-1",
    appraiserId: liuYang,
    kind: SanctionKind.PUBLIC_CENSURE,
    reason: "出具与送检材料明显不符的鉴定意见，违反协会章程和执业规范",
    decisionDocNo: "信鉴协〔2025〕2号",
    decidedOn: "2025-07-08",
  });

  // Warning education (警示教育) to every institution of 信阳 about the confirmed false appraisal.
  await association.services.circulars.issue({
    idempotencyKey: "demo-circular-1",
    kind: CircularKind.WARNING_EDUCATION,
    regionCode: "411500",
    title: "关于一起虚假鉴定案例的警示教育通报",
    body: "经查，某鉴定机构鉴定人出具的鉴定意见与送检材料明显不符，已被暂停执业并予以公开谴责。各鉴定机构应组织鉴定人对照执业规范开展自查，严格检材受理、比对和审核签发程序。",
    documentNo: "信鉴协〔2025〕3号",
    issuedOn: "2025-07-10",
  });

  // The closed court case, published de-identified in the case library.
  await bureau.services.typicalCases.publish(patentCase.id, {
    idempotencyKey: "demo-typical-1",
    title: "被诉侵权产品与发明专利权利要求的技术特征比对",
    summary:
      "某市中级人民法院审理一起发明专利侵权纠纷，委托鉴定机构就被诉侵权产品是否具备涉案专利权利要求1的全部技术特征进行比对。鉴定人以权利要求的文字记载划分技术特征，对被诉侵权产品实物和技术图纸拆解、测量后逐项比对，认定各项技术特征相同或等同。鉴定中补充材料经法院转交，鉴定意见经审核签发；鉴定人出庭就等同特征的认定接受质询，意见被法院采信。",
    keyPoints: [
      "技术特征以权利要求的文字记载划分，并结合说明书理解其含义",
      "等同特征应逐项说明手段、功能、效果基本相同，且本领域技术人员无需创造性劳动即可联想到",
      "补充材料应经委托机关转交，鉴定机构不直接向当事人调取",
    ],
  });
  return 3;
}
