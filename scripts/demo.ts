/**
 * `npm run demo`: the product on http://localhost:3000 with a seeded demo family.
 * 1. PostgreSQL: DATABASE_URL, or an embedded server with its data in .data/postgres;
 * 2. Redis: REDIS_URL, or `redis-server` from PATH on a free port;
 * 3. migrations, the demo family (only when missing) and, when there is none yet, a build;
 * 4. `next start` (and the realtime sidecar and worker once they exist), then the sign-ins.
 * Ctrl-C / SIGTERM stops everything it started, apps first, PostgreSQL last.
 * Flags: --rebuild (build again), --reset (wipe the embedded database and seed afresh).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { freePort, waitForHttp } from "./lib/process";
import { runTask, startProcess, type ProcessSpec, type Supervised } from "./lib/supervisor";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { findRedisServer, startRedisServer } from "./lib/redis-server";
import { ensureDatabase, pendingMigrations } from "./lib/database";
import { DEMO_FAMILY_NAME, DEMO_MEMBERS, DEMO_PASSWORD } from "../prisma/seed/demo-family";

const ROOT = path.resolve(__dirname, "..");
const DATA = path.join(ROOT, ".data");
const PORT = Number(process.env.PORT ?? 3000);
const REALTIME_PORT = Number(process.env.REALTIME_PORT ?? 3001);
const WORKER_PORT = Number(process.env.WORKER_PORT ?? 3002);
const HOST = process.env.HOST ?? "127.0.0.1";
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";
const flags = new Set(process.argv.slice(2));
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

const running: Supervised[] = [];
let stopping = false;

function track(proc: Supervised, longRunning = false) {
  running.push(proc);
  if (longRunning) {
    void proc.exited.then((code) => {
      if (!stopping) void shutdown(1, `${proc.name} exited unexpectedly (code ${code}); stopping the demo.`);
    });
  }
  return proc;
}

async function shutdown(code: number, message?: string) {
  if (stopping) return;
  stopping = true;
  if (message) console.log(message);
  for (const proc of [...running].reverse()) await proc.stop();
  if (running.length > 0) console.log("Stopped.");
  process.exit(code);
}

let signalledAt = 0;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    // One Ctrl-C arrives more than once (from the terminal and relayed by npm/tsx): ignore echoes.
    if (Date.now() - signalledAt < 1500) return;
    if (!stopping) {
      signalledAt = Date.now();
      return void shutdown(0, `\n${signal}: stopping the demo…`);
    }
    // A second Ctrl-C: do not wait for clean shutdowns any more.
    console.log("Killing everything now.");
    for (const proc of running) proc.kill();
    process.exit(130);
  });
}
process.on("exit", () => running.forEach((proc) => proc.kill()));

/**
 * Under `npm run demo` we run as npm → sh → tsx → us. A SIGTERM sent to npm alone reaches sh,
 * which dies without passing it on; so we also stop once whoever launched tsx is gone.
 */
function stopWithLauncher() {
  const parentOf = (pid: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return undefined;
    }
  };
  const launcher = parentOf(process.ppid);
  if (launcher === undefined) return;
  setInterval(() => {
    if (parentOf(process.ppid) !== launcher) void shutdown(0, "The command that started the demo is gone: stopping the demo…");
  }, 500).unref();
}
stopWithLauncher();

const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function readOrCreate(file: string, make: () => string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const value = make();
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

async function resolveDatabase(): Promise<{ url: string; label: string }> {
  const t = performance.now();
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const created = (await ensureDatabase(url)) === "created";
    console.log(`✓ PostgreSQL from DATABASE_URL${created ? " (database created)" : ""} in ${since(t)}`);
    return { url, label: `DATABASE_URL (${new URL(url).host}${new URL(url).pathname})` };
  }
  const dataDir = path.join(DATA, "postgres");
  const port = (await portIsFree(5433, "127.0.0.1")) ? 5433 : await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, reset: flags.has("--reset") });
  track(pg.process, true);
  const url = new URL(pg.url);
  url.pathname = "/nestling";
  await ensureDatabase(url.toString());
  console.log(`✓ embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres) in ${since(t)}`);
  return { url: url.toString(), label: `embedded PostgreSQL, 127.0.0.1:${port}, data in .data/postgres (log: .data/postgres.log)` };
}

async function resolveRedis(binary: string | undefined): Promise<{ url: string; label: string }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, label: `REDIS_URL (${new URL(process.env.REDIS_URL).host})` };
  const t = performance.now();
  const port = await freePort();
  const redis = await startRedisServer({ binary: binary!, port, logFile: path.join(DATA, "redis.log") });
  track(redis.process, true);
  console.log(`✓ redis-server on 127.0.0.1:${port} in ${since(t)}`);
  return { url: redis.url, label: `redis-server, 127.0.0.1:${port}, not persisted (log: .data/redis.log)` };
}

/** Long-running apps. The realtime sidecar and the worker join the list once their entry exists. */
function appProcesses(env: NodeJS.ProcessEnv): ProcessSpec[] {
  const apps: ProcessSpec[] = [{ name: "web", command: bin("next"), args: ["start", "-p", String(PORT), "-H", HOST], env, cwd: ROOT }];
  for (const [name, entry] of [
    ["realtime", "realtime/index.ts"],
    ["worker", "worker/index.ts"],
  ] as const) {
    if (fs.existsSync(path.join(ROOT, entry))) apps.push({ name, command: bin("tsx"), args: [entry], env, cwd: ROOT });
  }
  return apps;
}

