/**
 * `npm run bench:realtime` — API write → other devices' receipt latency through two realtime
 * sidecars, with 2,000 sockets over 500 families, next to the floor: a bare Redis PUBLISH →
 * subscriber receipt of the same payload at the same rate.
 *
 * Like bench/api: fresh database + `prisma migrate deploy`, `next build` into NEXT_DIST_DIR
 * (default .next-bench; BENCH_SKIP_BUILD=1 reuses it), `next start`; plus a private Redis
 * (`redis-server` on a free port, so other users' pub/sub traffic on the shared Redis does not
 * reach the sidecars; --redis-url uses an existing one) and two sidecars (`realtime/index.ts`, one
 * process each, so /proc gives their own RSS and CPU) on free ports sharing that Redis.
 *
 * Seeding goes straight to PostgreSQL (users, families, memberships, a child, one personal access
 * token per user): 2,000 registrations would spend minutes hashing passwords. Each user then asks
 * the app for a realtime token (POST /api/v1/realtime/token with its access token, as a device
 * does; the app runs with the rate limits raised, like bench/api), or, with --sign-tokens, the
 * bench signs them itself with lib/realtime/token. Socket i (member i % members of family
 * i / members) connects to sidecar i % 2 over WebSocket, so every family has members on both.
 *
 * The measured run: `rate` activities per second for `duration` s, POST /api/v1/activities by the
 * family's first member, families in turn. The activity id is chosen by the bench, so a receipt
 * is matched even when it beats the HTTP response. Latency = request sent → `event` received,
 * on the family's other sockets (both instances); the writer's own socket and the API response
 * time are reported apart. Every expected delivery is accounted for: lost, duplicated, and any
 * event reaching a socket of another family. Then the sidecars alone: family events published
 * straight to Redis (as lib/events/publish does, seqs continuing) at a higher rate, publish →
 * receipt on all the family's sockets, without the app in front. Then the floor, in the same
 * process with the sockets still open. Sidecar memory (VmRSS) and CPU from /proc; machine and load average.
 * Prints the table and the goal; writes bench/results/realtime-<date>.json. Never fails on time.
 *
 * Flags (or env): --rate (BENCH_RATE, 50), --duration s (BENCH_DURATION, 60), --families
 * (BENCH_FAMILIES, 500), --members (BENCH_MEMBERS, 4), --floor-duration s (BENCH_FLOOR_DURATION,
 * min(duration, 30)), --warmup events (BENCH_WARMUP, 100), --direct-rate (BENCH_DIRECT_RATE, 2000;
 * 0 skips the sidecars-alone phase), --direct-duration s (BENCH_DIRECT_DURATION, 20), --sign-tokens (BENCH_SIGN_TOKENS=1),
 * --redis-url (BENCH_REDIS_URL), --out file, --skip-build (BENCH_SKIP_BUILD=1), --keep-db.
 * Before the measured run it waits up to BENCH_QUIET_TIMEOUT s (120) for the machine to use
 * < BENCH_QUIET_CORES (0.5) cores; the report shows the wait and the load.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { ChildProcess } from "node:child_process";
import Redis from "ioredis";
import { io, type Socket } from "socket.io-client";
import { withClient } from "../../scripts/lib/database";
import { freePort, waitForHttp } from "../../scripts/lib/process";
import { signRealtimeToken } from "../../lib/realtime/token";
import { machineInfo } from "../lib/machine";
import { groupPids, machineCpu, processCpuMs, runCommand, sleep, startService, type Service } from "../lib/proc";
import { round, summarize, type Summary } from "../lib/stats";
import { DeliveryTally, familySockets, instanceOf, steadySchedule } from "./tally";

const requireHere = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

const { values: flags } = parseArgs({
  options: {
    rate: { type: "string" },
    duration: { type: "string" },
    families: { type: "string" },
    members: { type: "string" },
    "floor-duration": { type: "string" },
    warmup: { type: "string" },
    "direct-rate": { type: "string" },
    "direct-duration": { type: "string" },
    "sign-tokens": { type: "boolean" },
    "redis-url": { type: "string" },
    out: { type: "string" },
    "skip-build": { type: "boolean" },
    "keep-db": { type: "boolean" },
  },
});

const durationSec = Number(flags.duration ?? process.env.BENCH_DURATION ?? 60);
const config = {
  rate: Number(flags.rate ?? process.env.BENCH_RATE ?? 50),
  durationSec,
  families: Number(flags.families ?? process.env.BENCH_FAMILIES ?? 500),
  members: Number(flags.members ?? process.env.BENCH_MEMBERS ?? 4),
  floorDurationSec: Number(flags["floor-duration"] ?? process.env.BENCH_FLOOR_DURATION ?? Math.min(durationSec, 30)),
  warmupEvents: Number(flags.warmup ?? process.env.BENCH_WARMUP ?? 100),
  directRate: Number(flags["direct-rate"] ?? process.env.BENCH_DIRECT_RATE ?? 2000),
  directDurationSec: Number(flags["direct-duration"] ?? process.env.BENCH_DIRECT_DURATION ?? 20),
  signTokens: Boolean(flags["sign-tokens"]) || process.env.BENCH_SIGN_TOKENS === "1",
  redisUrl: flags["redis-url"] ?? process.env.BENCH_REDIS_URL,
  distDir: process.env.NEXT_DIST_DIR ?? ".next-bench",
  skipBuild: Boolean(flags["skip-build"]) || process.env.BENCH_SKIP_BUILD === "1",
  keepDb: Boolean(flags["keep-db"]) || process.env.BENCH_KEEP_DB === "1",
  adminUrl: process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  instances: 2,
  /** Concurrent token requests and handshakes while the sockets connect. */
  connectConcurrency: 25,
  /** After the last write, how long missing deliveries are waited for before they count as lost. */
  drainMs: 10_000,
  /** Before the measured run, wait (up to quietTimeoutSec) until the whole machine uses less than this many cores. */
  quietCores: Number(process.env.BENCH_QUIET_CORES ?? 0.5),
  quietTimeoutSec: Number(process.env.BENCH_QUIET_TIMEOUT ?? 120),
  /** The goal (the seed asks < 100 ms). */
  goal: { p99Ms: 30, seedP99Ms: 100 },
};
if (config.members < 2) throw new Error("--members must be at least 2 (latency is measured on the other members' sockets)");

