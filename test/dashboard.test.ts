/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page.evaluate callbacks run in the browser.
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * GET /dashboard in Debian's Chromium (installed by `.ci/run`; never a downloaded browser), driven by
 * playwright-core: XY-AMR pastes its token, the charts render, and the numbers in the tables equal those of
 * the `statistics` query. Screenshots at 1366×768 and 1920×1080 go to test-output/. The hub runs registered
 * operations only (HUB_TRUSTED_DOCUMENTS=required): the page sends its documents' ids, never their text.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = path.resolve(__dirname, "..", "test-output");
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM} for the dashboard test (.ci/run installs Debian's chromium)`);
const describeIfBrowser = available ? describe : describe.skip;

let hub: TestHub;
let browser: Browser;

describeIfBrowser("the dashboard in Chromium", () => {
  beforeAll(async () => {
    hub = await startTestHub({ env: { HUB_TRUSTED_DOCUMENTS: "required" } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Without the background-networking flags Chromium keeps calling Google's hosts on a closed network.
      // Playwright gives each launch a new empty profile directory of its own (it refuses --user-data-dir).
      args: ["--lang=zh-CN", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    fs.mkdirSync(OUTPUT, { recursive: true });
    // The README's example: a court entrusts 信阳中原知识产权鉴定中心, an institution of the city itself (411500),
    // so open cases count in the row 信阳市本级, which has no overdue case (entrusted today).
    const institutions = await hub.graphql(`{ institutions(first: 20, filter: { regionCode: "411500" }) { edges { node { id name } } } }`, { as: "XY-COURT" });
    const zhongyuan = institutions.body.data.institutions.edges.find((e: any) => e.node.name === "信阳中原知识产权鉴定中心").node.id;
    const entrusted = await hub.graphql(`mutation($input: EntrustAppraisalInput!) { entrustAppraisal(input: $input) { appraisalCase { id } } }`, {
      as: "XY-COURT",
      variables: { input: { idempotencyKey: "2025-88-1", agencyCaseNo: "(2025)豫15知民初88号", institutionId: zhongyuan, technicalField: "PATENT", matter: "专利侵权比对" } },
    });
    expect(entrusted.body.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  /** The page signed in with `token` (put in localStorage before the page runs), once its first load is done. */
  async function openAs(token: string, expected: "true" | "error" | null = "true") {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.addInitScript((t) => window.localStorage.setItem("hub.token", t), token);
    await page.goto(`${hub.url}/dashboard`);
    await page.waitForFunction(() => document.getElementById("who")!.textContent !== "", undefined, { timeout: 30_000 });
    if (expected) await page.waitForSelector(`body[data-loaded=${expected}]`, { timeout: 30_000 });
    return { page, consoleErrors };
  }

  /** What is drawn: cards, live Chart.js charts, table rows and key figures. */
  const drawnState = (page: Page) =>
    page.evaluate(() => ({
      cards: document.querySelectorAll(".card").length,
      charts: [...document.querySelectorAll("canvas")].filter((c) => (window as any).Chart.getChart(c)).length,
      rows: document.querySelectorAll("table tr[data-key]").length,
      kpis: document.querySelectorAll("#kpis .kpi").length,
    }));
  const NOTHING = { cards: 0, charts: 0, rows: 0, kpis: 0 };

  it("serves the page and its scripts from the hub itself under a CSP without inline scripts", async () => {
    const res = await fetch(`${hub.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const asset of html.match(/\/dashboard\/assets\/[\w.-]+/g)!) expect((await fetch(`${hub.url}${asset}`)).status).toBe(200);
  });

  it.each([
    [1366, 768, "dashboard-1366x768.png"],
    [1920, 1080, "dashboard-1920x1080.png"],
  ])("logs in as XY-AMR at %ix%i, draws every chart and shows the statistics query's numbers", async (width, height, screenshot) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(hub.url) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) external.push(request.url());
    });
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${hub.url}/dashboard`);
    await page.fill("#token", await hub.token("XY-AMR"));
    await page.click("#token-bar button[type=submit]");
    await page.waitForSelector("body[data-loaded]", { timeout: 30_000 });
    expect({ loaded: await page.getAttribute("body", "data-loaded"), status: await page.textContent("#status") }).toEqual({ loaded: "true", status: expect.not.stringContaining("无法加载") });
    expect(await page.textContent("#who")).toContain("XY-AMR");

    // Every chart exists in Chart.js with data, and its canvas has a size.
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>(".card canvas")].map((canvas) => {
        const chart = (window as any).Chart.getChart(canvas);
        return { id: canvas.closest(".card")!.id, width: canvas.width, points: chart ? chart.data.datasets.reduce((n: number, d: any) => n + d.data.length, 0) : -1 };
      }),
    );
    expect(drawn.map((c) => c.id).sort()).toEqual(
      ["card-collaborationFlows", "card-creditGrades", "card-feedbackTrend", "card-institutionsByField", "card-institutionsByStatus", "card-overdueCases", "card-ratings", "card-withdrawal"].sort(),
    );
    for (const chart of drawn) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.points).toBeGreaterThan(0);
    }

    // The tables' numbers are the statistics query's numbers for the same region and period.
    const period = await page.evaluate(() => ({ from: (document.getElementById("from") as HTMLInputElement).value, to: (document.getElementById("to") as HTMLInputElement).value }));
    const lastDay = new Date(Date.UTC(Number(period.to.slice(0, 4)), Number(period.to.slice(5, 7)), 0)).getUTCDate();
    const res = await hub.graphql(
      `query($from: Date, $to: Date) { statistics(regionCode: "411500", from: $from, to: $to) {
        directory { institutionsByStatus { cells { key value } } institutionsByField { cells { key value } } }
        feedback { feedbackByMonth { cells { key value } } }
        abnormalPatents { byRegion { key itemCount withdrawnCount } }
        collaboration { flows { fromLabel toLabel count } }
        cases { openByRegion { cells { key value } } overdueByRegion { cells { key value } } } } }`,
      { as: "XY-AMR", variables: { from: `${period.from}-01`, to: `${period.to}-${lastDay}` } },
    );
    const s = res.body.data.statistics;
    const table = (chart: string): Promise<Record<string, string[]>> =>
      page.evaluate(
        (name) =>
          Object.fromEntries(
            [...document.querySelectorAll(`table[data-chart="${name}"] tr[data-key]`)].map((tr) => [
              (tr as HTMLElement).dataset.key,
              [...tr.querySelectorAll("td[data-column]")].map((td) => (td as HTMLElement).dataset.value ?? ""),
            ]),
          ),
        chart,
      );
    const single = (cells: Array<{ key: string; value: number | null }>) => Object.fromEntries(cells.map((c) => [c.key, [c.value === null ? "" : String(c.value)]]));
    expect(await table("institutionsByStatus")).toEqual(single(s.directory.institutionsByStatus.cells));
    expect(await table("institutionsByField")).toEqual(single(s.directory.institutionsByField.cells));
    expect(await table("feedbackTrend")).toEqual(single(s.feedback.feedbackByMonth.cells));
    const withdrawal = await table("withdrawal");
    for (const r of s.abnormalPatents.byRegion.filter((x: any) => x.itemCount > 0)) expect(withdrawal[r.key].slice(0, 2)).toEqual([String(r.itemCount), String(r.withdrawnCount)]);
    expect(Object.keys(withdrawal).length).toBe(s.abnormalPatents.byRegion.filter((x: any) => x.itemCount > 0).length);
    const flows = await table("collaborationFlows");
    expect(Object.values(flows).map((v) => v[0])).toEqual(s.collaboration.flows.map((f: any) => String(f.count)));
    const cases = await table("overdueCases");
    const caseCell = (list: string, key: string) => String(s.cases[list].cells.find((c: any) => c.key === key).value);
    for (const [key, [open, overdue]] of Object.entries(cases)) expect([key, open, overdue]).toEqual([key, caseCell("openByRegion", key), caseCell("overdueByRegion", key)]);
    expect(Object.keys(cases).sort()).toEqual(s.cases.openByRegion.cells.filter((c: any) => c.value !== 0).map((c: any) => c.key).sort());
    expect(cases["411500"]).toBeDefined();
    expect(Number((await page.textContent("#card-institutionsByStatus td[data-column]"))!.trim())).not.toBeNaN();

    // Nothing left the hub, nothing failed in the page, and the page fits the width it is shown at.
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(OUTPUT, screenshot), fullPage: true });
    await page.close();
  }, 60_000);

  it("downloads a chart's numbers as CSV", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.addInitScript((token) => window.localStorage.setItem("hub.token", token), await hub.token("XY-AMR"));
    await page.goto(`${hub.url}/dashboard`);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#card-institutionsByStatus h2 button")]);
    expect(download.suggestedFilename()).toBe("institutionsByStatus.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("\ufeffkey,项目,机构数");
    expect(csv).toContain("LISTED,已入库,");
    await page.close();
  }, 60_000);

  it("downloads every table as one .xlsx with the numbers the page shows", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.addInitScript((token) => window.localStorage.setItem("hub.token", token), await hub.token("XY-AMR"));
    await page.goto(`${hub.url}/dashboard`);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#workbook")]);
    expect(download.suggestedFilename()).toMatch(/^知识产权鉴定统计_411500_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    // The page's table of institutions by status, row by row.
    const shown = await page.$$eval('table[data-chart="institutionsByStatus"] tr[data-key]', (rows) => rows.map((r) => [r.children[0].textContent!.trim(), (r.children[1] as HTMLElement).dataset.value!]));
    expect(shown.length).toBeGreaterThan(3);
    const sheet = workbook.getWorksheet("机构入库状态")!;
    for (const [label, value] of shown) {
      const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === label)!;
      expect([label, row.getCell(3).value]).toEqual([label, Number(value)]);
    }
    await page.close();
  }, 60_000);

  it("shows a clear message for a region outside the caller's jurisdiction", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript((token) => window.localStorage.setItem("hub.token", token), await hub.token("XY-AMR"));
    await page.goto(`${hub.url}/dashboard`);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 });
    await page.fill("#region", "410700");
    await page.evaluate(() => delete document.body.dataset.loaded);
    await page.click("#filters button[type=submit]");
    await page.waitForSelector("body[data-loaded=error]", { timeout: 30_000 });
    expect(await page.textContent("#status")).toBe("无法加载：该地区不在您的管辖范围内（FORBIDDEN）");
    // The previous region's charts do not stay under the error.
    expect(await drawnState(page)).toEqual(NOTHING);
    await page.close();
  }, 60_000);

  it.each(["XY-AMR", "XY-PSB"])("shows %s the open cases of a city-level institution in the row 信阳市本级", async (agency) => {
    const { page, consoleErrors } = await openAs(await hub.token(agency));
    expect(await page.textContent("#status")).not.toContain("无法加载");
    const row = await page.evaluate(() => {
      const tr = document.querySelector('table[data-chart="overdueCases"] tr[data-key="411500"]');
      return tr && [...tr.querySelectorAll("td")].map((td) => td.textContent);
    });
    expect(row).not.toBeNull();
    expect(row![0]).toBe("信阳市本级");
    expect(Number(row![1])).toBeGreaterThanOrEqual(1);
    expect(row![2]).toBe("0");
    const chart = await page.evaluate(() => {
      const c = (window as any).Chart.getChart(document.querySelector("#card-overdueCases canvas"));
      return { labels: c.data.labels, datasets: c.data.datasets.map((d: any) => d.data.length) };
    });
    expect(chart.labels).toContain("信阳市本级");
    expect(chart.datasets).toEqual([chart.labels.length, chart.labels.length]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it("shows an alert the moment it is raised, through the hubEvents subscription, without reloading", async () => {
    const { page, consoleErrors } = await openAs(await hub.token("XY-AMR"));
    await page.waitForSelector("body[data-live=connected]", { timeout: 15_000 });
    expect(await page.isVisible("#live")).toBe(true);
    const [mark] = await hub.db.dataSource.query(`SELECT id FROM custody_trademarks WHERE mark_name = '信阳毛尖'`);
    // The mark's custodian, the association, raises an alert; the bureau covering 信阳 sees it appear.
    const raised = await hub.graphql(`mutation($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed } }`, {
      as: "XY-IPAA",
      variables: { input: { idempotencyKey: "dashboard-live-alert", trademarkId: mark.id, kind: "SIMILAR_FILING", detail: "监测发现近似商标申请“信阳毛尖春”。" } },
    });
    expect(raised.body.errors).toBeUndefined();
    const item = await page.waitForSelector('#live-list li[data-type="custody_trademark.alert_raised"]', { timeout: 10_000 });
    expect(await item.textContent()).toContain("重点商标预警：信阳毛尖");
    // Nothing reloaded: the charts drawn before are still there.
    expect((await drawnState(page)).charts).toBe(8);
    await page.screenshot({ path: path.join(OUTPUT, "dashboard-live.png") });
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it("clears the charts, tables and key figures on sign-out", async () => {
    const { page } = await openAs(await hub.token("XY-AMR"));
    expect((await drawnState(page)).charts).toBe(8);
    await page.click("#sign-out");
    await page.waitForFunction(() => !document.getElementById("who")!.textContent!.includes("XY-AMR"), undefined, { timeout: 30_000 });
    expect(await drawnState(page)).toEqual(NOTHING);
    expect(await page.evaluate(() => window.localStorage.getItem("hub.token"))).toBeNull();
    expect(await page.textContent("#who")).toBe("未登录：请用单位统一身份认证登录，或粘贴令牌");
    expect(await page.textContent("#status")).toBe("");
    expect(await page.getAttribute("body", "data-auth")).toBe("anonymous");
    await page.close();
  }, 60_000);

  /** A refused token: the hub's reason in Chinese, nothing drawn, the page signed out. Closes the page. */
  async function expectRefusedWith(page: Page, reason: string): Promise<void> {
    expect(await page.textContent("#who")).toBe(reason);
    expect(await drawnState(page)).toEqual(NOTHING);
    expect(await page.getAttribute("body", "data-auth")).toBe("refused");
    await page.close();
  }

  it.each([
    ["an expired token", async () => hub.token("XY-AMR", { now: new Date(Date.now() - 3_600_000) }), "登录已过期，请重新获取令牌"],
    ["a malformed token", async () => "not-a-token", "令牌格式不正确，请粘贴完整的令牌"],
  ])("gives the hub's reason in Chinese for %s", async (_what, make, reason) => {
    const { page } = await openAs(await make(), null);
    await expectRefusedWith(page, reason);
  }, 60_000);

  it("clears the charts when a new token is refused", async () => {
    const { page } = await openAs(await hub.token("XY-AMR"));
    expect((await drawnState(page)).charts).toBe(8);
    await page.fill("#token", await hub.token("XY-AMR", { now: new Date(Date.now() - 3_600_000) }));
    await page.click("#token-bar button[type=submit]");
    await page.waitForFunction(() => !document.getElementById("who")!.textContent!.includes("XY-AMR"), undefined, { timeout: 30_000 });
    await expectRefusedWith(page, "登录已过期，请重新获取令牌");
  }, 60_000);

  it("is a Chinese page whose month pickers read in Chinese whatever the browser's language", async () => {
    // Playwright's Chromium runs in en-US here: a type=month input would read "June 2025".
    const { page } = await openAs(await hub.token("XY-AMR"));
    const form = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      navigator: navigator.language,
      months: ["from", "to"].map((id) => {
        const select = document.getElementById(id) as HTMLSelectElement;
        return {
          tag: select.tagName,
          label: select.labels[0].firstChild!.textContent!.trim(),
          options: [...select.options].map((o) => o.textContent),
          groups: [...select.querySelectorAll("optgroup")].map((g) => g.label),
          shown: select.selectedOptions[0].textContent,
          value: select.value,
        };
      }),
    }));
    expect(form.lang).toBe("zh-CN");
    expect(form.months.map((m) => [m.tag, m.label])).toEqual([
      ["SELECT", "起始月份"],
      ["SELECT", "截止月份"],
    ]);
    const now = new Date();
    const thisMonth = `${now.getFullYear()}年${now.getMonth() + 1}月`;
    for (const m of form.months) {
      expect(m.options).toHaveLength(120);
      expect(m.options[0]).toBe(thisMonth);
      for (const option of m.options) expect(option).toMatch(/^\d{4}年([1-9]|1[0-2])月$/);
      for (const group of m.groups) expect(group).toMatch(/^\d{4}年$/);
      expect(m.value).toMatch(/^\d{4}-\d{2}$/);
    }
    // The default period: the twelve months up to this one.
    expect(form.months[1].shown).toBe(thisMonth);
    expect(form.months[0].options.indexOf(form.months[0].shown)).toBe(11);
    // Picking a period asks the hub for it.
    await page.evaluate(() => delete document.body.dataset.loaded);
    await page.selectOption("#from", "2025-01");
    await page.selectOption("#to", "2025-06");
    await page.click("#filters button[type=submit]");
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 });
    expect(await page.textContent("#status")).toContain("2025-01-01 至 2025-06-30");
    expect(await page.evaluate(() => [...document.querySelectorAll('table[data-chart="feedbackTrend"] tr[data-key]')].map((tr) => tr.firstChild!.textContent))).toEqual(
      ["2025年1月", "2025年2月", "2025年3月", "2025年4月", "2025年5月", "2025年6月"],
    );
    await page.close();
  }, 60_000);
});
