/**
 * `npm run bench:offline:cold` — cold start of the installed app offline: a Chromium profile that
 * has used Nestling online (service worker installed, home cached, device store filled, entries
 * waiting in the outbox) is closed, then opened again with the network off; the time is from the
 * navigation to home painted with the stored entries (the server-rendered copy from the worker's
 * cache) and the waiting ones (from IndexedDB). Each run relaunches the browser on the same
 * profile, with the network emulated offline and the server stopped; the browser's own launch
 * is not counted. Prints numbers and writes
 * bench/results/offline-cold-<date>.json; never fails on time.
 *
 * Like bench/ui: a fresh database, `next build` into NEXT_DIST_DIR (default .next-bench;
 * BENCH_SKIP_BUILD=1 reuses it), `next start`. Flags (or env): --runs (BENCH_RUNS, 7),
 * --waiting (BENCH_WAITING, 10 entries logged offline before the runs), --skip-build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, devices, type BrowserContext, type Page } from "@playwright/test";
import { seedFamily, signInCookies } from "../../tests/e2e/fixtures/seed";
import { machineInfo } from "../lib/machine";
import { round, summarize } from "../lib/stats";
import { postgresVersion, startFreshApp } from "../ui/fresh-app";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values: flags } = parseArgs({
  options: { runs: { type: "string" }, waiting: { type: "string" }, "skip-build": { type: "boolean" } },
});
const config = {
  runs: Number(flags.runs ?? process.env.BENCH_RUNS ?? 7),
  waiting: Number(flags.waiting ?? process.env.BENCH_WAITING ?? 10),
  distDir: process.env.NEXT_DIST_DIR ?? ".next-bench",
  skipBuild: Boolean(flags["skip-build"]) || process.env.BENCH_SKIP_BUILD === "1",
};
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function launch(profile: string, baseURL: string): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...phone } = devices["Pixel 7"];
  return chromium.launchPersistentContext(profile, {
    ...phone,
    baseURL,
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ARGS,
  });
}

async function waitingCount(page: Page) {
  return page.getByTestId("pending-entries").locator("li").count();
}

let stopApp: (() => Promise<void>) | undefined;
process.on("SIGINT", () => void stopApp?.().finally(() => process.exit(130)));

async function main() {
  const app = await startFreshApp(
    { name: "offline-cold", distDir: config.distDir, skipBuild: config.skipBuild },
    (stop) => (stopApp = stop),
  );
  const seeded = await seedFamily({ baseUrl: app.url, days: 3 });
  const session = await signInCookies(seeded);
  const profile = mkdtempSync(path.join(os.tmpdir(), "nestling-cold-"));
  const home = `/en?child=${seeded.child.id}`;
  try {
    // 1. Online once: the worker installs, home is cached, the store syncs; then entries logged offline.
    let context = await launch(profile, app.url);
    await context.addCookies(session.cookies.map((c) => ({ ...c, url: app.url })));
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(home);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: seeded.child.name }).waitFor();
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === "nestling"));
    await page.waitForTimeout(2_000);
    await context.setOffline(true);
    const wet = page.getByRole("button", { name: "Wet diaper: log now" });
    for (let i = 0; i < config.waiting; i++) {
      await wet.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="pending-entries"] li').length >= n, i + 1);
      await page.waitForTimeout(2_600); // a second tap of one button within 2.5 s is a double tap
    }
    const stored = await page.locator("li.entry").count();
    await context.close();
    // Really offline: the server is gone (a fresh browser's service worker may start before the
    // context's offline emulation reaches it, and would then reach a live server).
    const postgres = await postgresVersion();
    await app.stop();

    // 2. Cold starts, offline.
    const samples: { paintedMs: number; fcpMs: number | null }[] = [];
    for (let run = 0; run < config.runs; run++) {
      context = await launch(profile, app.url);
      await context.setOffline(true);
      page = context.pages()[0] ?? (await context.newPage());
      const started = Date.now();
      await page.goto(home, { waitUntil: "commit" });
      await page
        .locator("li.entry")
        .first()
        .waitFor()
        .catch(async (error: unknown) => {
          console.error(`[bench] offline start showed: ${(await page.locator("h1").allInnerTexts()).join(" | ")} at ${page.url()}`);
          throw error;
        });
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="pending-entries"] li').length >= n, config.waiting);
      const paintedMs = Date.now() - started;
      const fcpMs = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
      if ((await waitingCount(page)) !== config.waiting) throw new Error("the waiting entries are not all shown");
      samples.push({ paintedMs, fcpMs: fcpMs === null ? null : round(fcpMs) });
      console.log(
        `[bench] run ${run + 1}: home with ${stored} stored + ${config.waiting} waiting entries in ${paintedMs} ms (FCP ${fcpMs?.toFixed(0) ?? "n/a"} ms)`,
      );
      await context.close();
    }

    const painted = summarize(samples.map((s) => s.paintedMs));
    const fcp = summarize(samples.flatMap((s) => (s.fcpMs === null ? [] : [s.fcpMs])));
    const result = {
      bench: "offline-cold-start",
      at: new Date().toISOString(),
      machine: machineInfo({ postgres: `PostgreSQL ${postgres}`, redis: "not used by this benchmark" }),
      config,
      storedEntriesShown: stored,
      waitingEntries: config.waiting,
      paintedWithEntriesMs: { p50: round(painted.p50), p95: round(painted.p95), max: round(painted.max) },
      firstContentfulPaintMs: { p50: round(fcp.p50), p95: round(fcp.p95) },
      samples,
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
    const out = path.join(ROOT, "bench/results", `offline-cold-${result.at.slice(0, 19).replace(/[:T]/g, "-")}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`[bench] wrote ${path.relative(ROOT, out)}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await app.stop();
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopApp?.();
  process.exit(1);
});
