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

  function showWho() {
    post({ query: "{ me { anonymous agency { code name } clientSystem } }" }).then(function (result) {
      var me = result && result.data && result.data.me;
      if (me && !me.anonymous && me.agency) who.textContent = me.agency.name + " (" + me.agency.code + "/" + me.clientSystem + ")";
      else if (me) who.textContent = "anonymous public";
      else who.textContent = (result.errors && result.errors[0] && result.errors[0].message) || "";
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
    "# Paste a token above (npx hub token --agency XY-COURT) to act as an agency.",
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
