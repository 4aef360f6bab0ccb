/**
 * `npm run bench:api` — latency of POST /api/v1/activities and GET /api/v1/activities at a fixed
 * request rate, against the production build, next to a bare Node + pg server doing the same SQL.
 *
 * One command does everything: fresh database + `prisma migrate deploy`, `next build` into
 * NEXT_DIST_DIR (default .next-bench; BENCH_SKIP_BUILD=1 reuses it), `next start`, a user and a
 * child through the API, the bare server (bench/api/bare-server.ts), warm-up, then autocannon at
 * the fixed rate against each server in turn; prints the table, the app/bare ratios and the
 * machine, writes bench/results/api-<date>.json, and stops everything and drops the database,
 * also on error or Ctrl-C.
 *
 * Flags (or env): --rate (BENCH_RATE, 300), --duration s (BENCH_DURATION, 30), --warmup s
 * (BENCH_WARMUP, 5), --connections (BENCH_CONNECTIONS, 20), --pacing staggered|burst
 * (BENCH_PACING, staggered; see bench/lib/load.ts), --scenarios post,list,floor (BENCH_SCENARIOS),
 * --out file (BENCH_OUT), --skip-build (BENCH_SKIP_BUILD=1), --keep-db (BENCH_KEEP_DB=1),
 * --cpu-prof (BENCH_CPU_PROF=1: V8 CPU profile of the app, summarized at the end), --trace
 * (BENCH_TRACE=1: bench/lib/trace-preload.cjs times the app's SQL, Redis and requests per scenario).
 * --micro (BENCH_MICRO=1: bench/api/micro.ts times the app's queries and services in-process).
 * Scenario "floor" is a GET of an unknown /api/v1 path, answered by the app's catch-all route
 * without database or Redis: what Next.js itself costs per request (the bare server's 404 is its
 * counterpart).
 * Other work on the machine skews the numbers: each measured run first waits up to
 * BENCH_QUIET_TIMEOUT s (120) for the rest of the machine to use < BENCH_QUIET_CORES (0.3) cores,
 * and the report shows how many cores the rest of the machine used during each run.
 * Profiling perturbs the timings: compare latencies only from runs without --cpu-prof/--trace.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { execFileSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import Redis from "ioredis";
import { freePort, waitForHttp } from "../../scripts/lib/process";
import { runLoad, type LoadResult, type Pacing } from "../lib/load";
import { machineInfo, type MachineInfo } from "../lib/machine";
import { cpuDelta, groupPids, machineCpu, runCommand, sleep, snapshot, startService, type Service } from "../lib/proc";
import { round, summarize, type Summary } from "../lib/stats";
import { summarizeProfiles } from "../lib/cpuprofile";

const requireHere = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

const { values: flags } = parseArgs({
  options: {
    rate: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    pacing: { type: "string" },
    scenarios: { type: "string" },
    out: { type: "string" },
    "skip-build": { type: "boolean" },
    "keep-db": { type: "boolean" },
    "cpu-prof": { type: "boolean" },
    trace: { type: "boolean" },
    micro: { type: "boolean" },
  },
});

const config = {
  rate: Number(flags.rate ?? process.env.BENCH_RATE ?? 300),
  durationSec: Number(flags.duration ?? process.env.BENCH_DURATION ?? 30),
  warmupSec: Number(flags.warmup ?? process.env.BENCH_WARMUP ?? 5),
  connections: Number(flags.connections ?? process.env.BENCH_CONNECTIONS ?? 20),
  pacing: (flags.pacing ?? process.env.BENCH_PACING ?? "staggered") as Pacing,
  scenarios: (flags.scenarios ?? process.env.BENCH_SCENARIOS ?? "post,list,floor").split(",").map((s) => s.trim()),
  distDir: process.env.NEXT_DIST_DIR ?? ".next-bench",
  skipBuild: Boolean(flags["skip-build"]) || process.env.BENCH_SKIP_BUILD === "1",
  keepDb: Boolean(flags["keep-db"]) || process.env.BENCH_KEEP_DB === "1",
  cpuProf: Boolean(flags["cpu-prof"]) || process.env.BENCH_CPU_PROF === "1",
  trace: Boolean(flags.trace) || process.env.BENCH_TRACE === "1",
  micro: Boolean(flags.micro) || process.env.BENCH_MICRO === "1",
  /** Before each measured run, wait (up to quietTimeoutSec) until the rest of the machine uses less than this many cores. */
  quietCores: Number(process.env.BENCH_QUIET_CORES ?? 0.3),
  quietTimeoutSec: Number(process.env.BENCH_QUIET_TIMEOUT ?? 120),
  adminUrl: process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  poolSize: 10,
  /** The goal of the issue: p95 at the target rate, and the ratio to the bare server. */
  goal: { p95Ms: 20, ratio: 2.5 },
};
if (!["staggered", "burst"].includes(config.pacing)) throw new Error(`--pacing must be staggered or burst, not ${config.pacing}`);
for (const s of config.scenarios) if (!["post", "list", "floor"].includes(s)) throw new Error(`unknown scenario ${s}`);
type Scenario = "post" | "list" | "floor";

