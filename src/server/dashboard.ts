import path from "node:path";
import { Router } from "express";

/**
 * The bureau dashboard at `/dashboard`: a static page that asks `statistics` with the caller's token and
 * draws it with Chart.js, served from this package and node_modules (no internet resource). Its scripts are
 * files, so it runs under the same CSP as `/graphiql`, without inline scripts.
 */
export function dashboardRouter(): Router {
  const router = Router();
  const staticDir = path.resolve(__dirname, "..", "..", "static", "dashboard");
  // The UMD build sits beside the CommonJS entry point (the package does not export its package.json).
  const assets: Record<string, string> = {
    "chart.umd.min.js": path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js"),
    "dashboard.js": path.join(staticDir, "dashboard.js"),
    "dashboard.css": path.join(staticDir, "dashboard.css"),
  };
  router.get("/dashboard", (_req, res) => res.sendFile(path.join(staticDir, "index.html")));
  router.get("/dashboard/assets/:file", (req, res, next) => {
    const file = assets[req.params.file];
    if (!file) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.sendFile(file);
  });
  return router;
}
