/**
 * `npm run bench:offline` — a device comes back online with 1,000 queued operations and replays
 * them through POST /api/v1/sync in batches, against the production build; next to it, the bare
 * floor: the same 1,000 entries inserted directly with `pg` in one transaction.
 *
 * Like bench/api: fresh database + `prisma migrate deploy`, `next build` into NEXT_DIST_DIR
 * (default .next-bench; BENCH_SKIP_BUILD=1 reuses it), `next start`, a user and a child through the
 * API; then for each scenario and run a fresh child, one sync to learn `since` (the device was in
 * sync before it went offline), and the replay, batch after batch as a device sends them. End to
 * end = first request sent → last response parsed (the answers carry the changes, i.e. the 1,000
 * entries back). After each replay the database is checked: every entry there, none twice, edits
 * and deletes applied; the same ops are then replayed again (a retry) and must change nothing.
 * Prints the machine and the numbers; writes bench/results/offline-<date>.json. Never fails on time.
 *
 * Flags (or env): --ops (BENCH_OPS, 1000), --batch (BENCH_BATCH, 500), --runs (BENCH_RUNS, 3),
 * --out file, --skip-build (BENCH_SKIP_BUILD=1), --keep-db (BENCH_KEEP_DB=1).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ChildProcess } from "node:child_process";
import Redis from "ioredis";
import { withClient } from "../../scripts/lib/database";
import { freePort, waitForHttp } from "../../scripts/lib/process";
import { machineInfo } from "../lib/machine";
import { runCommand, sleep, startService, type Service } from "../lib/proc";
import { round, summarize } from "../lib/stats";
import { HybridClock } from "../../lib/sync/hlc";

const requireHere = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

const { values: flags } = parseArgs({
  options: {
    ops: { type: "string" },
    batch: { type: "string" },
    runs: { type: "string" },
    out: { type: "string" },
    "skip-build": { type: "boolean" },
    "keep-db": { type: "boolean" },
  },
});

const config = {
  ops: Number(flags.ops ?? process.env.BENCH_OPS ?? 1000),
  batch: Number(flags.batch ?? process.env.BENCH_BATCH ?? 500),
  runs: Number(flags.runs ?? process.env.BENCH_RUNS ?? 3),
  distDir: process.env.NEXT_DIST_DIR ?? ".next-bench",
  skipBuild: Boolean(flags["skip-build"]) || process.env.BENCH_SKIP_BUILD === "1",
  keepDb: Boolean(flags["keep-db"]) || process.env.BENCH_KEEP_DB === "1",
  adminUrl: process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  poolSize: 10,
  /** The goal: 1,000 queued operations replayed in ≤ 3 s end to end, none lost. */
  goalMs: 3000,
};

type Op = Record<string, unknown> & { opId: string; kind: string };
type Expectation = { live: number; deleted: number; notes: Map<string, string> };

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
      await withClient(config.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) =>
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

// ---------------------------------------------------------------- the outbox
/** Entries spread over the last three days, as a device offline that long would have queued them. */
function entryFields(childId: string, i: number) {
  const started = Date.now() - 3 * 86_400_000 + i * 60_000;
  return {
    childId,
    type: "feeding",
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + 15 * 60_000).toISOString(),
    details: { method: "bottle", amountMl: 30 + (i % 200), milk: "formula" },
  };
}

/**
 * "creates": n new entries. "mixed": 60% creates, then 30% edits (notes of an entry created in the
 * same outbox) and 10% deletes, interleaved after their creates.
 */
