import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// `npm start` and `npm test` build first; they must not recompile a dist/ that is current. Runs on a copy of
// the sources (the working tree's dist/ stays as it is), so it costs two compilations.
const ROOT = path.join(__dirname, "..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-build-"));
  for (const file of ["package.json", "tsconfig.json", "tsconfig.build.json"]) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.cpSync(path.join(ROOT, "src"), path.join(dir, "src"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function prestart(): void {
  const result = spawnSync("npm", ["run", "--silent", "prestart"], { cwd: dir, encoding: "utf8" });
  expect(result.stderr + result.stdout).toBe("");
  expect(result.status).toBe(0);
}

const outputs = (): Map<string, number> =>
  new Map(
    (fs.readdirSync(path.join(dir, "dist"), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".js"))
      .map((f) => [f, fs.statSync(path.join(dir, "dist", f)).mtimeMs]),
  );

describe("npm start's build step", () => {
  it("builds a missing dist, then leaves a current one alone, and rebuilds after a source changes", () => {
    prestart();
    expect(fs.existsSync(path.join(dir, "dist", "cli", "main.js"))).toBe(true);

    // Current: no output is written again (the outputs' times are the proof; a timing would be flaky under load).
    const before = outputs();
    prestart();
    expect(outputs()).toEqual(before);

    // The entry point, which no other file imports, so tsc checks it alone again. (After a change to a file that
    // others import, the first build after a clean one checks every importer again: as long as the clean build.)
    fs.appendFileSync(path.join(dir, "src", "cli", "main.ts"), "\nexport const BUILD_PROBE = 1;\n");
    prestart();
    expect(fs.readFileSync(path.join(dir, "dist", "cli", "main.js"), "utf8")).toContain("BUILD_PROBE");
  }, 180_000);
});
