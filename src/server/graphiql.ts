import path from "node:path";
import type { Router } from "express";
import { staticPage } from "./static-page";

/**
 * GraphiQL at `/graphiql`, served entirely from this package and node_modules (GraphiQL 3 and React 18 UMD
 * builds), so it works on a network with no internet. Its scripts are files, so the page runs under a CSP
 * without inline scripts.
 */
export function graphiqlRouter(): Router {
  const staticDir = path.resolve(__dirname, "..", "..", "static", "graphiql");
  const moduleFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  return staticPage("/graphiql", path.join(staticDir, "index.html"), {
    "graphiql.min.js": moduleFile("graphiql", "graphiql.min.js"),
    "graphiql.min.css": moduleFile("graphiql", "graphiql.min.css"),
    "react.production.min.js": moduleFile("react", "umd/react.production.min.js"),
    "react-dom.production.min.js": moduleFile("react-dom", "umd/react-dom.production.min.js"),
    "hub.js": path.join(staticDir, "hub.js"),
    "hub.css": path.join(staticDir, "hub.css"),
  });
}
