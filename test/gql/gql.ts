/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AbnormalImportBatch($input: ImportAbnormalPatentBatchInput!) { importAbnormalPatentBatch(input: $input) {\n  created unchanged dryRun rejected { index field code message } batch { id batchNo itemCount withdrawnCount withdrawalRate deadline } } }": typeof types.AbnormalImportBatchDocument,
    "mutation AbnormalHandleItem($id: ID!, $v: Int!, $input: AbnormalPatentHandlingInput!) { recordAbnormalPatentHandling(itemId: $id, expectedVersion: $v, input: $input) {\n  replayed item { id version status notifiedAt handledAt fedBackAt creditRecord { id subjectType subjectName behaviour severity } history { action fromStatus toStatus actorAgencyCode } } } }": typeof types.AbnormalHandleItemDocument,
    "query AbnormalItems($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {\n  id applicationNumber status regionCode allocatedAgencyCode version deadline } } } }": typeof types.AbnormalItemsDocument,
    "query AbnormalItemsWithCreditRecord($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {\n  id applicationNumber status regionCode allocatedAgencyCode version deadline creditRecord { subjectType subjectName behaviour } } } } }": typeof types.AbnormalItemsWithCreditRecordDocument,
    "query AbnormalWithdrawalRates($groupBy: AbnormalPatentGrouping!, $filter: AbnormalPatentItemFilter) { abnormalPatentWithdrawalRates(groupBy: $groupBy, filter: $filter) {\n  key label itemCount withdrawnCount appealUpheldCount appealedCount overdueCount escalatedCount withdrawalRate withdrawalTarget meetsTarget } }": typeof types.AbnormalWithdrawalRatesDocument,
    "query AbnormalDemoBatches { abnormalPatentBatches { totalCount edges { node { batchNo itemCount withdrawnCount withdrawalRate\n      totals { appealUpheldCount overdueCount escalatedCount meetsTarget withdrawalTarget } byRegion { key label itemCount } } } } }": typeof types.AbnormalDemoBatchesDocument,
    "query AbnormalDryRunBatch { abnormalPatentBatches(filter: { batchNo: \"测试-试运行\" }) { totalCount } }": typeof types.AbnormalDryRunBatchDocument,
    "query AbnormalEscalatedCreditRecords($code: CreditCode!) { creditRecords(filter: { subjectCreditCode: $code }) { totalCount } }": typeof types.AbnormalEscalatedCreditRecordsDocument,
    "query AbnormalItemsAnonymous { abnormalPatentItems { totalCount } }": typeof types.AbnormalItemsAnonymousDocument,
    "mutation RegistryRegister($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed agency { id code name kind regionCode parentCode status version } } }": typeof types.RegistryRegisterDocument,
    "mutation RegistryUpdate($code: String!, $v: Int!, $input: UpdateAgencyInput!) { updateAgency(code: $code, expectedVersion: $v, input: $input) { code name regionCode parentCode version } }": typeof types.RegistryUpdateDocument,
    "mutation RegistryDisable($code: String!, $v: Int!, $reason: String!) { disableAgency(code: $code, expectedVersion: $v, reason: $reason) { code status statusReason version } }": typeof types.RegistryDisableDocument,
    "mutation RegistryEnable($code: String!, $v: Int!) { enableAgency(code: $code, expectedVersion: $v) { code status version } }": typeof types.RegistryEnableDocument,
    "query RegistryAudit { auditEvents(first: 50, filter: { entityType: \"Agency\" }) { edges { node { operation entityId fields agencyCode } } } }": typeof types.RegistryAuditDocument,
    "mutation RegistryClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed clientSystem { name allowedScopes } } }": typeof types.RegistryClientDocument,
    "mutation RegistryInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id name agencyCode } } }": typeof types.RegistryInstitutionDocument,
    "mutation RegistryInstitutionAgency($id: ID!, $code: String!) { registerInstitutionAgency(institutionId: $id, agencyCode: $code) { institution { agencyCode } } }": typeof types.RegistryInstitutionAgencyDocument,
    "mutation AppraiserRegister($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id name version idNumber institution { name } } replayed } }": typeof types.AppraiserRegisterDocument,
    "mutation AppraiserUpdate($id: ID!, $v: Int!, $input: UpdateAppraiserInput!) { updateAppraiser(id: $id, expectedVersion: $v, input: $input) { version institution { creditCode } practiceHistory { id kind endedOn institution { creditCode } } } }": typeof types.AppraiserUpdateDocument,
    "query AppraiserPii($id: ID!) { appraiser(id: $id) { name idNumber phone } }": typeof types.AppraiserPiiDocument,
    "query AppraiserIdNumber($id: ID!) { appraiser(id: $id) { idNumber } }": typeof types.AppraiserIdNumberDocument,
    "query AppraiserListIdNumbers { appraisers(first: 100) { edges { node { name idNumber } } } }": typeof types.AppraiserListIdNumbersDocument,
    "query AppraiserIdNumberAndPhone($id: ID!) { appraiser(id: $id) { idNumber phone } }": typeof types.AppraiserIdNumberAndPhoneDocument,
    "mutation AppraiserChangeStatus($id: ID!, $v: Int!, $to: AppraiserStatus!) { changeAppraiserStatus(id: $id, expectedVersion: $v, to: $to, reason: \"执业检查\") { status version } }": typeof types.AppraiserChangeStatusDocument,
    "query AppraiserNames($f: AppraiserFilter) { appraisers(first: 100, filter: $f) { edges { node { name } } } }": typeof types.AppraiserNamesDocument,
    "mutation FeedbackPost($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id kind postingAgencyCode complaintStatus complaintRespondBy version } } }": typeof types.FeedbackPostDocument,
    "mutation FeedbackHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { complaintStatus version violationConfirmed nextSteps complaintHistory { toStatus actorAgencyCode } } }": typeof types.FeedbackHandleComplaintDocument,
    "query FeedbackAppraiserSummary($id: ID!) { appraiser(id: $id) { feedbackSummary { count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate complaintsLast12Months complaintsTotal lastFeedbackAt } } }": typeof types.FeedbackAppraiserSummaryDocument,
    "query FeedbackSeen($id: ID!) { caseFeedback(id: $id) { id } }": typeof types.FeedbackSeenDocument,
    "query FeedbackInstitutionSummary { institution(creditCode: \"91411500MA9F3K2L21\") { feedbackSummary { complaintsLast12Months complaintsTotal } } }": typeof types.FeedbackInstitutionSummaryDocument,
    "mutation FeedbackRecordInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id result score } }": typeof types.FeedbackRecordInspectionDocument,
    "query FeedbackSupervisionRecords { institution(creditCode: \"91410700MA9G0T8C63\") { supervisionRecords { findings } } }": typeof types.FeedbackSupervisionRecordsDocument,
    "query FeedbackCaseDeadlines($id: ID!) { appraisalCase(id: $id) { deadlines { acceptBy provisional provisionalYears } } }": typeof types.FeedbackCaseDeadlinesDocument,
    "mutation FeedbackEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }": typeof types.FeedbackEntrustDocument,
    "query FeedbackComplaintDay($id: ID!) { caseFeedback(id: $id) { complaintRespondBy version } }": typeof types.FeedbackComplaintDayDocument,
    "query CreditExchange($since: String, $until: String, $first: Int, $after: String) {\n  creditExport(updatedSince: $since, until: $until, first: $first, after: $after) {\n    watermark pageInfo { hasNextPage endCursor }\n    rows { category id subjectType subjectName subjectCreditCode subjectCertificateNo code severity decisionDocNo decidingAgencyName announced status repairedOn updatedAt }\n  }\n}": typeof types.CreditExchangeDocument,
    "mutation CreditExchangeRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: \"复议撤销\") { status } }": typeof types.CreditExchangeRevokeDocument,
    "mutation CreditExchangeNew($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id } } }": typeof types.CreditExchangeNewDocument,
    "mutation IncentiveRecord($input: RecordCreditIncentiveInput!) {\n  recordCreditIncentive(input: $input) { replayed incentive { id kind status decidedOn publishFrom publishUntil measures version subjectType subjectName } }\n}": typeof types.IncentiveRecordDocument,
    "mutation IncentiveRevoke($id: ID!, $v: Int!) { revokeCreditIncentive(id: $id, expectedVersion: $v, reason: \"表彰依据被撤销\") { status version } }": typeof types.IncentiveRevokeDocument,
    "query IncentiveOne($id: ID!) { creditIncentive(id: $id) { id status } }": typeof types.IncentiveOneDocument,
    "query IncentiveOnInstitution($c: CreditCode!) { institution(creditCode: $c) { creditIncentives { kind } creditRecords { id } } }": typeof types.IncentiveOnInstitutionDocument,
    "query IncentiveList($kind: CreditIncentiveKind) { creditIncentives(filter: { kind: $kind }, first: 100) { edges { node { kind status subjectName } } } }": typeof types.IncentiveListDocument,
    "mutation CreditRecordEvent($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id status subjectType behaviour severity version subjectName } } }": typeof types.CreditRecordEventDocument,
    "mutation CreditRequestRepair($id: ID!, $input: CreditRepairInput!) { requestCreditRepair(recordId: $id, input: $input) { status version } }": typeof types.CreditRequestRepairDocument,
    "mutation CreditDecideRepair($id: ID!, $v: Int!, $approve: Boolean!) { decideCreditRepair(recordId: $id, expectedVersion: $v, approve: $approve, note: \"整改到位\") { status version } }": typeof types.CreditDecideRepairDocument,
    "query CreditFalseAppraisalRecords { creditRecords(filter: { behaviour: FALSE_APPRAISAL }) { edges { node { subjectType subjectName severity status sharedWith { agencyCode } } } } }": typeof types.CreditFalseAppraisalRecordsDocument,
    "query CreditPublicCount($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { totalCount } }": typeof types.CreditPublicCountDocument,
    "query CreditBureauView($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { edges { node { status repairCommitment } } } }": typeof types.CreditBureauViewDocument,
    "query CreditRepairableFrom($id: ID!) { creditRecord(id: $id) { decidedOn repairableFrom publishUntil } }": typeof types.CreditRepairableFromDocument,
    "mutation CreditRecordLeapDay($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id publishFrom publishUntil } } }": typeof types.CreditRecordLeapDayDocument,
    "query CreditSharedRecord($id: ID!) { creditRecord(id: $id) { status sharedWith { agencyCode acknowledgedAt } } }": typeof types.CreditSharedRecordDocument,
    "mutation CreditAcknowledgeShare($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }": typeof types.CreditAcknowledgeShareDocument,
    "mutation CreditAcknowledgeShareElsewhere($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode } }": typeof types.CreditAcknowledgeShareElsewhereDocument,
    "query CreditRecordSeen($id: ID!) { creditRecord(id: $id) { id } }": typeof types.CreditRecordSeenDocument,
    "mutation CreditRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: \"行政复议撤销\") { status } }": typeof types.CreditRevokeDocument,
    "mutation CreditFailedInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }": typeof types.CreditFailedInspectionDocument,
    "mutation CreditInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }": typeof types.CreditInspectionDocument,
    "query CreditInstitutionGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }": typeof types.CreditInstitutionGradeDocument,
    "mutation CreditRegisterAppraiser($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id } replayed } }": typeof types.CreditRegisterAppraiserDocument,
    "mutation CreditPostComplaint($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id version } } }": typeof types.CreditPostComplaintDocument,
    "mutation CreditHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { version } }": typeof types.CreditHandleComplaintDocument,
    "mutation CreditRulesRecord($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) { record { id severity announced decidedOn publishFrom publishUntil repairableFrom status version } }\n}": typeof types.CreditRulesRecordDocument,
    "query CreditRulesSeen($id: ID!) { creditRecord(id: $id) { id } }": typeof types.CreditRulesSeenDocument,
    "query CreditRulesGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }": typeof types.CreditRulesGradeDocument,
    "mutation CreditRulesRepairMinor($id: ID!) { requestCreditRepair(recordId: $id, input: { commitment: \"已履行义务并作出信用承诺\" }) { status } }": typeof types.CreditRulesRepairMinorDocument,
    "mutation SubjectRecord($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id subjectType subjectName subjectCertificateNo } } }": typeof types.SubjectRecordDocument,
    "query SubjectCertificate($id: ID!) { creditRecord(id: $id) { subjectName subjectCertificateNo } }": typeof types.SubjectCertificateDocument,
    "query SubjectByCertificate($no: String!) { creditRecords(filter: { subjectCertificateNo: $no }) { totalCount } }": typeof types.SubjectByCertificateDocument,
    "mutation SubjectRegisterTax($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code } } }": typeof types.SubjectRegisterTaxDocument,
    "mutation SubjectRegisterTaxSystem($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }": typeof types.SubjectRegisterTaxSystemDocument,
    "mutation SubjectAcknowledge($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }": typeof types.SubjectAcknowledgeDocument,
    "mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }": typeof types.PlaceMarkDocument,
    "query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {\n  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }": typeof types.MarksDocument,
    "query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {\n  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }": typeof types.AlertsDocument,
    "mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }": typeof types.HandleAlertDocument,
    "mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }": typeof types.UpdateMarkDocument,
    "mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }": typeof types.RaiseAlertDocument,
    "mutation IndustryEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { replayed appraisalCase { id industrySection } } }": typeof types.IndustryEntrustDocument,
    "query IndustryStatistics($region: String) { statistics(regionCode: $region) {\n  directory { institutionsByIndustry { cells { key label value } } }\n  cases { entrustedByIndustry { cells { key label value } } }\n} }": typeof types.IndustryStatisticsDocument,
    "query IndustryInstitutions($s: IndustrySection) { institutions(filter: { industrySection: $s }, first: 100) { edges { node { creditCode industrySections } } } }": typeof types.IndustryInstitutionsDocument,
    "mutation InstitutionUpdate($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, expectedVersion: $v, input: $input) { name version } }": typeof types.InstitutionUpdateDocument,
    "query InstitutionListingOnDays($id: ID!) { institution(id: $id) { listingStatus listedAt\n      d0: listingStatusOn(date: \"2025-01-01\") d1: listingStatusOn(date: \"2025-01-31\") d2: listingStatusOn(date: \"2025-02-01\") d3: listingStatusOn(date: \"2025-05-31\")\n      d4: listingStatusOn(date: \"2025-06-01\") d5: listingStatusOn(date: \"2025-08-31\") d6: listingStatusOn(date: \"2025-09-01\") d7: listingStatusOn(date: \"2026-01-01\") } }": typeof types.InstitutionListingOnDaysDocument,
    "query InstitutionsListedOn($d: Date) { institutions(first: 100, filter: { listedOn: $d, regionCode: \"411502\" }) { edges { node { id } } } }": typeof types.InstitutionsListedOnDocument,
    "query InstitutionRemoved { institution(creditCode: \"91410783MA3W5N6P4P\") { name listingStatus listingHistory { toStatus reason decisionDocNo } } }": typeof types.InstitutionRemovedDocument,
    "query InstitutionList($f: InstitutionFilter) { institutions(first: 100, filter: $f) { totalCount edges { node { name regionCode listingStatus technicalFields } } } }": typeof types.InstitutionListDocument,
    "query MonthlyReportFull($region: RegionCode, $month: String!) { monthlyReport(regionCode: $region, month: $month) {\n  regionCode regionName month from to asOf\n  cases { entrusted issued open overdue entrustedByAgencyKind { label cells { label value } } }\n  feedback { count complaintsReceived }\n  credit { determinationsBySeverity { label cells { key value } total } incentives { total } }\n  clues { publicReports { label cells { key value } total } inspections { total } }\n  abnormalPatents { from byRegion { label itemCount withdrawalRate } }\n  xlsx { filename mediaType contentBase64 }\n  html { filename mediaType contentBase64 }\n} }": typeof types.MonthlyReportFullDocument,
    "query MonthlyReportDashboard($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) {\n  to cases { open overdue issued entrustedByAgencyKind { total cells { label value } } } feedback { count }\n} }": typeof types.MonthlyReportDashboardDocument,
    "mutation MonthlyReportDetermination($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed } }": typeof types.MonthlyReportDeterminationDocument,
    "mutation MonthlyReportClue($input: SubmitPublicReportInput!) { submitPublicReport(input: $input) { status } }": typeof types.MonthlyReportClueDocument,
    "query FiledMonthlyReports($region: RegionCode, $month: String, $first: Int, $after: String) {\n  monthlyReports(regionCode: $region, month: $month, first: $first, after: $after) {\n    totalCount\n    edges { node { id regionCode regionName month filedAt filedBy { code }\n      figures { asOf cases { entrusted issued open overdue } feedback { count } credit { determinationsBySeverity { total } } }\n      xlsx { filename contentBase64 } html { filename contentBase64 } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.FiledMonthlyReportsDocument,
    "query QueryCountAgencies($n: Int) { agencies(first: $n) { totalCount edges { node { code status clientSystems { name allowedScopes status } } } } }": typeof types.QueryCountAgenciesDocument,
    "query QueryCountDirectory($n: Int) { institutions(first: $n) { edges { node { name appraisers { name institution { name } } } } } }": typeof types.QueryCountDirectoryDocument,
    "query QueryCountAbnormalItems($n: Int) { abnormalPatentItems(first: $n) { edges { node { applicationNumber status deadline batch { batchNo itemCount } history { action } creditRecord { id } } } } }": typeof types.QueryCountAbnormalItemsDocument,
    "query QueryCountAbnormalBatches($n: Int) { abnormalPatentBatches(first: $n) { edges { node { batchNo itemCount withdrawalRate byRegion { key } byPatentAgency { key } } } } }": typeof types.QueryCountAbnormalBatchesDocument,
    "query QueryCountStatistics { statistics(regionCode: \"411500\") { regionCode\n      directory { institutionsByStatus { total } institutionsByField { total } appraisersByRegion { total } cultivation { total } }\n      cases { open overdue medianWorkingDays entrustedByMonth { total } overdueByRegion { total } }\n      feedback { count feedbackByMonth { total } complaintsByRegion { total } institutions(first: 100) { name complaints } }\n      credit { activeByBehaviour { total } repairs { total } institutionGrades { total } }\n      abnormalPatents { total { itemCount } byBatch { itemCount } byRegion { itemCount } }\n      collaboration { opened flows { count } averageResponseHours } } }": typeof types.QueryCountStatisticsDocument,
    "query QueryCountListWithoutTotal { institutions(first: 5) { edges { node { name } } } }": typeof types.QueryCountListWithoutTotalDocument,
    "query QueryCountListWithTotal { institutions(first: 5) { totalCount edges { node { name } } } }": typeof types.QueryCountListWithTotalDocument,
    "query ReplicaInstitutions { institutions(first: 100, filter: { regionCode: \"411500\" }) { edges { node { id name version } } } }": typeof types.ReplicaInstitutionsDocument,
    "query ReplicaInstitution($id: ID!) { institution(id: $id) { name version } }": typeof types.ReplicaInstitutionDocument,
    "query ReplicaStatistics { statistics(regionCode: \"411500\") { directory { institutionsByStatus { total } } } }": typeof types.ReplicaStatisticsDocument,
    "mutation ReplicaRename($id: ID!, $v: Int!, $name: String!) { updateInstitution(id: $id, expectedVersion: $v, input: { name: $name }) { name version } }": typeof types.ReplicaRenameDocument,
    "query ReplicaCreditExport { creditExport(first: 10) { watermark rows { id } } }": typeof types.ReplicaCreditExportDocument,
    "mutation RegionRegisterAgency($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code regionCode } } }": typeof types.RegionRegisterAgencyDocument,
    "mutation RegionRegisterClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }": typeof types.RegionRegisterClientDocument,
    "query RegionInstitution($c: CreditCode!) { institution(creditCode: $c) { name regionCode } }": typeof types.RegionInstitutionDocument,
    "query RegionInstitutions($r: RegionCode!) { institutions(filter: { regionCode: $r }, first: 100) { edges { node { creditCode } } } }": typeof types.RegionInstitutionsDocument,
    "query RegionStatistics($region: String) { statistics(regionCode: $region) { directory { institutionsByRegion { cells { key label value } } } } }": typeof types.RegionStatisticsDocument,
    "query RegionChildren($parent: RegionCode) { regions(parentCode: $parent) { code name kind parentCode } }": typeof types.RegionChildrenDocument,
    "query RegionOne($code: RegionCode!) { region(code: $code) { code name validUntil replacedBy } }": typeof types.RegionOneDocument,
    "mutation SignInRegisterProvider($input: RegisterIdentityProviderInput!) {\n  registerIdentityProvider(input: $input) { identityProvider { id issuer clientId hasClientSecret personClaim groupsClaim groupScopes { group scopes } version } replayed }\n}": typeof types.SignInRegisterProviderDocument,
    "mutation SignInUpdateProvider($code: String!, $version: Int!, $input: IdentityProviderInput!) {\n  updateIdentityProvider(agencyCode: $code, expectedVersion: $version, input: $input) { version groupScopes { group scopes } hasClientSecret }\n}": typeof types.SignInUpdateProviderDocument,
    "query SignInProviderOf($code: String!) { agency(code: $code) { identityProvider { issuer version hasClientSecret } clientSystems { name allowedScopes } } }": typeof types.SignInProviderOfDocument,
    "query StatisticsWorkbookFile($region: String) { statistics(regionCode: $region) {\n  regionCode from to\n  workbook { filename mediaType contentBase64 }\n  directory { institutionsByStatus { label total cells { key label value } } appraisersByField { label cells { label value suppressed } } }\n  cases { open overdue entrustedByMonth { label total } }\n} }": typeof types.StatisticsWorkbookFileDocument,
    "fragment StatsHeader on Statistics { regionCode regionName from to threshold }": typeof types.StatsHeaderFragmentDoc,
    "fragment StatsBreakdown on StatBreakdown { key total totalSuppressed cells { key value suppressed } }": typeof types.StatsBreakdownFragmentDoc,
    "fragment StatsRate on StatisticsWithdrawalRate { key label itemCount withdrawnCount appealUpheldCount withdrawalRate meetsTarget suppressed }": typeof types.StatsRateFragmentDoc,
    "query StatsDirectory($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader directory {\n    institutionsByStatus { ...StatsBreakdown } institutionsByLevel { ...StatsBreakdown } institutionsByField { ...StatsBreakdown } institutionsByRegion { ...StatsBreakdown }\n    cultivation { ...StatsBreakdown } institutionCreditGrades { ...StatsBreakdown } appraisersByField { ...StatsBreakdown } appraisersByTitleLevel { ...StatsBreakdown }\n    appraisersByRegion { ...StatsBreakdown } appraiserCreditGrades { ...StatsBreakdown } } } }": typeof types.StatsDirectoryDocument,
    "query StatsCases($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader cases {\n    entrustedByAgencyKind { ...StatsBreakdown } entrustedByMonth { ...StatsBreakdown } open overdue openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown }\n    issued medianWorkingDays onTimeRate courtAppearancesRequested courtAppearancesAttended courtAppearancesMissed opinionAdoptionRate } } }": typeof types.StatsCasesDocument,
    "query StatsFeedback($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader feedback {\n    count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate feedbackByMonth { ...StatsBreakdown }\n    ratingsByMonth { month count averages { timeliness } } complaintsByMonth { ...StatsBreakdown } complaintsByRegion { ...StatsBreakdown } complaintsResolvedByRegion { ...StatsBreakdown }\n    institutions(first: 100) { institutionId name regionCode count averages { timeliness } complaints complaintsSuppressed } } } }": typeof types.StatsFeedbackDocument,
    "query StatsCredit($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader credit {\n    activeByBehaviour { ...StatsBreakdown } activeBySeverity { ...StatsBreakdown } repairs { ...StatsBreakdown } repairRate institutionGrades { ...StatsBreakdown }\n    appraiserGrades { ...StatsBreakdown } } } }": typeof types.StatsCreditDocument,
    "query StatsAbnormalPatents($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader abnormalPatents {\n    withdrawalTarget total { ...StatsRate } byBatch { ...StatsRate } byRegion { ...StatsRate } } } }": typeof types.StatsAbnormalPatentsDocument,
    "query StatsCollaboration($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader collaboration {\n    opened closed byKind { ...StatsBreakdown } flows { fromKind toKind count } responded averageResponseHours } } }": typeof types.StatsCollaborationDocument,
    "query StatsAnonymous { statistics { regionCode } }": typeof types.StatsAnonymousDocument,
    "query StatsVisibleDirectory { statistics(regionCode: \"411500\") { directory { institutionsByStatus { total cells { key value } } cultivation { total } appraisersByRegion { total } } } }": typeof types.StatsVisibleDirectoryDocument,
    "query StatsCourtInstitutions { institutions(first: 100, filter: { regionCode: \"411500\" }) { totalCount } }": typeof types.StatsCourtInstitutionsDocument,
    "query StatsCourtAppraisers { appraisers(first: 100, filter: { regionCode: \"411500\" }) { edges { node { status } } } }": typeof types.StatsCourtAppraisersDocument,
    "query StatsLabels { statistics(regionCode: \"411300\") { directory { institutionsByStatus { label cells { key label } } institutionsByRegion { cells { key label } } } } }": typeof types.StatsLabelsDocument,
    "query StatsRegionWithdrawalRates { abnormalPatentWithdrawalRates(groupBy: REGION) { key itemCount withdrawnCount withdrawalRate } }": typeof types.StatsRegionWithdrawalRatesDocument,
    "mutation StatsEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }": typeof types.StatsEntrustDocument,
    "query StatsOpenOverdueByRegion { statistics(regionCode: \"411500\") { cases { openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown } } } }": typeof types.StatsOpenOverdueByRegionDocument,
    "query StatsOpenByRegionLabels { statistics(regionCode: \"411500\") { cases { openByRegion { cells { key label } } } } }": typeof types.StatsOpenByRegionLabelsDocument,
    "query StatsThresholdOne { statistics { threshold credit { activeBySeverity { total cells { value suppressed } } } } }": typeof types.StatsThresholdOneDocument,
    "mutation DirectoryRegisterInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id version listingStatus creditCode } replayed } }": typeof types.DirectoryRegisterInstitutionDocument,
    "mutation DirectoryChangeListing($id: ID!, $v: Int!, $to: ListingStatus!, $reason: String!, $on: Date, $doc: String) {\n  changeListingStatus(id: $id, expectedVersion: $v, to: $to, reason: $reason, effectiveOn: $on, decisionDocNo: $doc) { id version listingStatus listedAt } }": typeof types.DirectoryChangeListingDocument,
};
const documents: Documents = {
    "mutation AbnormalImportBatch($input: ImportAbnormalPatentBatchInput!) { importAbnormalPatentBatch(input: $input) {\n  created unchanged dryRun rejected { index field code message } batch { id batchNo itemCount withdrawnCount withdrawalRate deadline } } }": types.AbnormalImportBatchDocument,
    "mutation AbnormalHandleItem($id: ID!, $v: Int!, $input: AbnormalPatentHandlingInput!) { recordAbnormalPatentHandling(itemId: $id, expectedVersion: $v, input: $input) {\n  replayed item { id version status notifiedAt handledAt fedBackAt creditRecord { id subjectType subjectName behaviour severity } history { action fromStatus toStatus actorAgencyCode } } } }": types.AbnormalHandleItemDocument,
    "query AbnormalItems($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {\n  id applicationNumber status regionCode allocatedAgencyCode version deadline } } } }": types.AbnormalItemsDocument,
    "query AbnormalItemsWithCreditRecord($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {\n  id applicationNumber status regionCode allocatedAgencyCode version deadline creditRecord { subjectType subjectName behaviour } } } } }": types.AbnormalItemsWithCreditRecordDocument,
    "query AbnormalWithdrawalRates($groupBy: AbnormalPatentGrouping!, $filter: AbnormalPatentItemFilter) { abnormalPatentWithdrawalRates(groupBy: $groupBy, filter: $filter) {\n  key label itemCount withdrawnCount appealUpheldCount appealedCount overdueCount escalatedCount withdrawalRate withdrawalTarget meetsTarget } }": types.AbnormalWithdrawalRatesDocument,
    "query AbnormalDemoBatches { abnormalPatentBatches { totalCount edges { node { batchNo itemCount withdrawnCount withdrawalRate\n      totals { appealUpheldCount overdueCount escalatedCount meetsTarget withdrawalTarget } byRegion { key label itemCount } } } } }": types.AbnormalDemoBatchesDocument,
    "query AbnormalDryRunBatch { abnormalPatentBatches(filter: { batchNo: \"测试-试运行\" }) { totalCount } }": types.AbnormalDryRunBatchDocument,
    "query AbnormalEscalatedCreditRecords($code: CreditCode!) { creditRecords(filter: { subjectCreditCode: $code }) { totalCount } }": types.AbnormalEscalatedCreditRecordsDocument,
    "query AbnormalItemsAnonymous { abnormalPatentItems { totalCount } }": types.AbnormalItemsAnonymousDocument,
    "mutation RegistryRegister($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed agency { id code name kind regionCode parentCode status version } } }": types.RegistryRegisterDocument,
    "mutation RegistryUpdate($code: String!, $v: Int!, $input: UpdateAgencyInput!) { updateAgency(code: $code, expectedVersion: $v, input: $input) { code name regionCode parentCode version } }": types.RegistryUpdateDocument,
    "mutation RegistryDisable($code: String!, $v: Int!, $reason: String!) { disableAgency(code: $code, expectedVersion: $v, reason: $reason) { code status statusReason version } }": types.RegistryDisableDocument,
    "mutation RegistryEnable($code: String!, $v: Int!) { enableAgency(code: $code, expectedVersion: $v) { code status version } }": types.RegistryEnableDocument,
    "query RegistryAudit { auditEvents(first: 50, filter: { entityType: \"Agency\" }) { edges { node { operation entityId fields agencyCode } } } }": types.RegistryAuditDocument,
    "mutation RegistryClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed clientSystem { name allowedScopes } } }": types.RegistryClientDocument,
    "mutation RegistryInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id name agencyCode } } }": types.RegistryInstitutionDocument,
    "mutation RegistryInstitutionAgency($id: ID!, $code: String!) { registerInstitutionAgency(institutionId: $id, agencyCode: $code) { institution { agencyCode } } }": types.RegistryInstitutionAgencyDocument,
    "mutation AppraiserRegister($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id name version idNumber institution { name } } replayed } }": types.AppraiserRegisterDocument,
    "mutation AppraiserUpdate($id: ID!, $v: Int!, $input: UpdateAppraiserInput!) { updateAppraiser(id: $id, expectedVersion: $v, input: $input) { version institution { creditCode } practiceHistory { id kind endedOn institution { creditCode } } } }": types.AppraiserUpdateDocument,
    "query AppraiserPii($id: ID!) { appraiser(id: $id) { name idNumber phone } }": types.AppraiserPiiDocument,
    "query AppraiserIdNumber($id: ID!) { appraiser(id: $id) { idNumber } }": types.AppraiserIdNumberDocument,
    "query AppraiserListIdNumbers { appraisers(first: 100) { edges { node { name idNumber } } } }": types.AppraiserListIdNumbersDocument,
    "query AppraiserIdNumberAndPhone($id: ID!) { appraiser(id: $id) { idNumber phone } }": types.AppraiserIdNumberAndPhoneDocument,
    "mutation AppraiserChangeStatus($id: ID!, $v: Int!, $to: AppraiserStatus!) { changeAppraiserStatus(id: $id, expectedVersion: $v, to: $to, reason: \"执业检查\") { status version } }": types.AppraiserChangeStatusDocument,
    "query AppraiserNames($f: AppraiserFilter) { appraisers(first: 100, filter: $f) { edges { node { name } } } }": types.AppraiserNamesDocument,
    "mutation FeedbackPost($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id kind postingAgencyCode complaintStatus complaintRespondBy version } } }": types.FeedbackPostDocument,
    "mutation FeedbackHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { complaintStatus version violationConfirmed nextSteps complaintHistory { toStatus actorAgencyCode } } }": types.FeedbackHandleComplaintDocument,
    "query FeedbackAppraiserSummary($id: ID!) { appraiser(id: $id) { feedbackSummary { count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate complaintsLast12Months complaintsTotal lastFeedbackAt } } }": types.FeedbackAppraiserSummaryDocument,
    "query FeedbackSeen($id: ID!) { caseFeedback(id: $id) { id } }": types.FeedbackSeenDocument,
    "query FeedbackInstitutionSummary { institution(creditCode: \"91411500MA9F3K2L21\") { feedbackSummary { complaintsLast12Months complaintsTotal } } }": types.FeedbackInstitutionSummaryDocument,
    "mutation FeedbackRecordInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id result score } }": types.FeedbackRecordInspectionDocument,
    "query FeedbackSupervisionRecords { institution(creditCode: \"91410700MA9G0T8C63\") { supervisionRecords { findings } } }": types.FeedbackSupervisionRecordsDocument,
    "query FeedbackCaseDeadlines($id: ID!) { appraisalCase(id: $id) { deadlines { acceptBy provisional provisionalYears } } }": types.FeedbackCaseDeadlinesDocument,
    "mutation FeedbackEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }": types.FeedbackEntrustDocument,
    "query FeedbackComplaintDay($id: ID!) { caseFeedback(id: $id) { complaintRespondBy version } }": types.FeedbackComplaintDayDocument,
    "query CreditExchange($since: String, $until: String, $first: Int, $after: String) {\n  creditExport(updatedSince: $since, until: $until, first: $first, after: $after) {\n    watermark pageInfo { hasNextPage endCursor }\n    rows { category id subjectType subjectName subjectCreditCode subjectCertificateNo code severity decisionDocNo decidingAgencyName announced status repairedOn updatedAt }\n  }\n}": types.CreditExchangeDocument,
    "mutation CreditExchangeRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: \"复议撤销\") { status } }": types.CreditExchangeRevokeDocument,
    "mutation CreditExchangeNew($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id } } }": types.CreditExchangeNewDocument,
    "mutation IncentiveRecord($input: RecordCreditIncentiveInput!) {\n  recordCreditIncentive(input: $input) { replayed incentive { id kind status decidedOn publishFrom publishUntil measures version subjectType subjectName } }\n}": types.IncentiveRecordDocument,
    "mutation IncentiveRevoke($id: ID!, $v: Int!) { revokeCreditIncentive(id: $id, expectedVersion: $v, reason: \"表彰依据被撤销\") { status version } }": types.IncentiveRevokeDocument,
    "query IncentiveOne($id: ID!) { creditIncentive(id: $id) { id status } }": types.IncentiveOneDocument,
    "query IncentiveOnInstitution($c: CreditCode!) { institution(creditCode: $c) { creditIncentives { kind } creditRecords { id } } }": types.IncentiveOnInstitutionDocument,
    "query IncentiveList($kind: CreditIncentiveKind) { creditIncentives(filter: { kind: $kind }, first: 100) { edges { node { kind status subjectName } } } }": types.IncentiveListDocument,
    "mutation CreditRecordEvent($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id status subjectType behaviour severity version subjectName } } }": types.CreditRecordEventDocument,
    "mutation CreditRequestRepair($id: ID!, $input: CreditRepairInput!) { requestCreditRepair(recordId: $id, input: $input) { status version } }": types.CreditRequestRepairDocument,
    "mutation CreditDecideRepair($id: ID!, $v: Int!, $approve: Boolean!) { decideCreditRepair(recordId: $id, expectedVersion: $v, approve: $approve, note: \"整改到位\") { status version } }": types.CreditDecideRepairDocument,
    "query CreditFalseAppraisalRecords { creditRecords(filter: { behaviour: FALSE_APPRAISAL }) { edges { node { subjectType subjectName severity status sharedWith { agencyCode } } } } }": types.CreditFalseAppraisalRecordsDocument,
    "query CreditPublicCount($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { totalCount } }": types.CreditPublicCountDocument,
    "query CreditBureauView($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { edges { node { status repairCommitment } } } }": types.CreditBureauViewDocument,
    "query CreditRepairableFrom($id: ID!) { creditRecord(id: $id) { decidedOn repairableFrom publishUntil } }": types.CreditRepairableFromDocument,
    "mutation CreditRecordLeapDay($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id publishFrom publishUntil } } }": types.CreditRecordLeapDayDocument,
    "query CreditSharedRecord($id: ID!) { creditRecord(id: $id) { status sharedWith { agencyCode acknowledgedAt } } }": types.CreditSharedRecordDocument,
    "mutation CreditAcknowledgeShare($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }": types.CreditAcknowledgeShareDocument,
    "mutation CreditAcknowledgeShareElsewhere($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode } }": types.CreditAcknowledgeShareElsewhereDocument,
    "query CreditRecordSeen($id: ID!) { creditRecord(id: $id) { id } }": types.CreditRecordSeenDocument,
    "mutation CreditRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: \"行政复议撤销\") { status } }": types.CreditRevokeDocument,
    "mutation CreditFailedInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }": types.CreditFailedInspectionDocument,
    "mutation CreditInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }": types.CreditInspectionDocument,
    "query CreditInstitutionGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }": types.CreditInstitutionGradeDocument,
    "mutation CreditRegisterAppraiser($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id } replayed } }": types.CreditRegisterAppraiserDocument,
    "mutation CreditPostComplaint($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id version } } }": types.CreditPostComplaintDocument,
    "mutation CreditHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { version } }": types.CreditHandleComplaintDocument,
    "mutation CreditRulesRecord($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) { record { id severity announced decidedOn publishFrom publishUntil repairableFrom status version } }\n}": types.CreditRulesRecordDocument,
    "query CreditRulesSeen($id: ID!) { creditRecord(id: $id) { id } }": types.CreditRulesSeenDocument,
    "query CreditRulesGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }": types.CreditRulesGradeDocument,
    "mutation CreditRulesRepairMinor($id: ID!) { requestCreditRepair(recordId: $id, input: { commitment: \"已履行义务并作出信用承诺\" }) { status } }": types.CreditRulesRepairMinorDocument,
    "mutation SubjectRecord($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id subjectType subjectName subjectCertificateNo } } }": types.SubjectRecordDocument,
    "query SubjectCertificate($id: ID!) { creditRecord(id: $id) { subjectName subjectCertificateNo } }": types.SubjectCertificateDocument,
    "query SubjectByCertificate($no: String!) { creditRecords(filter: { subjectCertificateNo: $no }) { totalCount } }": types.SubjectByCertificateDocument,
    "mutation SubjectRegisterTax($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code } } }": types.SubjectRegisterTaxDocument,
    "mutation SubjectRegisterTaxSystem($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }": types.SubjectRegisterTaxSystemDocument,
    "mutation SubjectAcknowledge($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }": types.SubjectAcknowledgeDocument,
    "mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }": types.PlaceMarkDocument,
    "query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {\n  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }": types.MarksDocument,
    "query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {\n  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }": types.AlertsDocument,
    "mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }": types.HandleAlertDocument,
    "mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }": types.UpdateMarkDocument,
    "mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }": types.RaiseAlertDocument,
    "mutation IndustryEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { replayed appraisalCase { id industrySection } } }": types.IndustryEntrustDocument,
    "query IndustryStatistics($region: String) { statistics(regionCode: $region) {\n  directory { institutionsByIndustry { cells { key label value } } }\n  cases { entrustedByIndustry { cells { key label value } } }\n} }": types.IndustryStatisticsDocument,
    "query IndustryInstitutions($s: IndustrySection) { institutions(filter: { industrySection: $s }, first: 100) { edges { node { creditCode industrySections } } } }": types.IndustryInstitutionsDocument,
    "mutation InstitutionUpdate($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, expectedVersion: $v, input: $input) { name version } }": types.InstitutionUpdateDocument,
    "query InstitutionListingOnDays($id: ID!) { institution(id: $id) { listingStatus listedAt\n      d0: listingStatusOn(date: \"2025-01-01\") d1: listingStatusOn(date: \"2025-01-31\") d2: listingStatusOn(date: \"2025-02-01\") d3: listingStatusOn(date: \"2025-05-31\")\n      d4: listingStatusOn(date: \"2025-06-01\") d5: listingStatusOn(date: \"2025-08-31\") d6: listingStatusOn(date: \"2025-09-01\") d7: listingStatusOn(date: \"2026-01-01\") } }": types.InstitutionListingOnDaysDocument,
    "query InstitutionsListedOn($d: Date) { institutions(first: 100, filter: { listedOn: $d, regionCode: \"411502\" }) { edges { node { id } } } }": types.InstitutionsListedOnDocument,
    "query InstitutionRemoved { institution(creditCode: \"91410783MA3W5N6P4P\") { name listingStatus listingHistory { toStatus reason decisionDocNo } } }": types.InstitutionRemovedDocument,
    "query InstitutionList($f: InstitutionFilter) { institutions(first: 100, filter: $f) { totalCount edges { node { name regionCode listingStatus technicalFields } } } }": types.InstitutionListDocument,
    "query MonthlyReportFull($region: RegionCode, $month: String!) { monthlyReport(regionCode: $region, month: $month) {\n  regionCode regionName month from to asOf\n  cases { entrusted issued open overdue entrustedByAgencyKind { label cells { label value } } }\n  feedback { count complaintsReceived }\n  credit { determinationsBySeverity { label cells { key value } total } incentives { total } }\n  clues { publicReports { label cells { key value } total } inspections { total } }\n  abnormalPatents { from byRegion { label itemCount withdrawalRate } }\n  xlsx { filename mediaType contentBase64 }\n  html { filename mediaType contentBase64 }\n} }": types.MonthlyReportFullDocument,
    "query MonthlyReportDashboard($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) {\n  to cases { open overdue issued entrustedByAgencyKind { total cells { label value } } } feedback { count }\n} }": types.MonthlyReportDashboardDocument,
    "mutation MonthlyReportDetermination($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed } }": types.MonthlyReportDeterminationDocument,
    "mutation MonthlyReportClue($input: SubmitPublicReportInput!) { submitPublicReport(input: $input) { status } }": types.MonthlyReportClueDocument,
    "query FiledMonthlyReports($region: RegionCode, $month: String, $first: Int, $after: String) {\n  monthlyReports(regionCode: $region, month: $month, first: $first, after: $after) {\n    totalCount\n    edges { node { id regionCode regionName month filedAt filedBy { code }\n      figures { asOf cases { entrusted issued open overdue } feedback { count } credit { determinationsBySeverity { total } } }\n      xlsx { filename contentBase64 } html { filename contentBase64 } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.FiledMonthlyReportsDocument,
    "query QueryCountAgencies($n: Int) { agencies(first: $n) { totalCount edges { node { code status clientSystems { name allowedScopes status } } } } }": types.QueryCountAgenciesDocument,
    "query QueryCountDirectory($n: Int) { institutions(first: $n) { edges { node { name appraisers { name institution { name } } } } } }": types.QueryCountDirectoryDocument,
    "query QueryCountAbnormalItems($n: Int) { abnormalPatentItems(first: $n) { edges { node { applicationNumber status deadline batch { batchNo itemCount } history { action } creditRecord { id } } } } }": types.QueryCountAbnormalItemsDocument,
    "query QueryCountAbnormalBatches($n: Int) { abnormalPatentBatches(first: $n) { edges { node { batchNo itemCount withdrawalRate byRegion { key } byPatentAgency { key } } } } }": types.QueryCountAbnormalBatchesDocument,
    "query QueryCountStatistics { statistics(regionCode: \"411500\") { regionCode\n      directory { institutionsByStatus { total } institutionsByField { total } appraisersByRegion { total } cultivation { total } }\n      cases { open overdue medianWorkingDays entrustedByMonth { total } overdueByRegion { total } }\n      feedback { count feedbackByMonth { total } complaintsByRegion { total } institutions(first: 100) { name complaints } }\n      credit { activeByBehaviour { total } repairs { total } institutionGrades { total } }\n      abnormalPatents { total { itemCount } byBatch { itemCount } byRegion { itemCount } }\n      collaboration { opened flows { count } averageResponseHours } } }": types.QueryCountStatisticsDocument,
    "query QueryCountListWithoutTotal { institutions(first: 5) { edges { node { name } } } }": types.QueryCountListWithoutTotalDocument,
    "query QueryCountListWithTotal { institutions(first: 5) { totalCount edges { node { name } } } }": types.QueryCountListWithTotalDocument,
    "query ReplicaInstitutions { institutions(first: 100, filter: { regionCode: \"411500\" }) { edges { node { id name version } } } }": types.ReplicaInstitutionsDocument,
    "query ReplicaInstitution($id: ID!) { institution(id: $id) { name version } }": types.ReplicaInstitutionDocument,
    "query ReplicaStatistics { statistics(regionCode: \"411500\") { directory { institutionsByStatus { total } } } }": types.ReplicaStatisticsDocument,
    "mutation ReplicaRename($id: ID!, $v: Int!, $name: String!) { updateInstitution(id: $id, expectedVersion: $v, input: { name: $name }) { name version } }": types.ReplicaRenameDocument,
    "query ReplicaCreditExport { creditExport(first: 10) { watermark rows { id } } }": types.ReplicaCreditExportDocument,
    "mutation RegionRegisterAgency($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code regionCode } } }": types.RegionRegisterAgencyDocument,
    "mutation RegionRegisterClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }": types.RegionRegisterClientDocument,
    "query RegionInstitution($c: CreditCode!) { institution(creditCode: $c) { name regionCode } }": types.RegionInstitutionDocument,
    "query RegionInstitutions($r: RegionCode!) { institutions(filter: { regionCode: $r }, first: 100) { edges { node { creditCode } } } }": types.RegionInstitutionsDocument,
    "query RegionStatistics($region: String) { statistics(regionCode: $region) { directory { institutionsByRegion { cells { key label value } } } } }": types.RegionStatisticsDocument,
    "query RegionChildren($parent: RegionCode) { regions(parentCode: $parent) { code name kind parentCode } }": types.RegionChildrenDocument,
    "query RegionOne($code: RegionCode!) { region(code: $code) { code name validUntil replacedBy } }": types.RegionOneDocument,
    "mutation SignInRegisterProvider($input: RegisterIdentityProviderInput!) {\n  registerIdentityProvider(input: $input) { identityProvider { id issuer clientId hasClientSecret personClaim groupsClaim groupScopes { group scopes } version } replayed }\n}": types.SignInRegisterProviderDocument,
    "mutation SignInUpdateProvider($code: String!, $version: Int!, $input: IdentityProviderInput!) {\n  updateIdentityProvider(agencyCode: $code, expectedVersion: $version, input: $input) { version groupScopes { group scopes } hasClientSecret }\n}": types.SignInUpdateProviderDocument,
    "query SignInProviderOf($code: String!) { agency(code: $code) { identityProvider { issuer version hasClientSecret } clientSystems { name allowedScopes } } }": types.SignInProviderOfDocument,
    "query StatisticsWorkbookFile($region: String) { statistics(regionCode: $region) {\n  regionCode from to\n  workbook { filename mediaType contentBase64 }\n  directory { institutionsByStatus { label total cells { key label value } } appraisersByField { label cells { label value suppressed } } }\n  cases { open overdue entrustedByMonth { label total } }\n} }": types.StatisticsWorkbookFileDocument,
    "fragment StatsHeader on Statistics { regionCode regionName from to threshold }": types.StatsHeaderFragmentDoc,
    "fragment StatsBreakdown on StatBreakdown { key total totalSuppressed cells { key value suppressed } }": types.StatsBreakdownFragmentDoc,
    "fragment StatsRate on StatisticsWithdrawalRate { key label itemCount withdrawnCount appealUpheldCount withdrawalRate meetsTarget suppressed }": types.StatsRateFragmentDoc,
    "query StatsDirectory($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader directory {\n    institutionsByStatus { ...StatsBreakdown } institutionsByLevel { ...StatsBreakdown } institutionsByField { ...StatsBreakdown } institutionsByRegion { ...StatsBreakdown }\n    cultivation { ...StatsBreakdown } institutionCreditGrades { ...StatsBreakdown } appraisersByField { ...StatsBreakdown } appraisersByTitleLevel { ...StatsBreakdown }\n    appraisersByRegion { ...StatsBreakdown } appraiserCreditGrades { ...StatsBreakdown } } } }": types.StatsDirectoryDocument,
    "query StatsCases($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader cases {\n    entrustedByAgencyKind { ...StatsBreakdown } entrustedByMonth { ...StatsBreakdown } open overdue openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown }\n    issued medianWorkingDays onTimeRate courtAppearancesRequested courtAppearancesAttended courtAppearancesMissed opinionAdoptionRate } } }": types.StatsCasesDocument,
    "query StatsFeedback($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader feedback {\n    count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate feedbackByMonth { ...StatsBreakdown }\n    ratingsByMonth { month count averages { timeliness } } complaintsByMonth { ...StatsBreakdown } complaintsByRegion { ...StatsBreakdown } complaintsResolvedByRegion { ...StatsBreakdown }\n    institutions(first: 100) { institutionId name regionCode count averages { timeliness } complaints complaintsSuppressed } } } }": types.StatsFeedbackDocument,
    "query StatsCredit($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader credit {\n    activeByBehaviour { ...StatsBreakdown } activeBySeverity { ...StatsBreakdown } repairs { ...StatsBreakdown } repairRate institutionGrades { ...StatsBreakdown }\n    appraiserGrades { ...StatsBreakdown } } } }": types.StatsCreditDocument,
    "query StatsAbnormalPatents($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader abnormalPatents {\n    withdrawalTarget total { ...StatsRate } byBatch { ...StatsRate } byRegion { ...StatsRate } } } }": types.StatsAbnormalPatentsDocument,
    "query StatsCollaboration($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader collaboration {\n    opened closed byKind { ...StatsBreakdown } flows { fromKind toKind count } responded averageResponseHours } } }": types.StatsCollaborationDocument,
    "query StatsAnonymous { statistics { regionCode } }": types.StatsAnonymousDocument,
    "query StatsVisibleDirectory { statistics(regionCode: \"411500\") { directory { institutionsByStatus { total cells { key value } } cultivation { total } appraisersByRegion { total } } } }": types.StatsVisibleDirectoryDocument,
    "query StatsCourtInstitutions { institutions(first: 100, filter: { regionCode: \"411500\" }) { totalCount } }": types.StatsCourtInstitutionsDocument,
    "query StatsCourtAppraisers { appraisers(first: 100, filter: { regionCode: \"411500\" }) { edges { node { status } } } }": types.StatsCourtAppraisersDocument,
    "query StatsLabels { statistics(regionCode: \"411300\") { directory { institutionsByStatus { label cells { key label } } institutionsByRegion { cells { key label } } } } }": types.StatsLabelsDocument,
    "query StatsRegionWithdrawalRates { abnormalPatentWithdrawalRates(groupBy: REGION) { key itemCount withdrawnCount withdrawalRate } }": types.StatsRegionWithdrawalRatesDocument,
    "mutation StatsEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }": types.StatsEntrustDocument,
    "query StatsOpenOverdueByRegion { statistics(regionCode: \"411500\") { cases { openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown } } } }": types.StatsOpenOverdueByRegionDocument,
    "query StatsOpenByRegionLabels { statistics(regionCode: \"411500\") { cases { openByRegion { cells { key label } } } } }": types.StatsOpenByRegionLabelsDocument,
    "query StatsThresholdOne { statistics { threshold credit { activeBySeverity { total cells { value suppressed } } } } }": types.StatsThresholdOneDocument,
    "mutation DirectoryRegisterInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id version listingStatus creditCode } replayed } }": types.DirectoryRegisterInstitutionDocument,
    "mutation DirectoryChangeListing($id: ID!, $v: Int!, $to: ListingStatus!, $reason: String!, $on: Date, $doc: String) {\n  changeListingStatus(id: $id, expectedVersion: $v, to: $to, reason: $reason, effectiveOn: $on, decisionDocNo: $doc) { id version listingStatus listedAt } }": types.DirectoryChangeListingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AbnormalImportBatch($input: ImportAbnormalPatentBatchInput!) { importAbnormalPatentBatch(input: $input) {\n  created unchanged dryRun rejected { index field code message } batch { id batchNo itemCount withdrawnCount withdrawalRate deadline } } }"): typeof import('./graphql').AbnormalImportBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AbnormalHandleItem($id: ID!, $v: Int!, $input: AbnormalPatentHandlingInput!) { recordAbnormalPatentHandling(itemId: $id, expectedVersion: $v, input: $input) {\n  replayed item { id version status notifiedAt handledAt fedBackAt creditRecord { id subjectType subjectName behaviour severity } history { action fromStatus toStatus actorAgencyCode } } } }"): typeof import('./graphql').AbnormalHandleItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalItems($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {\n  id applicationNumber status regionCode allocatedAgencyCode version deadline } } } }"): typeof import('./graphql').AbnormalItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalItemsWithCreditRecord($filter: AbnormalPatentItemFilter, $first: Int) { abnormalPatentItems(filter: $filter, first: $first) { totalCount edges { node {\n  id applicationNumber status regionCode allocatedAgencyCode version deadline creditRecord { subjectType subjectName behaviour } } } } }"): typeof import('./graphql').AbnormalItemsWithCreditRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalWithdrawalRates($groupBy: AbnormalPatentGrouping!, $filter: AbnormalPatentItemFilter) { abnormalPatentWithdrawalRates(groupBy: $groupBy, filter: $filter) {\n  key label itemCount withdrawnCount appealUpheldCount appealedCount overdueCount escalatedCount withdrawalRate withdrawalTarget meetsTarget } }"): typeof import('./graphql').AbnormalWithdrawalRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalDemoBatches { abnormalPatentBatches { totalCount edges { node { batchNo itemCount withdrawnCount withdrawalRate\n      totals { appealUpheldCount overdueCount escalatedCount meetsTarget withdrawalTarget } byRegion { key label itemCount } } } } }"): typeof import('./graphql').AbnormalDemoBatchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalDryRunBatch { abnormalPatentBatches(filter: { batchNo: \"测试-试运行\" }) { totalCount } }"): typeof import('./graphql').AbnormalDryRunBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalEscalatedCreditRecords($code: CreditCode!) { creditRecords(filter: { subjectCreditCode: $code }) { totalCount } }"): typeof import('./graphql').AbnormalEscalatedCreditRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AbnormalItemsAnonymous { abnormalPatentItems { totalCount } }"): typeof import('./graphql').AbnormalItemsAnonymousDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryRegister($input: RegisterAgencyInput!) { registerAgency(input: $input) { replayed agency { id code name kind regionCode parentCode status version } } }"): typeof import('./graphql').RegistryRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryUpdate($code: String!, $v: Int!, $input: UpdateAgencyInput!) { updateAgency(code: $code, expectedVersion: $v, input: $input) { code name regionCode parentCode version } }"): typeof import('./graphql').RegistryUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryDisable($code: String!, $v: Int!, $reason: String!) { disableAgency(code: $code, expectedVersion: $v, reason: $reason) { code status statusReason version } }"): typeof import('./graphql').RegistryDisableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryEnable($code: String!, $v: Int!) { enableAgency(code: $code, expectedVersion: $v) { code status version } }"): typeof import('./graphql').RegistryEnableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegistryAudit { auditEvents(first: 50, filter: { entityType: \"Agency\" }) { edges { node { operation entityId fields agencyCode } } } }"): typeof import('./graphql').RegistryAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed clientSystem { name allowedScopes } } }"): typeof import('./graphql').RegistryClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id name agencyCode } } }"): typeof import('./graphql').RegistryInstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegistryInstitutionAgency($id: ID!, $code: String!) { registerInstitutionAgency(institutionId: $id, agencyCode: $code) { institution { agencyCode } } }"): typeof import('./graphql').RegistryInstitutionAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AppraiserRegister($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id name version idNumber institution { name } } replayed } }"): typeof import('./graphql').AppraiserRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AppraiserUpdate($id: ID!, $v: Int!, $input: UpdateAppraiserInput!) { updateAppraiser(id: $id, expectedVersion: $v, input: $input) { version institution { creditCode } practiceHistory { id kind endedOn institution { creditCode } } } }"): typeof import('./graphql').AppraiserUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppraiserPii($id: ID!) { appraiser(id: $id) { name idNumber phone } }"): typeof import('./graphql').AppraiserPiiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppraiserIdNumber($id: ID!) { appraiser(id: $id) { idNumber } }"): typeof import('./graphql').AppraiserIdNumberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppraiserListIdNumbers { appraisers(first: 100) { edges { node { name idNumber } } } }"): typeof import('./graphql').AppraiserListIdNumbersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppraiserIdNumberAndPhone($id: ID!) { appraiser(id: $id) { idNumber phone } }"): typeof import('./graphql').AppraiserIdNumberAndPhoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AppraiserChangeStatus($id: ID!, $v: Int!, $to: AppraiserStatus!) { changeAppraiserStatus(id: $id, expectedVersion: $v, to: $to, reason: \"执业检查\") { status version } }"): typeof import('./graphql').AppraiserChangeStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppraiserNames($f: AppraiserFilter) { appraisers(first: 100, filter: $f) { edges { node { name } } } }"): typeof import('./graphql').AppraiserNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedbackPost($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id kind postingAgencyCode complaintStatus complaintRespondBy version } } }"): typeof import('./graphql').FeedbackPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedbackHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { complaintStatus version violationConfirmed nextSteps complaintHistory { toStatus actorAgencyCode } } }"): typeof import('./graphql').FeedbackHandleComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedbackAppraiserSummary($id: ID!) { appraiser(id: $id) { feedbackSummary { count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate complaintsLast12Months complaintsTotal lastFeedbackAt } } }"): typeof import('./graphql').FeedbackAppraiserSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedbackSeen($id: ID!) { caseFeedback(id: $id) { id } }"): typeof import('./graphql').FeedbackSeenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedbackInstitutionSummary { institution(creditCode: \"91411500MA9F3K2L21\") { feedbackSummary { complaintsLast12Months complaintsTotal } } }"): typeof import('./graphql').FeedbackInstitutionSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedbackRecordInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id result score } }"): typeof import('./graphql').FeedbackRecordInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedbackSupervisionRecords { institution(creditCode: \"91410700MA9G0T8C63\") { supervisionRecords { findings } } }"): typeof import('./graphql').FeedbackSupervisionRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedbackCaseDeadlines($id: ID!) { appraisalCase(id: $id) { deadlines { acceptBy provisional provisionalYears } } }"): typeof import('./graphql').FeedbackCaseDeadlinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedbackEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }"): typeof import('./graphql').FeedbackEntrustDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedbackComplaintDay($id: ID!) { caseFeedback(id: $id) { complaintRespondBy version } }"): typeof import('./graphql').FeedbackComplaintDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditExchange($since: String, $until: String, $first: Int, $after: String) {\n  creditExport(updatedSince: $since, until: $until, first: $first, after: $after) {\n    watermark pageInfo { hasNextPage endCursor }\n    rows { category id subjectType subjectName subjectCreditCode subjectCertificateNo code severity decisionDocNo decidingAgencyName announced status repairedOn updatedAt }\n  }\n}"): typeof import('./graphql').CreditExchangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditExchangeRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: \"复议撤销\") { status } }"): typeof import('./graphql').CreditExchangeRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditExchangeNew($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id } } }"): typeof import('./graphql').CreditExchangeNewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IncentiveRecord($input: RecordCreditIncentiveInput!) {\n  recordCreditIncentive(input: $input) { replayed incentive { id kind status decidedOn publishFrom publishUntil measures version subjectType subjectName } }\n}"): typeof import('./graphql').IncentiveRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IncentiveRevoke($id: ID!, $v: Int!) { revokeCreditIncentive(id: $id, expectedVersion: $v, reason: \"表彰依据被撤销\") { status version } }"): typeof import('./graphql').IncentiveRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IncentiveOne($id: ID!) { creditIncentive(id: $id) { id status } }"): typeof import('./graphql').IncentiveOneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IncentiveOnInstitution($c: CreditCode!) { institution(creditCode: $c) { creditIncentives { kind } creditRecords { id } } }"): typeof import('./graphql').IncentiveOnInstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IncentiveList($kind: CreditIncentiveKind) { creditIncentives(filter: { kind: $kind }, first: 100) { edges { node { kind status subjectName } } } }"): typeof import('./graphql').IncentiveListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRecordEvent($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id status subjectType behaviour severity version subjectName } } }"): typeof import('./graphql').CreditRecordEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRequestRepair($id: ID!, $input: CreditRepairInput!) { requestCreditRepair(recordId: $id, input: $input) { status version } }"): typeof import('./graphql').CreditRequestRepairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditDecideRepair($id: ID!, $v: Int!, $approve: Boolean!) { decideCreditRepair(recordId: $id, expectedVersion: $v, approve: $approve, note: \"整改到位\") { status version } }"): typeof import('./graphql').CreditDecideRepairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditFalseAppraisalRecords { creditRecords(filter: { behaviour: FALSE_APPRAISAL }) { edges { node { subjectType subjectName severity status sharedWith { agencyCode } } } } }"): typeof import('./graphql').CreditFalseAppraisalRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditPublicCount($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { totalCount } }"): typeof import('./graphql').CreditPublicCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditBureauView($c: CreditCode) { creditRecords(filter: { subjectCreditCode: $c }) { edges { node { status repairCommitment } } } }"): typeof import('./graphql').CreditBureauViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditRepairableFrom($id: ID!) { creditRecord(id: $id) { decidedOn repairableFrom publishUntil } }"): typeof import('./graphql').CreditRepairableFromDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRecordLeapDay($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { record { id publishFrom publishUntil } } }"): typeof import('./graphql').CreditRecordLeapDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditSharedRecord($id: ID!) { creditRecord(id: $id) { status sharedWith { agencyCode acknowledgedAt } } }"): typeof import('./graphql').CreditSharedRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditAcknowledgeShare($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }"): typeof import('./graphql').CreditAcknowledgeShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditAcknowledgeShareElsewhere($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode } }"): typeof import('./graphql').CreditAcknowledgeShareElsewhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditRecordSeen($id: ID!) { creditRecord(id: $id) { id } }"): typeof import('./graphql').CreditRecordSeenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRevoke($id: ID!, $v: Int!) { revokeCreditRecord(recordId: $id, expectedVersion: $v, reason: \"行政复议撤销\") { status } }"): typeof import('./graphql').CreditRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditFailedInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }"): typeof import('./graphql').CreditFailedInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditInspection($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }"): typeof import('./graphql').CreditInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditInstitutionGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }"): typeof import('./graphql').CreditInstitutionGradeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRegisterAppraiser($input: RegisterAppraiserInput!) { registerAppraiser(input: $input) { appraiser { id } replayed } }"): typeof import('./graphql').CreditRegisterAppraiserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditPostComplaint($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { feedback { id version } } }"): typeof import('./graphql').CreditPostComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditHandleComplaint($id: ID!, $v: Int!, $input: HandleComplaintInput!) { handleComplaint(id: $id, expectedVersion: $v, input: $input) { version } }"): typeof import('./graphql').CreditHandleComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRulesRecord($input: RecordCreditEventInput!) {\n  recordCreditEvent(input: $input) { record { id severity announced decidedOn publishFrom publishUntil repairableFrom status version } }\n}"): typeof import('./graphql').CreditRulesRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditRulesSeen($id: ID!) { creditRecord(id: $id) { id } }"): typeof import('./graphql').CreditRulesSeenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditRulesGrade($c: CreditCode!) { institution(creditCode: $c) { creditGrade creditGradeWhy } }"): typeof import('./graphql').CreditRulesGradeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditRulesRepairMinor($id: ID!) { requestCreditRepair(recordId: $id, input: { commitment: \"已履行义务并作出信用承诺\" }) { status } }"): typeof import('./graphql').CreditRulesRepairMinorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubjectRecord($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed record { id subjectType subjectName subjectCertificateNo } } }"): typeof import('./graphql').SubjectRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubjectCertificate($id: ID!) { creditRecord(id: $id) { subjectName subjectCertificateNo } }"): typeof import('./graphql').SubjectCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubjectByCertificate($no: String!) { creditRecords(filter: { subjectCertificateNo: $no }) { totalCount } }"): typeof import('./graphql').SubjectByCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubjectRegisterTax($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code } } }"): typeof import('./graphql').SubjectRegisterTaxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubjectRegisterTaxSystem($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }"): typeof import('./graphql').SubjectRegisterTaxSystemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubjectAcknowledge($id: ID!) { acknowledgeCreditShare(recordId: $id) { agencyCode acknowledgedAt } }"): typeof import('./graphql').SubjectAcknowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }"): typeof import('./graphql').PlaceMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {\n  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }"): typeof import('./graphql').MarksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {\n  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }"): typeof import('./graphql').HandleAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }"): typeof import('./graphql').UpdateMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }"): typeof import('./graphql').RaiseAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IndustryEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { replayed appraisalCase { id industrySection } } }"): typeof import('./graphql').IndustryEntrustDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IndustryStatistics($region: String) { statistics(regionCode: $region) {\n  directory { institutionsByIndustry { cells { key label value } } }\n  cases { entrustedByIndustry { cells { key label value } } }\n} }"): typeof import('./graphql').IndustryStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IndustryInstitutions($s: IndustrySection) { institutions(filter: { industrySection: $s }, first: 100) { edges { node { creditCode industrySections } } } }"): typeof import('./graphql').IndustryInstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstitutionUpdate($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, expectedVersion: $v, input: $input) { name version } }"): typeof import('./graphql').InstitutionUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstitutionListingOnDays($id: ID!) { institution(id: $id) { listingStatus listedAt\n      d0: listingStatusOn(date: \"2025-01-01\") d1: listingStatusOn(date: \"2025-01-31\") d2: listingStatusOn(date: \"2025-02-01\") d3: listingStatusOn(date: \"2025-05-31\")\n      d4: listingStatusOn(date: \"2025-06-01\") d5: listingStatusOn(date: \"2025-08-31\") d6: listingStatusOn(date: \"2025-09-01\") d7: listingStatusOn(date: \"2026-01-01\") } }"): typeof import('./graphql').InstitutionListingOnDaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstitutionsListedOn($d: Date) { institutions(first: 100, filter: { listedOn: $d, regionCode: \"411502\" }) { edges { node { id } } } }"): typeof import('./graphql').InstitutionsListedOnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstitutionRemoved { institution(creditCode: \"91410783MA3W5N6P4P\") { name listingStatus listingHistory { toStatus reason decisionDocNo } } }"): typeof import('./graphql').InstitutionRemovedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstitutionList($f: InstitutionFilter) { institutions(first: 100, filter: $f) { totalCount edges { node { name regionCode listingStatus technicalFields } } } }"): typeof import('./graphql').InstitutionListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MonthlyReportFull($region: RegionCode, $month: String!) { monthlyReport(regionCode: $region, month: $month) {\n  regionCode regionName month from to asOf\n  cases { entrusted issued open overdue entrustedByAgencyKind { label cells { label value } } }\n  feedback { count complaintsReceived }\n  credit { determinationsBySeverity { label cells { key value } total } incentives { total } }\n  clues { publicReports { label cells { key value } total } inspections { total } }\n  abnormalPatents { from byRegion { label itemCount withdrawalRate } }\n  xlsx { filename mediaType contentBase64 }\n  html { filename mediaType contentBase64 }\n} }"): typeof import('./graphql').MonthlyReportFullDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MonthlyReportDashboard($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) {\n  to cases { open overdue issued entrustedByAgencyKind { total cells { label value } } } feedback { count }\n} }"): typeof import('./graphql').MonthlyReportDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MonthlyReportDetermination($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { replayed } }"): typeof import('./graphql').MonthlyReportDeterminationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MonthlyReportClue($input: SubmitPublicReportInput!) { submitPublicReport(input: $input) { status } }"): typeof import('./graphql').MonthlyReportClueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FiledMonthlyReports($region: RegionCode, $month: String, $first: Int, $after: String) {\n  monthlyReports(regionCode: $region, month: $month, first: $first, after: $after) {\n    totalCount\n    edges { node { id regionCode regionName month filedAt filedBy { code }\n      figures { asOf cases { entrusted issued open overdue } feedback { count } credit { determinationsBySeverity { total } } }\n      xlsx { filename contentBase64 } html { filename contentBase64 } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): typeof import('./graphql').FiledMonthlyReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountAgencies($n: Int) { agencies(first: $n) { totalCount edges { node { code status clientSystems { name allowedScopes status } } } } }"): typeof import('./graphql').QueryCountAgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountDirectory($n: Int) { institutions(first: $n) { edges { node { name appraisers { name institution { name } } } } } }"): typeof import('./graphql').QueryCountDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountAbnormalItems($n: Int) { abnormalPatentItems(first: $n) { edges { node { applicationNumber status deadline batch { batchNo itemCount } history { action } creditRecord { id } } } } }"): typeof import('./graphql').QueryCountAbnormalItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountAbnormalBatches($n: Int) { abnormalPatentBatches(first: $n) { edges { node { batchNo itemCount withdrawalRate byRegion { key } byPatentAgency { key } } } } }"): typeof import('./graphql').QueryCountAbnormalBatchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountStatistics { statistics(regionCode: \"411500\") { regionCode\n      directory { institutionsByStatus { total } institutionsByField { total } appraisersByRegion { total } cultivation { total } }\n      cases { open overdue medianWorkingDays entrustedByMonth { total } overdueByRegion { total } }\n      feedback { count feedbackByMonth { total } complaintsByRegion { total } institutions(first: 100) { name complaints } }\n      credit { activeByBehaviour { total } repairs { total } institutionGrades { total } }\n      abnormalPatents { total { itemCount } byBatch { itemCount } byRegion { itemCount } }\n      collaboration { opened flows { count } averageResponseHours } } }"): typeof import('./graphql').QueryCountStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountListWithoutTotal { institutions(first: 5) { edges { node { name } } } }"): typeof import('./graphql').QueryCountListWithoutTotalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QueryCountListWithTotal { institutions(first: 5) { totalCount edges { node { name } } } }"): typeof import('./graphql').QueryCountListWithTotalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReplicaInstitutions { institutions(first: 100, filter: { regionCode: \"411500\" }) { edges { node { id name version } } } }"): typeof import('./graphql').ReplicaInstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReplicaInstitution($id: ID!) { institution(id: $id) { name version } }"): typeof import('./graphql').ReplicaInstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReplicaStatistics { statistics(regionCode: \"411500\") { directory { institutionsByStatus { total } } } }"): typeof import('./graphql').ReplicaStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReplicaRename($id: ID!, $v: Int!, $name: String!) { updateInstitution(id: $id, expectedVersion: $v, input: { name: $name }) { name version } }"): typeof import('./graphql').ReplicaRenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReplicaCreditExport { creditExport(first: 10) { watermark rows { id } } }"): typeof import('./graphql').ReplicaCreditExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegionRegisterAgency($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code regionCode } } }"): typeof import('./graphql').RegionRegisterAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegionRegisterClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }"): typeof import('./graphql').RegionRegisterClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionInstitution($c: CreditCode!) { institution(creditCode: $c) { name regionCode } }"): typeof import('./graphql').RegionInstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionInstitutions($r: RegionCode!) { institutions(filter: { regionCode: $r }, first: 100) { edges { node { creditCode } } } }"): typeof import('./graphql').RegionInstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionStatistics($region: String) { statistics(regionCode: $region) { directory { institutionsByRegion { cells { key label value } } } } }"): typeof import('./graphql').RegionStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionChildren($parent: RegionCode) { regions(parentCode: $parent) { code name kind parentCode } }"): typeof import('./graphql').RegionChildrenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionOne($code: RegionCode!) { region(code: $code) { code name validUntil replacedBy } }"): typeof import('./graphql').RegionOneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignInRegisterProvider($input: RegisterIdentityProviderInput!) {\n  registerIdentityProvider(input: $input) { identityProvider { id issuer clientId hasClientSecret personClaim groupsClaim groupScopes { group scopes } version } replayed }\n}"): typeof import('./graphql').SignInRegisterProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignInUpdateProvider($code: String!, $version: Int!, $input: IdentityProviderInput!) {\n  updateIdentityProvider(agencyCode: $code, expectedVersion: $version, input: $input) { version groupScopes { group scopes } hasClientSecret }\n}"): typeof import('./graphql').SignInUpdateProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignInProviderOf($code: String!) { agency(code: $code) { identityProvider { issuer version hasClientSecret } clientSystems { name allowedScopes } } }"): typeof import('./graphql').SignInProviderOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatisticsWorkbookFile($region: String) { statistics(regionCode: $region) {\n  regionCode from to\n  workbook { filename mediaType contentBase64 }\n  directory { institutionsByStatus { label total cells { key label value } } appraisersByField { label cells { label value suppressed } } }\n  cases { open overdue entrustedByMonth { label total } }\n} }"): typeof import('./graphql').StatisticsWorkbookFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatsHeader on Statistics { regionCode regionName from to threshold }"): typeof import('./graphql').StatsHeaderFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatsBreakdown on StatBreakdown { key total totalSuppressed cells { key value suppressed } }"): typeof import('./graphql').StatsBreakdownFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatsRate on StatisticsWithdrawalRate { key label itemCount withdrawnCount appealUpheldCount withdrawalRate meetsTarget suppressed }"): typeof import('./graphql').StatsRateFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsDirectory($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader directory {\n    institutionsByStatus { ...StatsBreakdown } institutionsByLevel { ...StatsBreakdown } institutionsByField { ...StatsBreakdown } institutionsByRegion { ...StatsBreakdown }\n    cultivation { ...StatsBreakdown } institutionCreditGrades { ...StatsBreakdown } appraisersByField { ...StatsBreakdown } appraisersByTitleLevel { ...StatsBreakdown }\n    appraisersByRegion { ...StatsBreakdown } appraiserCreditGrades { ...StatsBreakdown } } } }"): typeof import('./graphql').StatsDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsCases($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader cases {\n    entrustedByAgencyKind { ...StatsBreakdown } entrustedByMonth { ...StatsBreakdown } open overdue openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown }\n    issued medianWorkingDays onTimeRate courtAppearancesRequested courtAppearancesAttended courtAppearancesMissed opinionAdoptionRate } } }"): typeof import('./graphql').StatsCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsFeedback($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader feedback {\n    count averages { timeliness professionalism reportQuality conduct courtPerformance } adoptionRate feedbackByMonth { ...StatsBreakdown }\n    ratingsByMonth { month count averages { timeliness } } complaintsByMonth { ...StatsBreakdown } complaintsByRegion { ...StatsBreakdown } complaintsResolvedByRegion { ...StatsBreakdown }\n    institutions(first: 100) { institutionId name regionCode count averages { timeliness } complaints complaintsSuppressed } } } }"): typeof import('./graphql').StatsFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsCredit($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader credit {\n    activeByBehaviour { ...StatsBreakdown } activeBySeverity { ...StatsBreakdown } repairs { ...StatsBreakdown } repairRate institutionGrades { ...StatsBreakdown }\n    appraiserGrades { ...StatsBreakdown } } } }"): typeof import('./graphql').StatsCreditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsAbnormalPatents($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader abnormalPatents {\n    withdrawalTarget total { ...StatsRate } byBatch { ...StatsRate } byRegion { ...StatsRate } } } }"): typeof import('./graphql').StatsAbnormalPatentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsCollaboration($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { ...StatsHeader collaboration {\n    opened closed byKind { ...StatsBreakdown } flows { fromKind toKind count } responded averageResponseHours } } }"): typeof import('./graphql').StatsCollaborationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsAnonymous { statistics { regionCode } }"): typeof import('./graphql').StatsAnonymousDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsVisibleDirectory { statistics(regionCode: \"411500\") { directory { institutionsByStatus { total cells { key value } } cultivation { total } appraisersByRegion { total } } } }"): typeof import('./graphql').StatsVisibleDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsCourtInstitutions { institutions(first: 100, filter: { regionCode: \"411500\" }) { totalCount } }"): typeof import('./graphql').StatsCourtInstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsCourtAppraisers { appraisers(first: 100, filter: { regionCode: \"411500\" }) { edges { node { status } } } }"): typeof import('./graphql').StatsCourtAppraisersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsLabels { statistics(regionCode: \"411300\") { directory { institutionsByStatus { label cells { key label } } institutionsByRegion { cells { key label } } } } }"): typeof import('./graphql').StatsLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsRegionWithdrawalRates { abnormalPatentWithdrawalRates(groupBy: REGION) { key itemCount withdrawnCount withdrawalRate } }"): typeof import('./graphql').StatsRegionWithdrawalRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StatsEntrust($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }"): typeof import('./graphql').StatsEntrustDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsOpenOverdueByRegion { statistics(regionCode: \"411500\") { cases { openByRegion { ...StatsBreakdown } overdueByRegion { ...StatsBreakdown } } } }"): typeof import('./graphql').StatsOpenOverdueByRegionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsOpenByRegionLabels { statistics(regionCode: \"411500\") { cases { openByRegion { cells { key label } } } } }"): typeof import('./graphql').StatsOpenByRegionLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatsThresholdOne { statistics { threshold credit { activeBySeverity { total cells { value suppressed } } } } }"): typeof import('./graphql').StatsThresholdOneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DirectoryRegisterInstitution($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id version listingStatus creditCode } replayed } }"): typeof import('./graphql').DirectoryRegisterInstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DirectoryChangeListing($id: ID!, $v: Int!, $to: ListingStatus!, $reason: String!, $on: Date, $doc: String) {\n  changeListingStatus(id: $id, expectedVersion: $v, to: $to, reason: $reason, effectiveOn: $on, decisionDocNo: $doc) { id version listingStatus listedAt } }"): typeof import('./graphql').DirectoryChangeListingDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