type Target = "app" | "bare";
type ScenarioResult = {
  scenario: string;
  endpoint: string;
  target: Target;
  targetRate: number;
  achievedRate: number;
  requests: number;
  latencyMs: Summary;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  errorSamples: string[];
  /** CPU ms per request of each party, from /proc; "other" is the rest of the machine (other users). */
  cpuMsPerRequest: { server: number; postgres: number; redis: number; loadGenerator: number; otherOnMachine: number };
  machineBusyCores: number;
  /** Cores used by the rest of the machine (other users' processes) during the run. */
  otherCores: number;
  quietBefore: { waitedSec: number; otherCores: number };
  postgresPerRequest: { transactions: number; rowsInserted: number; rowsUpdated: number; rowsFetched: number };
  /** New PostgreSQL connections opened during the run (pool churn). */
  postgresNewSessions: number;
  redisCommandsPerRequest: number;
  /** With --trace: the app's SQL, Redis and request timings during the run. */
  appTrace?: unknown;
};

type TraceEntry = { key: string; count: number; totalMs: number; meanMs: number; maxMs: number };
type Trace = {
  requests: number;
  requestMeanMs: number;
  sql: TraceEntry[];
  redis: TraceEntry[];
  eventLoopLagMs: { p50: number; p99: number; max: number } | null;
};

function printTrace(t: Trace, completed: number) {
  const n = Math.max(1, t.requests);
  const sqlCount = t.sql.reduce((a, e) => a + e.count, 0);
  const sqlMs = t.sql.reduce((a, e) => a + e.totalMs, 0);
  const redisMs = t.redis.reduce((a, e) => a + e.totalMs, 0);
  console.log(
    `[trace]   ${t.requests} requests seen by the app (${completed} completed at the client), server time mean ${t.requestMeanMs} ms; per request: ${round(sqlCount / n, 2)} SQL statements, ${round(sqlMs / n, 2)} ms waiting on SQL, ${round(redisMs / n, 2)} ms on Redis; event-loop lag p50 ${t.eventLoopLagMs?.p50} ms, p99 ${t.eventLoopLagMs?.p99} ms`,
  );
  for (const e of t.sql)
    console.log(
      `[trace]     sql   ${String(round(e.count / n, 2)).padStart(5)}×/req  mean ${String(e.meanMs).padStart(7)} ms  ${e.key.slice(0, 110)}`,
    );
  for (const e of t.redis)
    console.log(`[trace]     redis ${String(round(e.count / n, 2)).padStart(5)}×/req  mean ${String(e.meanMs).padStart(7)} ms  ${e.key}`);
}

