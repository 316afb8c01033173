/**
 * The four workloads of the side-by-side benchmark (issue 20), each a GraphQL request with random variables
 * sent with a real token of the agency that makes it in practice:
 *  (a) a court's system looks up an institution's credentials by credit code, with its appraisers and their
 *      qualifications and its credit records;
 *  (b) a court's directory page: 100 listed institutions, each with its appraisers, with feedback summaries,
 *      from a random page of the list;
 *  (c) a police system posts feedback on an appraiser after a case (a fresh idempotency key each time);
 *  (d) the province bureau's dashboard section over the whole feedback table: feedback statistics for Henan.
 * `floor` says whether the hand-written floor answers it (the floor implements (a) and (b), byte for byte).
 */
const CREDENTIAL = `query Credential($code: CreditCode!) { institution(creditCode: $code) { id name creditCode regionCode listingStatus listingLevel listedAt technicalFields appraisalMatters creditGrade
  appraisers { id name status technicalFields qualifications { kind certificateNo issuedBy validFrom validUntil } }
  creditRecords { id behaviour severity status decidedOn publishUntil } } }`;

const DIRECTORY = `query Directory($after: String) { institutions(first: 100, after: $after, filter: { listingStatus: LISTED }) {
  edges { cursor node { id name creditCode regionCode listingStatus technicalFields feedbackSummary { count adoptionRate averages { professionalism reportQuality } }
    appraisers { id name status feedbackSummary { count adoptionRate } } } }
  pageInfo { hasNextPage endCursor } } }`;

const POST_FEEDBACK = `mutation Post($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id agencyCaseNo postedAt } } }`;

const FEEDBACK_STATISTICS = `query Stats($region: String) { statistics(regionCode: $region) { regionCode from to feedback { count adoptionRate
  feedbackByMonth { key label total cells { key label value } } ratingsByMonth { month count averages { timeliness professionalism reportQuality conduct } } } } }`;

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/**
 * The workloads over a prepared data set: `facts` holds the credit codes, the directory's page cursors
 * (the `after` of each page, null for the first) and the appraisers police may rate.
 */
function workloads(facts, runId) {
  let sequence = 0;
  return [
    { key: "a", title: "(a) credential lookup", agency: "XY-COURT", floor: true, body: () => ({ query: CREDENTIAL, variables: { code: pick(facts.creditCodes) } }) },
    { key: "b", title: "(b) directory page, 100 × appraisers", agency: "XY-COURT", floor: true, body: () => ({ query: DIRECTORY, variables: { after: pick(facts.pageCursors) } }) },
    {
      key: "c",
      title: "(c) postCaseFeedback",
      agency: "XY-PSB",
      floor: false,
      body: () => {
        const n = ++sequence;
        return {
          query: POST_FEEDBACK,
          variables: {
            input: {
              idempotencyKey: `bench-${runId}-${process.pid}-${n}`,
              agencyCaseNo: `信公经立字〔2026〕${runId % 100000}${n}号`,
              appraiserId: pick(facts.appraiserIds),
              kind: "EVALUATION",
              ratings: { timeliness: 1 + (n % 5), professionalism: 1 + ((n * 3) % 5), reportQuality: 1 + ((n * 7) % 5) },
              opinionAdopted: n % 4 !== 0,
            },
          },
        };
      },
    },
    { key: "d", title: "(d) province feedback statistics", agency: "HA-AMR", floor: false, body: () => ({ query: FEEDBACK_STATISTICS, variables: { region: "410000" } }) },
  ];
}

module.exports = { workloads, CREDENTIAL, DIRECTORY };
