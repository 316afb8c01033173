import { Router } from "express";

/**
 * A page the hub serves itself at `route`, with its assets at `route/assets/<name>` from a fixed list of
 * files (its own, and builds from node_modules): no internet resource, and scripts as files so the page
 * runs under the CSP without inline scripts. Any other asset name falls through to 404.
 */
export function staticPage(route: string, page: string, assets: Readonly<Record<string, string>>): Router {
  const router = Router();
  router.get(route, (_req, res) => res.sendFile(page));
  router.get(`${route}/assets/:file`, (req, res, next) => {
    const file = assets[req.params.file];
    if (!file) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.sendFile(file);
  });
  return router;
}