// ---------------------------------------------------------------- cleanup, also on Ctrl-C
const services: Service[] = [];
const commands = new Set<ChildProcess>();
const sockets: Socket[] = [];
let dbName: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const socket of sockets) socket.disconnect();
    for (const child of commands) child.kill("SIGTERM");
    await Promise.all([...services].reverse().map((s) => s.stop()));
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

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------- seeding (SQL, one transaction)
type Seeded = { userIds: string[]; familyIds: string[]; childIds: string[]; accessTokens: string[] };

async function seed(databaseUrl: string): Promise<Seeded> {
  const users = config.families * config.members;
  const userIds = Array.from({ length: users }, () => randomUUID());
  const familyIds = Array.from({ length: config.families }, () => randomUUID());
  const childIds = Array.from({ length: config.families }, () => randomUUID());
  const accessTokens = userIds.map(() => `nst_${randomBytes(32).toString("base64url")}`);
  // As lib/auth/tokens hashToken: sha256 hex of the whole token.
  const tokenHashes = accessTokens.map((t) => createHash("sha256").update(t).digest("hex"));
  const familyOf = userIds.map((_, i) => familyIds[Math.floor(i / config.members)]);
  const roleOf = userIds.map((_, i) => (i % config.members === 0 ? "owner" : "parent"));
  const birthDate = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  await withClient(databaseUrl, async (c) => {
    await c.query("BEGIN");
    await c.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       SELECT id, 'rt-' || id || '@example.test', 'Bench', 'x', now() FROM unnest($1::uuid[]) AS id`,
      [userIds],
    );
    // seq 1: the child's creation (no FamilyEvent row: the sockets start live, without catch-up).
    await c.query(`INSERT INTO "Family" (id, name, seq, "updatedAt") SELECT id, 'Bench family', 1, now() FROM unnest($1::uuid[]) AS id`, [
      familyIds,
    ]);
    await c.query(
      `INSERT INTO "Membership" (id, "familyId", "userId", role)
       SELECT gen_random_uuid(), f, u, r::"Role" FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(f, u, r)`,
      [familyOf, userIds, roleOf],
    );
    await c.query(
      `INSERT INTO "Child" (id, "familyId", name, "birthDate", sex, timezone, seq, "updatedAt")
       SELECT c, f, 'Bench Baby', $3::date, 'female', 'UTC', 1, now() FROM unnest($1::uuid[], $2::uuid[]) AS t(c, f)`,
      [childIds, familyIds, birthDate],
    );
    await c.query(
      `INSERT INTO "AccessToken" (id, "userId", label, "tokenHash")
       SELECT gen_random_uuid(), u, 'bench-realtime', h FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
      [userIds, tokenHashes],
    );
    await c.query("COMMIT");
    await c.query("ANALYZE");
  });
  return { userIds, familyIds, childIds, accessTokens };
}

// ---------------------------------------------------------------- sidecar process stats
type ProcSample = { rssMiB: number; cpuMs: number };

function procSample(pid: number): ProcSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKiB = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return { rssMiB: round(rssKiB / 1024, 1), cpuMs: processCpuMs(pid) ?? NaN };
  } catch {
    return undefined;
  }
}

/** Samples RSS every second between start() and stop(): the peak and the last value. */
function rssWatcher(pids: number[]) {
  const peak = new Map<number, number>();
  const timer = setInterval(() => {
    for (const pid of pids) {
      const s = procSample(pid);
      if (s) peak.set(pid, Math.max(peak.get(pid) ?? 0, s.rssMiB));
    }
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return pids.map((pid) => ({ pid, peakRssMiB: peak.get(pid) ?? NaN }));
    },
  };
}

