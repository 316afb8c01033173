import type { DataSource } from "typeorm";
import type { HubContext } from "../context/context";
import { AbnormalPatentAction, EscalationSubject } from "../domain/abnormal-patent-enums";
import { creditCodeCheckCharacter, patentCheckCharacter } from "../domain/identifiers";
import { addDays, addMonths, todayInChina } from "../domain/local-date";
import { TrademarkAlertKind, TrademarkAlertStatus, TrademarkCategory } from "../domain/trademark-enums";
import { AbnormalPatentItem } from "../entities/abnormal-patent.entity";
import type { AbnormalPatentItemInput } from "../inputs/abnormal-patent.input";

const creditCode = (first17: string) => first17 + creditCodeCheckCharacter(first17);
const applicationNumber = (first12: string) => `${first12}.${patentCheckCharacter(first12)}`;

const AGENCY_A = { patentAgencyName: "信阳智创专利代理事务所（普通合伙）", patentAgencyCode: "41125", patentAgencyCreditCode: creditCode("31411500MA45D3KP2") };
const AGENCY_B = { patentAgencyName: "郑州中原慧诚专利代理有限公司", patentAgencyCode: "41108", patentAgencyCreditCode: creditCode("91410100MA46H7QW1") };

/** The old demo batch (its deadline long past): applicants in Xinyang's districts and counties and in Xinxiang. */
const OLD_BATCH: AbnormalPatentItemInput[] = [
  { applicationNumber: "202410123456.0", title: "一种茶叶揉捻装置", applicantName: "信阳浉河茗香茶业有限公司", applicantCreditCode: creditCode("91411502MA45TR3K1"), applicantRegionCode: "411502", ...AGENCY_A },
  { applicationNumber: applicationNumber("202420234567"), title: "一种茶叶烘干架", applicantName: "信阳浉河茗香茶业有限公司", applicantCreditCode: creditCode("91411502MA45TR3K1"), applicantRegionCode: "411502", ...AGENCY_A },
  { applicationNumber: applicationNumber("202420234568"), title: "一种便携式茶盘", applicantName: "王某", applicantRegionCode: "411503", ...AGENCY_A },
  { applicationNumber: applicationNumber("202420234569"), title: "一种鸡舍自动喂料器", applicantName: "固始县华禽养殖专业合作社", applicantCreditCode: creditCode("93411525MA47C2HN5"), applicantRegionCode: "411525", ...AGENCY_B },
  { applicationNumber: applicationNumber("202420234570"), title: "一种禽蛋清洗装置", applicantName: "固始县华禽养殖专业合作社", applicantCreditCode: creditCode("93411525MA47C2HN5"), applicantRegionCode: "411525", ...AGENCY_B },
  { applicationNumber: applicationNumber("202410123457"), title: "一种稻田养殖监测方法", applicantName: "李某", applicantRegionCode: "411525", ...AGENCY_B },
  { applicationNumber: applicationNumber("202420234571"), title: "一种板栗剥壳机", applicantName: "罗山县绿源农业科技有限公司", applicantCreditCode: creditCode("91411521MA48E5LT7"), applicantRegionCode: "411521", ...AGENCY_A },
  { applicationNumber: applicationNumber("202420234573"), title: "一种化肥造粒装置", applicantName: "新乡市红旗区宏达机械厂", applicantCreditCode: creditCode("92410702MA4BH8PQ6"), applicantRegionCode: "410702", ...AGENCY_B },
  { applicationNumber: applicationNumber("202420234574"), title: "一种起重机吊钩", applicantName: "长垣市恒力起重配件有限公司", applicantCreditCode: creditCode("91410783MA4CJ9RT8"), applicantRegionCode: "410783", ...AGENCY_B },
];

