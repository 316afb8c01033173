/* GraphiQL for the hub, with no internet resource. The bearer token is kept in localStorage under
 * `hub.token` (the same key the dashboard uses) and sent as the Authorization header; without one, a person
 * signed in through their agency's identity provider is asking (the hub's session cookie). */
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

  /** The person signed in (`GET /auth/session`), when no token is pasted. */
  var person = null;

  function showWho() {
    var asked = token() ? Promise.resolve({ signedIn: false }) : fetch("/auth/session").then(function (r) { return r.ok ? r.json() : { signedIn: false }; });
    asked.then(function (current) {
      person = current && current.signedIn ? current : null;
      return post({ query: "{ me { anonymous agency { code name } clientSystem } }" });
    }).then(function (result) {
      var me = result && result.data && result.data.me;
      if (me && !me.anonymous && me.agency) who.textContent = "当前身份：" + (person ? person.person + " · " : "") + me.agency.name + "（" + me.agency.code + "/" + me.clientSystem + "）";
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
    // A person's session ends at the hub, not only in this page.
    // Also when a pasted token hid the session: the cookie must not outlive the sign-out.
    var ended = fetch("/auth/sign-out", { method: "POST" }).catch(function () {});
    person = null;
    ended.then(showWho);
  });
  // A navigation rather than a form submit: the page's CSP (form-action 'self') would stop the redirect on
  // to the agency's identity provider.
  document.getElementById("sso-bar").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = document.getElementById("agency-code").value.trim().toUpperCase();
    if (code) window.location.assign("/auth/sign-in?agency=" + encodeURIComponent(code) + "&returnTo=%2Fgraphiql");
  });

  var defaultQuery = [
    "# 在上方粘贴令牌（npx hub token --agency XY-COURT），",
    "# 即以该机构身份查询；或用本单位统一身份认证登录；都没有则为匿名公众。",
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