// ---------------------------------------------------------------- main
async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((n) => round(n));
  const logDir = mkdtempSync(path.join(os.tmpdir(), "nestling-bench-realtime-"));
  console.log(`[bench] logs in ${logDir}; load average ${loadAtStart.join(" ")}`);
  if (loadAtStart[0] > 4)
    console.log(`[bench] note: the machine is busy (load ${loadAtStart[0]} on ${os.cpus().length} cores); numbers will suffer`);

  // 0. Redis: a private one unless --redis-url
  let redisUrl = config.redisUrl;
  if (!redisUrl) {
    const port = await freePort();
    const redisServer = startService(
      "redis",
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", logDir],
      process.env,
      path.join(logDir, "redis.log"),
    );
    services.push(redisServer);
    redisUrl = `redis://127.0.0.1:${port}`;
  }
  const admin = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 50 ? null : 100) });
  admin.on("error", () => {}); // refused while the private redis-server starts; retried
  const redisInfo = await admin.info("server");
  const redisPid = Number(/process_id:(\d+)/.exec(redisInfo)?.[1]) || undefined;
  const postgresVersion = await withClient(
    config.adminUrl,
    async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string,
  );
  const machine = machineInfo({ postgres: `PostgreSQL ${postgresVersion}`, redis: `Redis ${/redis_version:(\S+)/.exec(redisInfo)?.[1]}` });

  // 1. fresh database, build, app
  dbName = `nestling_bench_realtime_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(config.adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  await withClient(config.adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  console.log(`[bench] created database ${dbName}, Redis ${redisUrl}`);
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: config.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    APP_URL: appUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // High enough never to reject 2,000 token requests and the writes from one IP.
    RATE_LIMIT_IP: "10000000",
    RATE_LIMIT_USER: "10000000",
    // The bench's clients do not renew their tokens (auth:refresh); a token outliving the run keeps
    // the sidecars from disconnecting them (server:token_expired) mid-measurement.
    REALTIME_TOKEN_TTL_SECONDS: "7200",
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

  // 2. two sidecars: node with tsx's loader, one process each (its pid is the sidecar)
  const sidecars = await Promise.all(
    Array.from({ length: config.instances }, async (_, i) => {
      const port = await freePort();
      const name = `rt-bench-${String.fromCharCode(97 + i)}`;
      const service = startService(
        name,
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "realtime/index.ts")],
        { ...env, REALTIME_PORT: String(port), REALTIME_HOST: "127.0.0.1", REALTIME_INSTANCE_ID: name },
        path.join(logDir, `${name}.log`),
      );
      services.push(service);
      return { name, url: `http://127.0.0.1:${port}`, service };
    }),
  );
  await Promise.all([
    Promise.race([
      waitForHttp(`${appUrl}/api/health`, 90_000),
      app.exited.then((code) => Promise.reject(new Error(`next start exited (${code})`))),
    ]),
    ...sidecars.map((s) =>
      Promise.race([
        waitForHttp(`${s.url}/health`, 90_000),
        s.service.exited.then((code) => Promise.reject(new Error(`sidecar ${s.name} exited (${code}); see ${logDir}`))),
      ]),
    ),
  ]);
  console.log(`[bench] app on ${appUrl}; sidecars ${sidecars.map((s) => s.url).join(", ")}`);

  // 3. seed
  let t = performance.now();
  const seeded = await seed(databaseUrl);
  console.log(`[bench] seeded ${config.families} families × ${config.members} members in ${Math.round(performance.now() - t)} ms`);

  // 4. realtime tokens
  t = performance.now();
  const tokenTimes: number[] = [];
  const realtimeTokens = await pool(seeded.userIds, config.connectConcurrency, async (userId, i) => {
    if (config.signTokens) return signRealtimeToken({ userId, ttlSeconds: 7200 }, { secret: env.AUTH_SECRET }).token;
    const sent = performance.now();
    const res = await fetch(`${appUrl}/api/v1/realtime/token`, {
      method: "POST",
      headers: { authorization: `Bearer ${seeded.accessTokens[i]}`, "accept-language": "en" },
    });
    const body = (await res.json()) as { token?: string };
    tokenTimes.push(performance.now() - sent);
    if (res.status !== 200 || !body.token) throw new Error(`realtime token for user ${i}: ${res.status} ${JSON.stringify(body)}`);
    return body.token;
  });
  const tokensMs = performance.now() - t;
  console.log(
    `[bench] ${realtimeTokens.length} realtime tokens ${config.signTokens ? "signed by the bench" : "from POST /api/v1/realtime/token"} in ${Math.round(tokensMs)} ms`,
  );

  // 5. sockets (the sidecars' RSS first, without any)
  const idleRss = sidecars.map((s) => procSample(s.service.child.pid!)?.rssMiB ?? NaN);
  let tally = new DeliveryTally();
  /** The highest seq each family's sockets received, and one received event as a template (the direct phase continues from them). */
  const familySeqs = new Array<number>(config.families).fill(0);
  let template: Record<string, unknown> | undefined;
  let now = () => performance.now();
  const disconnects: string[] = [];
  /** Event stamp (`at`, set in the app's transaction) → receipt on the other sockets, ms, during the measured run. */
  const fromStamp: number[] = [];
  let measuring = false;
  /** Sizes of the first received events (the floor publishes the same size). */
  const eventBytes: number[] = [];
  t = performance.now();
  const handshakeTimes: number[] = [];
  const connectOne = (token: string, i: number) => {
    const sidecar = sidecars[instanceOf(i, config.instances)];
    const socket = io(sidecar.url, { transports: ["websocket"], auth: { token }, reconnection: false, forceNew: true });
    sockets[i] = socket;
    socket.on("event", (event: { type?: string; seq?: number; at?: string; data?: { activity?: { id?: string } } }) => {
      const at = now();
      if (event?.type === "activity.created" && event.data?.activity?.id) tally.receive(event.data.activity.id, i, at);
      const family = Math.floor(i / config.members);
      if (typeof event?.seq === "number" && event.seq > familySeqs[family]) familySeqs[family] = event.seq;
      template ??= event as Record<string, unknown>;
      // The app stamps `at` (ms) just before the write's INSERT: stamp → receipt is the commit, the publish and the fan-out.
      if (measuring && i % config.members !== 0 && event?.at) fromStamp.push(Date.now() - Date.parse(event.at));
      if (eventBytes.length < 200) eventBytes.push(Buffer.byteLength(JSON.stringify(event)));
    });
    const sent = performance.now();
    return new Promise<void>((resolve, reject) => {
      socket.once("connect", () => {
        handshakeTimes.push(performance.now() - sent);
        socket.on("disconnect", (reason) => disconnects.push(`${i}: ${reason}`));
        resolve();
      });
      socket.once("connect_error", (error) => reject(new Error(`socket ${i} refused: ${error.message}`)));
    });
  };
  // A first few sockets load the sidecars' lazily loaded code (database client, handshake paths);
  // memory per socket is measured from there, not from the idle process.
  const first = Math.min(realtimeTokens.length, 2 * config.connectConcurrency);
  await pool(realtimeTokens.slice(0, first), config.connectConcurrency, connectOne);
  await sleep(1000);
  const warmRss = sidecars.map((s) => procSample(s.service.child.pid!)?.rssMiB ?? NaN);
  const warmSockets = sidecars.map(
    (_, k) => Array.from({ length: first }, (_, i) => i).filter((i) => instanceOf(i, config.instances) === k).length,
  );
  await pool(realtimeTokens.slice(first), config.connectConcurrency, (token, i) => connectOne(token, i + first));
  const connectMs = performance.now() - t;
  const healths = await Promise.all(sidecars.map(async (s) => (await fetch(`${s.url}/health`)).json() as Promise<{ sockets: number }>));
  console.log(
    `[bench] ${sockets.length} sockets connected in ${Math.round(connectMs)} ms (handshake p50 ${round(summarize(handshakeTimes).p50)} ms); per instance: ${healths.map((h) => h.sockets).join(" + ")}`,
  );
  // Joining rooms happens after the handshake (attach); let it settle.
  await sleep(2000);

  // 6. writes
  const headersFor = (family: number) => ({
    authorization: `Bearer ${seeded.accessTokens[family * config.members]}`,
    "content-type": "application/json",
    "accept-language": "en",
  });
  const apiTimes: number[] = [];
  const apiErrors: string[] = [];
  let apiErrorCount = 0;
  const scheduleLag: number[] = [];
  let written = 0;
  const write = async (family: number, measured: boolean, dueAt: number) => {
    const id = randomUUID();
    const started = Date.now() - 30 * 60_000;
    const body = JSON.stringify({
      id,
      childId: seeded.childIds[family],
      type: "feeding",
      startedAt: new Date(started).toISOString(),
      endedAt: new Date(started + 15 * 60_000).toISOString(),
      details: { method: "bottle", amountMl: 30 + (written++ % 200), milk: "formula" },
    });
    const members = familySockets(family, config.members);
    const sentAt = performance.now();
    if (measured) scheduleLag.push(sentAt - dueAt);
    if (measured) tally.expect(id, { sentAt, sockets: members, writer: members[0] });
    try {
      const res = await fetch(`${appUrl}/api/v1/activities`, { method: "POST", headers: headersFor(family), body });
      const text = await res.text();
      if (measured) apiTimes.push(performance.now() - sentAt);
      if (res.status !== 201) throw new Error(`${res.status} ${text.slice(0, 200)}`);
    } catch (error) {
      if (measured) tally.fail(id);
      if (apiErrors.length < 5) apiErrors.push(String(error));
      apiErrorCount += 1;
    }
  };

  // Warm-up: JIT, pools and route modules, unmeasured (their receipts count as "unexpected" and are subtracted).
  for (let i = 0; i < config.warmupEvents; i++) await write(i % config.families, false, 0);
  await sleep(1000);
  const unexpectedAfterWarmup = tally.report().unexpected;

  const quiet = await waitForQuiet();
  console.log(`[bench] measured: ${config.rate} writes/s for ${config.durationSec} s, families in turn`);
  const sidecarPids = sidecars.map((s) => s.service.child.pid!);
  // next start runs the server in a child process of its own group.
  const appPids = groupPids(app.child.pid!);
  const before = {
    sidecars: sidecarPids.map((pid) => procSample(pid)!),
    app: appPids.map((pid) => processCpuMs(pid) ?? 0),
    redis: redisPid ? (processCpuMs(redisPid) ?? 0) : 0,
    self: process.cpuUsage(),
    machine: machineCpu(),
    loadavg: os.loadavg().map((n) => round(n)),
  };
  const rss = rssWatcher(sidecarPids);
  const schedule = steadySchedule(config.rate, config.durationSec);
  const inflight: Promise<void>[] = [];
  const runStart = performance.now();
  measuring = true;
  for (let i = 0; i < schedule.length; i++) {
    const due = runStart + schedule[i];
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(write(i % config.families, true, due));
  }
  const lastSendAt = performance.now();
  await Promise.all(inflight);
  const drainDeadline = performance.now() + config.drainMs;
  while (tally.outstanding() > 0 && performance.now() < drainDeadline) await sleep(50);
  measuring = false;
  const deliveryEnd = Math.max(tally.lastReceipt(), lastSendAt);
  const windowMs = deliveryEnd - runStart;
  const peaks = rss.stop();
  const after = {
    sidecars: sidecarPids.map((pid) => procSample(pid)!),
    app: appPids.map((pid) => processCpuMs(pid) ?? 0),
    redis: redisPid ? (processCpuMs(redisPid) ?? 0) : 0,
    self: process.cpuUsage(before.self),
    machine: machineCpu(),
    loadavg: os.loadavg().map((n) => round(n)),
  };
  const delivery = tally.report();
  delivery.unexpected -= unexpectedAfterWarmup;
  const wallMs = performance.now() - runStart;
  const cores = (ms: number) => round(ms / wallMs, 3);
  const sidecarStats = sidecars.map((s, i) => ({
    name: s.name,
    pid: sidecarPids[i],
    sockets: healths[i].sockets,
    rssMiBIdle: idleRss[i],
    rssMiBBefore: before.sidecars[i].rssMiB,
    rssMiBWarm: warmRss[i],
    kibPerSocket: round(((before.sidecars[i].rssMiB - warmRss[i]) * 1024) / Math.max(1, healths[i].sockets - warmSockets[i]), 1),
    rssMiBAfter: after.sidecars[i].rssMiB,
    peakRssMiB: peaks[i].peakRssMiB,
    cpuCores: cores(after.sidecars[i].cpuMs - before.sidecars[i].cpuMs),
    cpuMsPerEvent: round((after.sidecars[i].cpuMs - before.sidecars[i].cpuMs) / Math.max(1, delivery.events), 3),
  }));
  const machineBusyCores = round((after.machine.busyMs - before.machine.busyMs) / wallMs, 2);
  const usage = {
    sidecarsCores: round(
      sidecarStats.reduce((a, s) => a + s.cpuCores, 0),
      3,
    ),
    appCores: cores(after.app.reduce((a, ms, i) => a + ms - before.app[i], 0)),
    redisCores: cores(after.redis - before.redis),
    benchClientCores: cores((after.self.user + after.self.system) / 1000),
    machineBusyCores,
  };
  const ours = usage.sidecarsCores + usage.appCores + usage.redisCores + usage.benchClientCores;
  const otherCores = round(Math.max(0, machineBusyCores - ours), 2); // PostgreSQL is counted here too

  // 7. the sidecars alone: family events published straight to Redis (as lib/events/publish does), at a higher rate
  const apiTally = tally;
  let direct: Awaited<ReturnType<typeof directPhase>> | null = null;
  if (config.directRate > 0 && config.directDurationSec > 0 && template) {
    tally = new DeliveryTally();
    console.log(`[bench] sidecars alone: ${config.directRate} family events/s published to Redis for ${config.directDurationSec} s`);
    direct = await directPhase({
      redisUrl,
      template,
      familyIds: seeded.familyIds,
      familySeqs,
      tally: () => tally,
      sidecarPids,
      actorOf: (family) => seeded.userIds[family * config.members],
    });
  }

  // 8. the floor: bare PUBLISH → subscriber, same payload size, same rate
  const payloadBytes = eventBytes.length ? Math.round(eventBytes.reduce((a, b) => a + b, 0) / eventBytes.length) : 700;
  console.log(`[bench] floor: Redis PUBLISH → subscriber, ${payloadBytes}-byte payload, ${config.rate}/s for ${config.floorDurationSec} s`);
  const floor = await redisFloor(redisUrl, payloadBytes, config.rate, config.floorDurationSec);
  const loadAtEnd = os.loadavg().map((n) => round(n));

  // 9. report
  const latency = summarize(apiTally.latencies);
  const report = {
    benchmark: "realtime",
    startedAt: startedAt.toISOString(),
    config: { ...config, redisUrl, tokens: config.signTokens ? "signed by the bench (lib/realtime/token)" : "POST /api/v1/realtime/token" },
    machine,
    load: {
      quietBefore: quiet,
      atStart: loadAtStart,
      runStart: before.loadavg,
      runEnd: after.loadavg,
      atEnd: loadAtEnd,
      otherCoresDuringRun: otherCores,
    },
    setup: {
      sockets: sockets.length,
      perInstance: healths.map((h) => h.sockets),
      tokensMs: Math.round(tokensMs),
      tokenRequestMs: tokenTimes.length ? roundSummary(summarize(tokenTimes)) : null,
      connectMs: Math.round(connectMs),
      handshakeMs: roundSummary(summarize(handshakeTimes)),
    },
    run: {
      targetRate: config.rate,
      writes: schedule.length,
      achievedWriteRate: round(schedule.length / ((lastSendAt - runStart) / 1000 || 1), 1),
      scheduleLagMs: roundSummary(summarize(scheduleLag)),
      windowSec: round(windowMs / 1000, 2),
      eventsPerSec: round(delivery.events / (windowMs / 1000), 1),
      deliveriesPerSec: round(delivery.delivered / (windowMs / 1000), 1),
      apiWriteMs: roundSummary(summarize(apiTimes)),
      apiErrors,
      apiErrorCount,
      writeToOtherSocketMs: roundSummary(latency),
      writeToOwnSocketMs: roundSummary(summarize(apiTally.writerLatencies)),
      stampToOtherSocketMs: roundSummary(summarize(fromStamp)),
      delivery,
      disconnects: disconnects.slice(0, 10),
      disconnectCount: disconnects.length,
    },
    sidecars: sidecarStats,
    cpu: { ...usage, otherCores },
    sidecarsAlone: direct,
    floor: { payloadBytes, ...floor, latencyMs: roundSummary(floor.latencyMs) },
    goal: {
      p99Ms: config.goal.p99Ms,
      met: latency.p99 <= config.goal.p99Ms,
      seedMet: latency.p99 < config.goal.seedP99Ms,
      p99OverFloorMs: round(latency.p99 - floor.latencyMs.p99),
    },
  };
  printReport(report);
  const resultsDir = path.join(ROOT, "bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const out = flags.out ?? process.env.BENCH_OUT ?? path.join(resultsDir, `realtime-${stamp(startedAt)}.json`);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n[bench] wrote ${path.relative(ROOT, out)}`);
  now = () => NaN;
  admin.disconnect();
  await cleanup();
}

