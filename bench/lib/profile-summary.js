/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and sums self time by where the code lives: the hub's own
 * modules by file, packages by name, Node's internals, garbage collection, idle. Answers the top entries,
 * so a report can say what a workload's CPU goes to.
 */
const fs = require("node:fs");

function place(url, functionName) {
  if (functionName === "(garbage collector)") return "(garbage collection)";
  if (functionName === "(idle)") return "(idle)";
  if (functionName === "(program)") return "(program)";
  if (!url) return "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/(.+)$/.exec(url);
  if (own) return `hub: ${own[1]}`;
  if (url.startsWith("node:")) return "node internals";
  return url;
}

function summarize(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const functions = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const key = place(node.callFrame.url, node.callFrame.functionName);
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
    const fn = `${node.callFrame.functionName || "(anonymous)"} (${key}${node.callFrame.url && !key.startsWith("hub") ? `: ${node.callFrame.url.split("/").pop()}:${node.callFrame.lineNumber + 1}` : ""})`;
    if (key !== "(idle)") functions.set(fn, (functions.get(fn) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...self.entries()].filter(([key]) => key !== "(idle)").reduce((sum, [, us]) => sum + us, 0);
  return {
    totalMs: total / 1000,
    top: [...self.entries()]
      .filter(([key]) => key !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, ms: us / 1000, share: us / total })),
    functions: [...functions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, ms: us / 1000, share: us / total })),
  };
}

module.exports = { summarize };