// ---------------------------------------------------------------- cleanup, also on Ctrl-C
const services: Service[] = [];
const commands = new Set<ChildProcess>();
let dbName: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of commands) child.kill("SIGTERM");
    await Promise.all(services.map((s) => s.stop()));
    if (dbName && !config.keepDb) {
      await sleep(300);
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) =>
        console.error("drop database failed:", e),
      );
      console.log(`[bench] dropped database ${dbName}`);
    } else if (dbName) console.log(`[bench] kept database ${dbName}`);
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping`);
    cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: config.adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const startedAt = new Date();
  const logDir = mkdtempSync(path.join(os.tmpdir(), "nestling-bench-"));
  console.log(`[bench] logs in ${logDir}`);

  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const redisInfo = await redis.info("server");
  const redisPid = Number(/process_id:(\d+)/.exec(redisInfo)?.[1]);
  const postgresVersion = await withAdmin(async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string);
  const machine = machineInfo({ postgres: `PostgreSQL ${postgresVersion}`, redis: `Redis ${/redis_version:(\S+)/.exec(redisInfo)?.[1]}` });

  // 1. fresh database
  dbName = `nestling_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(config.adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  console.log(`[bench] created database ${dbName}`);
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: config.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(config.poolSize),
    REDIS_URL: config.redisUrl,
    APP_URL: appUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // High enough never to reject, so the limiter still runs its Redis round trip on every request.
    RATE_LIMIT_IP: "10000000",
    RATE_LIMIT_USER: "10000000",
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  };
  const run = (cmd: string, args: string[], e = env) => runCommand(cmd, args, e, (child) => commands.add(child));
  if ((await run("npx", ["prisma", "migrate", "deploy"])) !== 0) throw new Error("prisma migrate deploy failed");

  // 2. production build
  if (!config.skipBuild) {
    console.log(`[bench] next build into ${config.distDir}`);
    if ((await run("npx", ["next", "build"])) !== 0) throw new Error("next build failed");
  }

  // 3. next start
  const nextBin = requireHere.resolve("next/dist/bin/next");
  const profDir = path.join(logDir, "cpu-prof");
  // --cpu-prof is not allowed in NODE_OPTIONS: it goes on the command line of the server process.
  const traceFile = path.join(logDir, "trace.jsonl");
  const nodeFlags = [
    ...(config.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : []),
    ...(config.trace ? ["--require", path.join(ROOT, "bench/lib/trace-preload.cjs")] : []),
  ];
  if (config.cpuProf) mkdirSync(profDir, { recursive: true });
  const app = startService(
    "app",
    process.execPath,
    [...nodeFlags, nextBin, "start", "-p", String(appPort), "-H", "127.0.0.1"],
    { ...env, BENCH_TRACE_FILE: traceFile },
    path.join(logDir, "app.log"),
  );
  services.push(app);
  await Promise.race([
    waitForHttp(`${appUrl}/api/health`, 60_000),
    app.exited.then((code) => Promise.reject(new Error(`next start exited (${code})`))),
  ]);
  console.log(`[bench] app on ${appUrl}`);

  // 4. a user, their family and a child, through the API
  const register = await postJson(`${appUrl}/api/v1/auth/register`, {
    email: `bench-${Date.now()}@example.com`,
    password: "bench-password-1",
    name: "Bench",
  });
  const token = register.token as string;
  const familyId = register.family.id as string;
  const userId = register.user.id as string;
  const birthDate = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  const { child } = await postJson(`${appUrl}/api/v1/children`, { familyId, name: "Bench Baby", birthDate, sex: "female" }, token);
  const childId = child.id as string;

  // 5. the bare server, on the same database and the same family/user/child
  const barePort = await freePort();
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const tsxBin = path.join(ROOT, "node_modules/.bin/tsx");
  const bare = startService(
    "bare",
    tsxBin,
    [path.join(ROOT, "bench/api/bare-server.ts")],
    { ...env, PORT: String(barePort), FAMILY_ID: familyId, USER_ID: userId, POOL_SIZE: String(config.poolSize) },
    path.join(logDir, "bare.log"),
  );
  services.push(bare);
  await Promise.race([
    waitForHttp(`${bareUrl}/health`, 30_000),
    bare.exited.then((code) => Promise.reject(new Error(`bare server exited (${code})`))),
  ]);
  console.log(`[bench] bare server on ${bareUrl}`);

  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": "en" };
  const activityBody = () => {
    const started = Date.now() - Math.floor(Math.random() * 12 * 3600_000);
    return JSON.stringify({
      id: randomUUID(),
      childId,
      type: "feeding",
      startedAt: new Date(started).toISOString(),
      endedAt: new Date(started + 15 * 60_000).toISOString(),
      details: { method: "bottle", amountMl: 30 + Math.floor(Math.random() * 200), milk: "formula" },
    });
  };
  const listPath = `/api/v1/activities?childId=${childId}&limit=50`;
  const bases: Record<Target, string> = { app: appUrl, bare: bareUrl };
  const servicesOf: Record<Target, Service> = { app, bare };

  const paths: Record<Scenario, string> = { post: "/api/v1/activities", list: listPath, floor: "/api/v1/bench-floor" };
  const load = (target: Target, scenario: Scenario, durationSec: number) =>
    runLoad({
      baseUrl: bases[target],
      method: scenario === "post" ? "POST" : "GET",
      path: paths[scenario],
      headers,
      body: scenario === "post" ? activityBody : undefined,
      rate: config.rate,
      durationSec,
      connections: config.connections,
      pacing: config.pacing,
    });

  // 6. warm-up: both servers, both endpoints (JIT, pools, Next's route modules)
  for (const target of ["app", "bare"] as const) {
    for (const scenario of config.scenarios as Scenario[]) {
      if (config.warmupSec <= 0) continue;
      const r = await load(target, scenario, config.warmupSec);
      console.log(
        `[bench] warm-up ${target} ${scenario}: ${r.completed} requests, p95 ${round(summarize(r.latencies).p95)} ms, non-2xx ${r.non2xx}`,
      );
      if (r.non2xx > 0 && scenario !== "floor") throw new Error(`warm-up ${target} ${scenario} failed: ${r.errorSamples.join(" | ")}`);
    }
  }

  // 7. the two servers must answer the list alike (same table, same ids in the same order)
  const [appList, bareList] = await Promise.all([getJson(`${appUrl}${listPath}`, token), getJson(`${bareUrl}${listPath}`, token)]);
  const sameList =
    appList.items.length === 50 &&
    JSON.stringify(appList.items.map((a: { id: string }) => a.id)) === JSON.stringify(bareList.items.map((a: { id: string }) => a.id));
  if (!sameList) throw new Error("app and bare server list different activities");

  // 8. measured runs, app then bare per endpoint, so that both see the same table
  const results: ScenarioResult[] = [];
  for (const scenario of config.scenarios as Scenario[]) {
    // floor: the bare server's 404 is the same kind of answer (JSON, no I/O)
    for (const target of ["app", "bare"] as const) {
      // Planner statistics as a long-lived database has them: without this the freshly filled
      // table is still "empty" to the planner and the list sorts every row of the child
      // (Bitmap Heap Scan + top-N sort: 9 ms instead of 0.06 ms at 5 000 rows).
      await withDatabase(databaseUrl, (c) => c.query("ANALYZE"));
      await sleep(1500); // lets PostgreSQL flush its statistics of the previous run
      const quiet = await waitForQuiet();
      const pgBefore = await pgStats(dbName);
      const redisBefore = await redisCommands(redis);
      const serverPids = groupPids(servicesOf[target].child.pid!);
      const cpuBefore = {
        server: snapshot(serverPids),
        pg: snapshot(pgBefore.pids),
        redis: snapshot([redisPid]),
        self: process.cpuUsage(),
        machine: machineCpu(),
      };
      console.log(`[bench] ${scenario} → ${target}: ${config.rate} req/s for ${config.durationSec} s`);
      const tracing = config.trace && target === "app";
      if (tracing) process.kill(app.child.pid!, "SIGUSR2"); // resets the counters
      const r = await load(target, scenario, config.durationSec);
      let trace: unknown;
      if (tracing) {
        process.kill(app.child.pid!, "SIGUSR2");
        await sleep(300);
        trace = JSON.parse(readFileSync(traceFile, "utf8").trim().split("\n").pop()!);
      }
      const machineAfter = machineCpu();
      const self = process.cpuUsage(cpuBefore.self);
      const cpuAfter = {
        server: snapshot(groupPids(servicesOf[target].child.pid!)),
        pg: snapshot((await pgStats(dbName)).pids),
        redis: snapshot([redisPid]),
      };
      await sleep(1500);
      const pgAfter = await pgStats(dbName);
      const redisAfter = await redisCommands(redis);
      results.push(
        toResult(
          scenario,
          target,
          r,
          quiet,
          {
            server: cpuDelta(cpuBefore.server, cpuAfter.server),
            postgres: cpuDelta(cpuBefore.pg, cpuAfter.pg),
            redis: cpuDelta(cpuBefore.redis, cpuAfter.redis),
            loadGenerator: (self.user + self.system) / 1000,
            machineBusy: machineAfter.busyMs - cpuBefore.machine.busyMs,
            machineWall: (machineAfter.totalMs - cpuBefore.machine.totalMs) / machine.cores,
          },
          pgBefore,
          pgAfter,
          redisAfter - redisBefore,
        ),
      );
      const last = results[results.length - 1];
      if (trace) {
        last.appTrace = trace;
        printTrace(trace as Trace, last.requests);
      }
      console.log(
        `[bench]   ${round(last.achievedRate, 1)} req/s, p50 ${round(last.latencyMs.p50)} ms, p95 ${round(last.latencyMs.p95)} ms, p99 ${round(last.latencyMs.p99)} ms, non-2xx ${last.non2xx}`,
      );
    }
  }
  await redis.quit();

  // 9a. optional: in-process timings of the app's queries and services
  let micro: unknown;
  if (config.micro) {
    const microOut = path.join(logDir, "micro.json");
    console.log("\n[bench] micro: the app's queries and services in-process (bench/api/micro.ts)");
    const code = await run(tsxBin, [path.join(ROOT, "bench/api/micro.ts")], {
      ...env,
      TOKEN: token,
      CHILD_ID: childId,
      FAMILY_ID: familyId,
      USER_ID: userId,
      MICRO_OUT: microOut,
    });
    if (code !== 0) throw new Error("micro failed");
    micro = JSON.parse(readFileSync(microOut, "utf8"));
  }

  // 9. report
  const rows = await countRows(databaseUrl);
  const report = { ...buildReport({ startedAt, machine, results, activityRows: rows }), ...(micro ? { micro } : {}) };
  printReport(report);
  const out = flags.out ?? process.env.BENCH_OUT ?? path.join(ROOT, "bench/results", `api-${stamp(startedAt)}.json`);
  mkdirSync(path.dirname(out), { recursive: true });

  await cleanup();
  if (config.cpuProf) {
    await sleep(1000);
    const profile = summarizeProfiles(profDir);
    (report as Record<string, unknown>).appCpuProfile = profile;
    console.log("\nApp CPU profile (self time, whole run incl. warm-up):");
    for (const row of profile.byCategory.slice(0, 15)) console.log(`  ${row.share.toFixed(1).padStart(5)} %  ${row.name}`);
    console.log("  top functions:");
    for (const row of profile.topFunctions.slice(0, 25)) console.log(`  ${row.share.toFixed(1).padStart(5)} %  ${row.name}`);
  }
  // formatted as the repo's Prettier would (format:check covers bench/results too)
  const prettier = await import("prettier");
  const text = await prettier.format(JSON.stringify(report), { ...(await prettier.resolveConfig(out)), parser: "json" });
  writeFileSync(out, text);
  console.log(`\n[bench] results written to ${path.relative(process.cwd(), out)}`);
}