/** Waits until the machine (everything on it, the idle sockets included) uses < quietCores, or quietTimeoutSec passed. */
async function waitForQuiet(): Promise<{ waitedSec: number; busyCores: number }> {
  const start = Date.now();
  for (;;) {
    const a = machineCpu();
    await sleep(2000);
    const b = machineCpu();
    const busyCores = round((b.busyMs - a.busyMs) / ((b.totalMs - a.totalMs) / os.cpus().length), 2);
    const waitedSec = Math.round((Date.now() - start) / 1000);
    if (busyCores < config.quietCores) return { waitedSec, busyCores };
    if (waitedSec >= config.quietTimeoutSec) {
      console.log(`[bench] the machine stays busy (${busyCores} cores in use); measuring anyway`);
      return { waitedSec, busyCores };
    }
    if (waitedSec < 3) console.log(`[bench] waiting up to ${config.quietTimeoutSec} s for a quieter machine (${busyCores} cores in use)…`);
  }
}

/**
 * Family events published straight to the family channels at `directRate`, continuing each
 * family's seq (so the sidecars see no gap), families in turn: publish → receipt on all the
 * family's sockets. What the sidecars and the Redis hop cost without the app in front.
 */
async function directPhase(options: {
  redisUrl: string;
  template: Record<string, unknown>;
  familyIds: string[];
  familySeqs: number[];
  tally: () => DeliveryTally;
  sidecarPids: number[];
  actorOf: (family: number) => string;
}) {
  const publisher = new Redis(options.redisUrl);
  const tally = options.tally();
  const activity = (options.template.data as { activity: Record<string, unknown> }).activity;
  const schedule = steadySchedule(config.directRate, config.directDurationSec);
  const cpuBefore = options.sidecarPids.map((pid) => processCpuMs(pid) ?? 0);
  const self = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < schedule.length; i++) {
    const wait = start + schedule[i] - performance.now();
    if (wait > 1) await sleep(wait);
    const family = i % options.familyIds.length;
    const id = randomUUID();
    const familyId = options.familyIds[family];
    const at = new Date().toISOString();
    const event = {
      type: "activity.created",
      familyId,
      seq: ++options.familySeqs[family],
      actorId: options.actorOf(family),
      at,
      data: { activity: { ...activity, id, familyId, seq: options.familySeqs[family], createdAt: at, updatedAt: at } },
    };
    tally.expect(id, { sentAt: performance.now(), sockets: familySockets(family, config.members) });
    void publisher.publish(`family:${familyId}:events`, JSON.stringify(event));
  }
  const lastSend = performance.now();
  const deadline = lastSend + config.drainMs;
  while (tally.outstanding() > 0 && performance.now() < deadline) await sleep(20);
  const windowSec = (Math.max(tally.lastReceipt(), lastSend) - start) / 1000;
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(self);
  const delivery = tally.report();
  publisher.disconnect();
  return {
    targetRate: config.directRate,
    events: schedule.length,
    eventsPerSec: round(delivery.events / windowSec, 1),
    deliveriesPerSec: round(delivery.delivered / windowSec, 1),
    publishToSocketMs: roundSummary(summarize(tally.latencies)),
    delivery,
    sidecarCpuCores: options.sidecarPids.map((pid, i) => round(((processCpuMs(pid) ?? 0) - cpuBefore[i]) / wallMs, 3)),
    benchClientCores: round((used.user + used.system) / 1000 / wallMs, 3),
    sidecarRssMiBAfter: options.sidecarPids.map((pid) => procSample(pid)?.rssMiB ?? NaN),
  };
}

