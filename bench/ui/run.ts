/**
 * `npm run bench:ui` — Lighthouse on home and the dashboard of the production build, signed in,
 * with a child and a few days of entries.
 *
 * One command does everything: fresh database + `prisma migrate deploy`, `next build` into
 * NEXT_DIST_DIR (default .next-bench-ui; BENCH_SKIP_BUILD=1 reuses it), `next start`, a parent,
 * a child and BENCH_UI_DAYS (4) days of entries through the REST API, a session cookie from
 * Auth.js's credentials callback, then Lighthouse (Debian's Chromium, headless) on
 *   home /en and the dashboard /en/dashboard with the mobile profile (the default config:
 *   Moto G Power, simulated slow 4G and 4× CPU slowdown), and the dashboard with the desktop preset,
 * BENCH_UI_RUNS (3) times each; prints each run's performance / accessibility / best-practices
 * scores and the medians, the JavaScript each page loads (bench/ui/first-load-js.ts), the machine
 * and how busy it was; writes bench/results/ui-<date>.json; stops everything and drops the
 * database, also on error or Ctrl-C.
 *
 * Env: BENCH_UI_RUNS, BENCH_UI_DAYS, BENCH_SKIP_BUILD=1, BENCH_KEEP_DB=1, BENCH_OUT, CHROMIUM_PATH,
 * BENCH_QUIET_CORES (0.3) / BENCH_QUIET_TIMEOUT (60 s): before each run, wait that long at most
 * for the rest of the machine to use fewer cores than that. Scores are printed, never asserted.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { seedFamily, signInCookies } from "../../tests/e2e/fixtures/seed";
import { machineInfo } from "../lib/machine";
import { machineCpu, sleep } from "../lib/proc";
import { round } from "../lib/stats";
import { scriptsOfPage, type PageScripts } from "./first-load-js";
import { postgresVersion, startFreshApp } from "./fresh-app";
import { runLighthouse, stopLighthouse, type LighthouseRun, type Preset } from "./lighthouse";

const requireHere = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

const config = {
  runs: Number(process.env.BENCH_UI_RUNS ?? 3),
  days: Number(process.env.BENCH_UI_DAYS ?? 4),
  distDir: process.env.NEXT_DIST_DIR ?? ".next-bench-ui",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  keepDb: process.env.BENCH_KEEP_DB === "1",
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  quietCores: Number(process.env.BENCH_QUIET_CORES ?? 0.3),
  quietTimeoutSec: Number(process.env.BENCH_QUIET_TIMEOUT ?? 60),
  adminUrl: process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  /** The goal of the issue. */
  goal: { performance: 90, accessibility: 100, homeFirstLoadJsKbGzip: 170 },
};

type Target = { name: string; path: (childId: string) => string; preset: Preset };
const targets: Target[] = [
  { name: "home", path: (id) => `/en?child=${id}`, preset: "mobile" },
  { name: "dashboard", path: (id) => `/en/dashboard?child=${id}`, preset: "mobile" },
  { name: "dashboard", path: (id) => `/en/dashboard?child=${id}`, preset: "desktop" },
];