// ---------------------------------------------------------------- helpers
const SCENARIO_NAMES: Record<Scenario, string> = { post: "POST", list: "GET list", floor: "GET 404 floor" };

/** Waits until the machine (our servers idle) uses fewer than quietCores cores over 2 s, or gives up. */
async function waitForQuiet(): Promise<{ waitedSec: number; otherCores: number }> {
  const start = Date.now();
  for (;;) {
    const a = machineCpu();
    await sleep(2000);
    const b = machineCpu();
    const cores = (b.busyMs - a.busyMs) / ((b.totalMs - a.totalMs) / os.cpus().length);
    const waitedSec = Math.round((Date.now() - start) / 1000);
    if (cores < config.quietCores) return { waitedSec, otherCores: round(cores, 2) };
    if (waitedSec >= config.quietTimeoutSec) {
      console.log(`[bench]   the machine is busy (${round(cores, 2)} cores used by others); measuring anyway`);
      return { waitedSec, otherCores: round(cores, 2) };
    }
    if (waitedSec < 3) console.log(`[bench]   waiting for a quieter machine (${round(cores, 2)} cores busy)…`);
  }
}

async function postJson(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function getJson(url: string, token: string) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function withDatabase<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function countRows(databaseUrl: string): Promise<number> {
  return withDatabase(databaseUrl, async (c) => Number((await c.query(`SELECT count(*) FROM "Activity"`)).rows[0].count));
}

type PgStats = { pids: number[]; xact: number; inserted: number; updated: number; fetched: number; sessions: number };

async function pgStats(database: string): Promise<PgStats> {
  return withAdmin(async (c) => {
    const pids = (await c.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database])).rows.map((r) => Number(r.pid));
    const s = (
      await c.query(
        `SELECT xact_commit + xact_rollback AS xact, tup_inserted, tup_updated, tup_fetched, sessions FROM pg_stat_database WHERE datname = $1`,
        [database],
      )
    ).rows[0];
    return {
      pids,
      xact: Number(s.xact),
      inserted: Number(s.tup_inserted),
      updated: Number(s.tup_updated),
      fetched: Number(s.tup_fetched),
      sessions: Number(s.sessions),
    };
  });
}