/** Bare Redis: PUBLISH at a steady rate, a subscriber timestamps receipt; payload of `bytes`. */
async function redisFloor(redisUrl: string, bytes: number, rate: number, durationSec: number) {
  const publisher = new Redis(redisUrl);
  const subscriber = new Redis(redisUrl);
  const channel = `bench:realtime:floor:${randomBytes(4).toString("hex")}`;
  const tally = new DeliveryTally();
  subscriber.on("message", (_channel: string, message: string) => {
    const at = performance.now();
    tally.receive(message.slice(0, 36), 0, at);
  });
  await subscriber.subscribe(channel);
  const pad = (key: string) => key + "x".repeat(Math.max(0, bytes - key.length));
  for (let i = 0; i < 50; i++) await publisher.publish(channel, pad(randomUUID())); // warm-up (unexpected, not counted)
  await sleep(200);
  const warm = tally.report().unexpected;
  const schedule = steadySchedule(rate, durationSec);
  const start = performance.now();
  for (const offset of schedule) {
    const wait = start + offset - performance.now();
    if (wait > 1) await sleep(wait);
    const key = randomUUID();
    const message = pad(key);
    tally.expect(key, { sentAt: performance.now(), sockets: [0] });
    void publisher.publish(channel, message);
  }
  const deadline = performance.now() + 5000;
  while (tally.outstanding() > 0 && performance.now() < deadline) await sleep(20);
  const delivery = tally.report();
  publisher.disconnect();
  subscriber.disconnect();
  return {
    messages: schedule.length,
    latencyMs: summarize(tally.latencies),
    lost: delivery.lost,
    duplicated: delivery.duplicated,
    unexpected: delivery.unexpected - warm,
  };
}