function buildOutbox(scenario: "creates" | "mixed", childId: string, n: number): { ops: Op[]; expect: Expectation } {
  const clock = new HybridClock(`bench-${randomBytes(3).toString("hex")}`);
  const ops: Op[] = [];
  const notes = new Map<string, string>();
  const creates = scenario === "creates" ? n : Math.round(n * 0.6);
  const deletes = scenario === "creates" ? 0 : Math.round(n * 0.1);
  const edits = n - creates - deletes;
  const ids: string[] = [];
  for (let i = 0; i < creates; i++) {
    const id = randomUUID();
    ids.push(id);
    ops.push({ opId: randomUUID(), hlc: clock.now(), kind: "activity.create", id, activity: entryFields(childId, i) });
    if (i % 2 === 1 && ops.length < n && notes.size < edits) {
      const target = ids[i - 1];
      const text = `edited ${i}`;
      notes.set(target, text);
      ops.push({ opId: randomUUID(), hlc: clock.now(), kind: "activity.update", id: target, patch: { notes: text } });
    }
  }
  for (let i = 0; i < deletes; i++) {
    // Delete entries that were not edited: the odd-indexed ones from the end.
    const target = ids[ids.length - 1 - 2 * i];
    ops.push({ opId: randomUUID(), hlc: clock.now(), kind: "activity.delete", id: target });
  }
  if (ops.length !== n) throw new Error(`outbox has ${ops.length} ops, expected ${n}`);
  return { ops, expect: { live: creates - deletes, deleted: deletes, notes } };
}

// ---------------------------------------------------------------- main
async function main() {
  const startedAt = new Date();
  const logDir = mkdtempSync(path.join(os.tmpdir(), "nestling-bench-offline-"));
  console.log(`[bench] logs in ${logDir}`);
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info("server"))?.[1];
  redis.disconnect();
  const postgresVersion = await withClient(
    config.adminUrl,
    async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string,
  );
  const machine = machineInfo({ postgres: `PostgreSQL ${postgresVersion}`, redis: `Redis ${redisVersion}` });

  dbName = `nestling_bench_offline_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(config.adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  await withClient(config.adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
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
    RATE_LIMIT_IP: "10000000",
    RATE_LIMIT_USER: "10000000",
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  };
  const run = (cmd: string, args: string[]) => runCommand(cmd, args, env, (child) => commands.add(child));
  if ((await run("npx", ["prisma", "migrate", "deploy"])) !== 0) throw new Error("prisma migrate deploy failed");
  if (!config.skipBuild) {
    console.log(`[bench] next build into ${config.distDir}`);
    if ((await run("npx", ["next", "build"])) !== 0) throw new Error("next build failed");
  }
  const app = startService(
    "app",
    process.execPath,
    [requireHere.resolve("next/dist/bin/next"), "start", "-p", String(appPort), "-H", "127.0.0.1"],
    env,
    path.join(logDir, "app.log"),
  );
  services.push(app);
  await Promise.race([
    waitForHttp(`${appUrl}/api/health`, 60_000),
    app.exited.then((code) => Promise.reject(new Error(`next start exited (${code})`))),
  ]);
  console.log(`[bench] app on ${appUrl}`);

  const register = await postJson(`${appUrl}/api/v1/auth/register`, {
    email: `bench-offline-${Date.now()}@example.com`,
    password: "bench-password-1",
    name: "Bench",
  });
  const token = register.token as string;
  const familyId = register.family.id as string;
  const userId = register.user.id as string;
  const birthDate = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  const newChild = async () =>
    (await postJson(`${appUrl}/api/v1/children`, { familyId, name: "Bench Baby", birthDate, sex: "female" }, token)).child.id as string;
  const sync = (body: unknown) => postJson(`${appUrl}/api/v1/sync`, body, token);

  // Warm-up: compile the route and fill the pools with a small replay.
  {
    const childId = await newChild();
    for (let i = 0; i < 3; i++) await sync({ ops: buildOutbox("mixed", childId, 50).ops.map((op) => ({ ...op })) });
  }

  const scenarios = ["creates", "mixed"] as const;
  const results: Record<string, unknown>[] = [];
  for (const scenario of scenarios) {
    for (let r = 0; r < config.runs; r++) {
      const childId = await newChild();
      const since = (await sync({ ops: [] })).seq;
      const { ops, expect } = buildOutbox(scenario, childId, config.ops);
      const loadBefore = os.loadavg()[0];
      const replay = await replayOutbox(sync, ops, since);
      const check = await verify(databaseUrl, childId, expect);
      const retry = await replayOutbox(sync, ops, replay.seq);
      const afterRetry = await verify(databaseUrl, childId, expect);
      const row = {
        scenario,
        run: r + 1,
        ops: ops.length,
        batches: replay.batches.length,
        endToEndMs: round(replay.totalMs, 1),
        batchMs: replay.batches.map((b) => round(b.ms, 1)),
        opsPerSecond: round(ops.length / (replay.totalMs / 1000), 0),
        applied: replay.applied,
        rejected: replay.rejected,
        responseBytes: replay.responseBytes,
        changedRowsReturned: replay.changedRows,
        verified: check,
        retryMs: round(retry.totalMs, 1),
        retryApplied: retry.applied,
        verifiedAfterRetry: afterRetry,
        loadAverage1m: round(loadBefore, 2),
      };
      results.push(row);
      console.log(
        `[bench] ${scenario} run ${r + 1}: ${row.endToEndMs} ms end to end (${row.batchMs.join(" + ")} ms), ${row.applied} applied, ${row.rejected} rejected, ` +
          `db ${check.ok ? "ok" : "MISMATCH"}; retry ${row.retryMs} ms, db ${afterRetry.ok ? "unchanged" : "CHANGED"} (load ${row.loadAverage1m})`,
      );
    }
  }

  // The bare floor: the same number of entries, direct INSERTs in one transaction.
  const bare: number[] = [];
  for (let r = 0; r < config.runs; r++) {
    const childId = await newChild();
    bare.push(await bareInsert(databaseUrl, familyId, userId, childId, config.ops));
  }
  console.log(`[bench] bare: ${bare.map((ms) => round(ms, 1)).join(", ")} ms for ${config.ops} INSERTs in one transaction`);

  const report = buildReport({ machine, startedAt, results, bare });
  printReport(report);
  const out = flags.out ?? path.join(ROOT, "bench/results", `offline-${stamp(startedAt)}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`\n[bench] results written to ${path.relative(process.cwd(), out)}`);
}

