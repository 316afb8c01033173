/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page.evaluate callbacks run in the browser.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startTestHub, TestHub } from "./support/test-hub";

/**
 * GET /dashboard in Debian's Chromium (installed by `.ci/run`; never a downloaded browser), driven by
 * playwright-core: XY-AMR pastes its token, the charts render, and the numbers in the tables equal those of
 * the `statistics` query. Screenshots at 1366×768 and 1920×1080 go to test-output/.
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
    hub = await startTestHub();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Without the background-networking flags Chromium keeps calling Google's hosts on a closed network.
      // Playwright gives each launch a new empty profile directory of its own (it refuses --user-data-dir).
      args: ["--lang=zh-CN", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it("serves the page and its scripts from the hub itself under a CSP without inline scripts", async () => {
    const res = await fetch(`${hub.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const asset of html.match(/\/dashboard\/assets\/[\w.]+/g)!) expect((await fetch(`${hub.url}${asset}`)).status).toBe(200);
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
    expect(await page.getAttribute("body", "data-loaded")).toBe("true");
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
        cases { overdueByRegion { cells { key value } } } } }`,
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
    for (const [key, [, overdue]] of Object.entries(cases)) expect(overdue).toBe(String(s.cases.overdueByRegion.cells.find((c: any) => c.key === key).value));
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

  it("shows a clear message for a region outside the caller's jurisdiction", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript((token) => window.localStorage.setItem("hub.token", token), await hub.token("XY-AMR"));
    await page.goto(`${hub.url}/dashboard`);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 });
    await page.fill("#region", "410700");
    await page.evaluate(() => delete document.body.dataset.loaded);
    await page.click("#filters button[type=submit]");
    await page.waitForSelector("body[data-loaded=error]", { timeout: 30_000 });
    expect(await page.textContent("#status")).toContain("FORBIDDEN");
    await page.close();
  }, 60_000);
});