async function migrateAndSeed(env: NodeJS.ProcessEnv) {
  let t = performance.now();
  const pending = await pendingMigrations(env.DATABASE_URL!, path.join(ROOT, "prisma", "migrations"));
  if (pending.length > 0) {
    await runTask({ name: "migrate", command: bin("prisma"), args: ["migrate", "deploy"], env, cwd: ROOT, quiet: true }, track);
    console.log(`✓ ${pending.length} migration(s) applied in ${since(t)}`);
  } else console.log("✓ migrations up to date");
  t = performance.now();
  await runTask({ name: "seed", command: bin("tsx"), args: ["prisma/seed.ts", "--if-missing"], env, cwd: ROOT }, track);
  console.log(`✓ demo family ready in ${since(t)}`);
}

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  if (fs.existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")) && !flags.has("--rebuild")) {
    console.log(`✓ using the existing build in ${DIST_DIR} (--rebuild to build again)`);
    return;
  }
  const t = performance.now();
  console.log(`… building the app into ${DIST_DIR} (once; about a minute)`);
  await runTask({ name: "build", command: bin("next"), args: ["build"], env, cwd: ROOT, quiet: true }, track);
  await runTask({ name: "service worker", command: bin("tsx"), args: ["scripts/build-sw.ts"], env, cwd: ROOT, quiet: true }, track);
  console.log(`✓ built in ${since(t)}`);
}

function banner(database: string, redis: string, seconds: string) {
  const width = Math.max(...Object.values(DEMO_MEMBERS).map((m) => m.email.length)) + 2;
  const roles = { owner: "parent, family owner", parent: "parent", caregiver: "caregiver" } as const;
  const members = Object.values(DEMO_MEMBERS).map(
    (m) => `    ${m.email.padEnd(width)}${m.name}, ${roles[m.role]}${m.locale === "es" ? " (Spanish interface)" : ""}`,
  );
  console.log(
    [
      "",
      "  ─────────────────────────────────────────────────────────────",
      `  Nestling demo is running: http://localhost:${PORT}   (ready in ${seconds})`,
      "",
      `  Sign in to "${DEMO_FAMILY_NAME}" with password: ${DEMO_PASSWORD}`,
      ...members,
      "",
      `  Database  ${database}`,
      `  Redis     ${redis}`,
      `  Realtime  Socket.io sidecar on port ${REALTIME_PORT} (health: /health)`,
      `  Worker    BullMQ analytics worker (health: http://127.0.0.1:${WORKER_PORT}/health)`,
      "  Ctrl-C stops everything.",
      "  ─────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}

async function main() {
  const started = performance.now();
  fs.mkdirSync(DATA, { recursive: true, mode: 0o755 });
  if (flags.has("--reset") && process.env.DATABASE_URL) throw new Error("--reset only wipes the embedded database; unset DATABASE_URL");
  if (!(await portIsFree(PORT, HOST))) throw new Error(`port ${PORT} is already in use on ${HOST}; choose another with PORT=…`);
  if (!(await portIsFree(REALTIME_PORT, HOST)))
    throw new Error(`port ${REALTIME_PORT} (realtime) is already in use on ${HOST}; choose another with REALTIME_PORT=…`);
  if (!(await portIsFree(WORKER_PORT, "127.0.0.1")))
    throw new Error(`port ${WORKER_PORT} (worker health) is already in use; choose another with WORKER_PORT=…`);
  const redisBinary = process.env.REDIS_URL ? undefined : findRedisServer();
  if (!process.env.REDIS_URL && !redisBinary) {
    throw new Error(
      "REDIS_URL is not set and redis-server is not on PATH. Either point the demo at a Redis you run " +
        "(REDIS_URL=redis://127.0.0.1:6379 npm run demo) or install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis).",
    );
  }

  const database = await resolveDatabase();
  if (stopping) return;
  const redis = await resolveRedis(redisBinary);
  if (stopping) return;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? readOrCreate(path.join(DATA, "auth-secret"), () => randomBytes(32).toString("base64url")),
    APP_URL: process.env.APP_URL ?? `http://localhost:${PORT}`,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    // The realtime sidecar; without REALTIME_PUBLIC_URL, browsers reach it on the host they opened, this port.
    REALTIME_PORT: String(REALTIME_PORT),
    WORKER_PORT: String(WORKER_PORT),
    REALTIME_HOST: process.env.REALTIME_HOST ?? HOST,
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  };
  if (!fs.existsSync(path.join(ROOT, "lib", "db", "generated", "client.ts"))) {
    await runTask({ name: "generate", command: bin("prisma"), args: ["generate"], env, cwd: ROOT, quiet: true }, track);
  }
  // The build does not need the database, so it runs while migrations and the seed do.
  await Promise.all([migrateAndSeed(env), buildIfNeeded(env)]);
  if (stopping) return;

  for (const spec of appProcesses(env)) track(startProcess(spec), true);
  const probeHost = HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST.includes(":") ? `[${HOST}]` : HOST;
  await waitForHttp(`http://${probeHost}:${PORT}/api/health`, 90_000);
  if (fs.existsSync(path.join(ROOT, "realtime/index.ts"))) await waitForHttp(`http://${probeHost}:${REALTIME_PORT}/health`, 30_000);
  if (fs.existsSync(path.join(ROOT, "worker/index.ts"))) await waitForHttp(`http://127.0.0.1:${WORKER_PORT}/health`, 30_000);
  if (stopping) return;
  banner(database.label, redis.label, since(started));
}

main().catch((error: Error) => {
  if (stopping) return;
  console.error(`\nnpm run demo: ${error.message}`);
  void shutdown(1);
});
