/**
 * `npm run bench:analytics` — the worker's refresh of one child with a year of entries (~10,000):
 * load from PostgreSQL + compute totals, predictions, patterns and alerts + cache the predictions
 * in Redis + store the snapshot, insights and alerts in the document store. Timed over repeated
 * runs (p50/p95/p99, and per phase), next to the bare baseline of only loading the rows (the same
 * SQL through the app's Prisma client, and through plain pg). Goal: ≤ 200 ms per refresh.
 *
 * Fresh database + migrations, seeded in SQL (bench/analytics/seed.ts), dropped at the end.
 * Prints the machine and writes bench/results/analytics-<date>.json. Never fails on the numbers.
 *
 * Env: BENCH_RUNS (30), BENCH_WARMUP (3), BENCH_ADMIN_DATABASE_URL, REDIS_URL, BENCH_KEEP_DB=1.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import Redis from "ioredis";
import { machineInfo } from "../lib/machine";
import { round, summarize, type Summary } from "../lib/stats";
import { seedYear } from "./seed";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const GOAL_MS = 200;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const fmt = (s: Summary) =>
  `p50 ${round(s.p50, 1)} ms  p95 ${round(s.p95, 1)} ms  p99 ${round(s.p99, 1)} ms  max ${round(s.max, 1)} ms  mean ${round(s.mean, 1)} ms`;
const rounded = (s: Summary) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 2)])) as Summary;

async function main() {
  const loadAtStart = os.loadavg().map((n) => round(n, 2));
  const dbName = `nestling_bench_analytics_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      cwd: ROOT,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
      },
    });
    await client.connect();
    const now = new Date();
    const t0 = performance.now();
    const seeded = await seedYear(client, now);
    console.log(`seeded ${seeded.entries} entries over 365 days in ${round((performance.now() - t0) / 1000, 1)} s`);

    // The app's modules read their configuration on first use: point them at the bench database.
    process.env.DATABASE_URL = databaseUrl;
    process.env.REDIS_URL = REDIS_URL;
    delete process.env.MONGODB_URL;
    const { refreshChild } = await import("@/lib/insights/refresh");
    const { loadChildHistory } = await import("@/lib/insights/history");
    const { analyzeChild } = await import("@/lib/insights/analyze");
    const { db } = await import("@/lib/db/client");
    const { redis } = await import("@/lib/redis/client");
    const { closeQueues } = await import("@/lib/queue/connection");

    const historyDays = 366;
    const window = {
      childId: seeded.childId,
      from: new Date(now.getTime() - historyDays * 86_400_000),
      to: new Date(now.getTime() + 3_600_000),
    };
    const refresh = () => refreshChild({ childId: seeded.childId, now, historyDays });
    const first = await refresh();
    if (first.status !== "refreshed") throw new Error("the child was not refreshed");
    console.log(`first refresh: ${first.entries} entries, ${first.newInsights} new insights, ${first.newAlerts} new alerts`);

    const phases: Record<string, number[]> = { loadMs: [], computeMs: [], storeMs: [], announceMs: [] };
    await time(WARMUP, refresh);
    const refreshMs = await time(RUNS, async () => {
      const r = await refresh();
      if (r.status === "refreshed") for (const [k, v] of Object.entries(r.timings)) phases[k]?.push(v);
    });

    // The worker's own setting: the same year-long child, ANALYSIS_HISTORY_DAYS (30) loaded.
    const productionDays = Number(process.env.ANALYSIS_HISTORY_DAYS ?? 30);
    const productionRefresh = () => refreshChild({ childId: seeded.childId, now, historyDays: productionDays });
    await time(WARMUP, productionRefresh);
    const productionMs = await time(RUNS, productionRefresh);

    await time(WARMUP, () => loadChildHistory(window));
    const loadPrismaMs = await time(RUNS, () => loadChildHistory(window));
    const sql = `SELECT id::text, type::text, "startedAt", "endedAt", details, seq FROM "Activity"
                 WHERE "childId" = $1 AND "deletedAt" IS NULL AND "startedAt" >= $2 AND "startedAt" < $3 ORDER BY "startedAt", id`;
    const params = [seeded.childId, window.from, window.to];
    await time(WARMUP, () => client.query(sql, params));
    const loadPgMs = await time(RUNS, () => client.query(sql, params));
    const entries = await loadChildHistory(window);
    const child = { id: seeded.childId, birthDate: seeded.from.toISOString().slice(0, 10), timezone: "Europe/Madrid" };
    const computeOnlyMs = await time(RUNS, async () => analyzeChild({ child, entries, now, dayStartHour: 6 }));

    const pgVersion = (await client.query("SHOW server_version")).rows[0].server_version as string;
    const redisInfo = new Redis(REDIS_URL);
    const redisVersion = /redis_version:(\S+)/.exec(await redisInfo.info("server"))?.[1] ?? "unknown";
    redisInfo.disconnect();
    const machine = {
      ...machineInfo({ postgres: pgVersion, redis: redisVersion }),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)),
    };

    const summary = {
      refresh: rounded(summarize(refreshMs)),
      refreshProductionWindow: rounded(summarize(productionMs)),
      phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, rounded(summarize(v))])),
      baselineLoadPrisma: rounded(summarize(loadPrismaMs)),
      baselineLoadPg: rounded(summarize(loadPgMs)),
      computeOnly: rounded(summarize(computeOnlyMs)),
    };
    console.log(`\nbench/analytics — refresh of one child, ${entries.length} entries (one year), ${RUNS} runs after ${WARMUP} warm-up`);
    console.log(`  refresh (load + compute + cache + store)  ${fmt(summary.refresh)}`);
    for (const [k, s] of Object.entries(summary.phases)) console.log(`    ${k.padEnd(12)} ${fmt(s as Summary)}`);
    console.log(`  refresh, worker's window (${productionDays} days)    ${fmt(summary.refreshProductionWindow)}`);
    console.log(`  baseline: load only (app, Prisma raw)     ${fmt(summary.baselineLoadPrisma)}`);
    console.log(`  baseline: load only (plain pg)            ${fmt(summary.baselineLoadPg)}`);
    console.log(`  compute only (analyzeChild, in memory)    ${fmt(summary.computeOnly)}`);
    console.log(`  refresh / bare load (p50): ${round(summary.refresh.p50 / summary.baselineLoadPg.p50, 2)}×`);
    console.log(
      `  goal ≤ ${GOAL_MS} ms at p95: ${summary.refresh.p95 <= GOAL_MS ? "met" : "NOT met"} (p95 ${round(summary.refresh.p95, 1)} ms)`,
    );
    console.log(
      `\nmachine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, ${machine.os}, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}; load average (1/5/15 min) at start ${machine.loadAverageAtStart.join(" ")}, at end ${machine.loadAverageAtEnd.join(" ")}`,
    );

    const outDir = path.join(ROOT, "bench", "results");
    mkdirSync(outDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    const out = path.join(outDir, `analytics-${stamp}.json`);
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, warmup: WARMUP, entries: entries.length, historyDays, productionDays, goalMs: GOAL_MS, summary, machine }, null, 2)}\n`,
    );
    console.log(`results: ${path.relative(ROOT, out)}`);

    await closeQueues();
    await db.$disconnect();
    redis.disconnect();
  } finally {
    await client.end().catch(() => {});
    if (process.env.BENCH_KEEP_DB !== "1") await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
