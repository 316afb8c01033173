/* The bureau dashboard: asks `statistics` section by section with the token kept in localStorage under
 * `hub.token` (the key GraphiQL uses too) and draws each section with Chart.js. Every chart has its
 * numbers as a table beside it and a CSV download. No internet resource, no inline script. */
(function () {
  "use strict";
  var KEY = "hub.token";
  var COLORS = ["#2f6fb0", "#e07b39", "#3a9d5d", "#c0392b", "#8e6bbf", "#d4a72c", "#4aa3a2", "#7f8c8d"];
  var charts = {};

  function token() { return window.localStorage.getItem(KEY) || ""; }
  function $(id) { return document.getElementById(id); }

  function post(query, variables) {
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (token()) headers.Authorization = "Bearer " + token();
    return fetch("/graphql", { method: "POST", headers: headers, body: JSON.stringify({ query: query, variables: variables }) }).then(function (r) { return r.json(); });
  }

  var B = "fragment B on StatBreakdown { key label total totalSuppressed cells { key label value suppressed } }";
  var HEAD = "query($region: String, $from: Date, $to: Date) { statistics(regionCode: $region, from: $from, to: $to) { regionCode regionName from to threshold ";
  // One query per section: each stays well under the hub's query cost limit, and they run in parallel.
  var SECTIONS = {
    directory: HEAD + "directory { institutionsByStatus { ...B } institutionsByField { ...B } institutionsByRegion { ...B } } } } " + B,
    cases: HEAD + "cases { open overdue issued medianWorkingDays onTimeRate opinionAdoptionRate openByRegion { ...B } overdueByRegion { ...B } } } } " + B,
    feedback: HEAD + "feedback { count adoptionRate feedbackByMonth { ...B } ratingsByMonth { month label count averages { timeliness professionalism reportQuality conduct courtPerformance } } } } }" + " " + B,
    credit: HEAD + "credit { institutionGrades { ...B } appraiserGrades { ...B } } } } " + B,
    abnormalPatents: HEAD + "abnormalPatents { withdrawalTarget total { itemCount withdrawalRate suppressed } byRegion { key label itemCount withdrawnCount withdrawalRate suppressed } } } }",
    collaboration: HEAD + "collaboration { opened closed responded averageResponseHours flows { fromLabel toLabel count } } } }",
  };

  function showWho() {
    return post("{ me { anonymous agency { code name regionCode } clientSystem } }").then(function (result) {
      var me = result && result.data && result.data.me;
      if (me && !me.anonymous && me.agency) {
        $("who").textContent = me.agency.name + "（" + me.agency.code + "）";
        if (!$("region").value) $("region").value = me.agency.regionCode;
        return true;
      }
      $("who").textContent = "未登录：请粘贴令牌";
      return false;
    }).catch(function () { $("who").textContent = ""; return false; });
  }

  function monthStart(value) { return value ? value + "-01" : null; }
  function monthEnd(value) {
    if (!value) return null;
    var parts = value.split("-").map(Number);
    var last = new Date(Date.UTC(parts[0], parts[1], 0)).getUTCDate();
    return value + "-" + String(last).padStart(2, "0");
  }

  function setDefaultPeriod() {
    var now = new Date();
    var to = new Date(now.getFullYear(), now.getMonth(), 1);
    var from = new Date(now.getFullYear(), now.getMonth() - 11, 1);
    var fmt = function (d) { return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0"); };
    if (!$("from").value) $("from").value = fmt(from);
    if (!$("to").value) $("to").value = fmt(to);
  }

  function percent(x) { return x === null || x === undefined ? "—" : (x * 100).toFixed(1) + "%"; }
  function number(x) { return x === null || x === undefined ? "—" : String(Math.round(x * 100) / 100); }

  /* ---- cards: a chart, its numbers, a CSV download ---- */

  function card(id, title) {
    var el = document.createElement("article");
    el.className = "card";
    el.id = "card-" + id;
    el.innerHTML = '<h2><span></span><button type="button">下载 CSV</button></h2><div class="body"><div class="plot"><canvas></canvas></div><div class="numbers"><table data-chart="' + id + '"></table></div></div>';
    el.querySelector("h2 span").textContent = title;
    $("charts").appendChild(el);
    return el;
  }

  function cellText(value, suppressed, format) {
    if (suppressed) return "—";
    return format ? format(value) : value === null || value === undefined ? "—" : String(value);
  }

  /** table: { columns: [..], rows: [{ key, label, values: [{ value, suppressed }] }] } */
  function renderTable(el, table, format) {
    var t = el.querySelector("table");
    t.innerHTML = "";
    var head = document.createElement("tr");
    ["项目"].concat(table.columns).forEach(function (c) { var th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
    t.appendChild(head);
    table.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.dataset.key = row.key;
      var th = document.createElement("td");
      th.textContent = row.label;
      tr.appendChild(th);
      row.values.forEach(function (v, i) {
        var td = document.createElement("td");
        td.dataset.column = table.columns[i];
        td.dataset.value = v.suppressed || v.value === null || v.value === undefined ? "" : String(v.value);
        if (v.suppressed) { td.className = "suppressed"; td.title = "数字较小，已隐藏"; }
        td.textContent = cellText(v.value, v.suppressed, (table.formats && table.formats[i]) || format);
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    el.querySelector("h2 button").onclick = function () { download(el.id.replace("card-", ""), table); };
  }

  function csvField(text) {
    var s = String(text);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function download(name, table) {
    var lines = [["key", "项目"].concat(table.columns).map(csvField).join(",")];
    table.rows.forEach(function (row) {
      lines.push([row.key, row.label].concat(row.values.map(function (v) { return v.suppressed ? "suppressed" : v.value === null || v.value === undefined ? "" : v.value; })).map(csvField).join(","));
    });
    // A BOM so that spreadsheet programs read the Chinese labels as UTF-8.
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name + ".csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function draw(id, config) {
    var el = $("card-" + id);
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: config.data.datasets.length > 1 } } }, config.options || {});
    charts[id] = new window.Chart(el.querySelector("canvas"), config);
  }

  function breakdownTable(b, column) {
    return { columns: [column], rows: b.cells.map(function (c) { return { key: c.key, label: c.label, values: [{ value: c.value, suppressed: c.suppressed }] }; }) };
  }

  function barOf(id, title, b, column, options) {
    var el = $("card-" + id) || card(id, title);
    var table = breakdownTable(b, column);
    renderTable(el, table);
    draw(id, {
      type: "bar",
      data: { labels: b.cells.map(function (c) { return c.label; }), datasets: [{ label: column, data: b.cells.map(function (c) { return c.value; }), backgroundColor: COLORS[0] }] },
      options: options,
    });
  }

  /* ---- sections ---- */

  function kpis(s) {
    var items = [
      ["在办案件", s.cases && s.cases.open],
      ["超期案件", s.cases && s.cases.overdue],
      ["鉴定用时中位数（工作日）", s.cases && number(s.cases.medianWorkingDays)],
      ["按期出具率", s.cases && percent(s.cases.onTimeRate)],
      ["反馈数", s.feedback && s.feedback.count],
      ["意见采信率", s.feedback && percent(s.feedback.adoptionRate)],
      ["非正常专利撤回率", s.abnormalPatents && (s.abnormalPatents.total.suppressed ? "—" : percent(s.abnormalPatents.total.withdrawalRate))],
      ["协作平均响应（小时）", s.collaboration && number(s.collaboration.averageResponseHours)],
    ];
    $("kpis").innerHTML = "";
    items.forEach(function (item) {
      var div = document.createElement("div");
      div.className = "kpi";
      div.innerHTML = '<div class="label"></div><div class="value"></div>';
      div.querySelector(".label").textContent = item[0];
      div.querySelector(".value").textContent = item[1] === undefined || item[1] === null ? "—" : String(item[1]);
      $("kpis").appendChild(div);
    });
  }

  function render(s) {
    var d = s.directory, f = s.feedback, p = s.abnormalPatents, c = s.credit, k = s.collaboration, cs = s.cases;
    kpis(s);
    barOf("institutionsByStatus", "机构入库状态", d.institutionsByStatus, "机构数");
    barOf("institutionsByField", "入库机构专业领域", d.institutionsByField, "机构数", { indexAxis: "y" });

    var trendEl = $("card-feedbackTrend") || card("feedbackTrend", "反馈数量趋势");
    renderTable(trendEl, breakdownTable(f.feedbackByMonth, "反馈数"));
    draw("feedbackTrend", {
      type: "line",
      data: { labels: f.feedbackByMonth.cells.map(function (x) { return x.label; }), datasets: [{ label: "反馈数", data: f.feedbackByMonth.cells.map(function (x) { return x.value; }), borderColor: COLORS[0], backgroundColor: COLORS[0] }] },
    });

    var dims = [["timeliness", "及时性"], ["professionalism", "专业性"], ["reportQuality", "报告质量"], ["conduct", "执业规范"], ["courtPerformance", "出庭表现"]];
    var ratingEl = $("card-ratings") || card("ratings", "平均评分（1–5）");
    renderTable(ratingEl, {
      columns: dims.map(function (x) { return x[1]; }),
      formats: dims.map(function () { return number; }),
      rows: f.ratingsByMonth.map(function (m) { return { key: m.month, label: m.label, values: dims.map(function (x) { return { value: m.averages[x[0]], suppressed: false }; }) }; }),
    });
    draw("ratings", {
      type: "line",
      data: {
        labels: f.ratingsByMonth.map(function (m) { return m.label; }),
        datasets: dims.map(function (x, i) { return { label: x[1], data: f.ratingsByMonth.map(function (m) { return m.averages[x[0]]; }), borderColor: COLORS[i], backgroundColor: COLORS[i], spanGaps: true }; }),
      },
      options: { scales: { y: { min: 0, max: 5 } } },
    });

    var patentEl = $("card-withdrawal") || card("withdrawal", "非正常专利申请撤回率（按县区，目标 " + percent(p.withdrawalTarget) + "）");
    var patentRows = p.byRegion.filter(function (r) { return r.suppressed || r.itemCount > 0; });
    renderTable(patentEl, {
      columns: ["申请数", "已撤回", "撤回率"],
      formats: [null, null, percent],
      rows: patentRows.map(function (r) {
        return { key: r.key, label: r.label, values: [{ value: r.itemCount, suppressed: r.suppressed }, { value: r.withdrawnCount, suppressed: r.suppressed }, { value: r.withdrawalRate, suppressed: r.suppressed }] };
      }),
    });
    draw("withdrawal", {
      type: "bar",
      data: {
        labels: patentRows.map(function (r) { return r.label; }),
        datasets: [
          { type: "bar", label: "撤回率", data: patentRows.map(function (r) { return r.withdrawalRate === null ? null : r.withdrawalRate * 100; }), backgroundColor: patentRows.map(function (r) { return r.meetsTarget === false || (r.withdrawalRate !== null && r.withdrawalRate < p.withdrawalTarget) ? COLORS[3] : COLORS[2]; }) },
          { type: "line", label: "目标线", data: patentRows.map(function () { return p.withdrawalTarget * 100; }), borderColor: "#b42318", borderDash: [6, 4], pointRadius: 0, fill: false },
        ],
      },
      options: { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } } },
    });

    var gradeEl = $("card-creditGrades") || card("creditGrades", "信用等级分布");
    var gradeKeys = c.institutionGrades.cells;
    renderTable(gradeEl, {
      columns: ["机构", "鉴定人"],
      rows: gradeKeys.map(function (g, i) {
        var a = c.appraiserGrades.cells[i];
        return { key: g.key, label: g.label, values: [{ value: g.value, suppressed: g.suppressed }, { value: a.value, suppressed: a.suppressed }] };
      }),
    });
    draw("creditGrades", {
      type: "bar",
      data: {
        labels: gradeKeys.map(function (g) { return g.label; }),
        datasets: [
          { label: "机构", data: c.institutionGrades.cells.map(function (x) { return x.value; }), backgroundColor: COLORS[0] },
          { label: "鉴定人", data: c.appraiserGrades.cells.map(function (x) { return x.value; }), backgroundColor: COLORS[1] },
        ],
      },
    });

    var flowEl = $("card-collaborationFlows") || card("collaborationFlows", "协作流向（发起方 → 参与方）");
    var flows = k.flows.map(function (x) { return { key: x.fromLabel + "→" + x.toLabel, label: x.fromLabel + " → " + x.toLabel, values: [{ value: x.count, suppressed: false }] }; });
    renderTable(flowEl, { columns: ["协作数"], rows: flows });
    draw("collaborationFlows", {
      type: "bar",
      data: { labels: flows.map(function (x) { return x.label; }), datasets: [{ label: "协作数", data: flows.map(function (x) { return x.values[0].value; }), backgroundColor: COLORS[4] }] },
      options: { indexAxis: "y" },
    });

    var caseEl = $("card-overdueCases") || card("overdueCases", "在办与超期案件（按地区）");
    var caseRows = cs.openByRegion.cells.map(function (o, i) {
      var late = cs.overdueByRegion.cells[i];
      return { key: o.key, label: o.label, values: [{ value: o.value, suppressed: o.suppressed }, { value: late.value, suppressed: late.suppressed }] };
    }).filter(function (r) { return r.values[0].value !== 0; });
    renderTable(caseEl, { columns: ["在办", "超期"], rows: caseRows });
    draw("overdueCases", {
      type: "bar",
      data: {
        labels: caseRows.map(function (r) { return r.label; }),
        datasets: [
          { label: "在办", data: caseRows.map(function (r) { return r.values[0].value; }), backgroundColor: COLORS[0] },
          { label: "超期", data: caseRows.map(function (r) { return r.values[1].value; }), backgroundColor: COLORS[3] },
        ],
      },
    });

    var list = $("regions");
    list.innerHTML = "";
    d.institutionsByRegion.cells.forEach(function (cell) {
      var option = document.createElement("option");
      option.value = cell.key;
      option.label = cell.label;
      list.appendChild(option);
    });
  }

  function load() {
    var status = $("status");
    status.className = "";
    status.textContent = "加载中…";
    var variables = { region: $("region").value.trim() || null, from: monthStart($("from").value), to: monthEnd($("to").value) };
    var names = Object.keys(SECTIONS);
    return Promise.all(names.map(function (name) { return post(SECTIONS[name], variables); })).then(function (results) {
      var failed = results.filter(function (r) { return r.errors && r.errors.length; })[0];
      if (failed) throw new Error(failed.errors[0].message + (failed.errors[0].extensions ? "（" + failed.errors[0].extensions.code + "）" : ""));
      var s = {};
      results.forEach(function (r) { Object.assign(s, r.data.statistics); });
      render(s);
      status.textContent = s.regionName + "（" + s.regionCode + "） " + s.from + " 至 " + s.to + (s.threshold > 1 ? "；小于 " + s.threshold + " 的涉及个人的数字已隐藏" : "");
      document.body.dataset.loaded = "true";
    }).catch(function (error) {
      status.className = "error";
      status.textContent = "无法加载：" + error.message;
      document.body.dataset.loaded = "error";
    });
  }

  $("token-bar").addEventListener("submit", function (event) {
    event.preventDefault();
    var value = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (value) window.localStorage.setItem(KEY, value);
    $("token").value = "";
    showWho().then(function (ok) { if (ok) load(); });
  });
  $("sign-out").addEventListener("click", function () {
    window.localStorage.removeItem(KEY);
    showWho();
  });
  $("filters").addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });

  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  setDefaultPeriod();
  showWho().then(function (ok) { if (ok) load(); });
})();
