import fs from "node:fs";
import path from "node:path";
import { Router } from "express";

const STATIC_DIR = path.resolve(__dirname, "..", "..", "static", "home");
const DOCS_DIR = path.resolve(__dirname, "..", "..", "docs");

/**
 * The front door: `/` links GraphiQL, the dashboard, the schema and the docs (in Chinese, for the people
 * who open the hub's address in a browser); `/favicon.ico`; `/schema.graphql`, the SDL other agencies
 * program against, only where introspection is on (`sdl` undefined: neither it nor its link); and
 * `/docs/<name>.md`, the Markdown documents shipped with the hub (only those: the name is looked up in the
 * folder's listing, never joined into a path).
 */
export function homeRouter(sdl: string | undefined): Router {
  const router = Router();
  const docs = new Map(
    (fs.existsSync(DOCS_DIR) ? fs.readdirSync(DOCS_DIR) : []).filter((name) => name.endsWith(".md")).map((name) => [name, path.join(DOCS_DIR, name)]),
  );
  let page = fs.readFileSync(path.join(STATIC_DIR, "index.html"), "utf8");
  if (sdl === undefined) page = page.replace(/\s*<li data-needs="schema">[\s\S]*?<\/li>/, "");
  router.get("/", (_req, res) => res.type("html").send(page));
  router.get("/home/home.css", (_req, res) => res.sendFile(path.join(STATIC_DIR, "home.css")));
  router.get(["/favicon.ico", "/favicon.svg"], (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.type("image/svg+xml").sendFile(path.join(STATIC_DIR, "favicon.svg"));
  });
  if (sdl !== undefined) router.get("/schema.graphql", (_req, res) => res.type("text/plain; charset=utf-8").send(sdl));
  router.get("/docs/:name", (req, res, next) => {
    const file = docs.get(req.params.name);
    if (!file) return next();
    res.type("text/markdown; charset=utf-8").sendFile(file);
  });
  return router;
}