async function replayOutbox(sync: (body: unknown) => Promise<Record<string, unknown>>, ops: Op[], since: Record<string, number>) {
  const batches: { ms: number }[] = [];
  let applied = 0;
  let rejected = 0;
  let responseBytes = 0;
  let changedRows = 0;
  let seq = since;
  const t0 = performance.now();
  for (let i = 0; i < ops.length; i += config.batch) {
    const b0 = performance.now();
    const res = (await sync({ since: seq, ops: ops.slice(i, i + config.batch) })) as {
      applied: string[];
      rejected: unknown[];
      seq: Record<string, number>;
      changes: { activities: unknown[] }[];
      __bytes: number;
    };
    batches.push({ ms: performance.now() - b0 });
    applied += res.applied.length;
    rejected += res.rejected.length;
    responseBytes += res.__bytes;
    changedRows += res.changes.reduce((n, c) => n + c.activities.length, 0);
    seq = res.seq;
  }
  return { totalMs: performance.now() - t0, batches, applied, rejected, responseBytes, changedRows, seq };
}

async function verify(databaseUrl: string, childId: string, expect: Expectation) {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*) FILTER (WHERE "deletedAt" IS NULL)::int AS live, count(*) FILTER (WHERE "deletedAt" IS NOT NULL)::int AS deleted,
              count(DISTINCT id)::int AS distinct_ids, count(*)::int AS total
       FROM "Activity" WHERE "childId" = $1`,
      [childId],
    );
    const notes = await c.query(`SELECT id, notes FROM "Activity" WHERE "childId" = $1 AND notes IS NOT NULL`, [childId]);
    const editsApplied = notes.rows.filter((r) => expect.notes.get(r.id) === r.notes).length;
    const { live, deleted, distinct_ids, total } = rows[0];
    const ok =
      live === expect.live &&
      deleted === expect.deleted &&
      distinct_ids === total &&
      editsApplied === expect.notes.size &&
      notes.rows.length === expect.notes.size;
    return { ok, live, deleted, total, editsApplied, expected: { live: expect.live, deleted: expect.deleted, edits: expect.notes.size } };
  });
}

async function bareInsert(databaseUrl: string, familyId: string, userId: string, childId: string, n: number): Promise<number> {
  return withClient(databaseUrl, async (c) => {
    const rows = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), ...entryFields(childId, i) }));
    const t0 = performance.now();
    await c.query("BEGIN");
    for (const r of rows) {
      await c.query(
        `INSERT INTO "Activity" (id, "familyId", "childId", type, "startedAt", "endedAt", details, "createdById", "updatedById", seq, "updatedAt")
         VALUES ($1, $2, $3, 'feeding', $4, $5, $6, $7, $7, 0, now())`,
        [r.id, familyId, childId, r.startedAt, r.endedAt, JSON.stringify(r.details), userId],
      );
    }
    await c.query("COMMIT");
    const ms = performance.now() - t0;
    const { rows: count } = await c.query(`SELECT count(*)::int AS n FROM "Activity" WHERE "childId" = $1`, [childId]);
    if (count[0].n !== n) throw new Error(`bare insert stored ${count[0].n} of ${n}`);
    return ms;
  });
}

function buildReport({
  machine,
  startedAt,
  results,
  bare,
}: {
  machine: ReturnType<typeof machineInfo>;
  startedAt: Date;
  results: Record<string, unknown>[];
  bare: number[];
}) {
  const byScenario = (s: string) => results.filter((r) => r.scenario === s).map((r) => r.endToEndMs as number);
  const bareMedian = summarize(bare).p50;
  const summary = Object.fromEntries(
    ["creates", "mixed"].map((s) => {
      const ms = summarize(byScenario(s));
      return [
        s,
        {
          medianMs: round(ms.p50, 1),
          minMs: round(Math.min(...byScenario(s)), 1),
          maxMs: round(ms.max, 1),
          ratioToBare: round(ms.p50 / bareMedian, 1),
        },
      ];
    }),
  );
  return {
    benchmark: "bench/offline",
    startedAt: startedAt.toISOString(),
    config: { ops: config.ops, batch: config.batch, runs: config.runs, distDir: config.distDir, poolSize: config.poolSize },
    machine,
    goal: { endToEndMs: config.goalMs, met: Object.values(summary).every((s) => s.medianMs <= config.goalMs) },
    allVerified: results.every((r) => (r.verified as { ok: boolean }).ok && (r.verifiedAfterRetry as { ok: boolean }).ok),
    summary,
    bare: {
      medianMs: round(bareMedian, 1),
      runsMs: bare.map((ms) => round(ms, 1)),
      what: `${config.ops} INSERT statements in one transaction, pg, one connection`,
    },
    runs: results,
  };
}

function printReport(report: ReturnType<typeof buildReport>) {
  const m = report.machine;
  console.log(
    `\nMachine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB, ${m.os}, Node ${m.node}, ${m.postgres}, ${m.redis}, Next ${m.next}`,
  );
  console.log(`Load average at start: ${m.loadAverageAtStart.join(" ")}`);
  console.log(`\n${report.config.ops} ops in batches of ${report.config.batch}, ${report.config.runs} runs each:`);
  for (const [s, v] of Object.entries(report.summary)) {
    console.log(`  ${s.padEnd(8)} median ${v.medianMs} ms (min ${v.minMs}, max ${v.maxMs}), ${v.ratioToBare}× the bare floor`);
  }
  console.log(`  bare     median ${report.bare.medianMs} ms (${report.bare.what})`);
  console.log(`All replays verified in the database (none lost, none doubled, retries changed nothing): ${report.allVerified}`);
  console.log(`Goal ≤ ${report.goal.endToEndMs} ms end to end: ${report.goal.met ? "met" : "not met"}`);
}

async function postJson(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${text.slice(0, 500)}`);
  if (json && typeof json === "object") Object.defineProperty(json, "__bytes", { value: text.length, enumerable: false });
  return json;
}

function stamp(d: Date) {
  return d.toISOString().slice(0, 19).replace("T", "-").replace(/:/g, "");
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