// ---------------------------------------------------------------- cleanup, also on Ctrl-C
let stopApp: () => Promise<void> = async () => {};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping`);
    stopLighthouse();
    stopApp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

/** Cores the whole machine used over 2 s (our server is idle between runs, so this is everyone else). */
async function busyCores(): Promise<number> {
  const a = machineCpu();
  await sleep(2000);
  const b = machineCpu();
  return (b.busyMs - a.busyMs) / ((b.totalMs - a.totalMs) / os.cpus().length);
}

async function waitForQuiet(): Promise<{ waitedSec: number; otherCores: number }> {
  const start = Date.now();
  for (;;) {
    const cores = await busyCores();
    const waitedSec = Math.round((Date.now() - start) / 1000);
    if (cores < config.quietCores || waitedSec >= config.quietTimeoutSec) return { waitedSec, otherCores: round(cores, 2) };
    if (waitedSec < 3) console.log(`[bench]   waiting for a quieter machine (${round(cores, 2)} cores busy)…`);
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(config.chromePath, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

type TargetResult = {
  page: string;
  path: string;
  preset: Preset;
  runs: (LighthouseRun & { machine: { otherCoresBefore: number; waitedSec: number; busyCoresDuring: number } })[];
  median: { performance: number; accessibility: number; bestPractices: number };
};

// ---------------------------------------------------------------- main
async function main() {
  const startedAt = new Date();
  const machine = {
    ...machineInfo({ postgres: `PostgreSQL ${await postgresVersion(config.adminUrl)}`, redis: "not used by this benchmark" }),
    chromium: chromiumVersion(),
  };

  // 1–3. fresh database, production build, next start
  const app = await startFreshApp(
    { name: "bench-ui", distDir: config.distDir, skipBuild: config.skipBuild, keepDb: config.keepDb, adminUrl: config.adminUrl },
    (stop) => (stopApp = stop),
  );
  const appUrl = app.url;

  // 4. a parent, a child and a few days of entries; a browser session
  const seeded = await seedFamily({ baseUrl: appUrl, days: config.days });
  const session = await signInCookies(seeded);
  console.log(`[bench] seeded ${config.days} days of entries for one child; signed in`);

  // 5. what each page loads, from its HTML (independent of Lighthouse); also the pages' first, cold request
  const scripts: Record<string, PageScripts> = {};
  for (const page of ["home", "dashboard"]) {
    const target = targets.find((t) => t.name === page)!;
    scripts[page] = await scriptsOfPage(appUrl, target.path(seeded.child.id), session.header);
  }

  // 6. Lighthouse
  const results: TargetResult[] = [];
  for (const target of targets) {
    const pagePath = target.path(seeded.child.id);
    const runs: TargetResult["runs"] = [];
    for (let i = 0; i < config.runs; i++) {
      const quiet = await waitForQuiet();
      const before = machineCpu();
      const lh = await runLighthouse({
        url: `${appUrl}${pagePath}`,
        preset: target.preset,
        cookie: session.header,
        chromePath: config.chromePath,
      });
      const after = machineCpu();
      const busyCoresDuring = round((after.busyMs - before.busyMs) / ((after.totalMs - before.totalMs) / os.cpus().length), 2);
      runs.push({ ...lh, machine: { otherCoresBefore: quiet.otherCores, waitedSec: quiet.waitedSec, busyCoresDuring } });
      console.log(
        `[bench] ${target.name} (${target.preset}) run ${i + 1}: performance ${lh.scores.performance}, accessibility ${lh.scores.accessibility}, best practices ${lh.scores.bestPractices}; LCP ${lh.metrics.lcpMs} ms, TBT ${lh.metrics.tbtMs} ms, CLS ${lh.metrics.cls}; scripts ${lh.scripts.transferKb} kB transferred; machine: ${quiet.otherCores} cores busy before (others), ${busyCoresDuring} during (all, this run's Chromium and server included)`,
      );
      if (lh.finalUrl !== `${appUrl}${pagePath}`) throw new Error(`Lighthouse ended on ${lh.finalUrl}: not signed in?`);
    }
    results.push({
      page: target.name,
      path: pagePath,
      preset: target.preset,
      runs,
      median: {
        performance: median(runs.map((r) => r.scores.performance)),
        accessibility: median(runs.map((r) => r.scores.accessibility)),
        bestPractices: median(runs.map((r) => r.scores.bestPractices)),
      },
    });
  }

  // 7. report
  const home = results.find((r) => r.page === "home")!;
  const report = {
    benchmark: "ui",
    startedAt: startedAt.toISOString(),
    durationSec: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine,
    config: { runs: config.runs, days: config.days, distDir: config.distDir, lighthouse: packageVersion("lighthouse") },
    goal: config.goal,
    firstLoadJs: scripts,
    results,
    goalMet: {
      performance: results.every((r) => r.median.performance >= config.goal.performance),
      accessibility: results.every((r) => r.median.accessibility >= config.goal.accessibility),
      homeFirstLoadJs: scripts.home.gzipKb <= config.goal.homeFirstLoadJsKbGzip,
    },
    homeMedianPerformance: home.median.performance,
  };
  printReport(report);
  const out = process.env.BENCH_OUT ?? path.join(ROOT, "bench/results", `ui-${stamp(startedAt)}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  await stopApp();
  // formatted as the repo's Prettier would (format:check covers bench/results too)
  const prettier = await import("prettier");
  writeFileSync(out, await prettier.format(JSON.stringify(report), { ...(await prettier.resolveConfig(out)), parser: "json" }));
  console.log(`\n[bench] results written to ${path.relative(process.cwd(), out)}`);
}

function printReport(report: {
  machine: ReturnType<typeof machineInfo> & { chromium: string };
  firstLoadJs: Record<string, PageScripts>;
  results: TargetResult[];
  goal: typeof config.goal;
  goalMet: Record<string, boolean>;
}) {
  const m = report.machine;
  console.log(`\nMachine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; Node ${m.node}; ${m.chromium}; Next ${m.next}`);
  console.log(`Load average at start: ${m.loadAverageAtStart.join(" ")}\n`);
  console.log("page        profile   performance  accessibility  best-practices   (median of runs; each run)");
  for (const r of report.results) {
    const each = (key: "performance" | "accessibility" | "bestPractices") => r.runs.map((x) => x.scores[key]).join("/");
    console.log(
      `${r.page.padEnd(11)} ${r.preset.padEnd(9)} ${String(r.median.performance).padStart(5)} (${each("performance")})`.padEnd(45) +
        `${String(r.median.accessibility).padStart(5)} (${each("accessibility")})`.padEnd(20) +
        `${String(r.median.bestPractices).padStart(5)} (${each("bestPractices")})`,
    );
  }
  console.log("\nJavaScript loaded by the page (the <script> tags of its HTML, fetched and measured here):");
  for (const [page, s] of Object.entries(report.firstLoadJs)) {
    console.log(
      `  ${page.padEnd(10)} ${s.files} files, ${s.gzipKb} kB gzipped (${s.rawKb} kB raw); served by next start as ${s.servedEncoding}; largest: ${s.byFile
        .slice(0, 3)
        .map((f) => `${f.gzipKb} kB`)
        .join(", ")}; not counted: ${s.skippedNoModule.length} nomodule script(s), ${s.inlineKb} kB of inline script (RSC payload)`,
    );
  }
  console.log("Lighthouse, script resources transferred during the load (network-requests, transferSize):");
  for (const r of report.results) {
    console.log(
      `  ${r.page.padEnd(10)} ${r.preset.padEnd(8)} ${r.runs.map((x) => `${x.scripts.transferKb} kB / ${x.scripts.count} files`).join(", ")}`,
    );
  }
  console.log("Main thread, median run of each page (ms): by kind of work; the costliest scripts");
  for (const r of report.results) {
    const run = [...r.runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor((r.runs.length - 1) / 2)];
    const work = Object.entries(run.mainThreadMs)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(`  ${r.page.padEnd(10)} ${r.preset.padEnd(8)} TBT ${run.metrics.tbtMs}: ${work}`);
    console.log(`  ${"".padEnd(19)} ${run.bootupMs.map((b) => `${b.url} ${b.total} (scripting ${b.scripting})`).join(", ")}`);
  }
  console.log("Failing Lighthouse audits (accessibility, best practices), with what they found:");
  for (const r of report.results) {
    const seen = new Map<string, string[]>();
    for (const run of r.runs) for (const [id, found] of Object.entries(run.findings)) if (!seen.has(id)) seen.set(id, found);
    for (const [id, found] of seen)
      console.log(`  ${r.page.padEnd(10)} ${r.preset.padEnd(8)} ${id}: ${found.join(" || ") || "(no details)"}`);
  }
  const g = report.goal;
  console.log(
    `\nGoal: performance ≥ ${g.performance} → ${report.goalMet.performance ? "met" : "NOT met"}; accessibility ${g.accessibility} → ${report.goalMet.accessibility ? "met" : "NOT met"}; home first-load JS ≤ ${g.homeFirstLoadJsKbGzip} kB gzipped → ${report.goalMet.homeFirstLoadJs ? "met" : "NOT met"}`,
  );
}

function packageVersion(name: string): string {
  try {
    return requireHere(`${name}/package.json`).version;
  } catch {
    return "unknown";
  }
}

function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/:/g, "").replace("T", "-");
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopApp());