async function redisCommands(redis: Redis): Promise<number> {
  const info = await redis.info("stats");
  // minus the INFO command itself
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1]) - 1;
}

function toResult(
  scenario: Scenario,
  target: Target,
  r: LoadResult,
  quiet: { waitedSec: number; otherCores: number },
  cpu: { server: number; postgres: number; redis: number; loadGenerator: number; machineBusy: number; machineWall: number },
  pgBefore: PgStats,
  pgAfter: PgStats,
  redisCommandsDelta: number,
): ScenarioResult {
  const n = Math.max(1, r.completed);
  const ours = cpu.server + cpu.postgres + cpu.redis + cpu.loadGenerator;
  return {
    scenario: `${SCENARIO_NAMES[scenario]} ${target}`,
    endpoint:
      scenario === "post"
        ? "POST /api/v1/activities"
        : scenario === "list"
          ? "GET /api/v1/activities?childId=…&limit=50"
          : "GET /api/v1/bench-floor (404)",
    target,
    targetRate: config.rate,
    achievedRate: round(r.achievedRate, 1),
    requests: r.completed,
    latencyMs: Object.fromEntries(Object.entries(summarize(r.latencies)).map(([k, v]) => [k, k === "count" ? v : round(v)])) as Summary,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCounts: r.statusCounts,
    errorSamples: r.errorSamples,
    cpuMsPerRequest: {
      server: round(cpu.server / n),
      postgres: round(cpu.postgres / n),
      redis: round(cpu.redis / n, 3),
      loadGenerator: round(cpu.loadGenerator / n),
      otherOnMachine: round(Math.max(0, cpu.machineBusy - ours) / n),
    },
    machineBusyCores: round(cpu.machineBusy / cpu.machineWall, 2),
    otherCores: round(Math.max(0, cpu.machineBusy - ours) / cpu.machineWall, 2),
    quietBefore: quiet,
    postgresPerRequest: {
      transactions: round((pgAfter.xact - pgBefore.xact) / n),
      rowsInserted: round((pgAfter.inserted - pgBefore.inserted) / n),
      rowsUpdated: round((pgAfter.updated - pgBefore.updated) / n),
      rowsFetched: round((pgAfter.fetched - pgBefore.fetched) / n),
    },
    postgresNewSessions: pgAfter.sessions - pgBefore.sessions,
    redisCommandsPerRequest: round(redisCommandsDelta / n),
  };
}

