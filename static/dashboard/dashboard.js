/* The bureau dashboard: asks `statistics` section by section with the token kept in localStorage under
 * `hub.token` (the key GraphiQL uses too) and draws each section with Chart.js. Every chart has its
 * numbers as a table beside it and a CSV download. No internet resource, no inline script. */
(function () {
  "use strict";
  var KEY = "hub.token";
  var COLORS = ["#2f6fb0", "#e07b39", "#3a9d5d", "#c0392b", "#8e6bbf", "#d4a72c", "#4aa3a2", "#7f8c8d"];
  var charts = {};
  // Bumped whenever what is shown is replaced or cleared: an answer that arrives for an older generation
  // (a load started before sign-out, or before a newer load) is dropped.
  var generation = 0;

  function token() { return window.localStorage.getItem(KEY) || ""; }
  function $(id) { return document.getElementById(id); }

  /** A failure to show: `text` in Chinese, the hub's error `code` when the hub answered with one. */
  function Failure(text, code) { this.text = text; this.code = code || null; }

  // The page's operations are the hub's trusted documents (persisted-documents.json, `sha256:<hex>` → text,
  // as client-preset writes it): the page sends their ids, never their text, so it runs where the hub
  // accepts registered operations only (HUB_TRUSTED_DOCUMENTS=required). One query per statistics section:
  // each stays well under the hub's query cost limit, and they run in parallel.
  var SECTIONS = ["Directory", "Cases", "Feedback", "Credit", "AbnormalPatents", "Collaboration"];
  var documentIds = null;

  /** Operation name (`DashboardMe`) → document id, read once from the page's manifest. */
  function operations() {
    if (!documentIds) {
      documentIds = fetch("/dashboard/assets/persisted-documents.json", { headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error("manifest"); return r.json(); })
        .then(function (manifest) {
          var ids = {};
          Object.keys(manifest).forEach(function (id) {
            var match = /^(?:query|subscription) (\w+)/.exec(manifest[id]);
            if (match) ids[match[1]] = id;
          });
          return ids;
        })
        .catch(function () { documentIds = null; throw new Failure("无法读取页面的查询清单，请刷新页面后重试"); });
    }
    return documentIds;
  }

  /* ---- the hub's errors in Chinese ---- */

  // The hub's messages (src/auth/token.ts, src/server/authenticate.ts, the statistics request checks), then
  // one message per error code of docs/errors.md for anything else. The hub's own English text is never shown.
  var MESSAGES = [
    [/^The bearer token has expired\./, "登录已过期，请重新获取令牌"],
    [/^The bearer token is malformed\.|^The Authorization header must be/, "令牌格式不正确，请粘贴完整的令牌"],
    [/^The bearer token must be signed with (\w+)/, "令牌须使用 $1 算法签名，请重新获取令牌"],
    [/^The bearer token's subject must be/, "令牌的主体格式不正确（应为“机关代码/客户端名称”）"],
    [/^The agency or client system of this token is unknown or disabled\./, "令牌所属的机关或客户端系统未登记或已停用"],
    [/^Your sign-in session has ended/, "登录已结束，请重新登录"],
    [/^This client system has no registered keys/, "该客户端系统未登记公钥，请使用本中心签发的令牌"],
    [/^The bearer token's signature or claims are not valid\./, "令牌的签名或声明无效，请重新获取令牌"],
    [/^The bearer token was issued in the future\./, "令牌的签发时间晚于当前时间，请检查系统时钟"],
    [/^The bearer token's lifetime exceeds/, "令牌有效期超过本中心允许的上限，请重新获取令牌"],
    [/^The region lies outside your jurisdiction\./, "该地区不在您的管辖范围内"],
    [/^Statistics are for /, "统计数据仅向法院、检察院、公安、市场监管部门和行业协会提供"],
    [/^A region code has 6 digits\./, "地区代码应为 6 位数字"],
    [/^The region code is not in the hub's region table\./, "没有这个地区代码"],
    [/^from must not be later than to\./, "起始月份不能晚于截止月份"],
    [/^A period spans at most (\d+) months\./, "查询期间最长 $1 个月"],
  ];
  var BY_CODE = {
    UNAUTHENTICATED: "令牌无效，请重新获取令牌",
    FORBIDDEN: "无权查看这些统计数据",
    BAD_USER_INPUT: "查询条件有误",
    QUERY_TOO_COMPLEX: "查询过于复杂，已被拒绝",
    RATE_LIMITED: "请求过于频繁，请稍后再试",
    SERVICE_UNAVAILABLE: "服务暂时不可用，请稍后再试",
    INTERNAL_SERVER_ERROR: "服务器内部错误，请稍后再试或联系管理员",
    NOT_FOUND: "没有找到所查的记录",
    OPERATION_NOT_ALLOWLISTED: "中心只执行已登记的查询，本页面的查询未登记",
    GRAPHQL_PARSE_FAILED: "查询与中心的接口不符，请刷新页面后重试",
    GRAPHQL_VALIDATION_FAILED: "查询与中心的接口不符，请刷新页面后重试",
    BAD_REQUEST: "请求格式不正确",
  };

  /** A GraphQL error of the hub as a Failure in Chinese. */
  function failureOf(error) {
    var code = (error && error.extensions && error.extensions.code) || "INTERNAL_SERVER_ERROR";
    var message = (error && error.message) || "";
    for (var i = 0; i < MESSAGES.length; i++) {
      var match = MESSAGES[i][0].exec(message);
      if (match) return new Failure(MESSAGES[i][1].replace(/\$(\d)/g, function (_, n) { return match[Number(n)]; }), code);
    }
    return new Failure(BY_CODE[code] || "请求未能完成", code);
  }

  /** POSTs one of the page's operations by its document id; answers the JSON body, or rejects with a Failure when the hub cannot be reached or read. */
  function post(operation, variables) {
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (token()) headers.Authorization = "Bearer " + token();
    return operations().then(function (ids) {
      return fetch("/graphql", { method: "POST", headers: headers, body: JSON.stringify({ documentId: ids[operation], variables: variables }) }).then(
        function (r) {
          return r.json().catch(function () { throw new Failure("中心的应答无法识别（HTTP " + r.status + "）"); });
        },
        function () { throw new Failure("无法连接到中心，请检查网络后重试"); },
      );
    });
  }

  /* ---- who is signed in ---- */

  /** Empties the page of every figure: charts, tables, key figures, the region list. */
  function clearResults() {
    generation++;
    Object.keys(charts).forEach(function (id) { charts[id].destroy(); delete charts[id]; });
    $("charts").innerHTML = "";
    $("kpis").innerHTML = "";
    $("regions").innerHTML = "";
  }

  /** `state`: signed-in, anonymous, refused (the hub refused the token) or unreachable; `text` says which and why. */
  function setWho(state, text) {
    $("who").textContent = text;
    $("who").className = state === "refused" || state === "unreachable" ? "error" : "";
    document.body.dataset.auth = state;
  }

  /** The person signed in through their agency's identity provider (the hub's session cookie), or null. */
  var person = null;

  function session() {
    return fetch("/auth/session", { headers: { Accept: "application/json" } }).then(
      function (r) { return r.ok ? r.json() : { signedIn: false }; },
      function () { throw new Failure("无法连接到中心，请检查网络后重试"); },
    );
  }

  // --- live events ------------------------------------------------------------------------------------
  /** What each event is called on the panel. */
  var EVENT_LABELS = {
    "institution.listing_status_changed": "机构名录状态变更",
    "appraisal_case.entrusted": "新委托鉴定",
    "appraisal_case.accepted": "鉴定已受理",
    "appraisal_case.progressed": "鉴定进展",
    "appraisal_case.issued": "鉴定意见已出具",
    "appraisal_case.closed": "鉴定已结案",
    "appraisal_case.overdue": "鉴定超期",
    "appraisal_case.deadline_approaching": "鉴定临近期限",
    "case_feedback.posted": "收到履职反馈",
    "case_feedback.complaint_received": "收到投诉",
    "case_feedback.complaint_handled": "投诉已处理",
    "credit_record.determined": "信用记录认定",
    "credit_record.published": "信用记录公示",
    "credit_record.repaired": "信用修复",
    "credit_record.publication_ended": "信用公示期满",
    "collaboration_record.opened": "新协作事项",
    "collaboration_record.event_added": "协作事项更新",
    "abnormal_patent_batch.allocated": "非正常专利批次下发",
    "abnormal_patent_item.overdue": "非正常专利逾期未撤回",
    "custody_trademark.alert_raised": "重点商标预警",
    "custody_trademark.alert_resolved": "重点商标预警已处理",
    "custody_trademark.expiring": "重点商标即将到期",
    "agency.disabled": "单位已停用",
    "client_system.disabled": "系统已停用",
  };
  var live = null;

  /** The record in a few words: its name, case number, mark or batch. */
  function recordText(record) {
    if (!record) return "";
    return record.name || record.markName || record.agencyCaseNo || record.batchNo || record.title || record.applicationNumber || record.subjectCreditCode || record.code || "";
  }

  function showEvent(event) {
    var item = document.createElement("li");
    item.dataset.type = event.type;
    var time = document.createElement("time");
    time.dateTime = event.timestamp;
    time.textContent = new Date(event.timestamp).toLocaleString("zh-CN", { hour12: false });
    item.appendChild(time);
    item.appendChild(document.createTextNode((EVENT_LABELS[event.type] || event.type) + "：" + recordText(event.record)));
    $("live-list").insertBefore(item, $("live-list").firstChild);
    while ($("live-list").children.length > 50) $("live-list").removeChild($("live-list").lastChild);
  }

  /** Subscribes once signed in (with the pasted token, or the session cookie the socket's handshake carries). */
  function startLive() {
    stopLive();
    if (!window.graphqlWs) return;
    $("live").hidden = false;
    $("live-state").textContent = "连接中…";
    var url = (window.location.protocol === "https:" ? "wss://" : "ws://") + window.location.host + "/graphql";
    var params = token() ? { authorization: "Bearer " + token() } : {};
    live = window.graphqlWs.createClient({
      url: url,
      lazy: false,
      connectionParams: params,
      retryAttempts: 1000000,
      on: {
        connected: function () { $("live-state").textContent = "已连接"; document.body.dataset.live = "connected"; },
        closed: function () { $("live-state").textContent = "连接已断开，正在重试"; document.body.dataset.live = "closed"; },
      },
    });
    var client = live;
    operations().then(function (ids) {
      if (live !== client) return; // stopped meanwhile
      client.subscribe(
        // graphql-ws wants a query string; Apollo's persisted-query extension names the document instead.
        { query: "", extensions: { persistedQuery: { version: 1, sha256Hash: ids.DashboardLive.replace(/^sha256:/, "") } } },
        {
          next: function (result) { if (result.data && result.data.hubEvents) showEvent(result.data.hubEvents); },
          error: function () { $("live-state").textContent = "实时提醒不可用"; },
          complete: function () {},
        },
      );
    }).catch(function () { $("live-state").textContent = "实时提醒不可用"; });
  }

  function stopLive() {
    if (live) live.dispose();
    live = null;
    $("live").hidden = true;
    $("live-list").textContent = "";
    delete document.body.dataset.live;
  }

  function showWho() {
    // A pasted token (development, systems) wins; otherwise the session of a person signed in, if any.
    var asked = token() ? Promise.resolve({ signedIn: false }) : session();
    return asked.then(function (current) {
      person = current && current.signedIn ? current : null;
      if (!token() && !person) {
        clearResults();
        stopLive();
        setWho("anonymous", "未登录：请用单位统一身份认证登录，或粘贴令牌");
        return false;
      }
      return post("DashboardMe").then(function (result) {
        var me = result && result.data && result.data.me;
        if (me && !me.anonymous && me.agency) {
          setWho("signed-in", (person ? person.person + " · " : "") + me.agency.name + "（" + me.agency.code + "）");
          if (!$("region").value) $("region").value = me.agency.regionCode;
          startLive();
          return true;
        }
        clearResults();
        stopLive();
        if (result && result.errors && result.errors.length) setWho("refused", failureOf(result.errors[0]).text);
        else setWho("anonymous", "未登录：请用单位统一身份认证登录，或粘贴令牌");
        return false;
      });
    }).catch(function (failure) {
      clearResults();
      setWho("unreachable", failure instanceof Failure ? failure.text : "无法确认登录身份");
      return false;
    });
  }

  function monthStart(value) { return value ? value + "-01" : null; }
  function monthEnd(value) {
    if (!value) return null;
    var parts = value.split("-").map(Number);
    var last = new Date(Date.UTC(parts[0], parts[1], 0)).getUTCDate();
    return value + "-" + String(last).padStart(2, "0");
  }

  /** The months one can pick, newest first in Chinese (2025年6月) grouped by year: 120 months, the longest period the hub answers. */
  function fillMonths() {
    var now = new Date();
    var fmt = function (d) { return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0"); };
    ["from", "to"].forEach(function (id) {
      var select = $(id);
      var group = null;
      for (var i = 0; i < 120; i++) {
        var d = new Date(now.getFullYear(), now.getMonth() - i, 1);
        if (!group || group.label !== d.getFullYear() + "年") {
          group = document.createElement("optgroup");
          group.label = d.getFullYear() + "年";
          select.appendChild(group);
        }
        var option = document.createElement("option");
        option.value = fmt(d);
        option.textContent = d.getFullYear() + "年" + (d.getMonth() + 1) + "月";
        group.appendChild(option);
      }
    });
    // The default period: the twelve months up to this one, as the hub's own default.
    $("from").value = fmt(new Date(now.getFullYear(), now.getMonth() - 11, 1));
    $("to").value = fmt(new Date(now.getFullYear(), now.getMonth(), 1));
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

  /**
   * Rows joining several breakdowns by cell key (never by position): every key of any of them, in the order
   * first met; a key one breakdown lacks shows "—" in its column.
   */
  function joinByKey(list) {
    var rows = [];
    var byKey = {};
    list.forEach(function (b, column) {
      b.cells.forEach(function (cell) {
        var row = byKey[cell.key];
        if (!row) {
          row = byKey[cell.key] = { key: cell.key, label: cell.label, values: list.map(function () { return { value: null, suppressed: false }; }) };
          rows.push(row);
        }
        row.values[column] = { value: cell.value, suppressed: cell.suppressed };
      });
    });
    return rows;
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
    var gradeRows = joinByKey([c.institutionGrades, c.appraiserGrades]);
    renderTable(gradeEl, { columns: ["机构", "鉴定人"], rows: gradeRows });
    draw("creditGrades", {
      type: "bar",
      data: {
        labels: gradeRows.map(function (r) { return r.label; }),
        datasets: [
          { label: "机构", data: gradeRows.map(function (r) { return r.values[0].value; }), backgroundColor: COLORS[0] },
          { label: "鉴定人", data: gradeRows.map(function (r) { return r.values[1].value; }), backgroundColor: COLORS[1] },
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
    // Only regions with open or overdue cases: a province has well over a hundred counties.
    var caseRows = joinByKey([cs.openByRegion, cs.overdueByRegion]).filter(function (r) { return r.values[0].value !== 0 || r.values[1].value !== 0; });
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
    var mine = ++generation;
    var status = $("status");
    status.className = "";
    status.textContent = "加载中…";
    delete document.body.dataset.loaded;
    var variables = { region: $("region").value.trim() || null, from: monthStart($("from").value), to: monthEnd($("to").value) };
    return Promise.all(SECTIONS.map(function (name) { return post("Dashboard" + name, variables); })).then(function (results) {
      if (mine !== generation) return;
      var failed = results.filter(function (r) { return !r.data || (r.errors && r.errors.length); })[0];
      if (failed) throw failed.errors && failed.errors.length ? failureOf(failed.errors[0]) : new Failure("中心没有返回统计数据");
      var s = {};
      results.forEach(function (r) { Object.assign(s, r.data.statistics); });
      try {
        render(s);
      } catch (error) {
        window.console.error(error);
        throw new Failure("页面无法显示这些统计数据");
      }
      status.textContent = s.regionName + "（" + s.regionCode + "） " + s.from + " 至 " + s.to + (s.threshold > 1 ? "；小于 " + s.threshold + " 的涉及个人的数字已隐藏" : "");
      document.body.dataset.loaded = "true";
    }).catch(function (error) {
      if (mine !== generation) return;
      var failure = error instanceof Failure ? error : new Failure("页面出错，请刷新后重试");
      // Nothing of an earlier region or period stays on the page under the error.
      clearResults();
      if (failure.code === "UNAUTHENTICATED") setWho("refused", failure.text);
      status.className = "error";
      status.textContent = "无法加载：" + failure.text + (failure.code ? "（" + failure.code + "）" : "");
      document.body.dataset.loaded = "error";
    });
  }

  // A navigation rather than the form's own submit: the page's CSP (form-action 'self') would stop the
  // redirect on to the agency's identity provider.
  $("sso-bar").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = $("agency-code").value.trim().toUpperCase();
    if (code) window.location.assign("/auth/sign-in?agency=" + encodeURIComponent(code) + "&returnTo=%2Fdashboard");
  });
  $("token-bar").addEventListener("submit", function (event) {
    event.preventDefault();
    var value = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (value) window.localStorage.setItem(KEY, value);
    $("token").value = "";
    showWho().then(function (ok) { if (ok) load(); });
  });
  $("sign-out").addEventListener("click", function () {
    window.localStorage.removeItem(KEY);
    // A person's session ends at the hub (every instance), not only in this page.
    // Also when a pasted token hid the session: the cookie must not outlive the sign-out.
    var ended = fetch("/auth/sign-out", { method: "POST" }).catch(function () {});
    person = null;
    // The next token may be another agency's: its own region, not this one's, is the default.
    $("region").value = "";
    $("status").className = "";
    $("status").textContent = "";
    delete document.body.dataset.loaded;
    ended.then(showWho);
  });
  // Every table of the page as one .xlsx, made by the hub from the same statistics (numbers as numbers).
  $("workbook").addEventListener("click", function () {
    var status = $("status");
    var variables = { region: $("region").value.trim() || null, from: monthStart($("from").value), to: monthEnd($("to").value) };
    post("DashboardWorkbook", variables).then(function (r) {
      if (r.errors && r.errors.length) throw failureOf(r.errors[0]);
      var file = r.data && r.data.statistics && r.data.statistics.workbook;
      if (!file) throw new Failure("中心没有返回工作簿");
      var bytes = Uint8Array.from(window.atob(file.contentBase64), function (c) { return c.charCodeAt(0); });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
      a.download = file.filename;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    }).catch(function (error) {
      var failure = error instanceof Failure ? error : new Failure("页面出错，请刷新后重试");
      status.className = "error";
      status.textContent = "无法下载：" + failure.text + (failure.code ? "（" + failure.code + "）" : "");
    });
  });
  $("filters").addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });

  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  fillMonths();
  showWho().then(function (ok) { if (ok) load(); });
})();
