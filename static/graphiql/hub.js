/* GraphiQL for the hub, with no internet resource. The bearer token is kept in localStorage under
 * `hub.token` (the same key the dashboard uses) and sent as the Authorization header. */
(function () {
  "use strict";
  var KEY = "hub.token";
  var input = document.getElementById("token");
  var who = document.getElementById("who");

  function token() { return window.localStorage.getItem(KEY) || ""; }

  function post(body, extraHeaders) {
    var headers = Object.assign({ "Content-Type": "application/json", Accept: "application/json" }, extraHeaders || {});
    if (token() && !headers.Authorization) headers.Authorization = "Bearer " + token();
    return fetch("/graphql", { method: "POST", headers: headers, body: JSON.stringify(body) }).then(function (r) { return r.json(); });
  }

  /** The hub's reason for refusing the token, in Chinese. */
  function reason(error) {
    if (!error) return "";
    var code = error.extensions && error.extensions.code;
    if (code === "UNAUTHENTICATED") {
      if (/expired|"exp"/i.test(error.message)) return "令牌已过期，请重新获取";
      return "令牌无效：" + error.message;
    }
    if (code === "SERVICE_UNAVAILABLE") return "平台暂时无法访问，请稍后重试";
    return error.message;
  }

  function showWho() {
    post({ query: "{ me { anonymous agency { code name } clientSystem } }" }).then(function (result) {
      var me = result && result.data && result.data.me;
      if (me && !me.anonymous && me.agency) who.textContent = "当前身份：" + me.agency.name + "（" + me.agency.code + "/" + me.clientSystem + "）";
      else if (me) who.textContent = "当前身份：匿名公众";
      else who.textContent = reason(result.errors && result.errors[0]);
    }).catch(function () { who.textContent = ""; });
  }

  document.getElementById("token-bar").addEventListener("submit", function (event) {
    event.preventDefault();
    var value = input.value.trim().replace(/^Bearer\s+/i, "");
    if (value) window.localStorage.setItem(KEY, value);
    input.value = "";
    showWho();
  });
  document.getElementById("sign-out").addEventListener("click", function () {
    window.localStorage.removeItem(KEY);
    showWho();
  });

  var defaultQuery = [
    "# 在上方粘贴令牌（npx hub token --agency XY-COURT），",
    "# 即以该机构身份查询；不粘贴则为匿名公众。",
    "query Me {",
    "  me {",
    "    anonymous",
    "    clientSystem",
    "    scopes",
    "    agency { code name kind regionCode }",
    "  }",
    "  agencies(first: 20) {",
    "    totalCount",
    "    edges { node { code name kind regionCode } }",
    "  }",
    "}",
    "",
  ].join("\n");

  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: function (params, options) { return post(params, options && options.headers); },
    defaultQuery: defaultQuery,
    shouldPersistHeaders: false,
  }));
  showWho();
})();