/** The current demo batch, received three weeks before the demo is loaded and still within its deadline. */
const CURRENT_BATCH: AbnormalPatentItemInput[] = [
  { applicationNumber: applicationNumber("202530345671"), title: "茶叶包装盒（毛尖）", applicantName: "平桥区裕丰商贸有限公司", applicantCreditCode: creditCode("91411503MA46B8WX2"), applicantRegionCode: "411503" },
  { applicationNumber: applicationNumber("202520234572"), title: "一种挂面晾晒架", applicantName: "潢川县金鼎食品有限公司", applicantCreditCode: creditCode("91411526MA49F6MR0"), applicantRegionCode: "411526", ...AGENCY_B },
  { applicationNumber: applicationNumber("202530345672"), title: "酒瓶（息县）", applicantName: "息县淮上酒业有限公司", applicantCreditCode: creditCode("91411528MA4AG7NP3"), applicantRegionCode: "411528" },
  { applicationNumber: applicationNumber("202520456781"), title: "一种茶园除草装置", applicantName: "商城县山友茶业有限公司", applicantCreditCode: creditCode("91411524MA4DK2TU5"), applicantRegionCode: "411524", ...AGENCY_A },
  { applicationNumber: applicationNumber("202520456782"), title: "一种电动葫芦限位器", applicantName: "长垣市恒力起重配件有限公司", applicantCreditCode: creditCode("91410783MA4CJ9RT8"), applicantRegionCode: "410783", ...AGENCY_B },
];

/**
 * Two demo batches imported by the province and handled by the city bureaus they were allocated to: the old
 * "2024年第3批" (withdrawals after notification, an escalation into a credit record about a patent agency,
 * items left overdue) and a current one (an upheld and a pending appeal, withdrawals, an item within its
 * deadline); and key trademarks under custody with alerts, 信阳毛尖 among them. Created through the
 * services, so counts, timestamps and the audit trail are what real use produces. Skipped when any batch exists.
 */
