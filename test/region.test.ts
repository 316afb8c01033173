import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestHub, TestHub } from "./support/test-hub";
import { creditCodeFor, registerInstitution } from "./support/directory";
import { graphql } from "./gql";
import { allRegions, currentRegionCode, findRegion, readZones, regionValidOn } from "../src/domain/region-directory";
import { regionLevel } from "../src/auth/region";
import { ConfigError, loadConfig } from "../src/config/config";

/** Every region of China (GB/T 2260) and the functional zones under its cities. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

const ADMIN = { as: "CNIPA", scopes: ["registry:admin"] };
const REGISTER_AGENCY = graphql(`mutation RegionRegisterAgency($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { code regionCode } } }`);
const CLIENT = graphql(`mutation RegionRegisterClient($input: RegisterClientSystemInput!) { registerClientSystem(input: $input) { replayed } }`);
const INSTITUTION = graphql(`query RegionInstitution($c: CreditCode!) { institution(creditCode: $c) { name regionCode } }`);
const IN_REGION = graphql(`query RegionInstitutions($r: RegionCode!) { institutions(filter: { regionCode: $r }, first: 100) { edges { node { creditCode } } } }`);
const BY_REGION = graphql(`query RegionStatistics($region: String) { statistics(regionCode: $region) { directory { institutionsByRegion { cells { key label value } } } } }`);

describe("the region table", () => {
  const current = allRegions().filter((r) => r.kind === "DIVISION" && !r.validUntil);
  const children = (prefix: string) => current.filter((r) => r.code.startsWith(prefix) && regionLevel(r.code) === "COUNTY").map((r) => `${r.code} ${r.name}`);

  it("holds every province, prefecture-level city and county in use", () => {
    const count = (level: string) => current.filter((r) => regionLevel(r.code) === level).length;
    // 民政部's figures for 2023: 31 provinces (without Taiwan, Hong Kong, Macao), 333 prefecture-level divisions.
    expect([count("PROVINCE"), count("CITY")]).toEqual([31, 333]);
    expect(count("COUNTY")).toBeGreaterThan(2800);
  });

  it("agrees with the official list on a sample", () => {
    expect(children("4201")).toEqual([
      "420102 江岸区", "420103 江汉区", "420104 硚口区", "420105 汉阳区", "420106 武昌区", "420107 青山区", "420111 洪山区",
      "420112 东西湖区", "420113 汉南区", "420114 蔡甸区", "420115 江夏区", "420116 黄陂区", "420117 新洲区",
    ]);
    expect(children("4115")).toEqual(["411502 浉河区", "411503 平桥区", "411521 罗山县", "411522 光山县", "411523 新县", "411524 商城县", "411525 固始县", "411526 潢川县", "411527 淮滨县", "411528 息县"]);
    expect(findRegion("420100")?.name).toBe("武汉市");
    expect(findRegion("110101")?.name).toBe("东城区");
    expect(findRegion("441900")?.name).toBe("东莞市");
    expect(findRegion("659001")?.name).toBe("石河子市");
    expect(findRegion("419001")?.name).toBe("济源市");
    // A replaced code keeps its dates and leads to its successor.
    expect([regionValidOn("410728", "2018-01-01"), regionValidOn("410728", "2020-01-01"), currentRegionCode("410728")]).toEqual([true, false, "410783"]);
  });

  it("holds the functional zones under their cities, in the database too", async () => {
    expect(findRegion("411571")).toMatchObject({ name: "信阳高新技术产业开发区", kind: "ZONE", parentCode: "411500", validUntil: null });
    expect(findRegion("410771")).toMatchObject({ name: "新乡高新技术产业开发区", kind: "ZONE", parentCode: "410700" });
    const rows = await hub.db.dataSource.query(`SELECT kind, count(*)::int AS n FROM regions GROUP BY kind ORDER BY kind`);
    expect(rows).toEqual([
      { kind: "DIVISION", n: allRegions().filter((r) => r.kind === "DIVISION").length },
      { kind: "ZONE", n: allRegions().filter((r) => r.kind === "ZONE").length },
    ]);
    expect((await hub.db.dataSource.query(`SELECT parent_code FROM regions WHERE code = '411571'`))[0].parent_code).toBe("411500");
  });
});

describe("the region queries", () => {
  const REGIONS = graphql(`query RegionChildren($parent: RegionCode) { regions(parentCode: $parent) { code name kind parentCode } }`);
  const REGION = graphql(`query RegionOne($code: RegionCode!) { region(code: $code) { code name validUntil replacedBy } }`);

  it("answers anyone with the regions below a parent, zones included", async () => {
    expect((await hub.data(REGIONS, {})).regions).toHaveLength(31);
    const xinyang = (await hub.data(REGIONS, { variables: { parent: "411500" } })).regions;
    expect(xinyang.map((r) => r.code)).toEqual(["411502", "411503", "411521", "411522", "411523", "411524", "411525", "411526", "411527", "411528", "411571"]);
    expect(xinyang.at(-1)).toEqual({ code: "411571", name: "信阳高新技术产业开发区", kind: "ZONE", parentCode: "411500" });
    expect((await hub.data(REGIONS, { variables: { parent: "110000" } })).regions[0]).toMatchObject({ code: "110101", name: "东城区", kind: "DIVISION" });
    expect((await hub.data(REGIONS, { variables: { parent: "411525" } })).regions).toEqual([]);
    expect((await hub.data(REGION, { variables: { code: "410728" } })).region).toEqual({ code: "410728", name: "长垣县", validUntil: "2019-08-15", replacedBy: "410783" });
    // A code the table does not hold is refused as input, as everywhere.
    expect((await hub.graphql(REGION, { variables: { code: "419999" } })).body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect((await hub.graphql(REGIONS, { variables: { parent: "419999" } })).body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("scoping by region", () => {
  it("registers an institution in Wuhan for a Wuhan bureau, and keeps it from Henan's", async () => {
    await hub.data(REGISTER_AGENCY, { ...ADMIN, variables: { input: { idempotencyKey: "wh-amr", code: "WH-AMR", name: "武汉市市场监督管理局", kind: "MARKET_REGULATION", regionCode: "420100" } } });
    await hub.data(CLIENT, { as: "CNIPA", scopes: ["registry:admin", "clients:manage"], variables: { input: { idempotencyKey: "wh-amr-system", agencyCode: "WH-AMR", name: "default" } } });
    const code = creditCodeFor("420100", 70_001);
    const res = await registerInstitution(hub, "WH-AMR", { name: "武汉江城知识产权鉴定中心", creditCode: code, regionCode: "420100" });
    expect(res.body.errors).toBeUndefined();
    const district = creditCodeFor("420106", 70_002);
    expect((await registerInstitution(hub, "WH-AMR", { name: "武昌知识产权鉴定所", creditCode: district, regionCode: "420106" })).body.errors).toBeUndefined();

    expect((await hub.data(INSTITUTION, { as: "WH-AMR", variables: { c: code } })).institution).toEqual({ name: "武汉江城知识产权鉴定中心", regionCode: "420100" });
    expect((await hub.data(INSTITUTION, { as: "CNIPA", variables: { c: code } })).institution?.regionCode).toBe("420100");
    for (const outsider of ["XY-AMR", "HA-AMR"]) expect((await hub.data(INSTITUTION, { as: outsider, variables: { c: code } })).institution).toBeNull();
    // Wuhan's bureau registers nothing in Henan.
    expect((await registerInstitution(hub, "WH-AMR", { name: "越界机构", creditCode: creditCodeFor("411502", 70_003), regionCode: "411502" })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");

    const cells = (await hub.data(BY_REGION, { as: "WH-AMR", variables: { region: "420100" } })).statistics!.directory!.institutionsByRegion.cells;
    expect(cells.map((c) => c.key)).toEqual(["420100", "420102", "420103", "420104", "420105", "420106", "420107", "420111", "420112", "420113", "420114", "420115", "420116", "420117"]);
    expect(cells.find((c) => c.key === "420106")).toEqual({ key: "420106", label: "武昌区", value: 1 });
    expect(cells[0]).toEqual({ key: "420100", label: "武汉市本级", value: 1 });
  });

  it("registers an institution in a zone for the city's bureau, lists it with the city, and counts it under the zone", async () => {
    const code = creditCodeFor("411500", 70_010);
    const res = await registerInstitution(hub, "XY-AMR", { name: "信阳高新区知识产权鉴定中心", creditCode: code, regionCode: "411571" });
    expect(res.body.errors).toBeUndefined();
    const listed = (await hub.data(IN_REGION, { as: "XY-AMR", variables: { r: "411500" } })).institutions!.edges.map((e) => e.node.creditCode);
    expect(listed).toContain(code);
    expect((await hub.data(IN_REGION, { as: "XY-AMR", variables: { r: "411571" } })).institutions!.edges.map((e) => e.node.creditCode)).toEqual([code]);
    expect((await hub.data(INSTITUTION, { as: "XX-AMR", variables: { c: code } })).institution).toBeNull();
    expect((await registerInstitution(hub, "XX-AMR", { name: "越界", creditCode: creditCodeFor("410700", 70_011), regionCode: "411571" })).body.errors?.[0].extensions.code).toBe("FORBIDDEN");

    const cells = (await hub.data(BY_REGION, { as: "XY-AMR", variables: { region: "411500" } })).statistics!.directory!.institutionsByRegion.cells;
    expect(cells.find((c) => c.key === "411571")).toEqual({ key: "411571", label: "信阳高新技术产业开发区", value: 1 });
  });
});

describe("configured zones", () => {
  const divisions = new Map(allRegions().filter((r) => r.kind === "DIVISION").map((r) => [r.code, r]));
  const file = (rows: string[]) => {
    const name = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zones-")), "zones.csv");
    fs.writeFileSync(name, ["code,name,parent_code,valid_from,valid_until,replaced_by", ...rows].join("\n"));
    return name;
  };

  it("reads a deployment's zones under their parents", () => {
    expect(readZones(file(["411572,信阳市羊山新区,411500,2024-01-01,,", "411573,上天梯管理区,411500,2024-01-01,,"]), divisions)).toEqual([
      { code: "411572", name: "信阳市羊山新区", parentCode: "411500", kind: "ZONE", validFrom: "2024-01-01", validUntil: null, replacedBy: null },
      { code: "411573", name: "上天梯管理区", parentCode: "411500", kind: "ZONE", validFrom: "2024-01-01", validUntil: null, replacedBy: null },
    ]);
  });

  it.each([
    ["a code outside its parent", "410799,错位园区,411500,2024-01-01,,", "does not lie under 411500"],
    ["a parent that is a county", "411599,县下园区,411502,2024-01-01,,", "is not a city or province"],
    ["an unknown parent", "999971,无主园区,999900,2024-01-01,,", "is not a city or province"],
    ["a division's code", "411502,重复,411500,2024-01-01,,", "is an administrative division"],
    ["a malformed row", "41157,短码,411500,2024-01-01,,", "expected code \\(6 digits\\)"],
  ])("refuses %s, naming the line", (_what, row, message) => {
    expect(() => readZones(file([row]), divisions)).toThrow(new RegExp(`line 2: .*${message}`));
  });

  it("refuses a zones file that does not exist at start", () => {
    expect(() => loadConfig({ HUB_ENV: "test", HUB_ZONES_FILE: "/nonexistent/zones.csv" })).toThrow(ConfigError);
  });
});
