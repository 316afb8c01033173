/**
 * The six queries /dashboard sends (static/dashboard/dashboard.js), one per `statistics` section, for the
 * benchmarks and the soak. `$region` is optional: without it, the caller's own region.
 */
const B = "fragment B on StatBreakdown { key label total totalSuppressed cells { key label value suppressed } }";
const HEAD = "query($region: String) { statistics(regionCode: $region) { regionCode regionName from to threshold ";
exports.DASHBOARD_SECTIONS = [
  `${HEAD} directory { institutionsByStatus { ...B } institutionsByField { ...B } institutionsByRegion { ...B } } } } ${B}`,
  `${HEAD} cases { open overdue issued medianWorkingDays onTimeRate opinionAdoptionRate openByRegion { ...B } overdueByRegion { ...B } } } } ${B}`,
  `${HEAD} feedback { count adoptionRate feedbackByMonth { ...B } ratingsByMonth { month label count averages { timeliness professionalism reportQuality conduct courtPerformance } } } } } ${B}`,
  `${HEAD} credit { institutionGrades { ...B } appraiserGrades { ...B } } } } ${B}`,
  `${HEAD} abnormalPatents { withdrawalTarget total { itemCount withdrawalRate suppressed } byRegion { key label itemCount withdrawnCount withdrawalRate suppressed } } } }`,
  `${HEAD} collaboration { opened closed responded averageResponseHours flows { fromLabel toLabel count } } } }`,
];