function buildReport({
  startedAt,
  machine,
  results,
  activityRows,
}: {
  startedAt: Date;
  machine: MachineInfo;
  results: ScenarioResult[];
  activityRows: number;
}) {
  const find = (scenario: string) => results.find((r) => r.scenario === scenario);
  const ratios = (["POST", "GET list", "GET 404 floor"] as const).flatMap((name) => {
    const app = find(`${name} app`);
    const bare = find(`${name} bare`);
    if (!app || !bare) return [];
    const p50 = round(app.latencyMs.p50 / bare.latencyMs.p50);
    const p95 = round(app.latencyMs.p95 / bare.latencyMs.p95);
    const expectedNon2xx = name === "GET 404 floor" ? app.requests : 0;
    const rateMet = app.achievedRate >= 0.97 * config.rate && app.non2xx === expectedNon2xx && app.errors === 0;
    return [
      {
        scenario: name,
        appP50: app.latencyMs.p50,
        bareP50: bare.latencyMs.p50,
        ratioP50: p50,
        appP95: app.latencyMs.p95,
        bareP95: bare.latencyMs.p95,
        ratioP95: p95,
        goal:
          name === "GET 404 floor"
            ? null
            : {
                p95: app.latencyMs.p95 <= config.goal.p95Ms,
                ratio: p95 <= config.goal.ratio,
                rate: rateMet,
                met: app.latencyMs.p95 <= config.goal.p95Ms && p95 <= config.goal.ratio && rateMet,
              },
      },
    ];
  });
  return {
    benchmark: "bench/api",
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    config: {
      rate: config.rate,
      durationSec: config.durationSec,
      warmupSec: config.warmupSec,
      connections: config.connections,
      pacing: config.pacing,
      loadTool: `autocannon ${packageVersion("autocannon")}`,
      databasePoolSize: config.poolSize,
      distDir: config.distDir,
      goal: config.goal,
    },
    machine,
    git: gitInfo(),
    loadAverageAtEnd: os.loadavg().map((n) => round(n)),
    activityRowsAtEnd: activityRows,
    results,
    ratios,
  };
}