function roundSummary(s: Summary): Summary {
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
}

type Report = {
  startedAt: string;
  machine: ReturnType<typeof machineInfo>;
  load: {
    quietBefore: { waitedSec: number; busyCores: number };
    atStart: number[];
    runStart: number[];
    runEnd: number[];
    atEnd: number[];
    otherCoresDuringRun: number;
  };
  setup: { sockets: number; perInstance: number[]; tokensMs: number; connectMs: number; handshakeMs: Summary };
  run: {
    targetRate: number;
    writes: number;
    achievedWriteRate: number;
    scheduleLagMs: Summary;
    windowSec: number;
    eventsPerSec: number;
    deliveriesPerSec: number;
    apiWriteMs: Summary;
    apiErrors: string[];
    writeToOtherSocketMs: Summary;
    writeToOwnSocketMs: Summary;
    stampToOtherSocketMs: Summary;
    delivery: ReturnType<DeliveryTally["report"]>;
    disconnectCount: number;
    disconnects: string[];
  };
  sidecars: {
    name: string;
    sockets: number;
    rssMiBIdle: number;
    rssMiBWarm: number;
    rssMiBBefore: number;
    kibPerSocket: number;
    rssMiBAfter: number;
    peakRssMiB: number;
    cpuCores: number;
    cpuMsPerEvent: number;
  }[];
  cpu: Record<string, number>;
  sidecarsAlone: {
    targetRate: number;
    eventsPerSec: number;
    deliveriesPerSec: number;
    publishToSocketMs: Summary;
    delivery: ReturnType<DeliveryTally["report"]>;
    sidecarCpuCores: number[];
    sidecarRssMiBAfter: number[];
    benchClientCores: number;
  } | null;
  floor: { payloadBytes: number; messages: number; latencyMs: Summary; lost: number; duplicated: number };
  goal: { p99Ms: number; met: boolean; seedMet: boolean; p99OverFloorMs: number };
};

