import path from "node:path";
import { Router } from "express";

/**
 * GraphiQL at `/graphiql`, served entirely from this package and node_modules (GraphiQL 3 and React 18 UMD
 * builds), so it works on a network with no internet. Its scripts are files, so the page runs under a CSP
 * without inline scripts.
 */
export function graphiqlRouter(): Router {
  const router = Router();
  const staticDir = path.resolve(__dirname, "..", "..", "static", "graphiql");
  const moduleFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  const assets: Record<string, string> = {
    "graphiql.min.js": moduleFile("graphiql", "graphiql.min.js"),
    "graphiql.min.css": moduleFile("graphiql", "graphiql.min.css"),
    "react.production.min.js": moduleFile("react", "umd/react.production.min.js"),
    "react-dom.production.min.js": moduleFile("react-dom", "umd/react-dom.production.min.js"),
    "hub.js": path.join(staticDir, "hub.js"),
    "hub.css": path.join(staticDir, "hub.css"),
  };
  router.get("/graphiql", (_req, res) => res.sendFile(path.join(staticDir, "index.html")));
  router.get("/graphiql/assets/:file", (req, res, next) => {
    const file = assets[req.params.file];
    if (!file) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.sendFile(file);
  });
  return router;
}