function printReport(report: ReturnType<typeof buildReport>) {
  const m = report.machine;
  console.log(`\nbench/api — ${report.startedAt}`);
  console.log(`machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}`);
  console.log(`software: Node ${m.node}, ${m.postgres}, ${m.redis}, Next ${m.next}, Prisma ${m.prisma}`);
  console.log(
    `load: ${report.config.loadTool}, ${report.config.rate} req/s for ${report.config.durationSec} s per scenario (after ${report.config.warmupSec} s warm-up), ${report.config.connections} connections, ${report.config.pacing} pacing; load average ${m.loadAverageAtStart.join(" ")} → ${report.loadAverageAtEnd.join(" ")}\n`,
  );
  const header = [
    "scenario",
    "target/s",
    "achieved/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "non-2xx",
    "errors",
    "srv CPU ms/req",
    "pg CPU ms/req",
    "others' cores",
  ];
  const lines = report.results.map((r) => [
    r.scenario,
    String(r.targetRate),
    r.achievedRate.toFixed(1),
    r.latencyMs.p50.toFixed(2),
    r.latencyMs.p95.toFixed(2),
    r.latencyMs.p99.toFixed(2),
    r.latencyMs.max.toFixed(2),
    String(r.non2xx),
    String(r.errors + r.timeouts),
    r.cpuMsPerRequest.server.toFixed(2),
    r.cpuMsPerRequest.postgres.toFixed(2),
    r.otherCores.toFixed(2),
  ]);
  printTable(header, lines);
  console.log("");
  printTable(
    [
      "app / bare",
      "app p50",
      "bare p50",
      "ratio p50",
      "app p95",
      "bare p95",
      "ratio p95",
      `goal p95 ≤ ${config.goal.p95Ms} ms`,
      `goal ratio ≤ ${config.goal.ratio}`,
      "rate held",
    ],
    report.ratios.map((r) => [
      r.scenario,
      r.appP50.toFixed(2),
      r.bareP50.toFixed(2),
      `${r.ratioP50.toFixed(2)}×`,
      r.appP95.toFixed(2),
      r.bareP95.toFixed(2),
      `${r.ratioP95.toFixed(2)}×`,
      r.goal ? (r.goal.p95 ? "met" : "MISSED") : "-",
      r.goal ? (r.goal.ratio ? "met" : "MISSED") : "-",
      r.goal ? (r.goal.rate ? "yes" : "NO") : "-",
    ]),
  );
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function packageVersion(name: string): string {
  try {
    return requireHere(`${name}/package.json`).version;
  } catch {
    return "unknown";
  }
}

/** The commit measured, and whether the app's sources differed from it (others edit the tree too). */
function gitInfo() {
  const git = (args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  try {
    const dirty = git(["status", "--porcelain", "--", "app", "lib", "prisma", "proxy.ts", "next.config.ts", "package.json"]);
    return { commit: git(["rev-parse", "HEAD"]), appSourcesModified: dirty ? dirty.split("\n").length : 0 };
  } catch {
    return { commit: "unknown", appSourcesModified: -1 };
  }
}

function stamp(d: Date) {
  return d.toISOString().slice(0, 19).replace(/:/g, "").replace("T", "-");
}

main()
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.error("[bench] failed:", error);
    await cleanup();
    process.exit(1);
  });