function printReport(r: Report) {
  const m = r.machine;
  console.log(`\nbench/realtime — ${r.startedAt}`);
  console.log(`machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}`);
  console.log(`software: Node ${m.node}, ${m.postgres}, ${m.redis}, Next ${m.next}`);
  console.log(
    `load average: ${r.load.atStart.join(" ")} at start (waited ${r.load.quietBefore.waitedSec} s for quiet: ${r.load.quietBefore.busyCores} cores busy), ${r.load.runStart.join(" ")} → ${r.load.runEnd.join(" ")} over the run; other processes used ${r.load.otherCoresDuringRun} cores during it (PostgreSQL included)`,
  );
  console.log(
    `setup: ${r.setup.sockets} sockets (${r.setup.perInstance.join(" + ")}) over ${config.families} families × ${config.members}; tokens in ${r.setup.tokensMs} ms, connected in ${r.setup.connectMs} ms (handshake p50 ${r.setup.handshakeMs.p50} ms, p99 ${r.setup.handshakeMs.p99} ms)`,
  );
  console.log(
    `run: ${r.run.writes} writes at ${r.run.targetRate}/s (achieved ${r.run.achievedWriteRate}/s, send lag p99 ${r.run.scheduleLagMs.p99} ms); ${r.run.eventsPerSec} events/s, ${r.run.deliveriesPerSec} deliveries/s over ${r.run.windowSec} s\n`,
  );
  const row = (name: string, s: Summary) => [name, String(s.count), s.p50.toFixed(2), s.p95.toFixed(2), s.p99.toFixed(2), s.max.toFixed(2)];
  printTable(
    ["latency (ms)", "samples", "p50", "p95", "p99", "max"],
    [
      row("API write → other sockets", r.run.writeToOtherSocketMs),
      row("API write → writer's socket", r.run.writeToOwnSocketMs),
      row("app event stamp (before INSERT) → other sockets, 1 ms clock", r.run.stampToOtherSocketMs),
      row("API response (POST)", r.run.apiWriteMs),
      ...(r.sidecarsAlone
        ? [row(`sidecars alone: Redis PUBLISH → sockets at ${r.sidecarsAlone.targetRate}/s`, r.sidecarsAlone.publishToSocketMs)]
        : []),
      row(`floor: Redis PUBLISH → SUB (${r.floor.payloadBytes} B)`, r.floor.latencyMs),
    ],
  );
  const d = r.run.delivery;
  console.log(
    `\ndeliveries: ${d.delivered}/${d.expectedDeliveries} (lost ${d.lost}, duplicated ${d.duplicated}, to another family ${d.unexpected}); failed writes ${d.failedWrites}; disconnects ${r.run.disconnectCount}; floor lost ${r.floor.lost}, duplicated ${r.floor.duplicated}`,
  );
  if (d.lostSamples.length) console.log(`  missing: ${d.lostSamples.join("; ")}`);
  if (r.run.disconnectCount) console.log(`  disconnects (socket: reason): ${r.run.disconnects.slice(0, 3).join("; ")}`);
  if (r.sidecarsAlone) {
    const a = r.sidecarsAlone;
    console.log(
      `sidecars alone: ${a.eventsPerSec} events/s, ${a.deliveriesPerSec} deliveries/s; ${a.delivery.delivered}/${a.delivery.expectedDeliveries} (lost ${a.delivery.lost}, duplicated ${a.delivery.duplicated}, to another family ${a.delivery.unexpected}); sidecar CPU ${a.sidecarCpuCores.join(" + ")} cores, RSS after ${a.sidecarRssMiBAfter.join(" + ")} MiB, bench clients ${a.benchClientCores} cores`,
    );
  }
  if (r.run.apiErrors.length) console.log(`  API errors: ${r.run.apiErrors.join(" | ")}`);
  console.log("");
  printTable(
    [
      "sidecar",
      "sockets",
      "RSS idle MiB",
      "RSS warm MiB",
      "RSS connected MiB",
      "KiB/socket",
      "RSS after MiB",
      "peak MiB",
      "CPU cores",
      "CPU ms/event",
    ],
    r.sidecars.map((s) => [
      s.name,
      String(s.sockets),
      s.rssMiBIdle.toFixed(1),
      s.rssMiBWarm.toFixed(1),
      s.rssMiBBefore.toFixed(1),
      s.kibPerSocket.toFixed(1),
      s.rssMiBAfter.toFixed(1),
      s.peakRssMiB.toFixed(1),
      s.cpuCores.toFixed(3),
      s.cpuMsPerEvent.toFixed(3),
    ]),
  );
  console.log(
    `CPU (cores) during the run: sidecars ${r.cpu.sidecarsCores}, app ${r.cpu.appCores}, Redis ${r.cpu.redisCores}, bench clients ${r.cpu.benchClientCores}, whole machine ${r.cpu.machineBusyCores}`,
  );
  const verdict = r.goal.met ? "met" : "MISSED";
  console.log(
    `\ngoal: API write → other sockets p99 ≤ ${r.goal.p99Ms} ms: ${verdict} (${r.run.writeToOtherSocketMs.p99.toFixed(2)} ms; the seed's < ${config.goal.seedP99Ms} ms: ${r.goal.seedMet ? "met" : "MISSED"}); ${r.goal.p99OverFloorMs} ms above the Redis floor's p99`,
  );
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
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
