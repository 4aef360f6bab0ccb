/**
 * Summarizes V8 .cpuprofile files (node --cpu-prof): self time by package / area, the top
 * functions by self time, and the inclusive (synchronous) time of a few app functions.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
type Row = { name: string; ms: number; share: number };

/** Synchronous inclusive time of these functions (an async function's awaits are not in it). */
const WATCH = [
  "resolveActor",
  "resolveBearerToken",
  "enforceRateLimits",
  "readJsonBody",
  "parseInput",
  "createActivity",
  "requireChildRole",
  "writeWithEvents",
  "insertActivity",
  "publishFamilyEvents",
  "listActivities",
  "toActivityDto",
  "errorResponse",
  "negotiateLocale",
];

function category(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native/builtin)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next" && rest[1] === "dist") return `next/dist/${rest[2] === "compiled" ? `compiled/${rest[3]}` : rest[2]}`;
    if (pkg === "@prisma/client" && rest[1] === "runtime") return `@prisma/client/runtime/${rest[2]}`;
    return pkg;
  }
  const dist = /\/(\.next[^/]*)\/(.*)$/.exec(url);
  if (dist) return `app bundle ${dist[1]}/${dist[2].split("/").slice(0, 2).join("/")}`;
  return url.replace(/^file:\/\//, "");
}

export function summarizeProfiles(dir: string) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  // The busiest profile is the server's (next start may run helpers with the same NODE_OPTIONS).
  const profiles = files.map((f) => ({ file: f, p: JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Profile }));
  profiles.sort((a, b) => b.p.samples.length - a.p.samples.length);
  const main = profiles[0];
  if (!main) return { files, totalMs: 0, byCategory: [] as Row[], topFunctions: [] as Row[], inclusive: [] as Row[] };
  const { nodes, samples, timeDeltas } = main.p;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  let total = 0;
  const cats = new Map<string, number>();
  const fns = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    total += ms;
    const cat = category(url, functionName);
    cats.set(cat, (cats.get(cat) ?? 0) + ms);
    const fname = `${functionName || "(anonymous)"} ${cat}${url && !url.startsWith("node:") ? `:${lineNumber + 1}` : ""}`;
    fns.set(fname, (fns.get(fname) ?? 0) + ms);
    // inclusive: each watched function once per stack
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName;
      if (WATCH.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: (100 * ms) / total }))
      .sort((a, b) => b.ms - a.ms)
      .map((r) => ({ ...r, share: Math.round(r.share * 10) / 10 }));
  return {
    files,
    profile: main.file,
    wallMs: Math.round((main.p.endTime - main.p.startTime) / 1000),
    totalMs: Math.round(total),
    byCategory: rows(cats).slice(0, 30),
    topFunctions: rows(fns).slice(0, 40),
    inclusive: rows(inclusive),
  };
}