export async function seedDemoPatentsAndTrademarks(dataSource: DataSource, as: (agencyCode: string) => Promise<HubContext>): Promise<void> {
  if ((await dataSource.query(`SELECT 1 FROM abnormal_patent_batches LIMIT 1`)).length > 0) return;
  const today = todayInChina();
  const province = await as("HA-AMR");
  await province.services.abnormalPatentImport.importBatch({ batchNo: "2024年第3批", receivedOn: "2024-09-10", deadline: "2024-10-31", items: OLD_BATCH });
  const received = addDays(today, -21);
  await province.services.abnormalPatentImport.importBatch({ batchNo: `${received.slice(0, 4)}年第5批`, receivedOn: received, deadline: addDays(today, 9), items: CURRENT_BATCH });

  const items = await dataSource.getRepository(AbnormalPatentItem).find();
  const versions = new Map(items.map((i) => [i.applicationNumber, { id: i.id, version: i.version }]));
  const handle = async (bureau: HubContext, item: AbnormalPatentItemInput, ...steps: Array<{ action: AbnormalPatentAction; note?: string; escalation?: { subject: EscalationSubject; decisionDocNo: string } }>) => {
    const current = versions.get(item.applicationNumber)!;
    for (const step of steps) current.version = (await bureau.services.abnormalPatentHandling.handle(current.id, current.version, step)).record.version;
  };
  const xinyang = await as("XY-AMR");
  const xinxiang = await as("XX-AMR");
  const notify = { action: AbnormalPatentAction.NOTIFY, note: "已电话及书面通知申请人" };
  const withdraw = { action: AbnormalPatentAction.WITHDRAW, note: "申请人已主动撤回" };
  const feedBack = { action: AbnormalPatentAction.FEED_BACK, note: "处理结果已报省局" };
  const appeal = { action: AbnormalPatentAction.APPEAL, note: "申请人提交意见陈述" };
  for (const item of [OLD_BATCH[0], OLD_BATCH[1], OLD_BATCH[2], OLD_BATCH[3], OLD_BATCH[6]]) await handle(xinyang, item, notify, withdraw, feedBack);
  await handle(xinyang, OLD_BATCH[4], notify, {
    action: AbnormalPatentAction.ESCALATE,
    note: "逾期未撤回，移交信用监管",
    escalation: { subject: EscalationSubject.PATENT_AGENCY, decisionDocNo: "信市监信〔2024〕17号" },
  });
  await handle(xinyang, OLD_BATCH[5], notify);
  await handle(xinxiang, OLD_BATCH[7], notify, withdraw, feedBack);
  await handle(xinyang, CURRENT_BATCH[0], notify, appeal, { action: AbnormalPatentAction.UPHOLD_APPEAL, note: "经复核，申诉理由成立" }, feedBack);
  await handle(xinyang, CURRENT_BATCH[1], notify, withdraw, feedBack);
  await handle(xinyang, CURRENT_BATCH[2], notify, appeal);
  await handle(xinyang, CURRENT_BATCH[3], notify);
  await handle(xinxiang, CURRENT_BATCH[4], notify, withdraw);

  const xinyangMarks = [
    { registrationNumber: "7038852", niceClass: 30, markName: "信阳毛尖", category: TrademarkCategory.GEOGRAPHICAL_INDICATION, ownerName: "信阳市茶叶协会", ownerCreditCode: creditCode("51411500MJY35C2H7"), registeredOn: "2010-06-14", expiresOn: "2030-06-13" },
    // Relative to the day the demo is loaded, so its expiring alert shows whenever someone starts the hub.
    { registrationNumber: "9182736", niceClass: 30, markName: "信阳红", category: TrademarkCategory.KEY_INDUSTRY, ownerName: "信阳市文新茶叶有限责任公司", ownerCreditCode: creditCode("91411500MA47TK6D2"), registeredOn: addDays(addMonths(addMonths(today, 4), -120), 1), expiresOn: addMonths(today, 4) },
    { registrationNumber: "6651203", niceClass: 29, markName: "固始鸡", category: TrademarkCategory.GEOGRAPHICAL_INDICATION, ownerName: "固始县家禽业协会", ownerCreditCode: creditCode("51411525MJY48D3J9"), registeredOn: "2009-03-28", expiresOn: "2029-03-27" },
  ];
  const xinxiangMarks = [
    { registrationNumber: "3417265", niceClass: 1, markName: "心连心", category: TrademarkCategory.WELL_KNOWN, ownerName: "心连心化学工业集团股份有限公司", ownerCreditCode: creditCode("91410700MA3X1Y2W4"), registeredOn: "2004-08-21", expiresOn: "2034-08-20" },
    { registrationNumber: "8823014", niceClass: 30, markName: "原阳大米", category: TrademarkCategory.GEOGRAPHICAL_INDICATION, ownerName: "原阳县大米协会", ownerCreditCode: creditCode("51410725MJY59E4K1"), registeredOn: "2011-11-07", expiresOn: "2031-11-06" },
  ];
  const placed = new Map<string, { id: string; version: number }>();
  for (const [bureau, custodian, marks] of [[xinyang, "XY-IPAA", xinyangMarks], [xinxiang, "XX-AMR", xinxiangMarks]] as const) {
    for (const mark of marks) {
      const { record: trademark } = await bureau.services.custodyTrademarks.placeUnderCustody({ idempotencyKey: `demo-trademark-${mark.registrationNumber}`, custodianAgencyCode: custodian, ...mark });
      placed.set(mark.markName, trademark);
    }
  }
  const association = await as("XY-IPAA");
  await association.services.custodyTrademarks.raiseAlert({
    idempotencyKey: "demo-alert-1",
    trademarkId: placed.get("信阳毛尖")!.id,
    kind: TrademarkAlertKind.SIMILAR_FILING,
    detail: "监测发现第30类“信阳毛尖王”商标申请，与“信阳毛尖”地理标志证明商标近似。",
    reference: "第78123456号",
    dueOn: addMonths(today, 2),
  });
  await association.services.custodyTrademarks.raiseAlert({
    idempotencyKey: "demo-alert-2",
    trademarkId: placed.get("固始鸡")!.id,
    kind: TrademarkAlertKind.SIMILAR_FILING,
    detail: "监测发现第29类“固始土鸡”商标申请。",
    reference: "第77654321号",
  });
  const { record: alert } = await xinxiang.services.custodyTrademarks.raiseAlert({
    idempotencyKey: "demo-alert-3",
    trademarkId: placed.get("原阳大米")!.id,
    kind: TrademarkAlertKind.NON_USE_CANCELLATION,
    detail: "第三人以连续三年不使用为由申请撤销“原阳大米”注册商标。",
    reference: "撤三〔2025〕第1032号",
    dueOn: addMonths(today, 1),
  });
  await xinxiang.services.custodyTrademarks.handleAlert(alert.id, alert.version, { status: TrademarkAlertStatus.IN_PROGRESS, note: "已协助协会整理近三年使用证据" });
}
