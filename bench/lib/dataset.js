/**
 * The benchmark's data set, generated in SQL on a hub database that `hub migrate` and the demo seed have
 * prepared: institutions spread over Henan's counties (more in the city seats), about ten appraisers each
 * (3 to 17) with three qualifications, and feedback over two years from the demo's courts, procuratorates
 * and police, skewed toward busy institutions. Credit codes are valid (the API checks the check character),
 * made here in JavaScript and passed in as one array.
 */
const { creditCodeCheckCharacter } = require("../../dist/domain/identifiers");

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid unified social credit code for `region`, distinct for each `n`. */
function creditCode(region, n) {
  let body = "";
  let x = n + 7919;
  for (let i = 0; i < 9; i++) {
    body += ALPHABET[x % 31];
    x = Math.floor(x / 31);
  }
  const first17 = `91${region}${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const SIZES = {
  full: { institutions: 2_000, feedback: 1_000_000 },
  quick: { institutions: 200, feedback: 50_000 },
};

/** Fills the database; answers the credit codes of the listed institutions (the workloads' random variables). */
async function generate(client, size) {
  const { institutions, feedback } = SIZES[size];
  const counties = (await client.query(`SELECT code FROM regions WHERE code LIKE '41%' AND code NOT LIKE '%00' AND valid_until IS NULL ORDER BY code`)).rows.map((r) => r.code);
  const cities = (await client.query(`SELECT code FROM regions WHERE code LIKE '41__00' AND code <> '410000' AND valid_until IS NULL ORDER BY code`)).rows.map((r) => r.code);
  // Two in five in a city seat (where most institutions are), the rest spread over the counties.
  const regions = Array.from({ length: institutions }, (_, n) => (n % 5 < 2 ? cities[n % cities.length] : counties[(n * 7) % counties.length]));
  const codes = regions.map((region, n) => creditCode(region, n));
  await client.query(
    `INSERT INTO institutions (name, credit_code, region_code, technical_fields, appraisal_matters, listing_status, listing_level, listed_since, address, grade, credit_grade)
     SELECT '基准知识产权鉴定机构' || lpad(n::text, 5, '0'), code, region,
            CASE n % 4 WHEN 0 THEN ARRAY['PATENT','TRADEMARK'] WHEN 1 THEN ARRAY['PATENT'] WHEN 2 THEN ARRAY['TRADEMARK','COPYRIGHT'] ELSE ARRAY['PATENT','TRADE_SECRET'] END,
            ARRAY['专利侵权比对', '商标近似判定'], CASE WHEN n % 10 = 0 THEN 'SUSPENDED' ELSE 'LISTED' END,
            (ARRAY['MUNICIPAL','PROVINCIAL','NATIONAL'])[1 + (n % 7)::int / 3], DATE '2022-01-01' + (n % 900)::int, '河南省某市某路' || n || '号',
            (ARRAY['A','AA','AAA','AAAA','AAAAA'])[1 + n % 5], (ARRAY['A','A','A','B','C'])[1 + n % 5]
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(code, region, n)`,
    [codes, regions],
  );
  await client.query(
    `INSERT INTO appraisers (name, id_number_sealed, id_number_hash, id_number_masked, institution_id, region_code, technical_fields, titles, qualifications, trainings, status)
     SELECT '基准鉴定人' || i.ord || '-' || k, 'sealed', md5(i.id::text || k) || md5(k::text || i.id::text), '411502********0000', i.id, i.region_code,
            '{PATENT}', '[{"name": "高级工程师", "level": "SENIOR"}]',
            jsonb_build_array(
              jsonb_build_object('kind', 'PATENT_ATTORNEY', 'certificateNo', 'ZL' || i.ord || k, 'issuedBy', '国家知识产权局', 'validFrom', '2020-01-01', 'validUntil', NULL),
              jsonb_build_object('kind', 'JUDICIAL_APPRAISER', 'certificateNo', 'SF' || i.ord || k, 'issuedBy', '河南省司法厅', 'validFrom', '2021-06-01', 'validUntil', '2031-05-31'),
              jsonb_build_object('kind', 'LAWYER', 'certificateNo', 'LS' || i.ord || k, 'issuedBy', '河南省司法厅', 'validFrom', '2019-03-01', 'validUntil', NULL)),
            '[]', CASE WHEN k % 23 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END
       FROM (SELECT id, region_code, row_number() OVER (ORDER BY credit_code) AS ord FROM institutions WHERE name LIKE '基准%') i
       CROSS JOIN LATERAL generate_series(1, 3 + (i.ord::int * 13) % 15) k`,
  );
  const posters = (await client.query(`SELECT id, code, region_code FROM agencies WHERE kind IN ('COURT','PROCURATORATE','POLICE') ORDER BY code`)).rows;
  // Busy institutions get more: the appraiser is picked by a square law over the appraisers in order.
  await client.query(
    `WITH a AS (SELECT id, institution_id, region_code, row_number() OVER (ORDER BY institution_id, id) - 1 AS k FROM appraisers WHERE name LIKE '基准%'),
          n AS (SELECT count(*) AS total FROM a),
          p AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS p(id, code, region, k))
     INSERT INTO case_feedback (kind, posting_agency_id, posting_agency_code, posting_region_code, agency_case_no, appraiser_id, institution_id, institution_region_code,
            rating_timeliness, rating_professionalism, rating_report_quality, rating_conduct, opinion_adopted, posted_at, complaint_status)
     SELECT CASE WHEN g % 29 = 0 THEN 'COMPLAINT' ELSE 'EVALUATION' END, p.id, p.code, p.region, '(2025)豫知民初' || g || '号', a.id, a.institution_id, a.region_code,
            1 + g % 5, 1 + (g / 7) % 5, 1 + (g / 3) % 5, 1 + (g / 11) % 5, g % 4 <> 0, now() - ((g::bigint * 7919) % (730 * 24)) * interval '1 hour',
            CASE WHEN g % 29 = 0 THEN 'SUBMITTED' END
       FROM generate_series(1, $4::int) g CROSS JOIN n
       JOIN a ON a.k = floor(n.total * power(((g * 2654435761::bigint) % 1000003) / 1000003.0, 2))::bigint
       JOIN p ON p.k = 1 + g % $5`,
    [posters.map((p) => p.id), posters.map((p) => p.code), posters.map((p) => p.region_code), feedback, posters.length],
  );
  return codes.filter((_, n) => (n + 1) % 10 !== 0);
}

module.exports = { generate, SIZES };
