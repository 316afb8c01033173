import path from "node:path";
import type { Router } from "express";
import { staticPage } from "./static-page";

/**
 * The bureau dashboard at `/dashboard`: a static page that asks `statistics` with the caller's token and
 * draws it with Chart.js, and shows events live through the `hubEvents` subscription (graphql-ws), served from this package and node_modules (no internet resource). Its scripts are
 * files, so it runs under the same CSP as `/graphiql`, without inline scripts.
 */
export function dashboardRouter(): Router {
  const staticDir = path.resolve(__dirname, "..", "..", "static", "dashboard");
  // The UMD build sits beside the CommonJS entry point (the package does not export its package.json).
  return staticPage("/dashboard", path.join(staticDir, "index.html"), {
    "chart.umd.min.js": path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js"),
    "dashboard.js": path.join(staticDir, "dashboard.js"),
    "dashboard.css": path.join(staticDir, "dashboard.css"),
    // The page's operations (its trusted documents): it sends their ids, never their text.
    "persisted-documents.json": path.join(staticDir, "persisted-documents.json"),
    // The graphql-ws client's browser build, for the live panel (its `main` is dist/index.cjs; umd/ is beside dist/).
    "graphql-ws.min.js": path.join(path.dirname(require.resolve("graphql-ws")), "..", "umd", "graphql-ws.min.js"),
  });
}
