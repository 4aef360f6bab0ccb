/**
 * `npm test`: every test against real PostgreSQL, Redis and Chromium.
 * 1. creates a fresh database and applies the migrations with `prisma migrate deploy`;
 * 2. builds the app (skip with SKIP_BUILD=1 when .next is current) and starts `next start`;
 * 3. runs Vitest (unit + integration) and Playwright (end-to-end) against that server;
 * 4. stops the server and drops the database, whatever happened.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { freePort, waitForHttp } from "./lib/process";

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const only = process.argv[2] as "unit" | "integration" | "e2e" | undefined;
/** Anything after the mode goes to the runner: `run-tests.ts e2e tests/e2e/home.spec.ts`. */
const passThrough = process.argv.slice(3);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const dbName = `nestling_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const realtimePort = await freePort();
  const realtimeUrl = `http://127.0.0.1:${realtimePort}`;
  const workerPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    APP_URL: baseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    TRUST_PROXY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT_IP: "1000000",
    RATE_LIMIT_AUTH_IP: "20",
    RATE_LIMIT_USER: "200",
    LOGIN_MAX_FAILURES: "5",
    // The assistant: always the built-in answerer (no hosted model here), small limits the chat tests reach.
    AI_PROVIDERS: "",
    AI_RATE_LIMIT_PER_MINUTE: "15",
    AI_DAILY_QUOTA: "25",
    TEST_BASE_URL: baseUrl,
    // One realtime sidecar for the run; the app hands its URL to browsers with each token.
    REALTIME_PORT: String(realtimePort),
    REALTIME_PUBLIC_URL: realtimeUrl,
    TEST_REALTIME_URL: realtimeUrl,
    // The worker of the run: its own queue prefix, so that other runs' workers never take its jobs.
    WORKER_PORT: String(workerPort),
    QUEUE_PREFIX: `nestling-test:${dbName}`,
    REFRESH_DEBOUNCE_MS: "500",
    TEST_WORKER_URL: `http://127.0.0.1:${workerPort}`,
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
    PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
  };
  /** Long-running processes of the run (each in its own process group), stopped at the end. */
  const background: ChildProcess[] = [];
  const startBackground = (args: string[]) => {
    const child = spawn("npx", args, { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    background.push(child);
    return child;
  };
  let failed = false;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  try {
    if ((await run("npx", ["prisma", "migrate", "deploy"], env)) !== 0) throw new Error("migrate deploy failed");
    if (only === "unit") {
      failed = (await run("npx", ["vitest", "run", "--project", "unit"], env)) !== 0;
      return;
    }
    if (!process.env.SKIP_BUILD && (await run("npx", ["next", "build"], { ...env, NODE_ENV: "production" })) !== 0)
      throw new Error("next build failed");
    // The service worker precaches this build's files (scripts/build-sw.ts).
    if (!process.env.SKIP_BUILD && (await run("npx", ["tsx", "scripts/build-sw.ts"], env)) !== 0)
      throw new Error("service worker build failed");
    startBackground(["next", "start", "-p", String(port), "-H", "127.0.0.1"]);
    startBackground(["tsx", "realtime/index.ts"]);
    startBackground(["tsx", "worker/index.ts"]);
    await Promise.all([
      waitForHttp(`${baseUrl}/api/health`, 60_000),
      waitForHttp(`${realtimeUrl}/health`, 60_000),
      waitForHttp(`http://127.0.0.1:${workerPort}/health`, 60_000),
    ]);
    if (only !== "e2e")
      failed =
        (await run("npx", ["vitest", "run", ...(only ? ["--project", only] : []), ...(only ? passThrough : [])], env)) !== 0 || failed;
    if (!only || only === "e2e")
      failed = (await run("npx", ["playwright", "test", ...(only === "e2e" ? passThrough : [])], env)) !== 0 || failed;
  } catch (error) {
    console.error(error);
    failed = true;
  } finally {
    for (const child of background) {
      if (!child.pid) continue;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    }
    if (!process.env.KEEP_TEST_DB) {
      await new Promise((r) => setTimeout(r, 500));
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) => console.error("drop failed", e));
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main();
