/**
 * The production app on a database of its own, for bench/ui and scripts/screenshots.ts: a fresh
 * database + `prisma migrate deploy`, `next build` into `distDir` (unless skipBuild), `next start`
 * on a free port. `stop()` stops the server and drops the database; it is safe to call twice and
 * is called by the caller on error and on Ctrl-C.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, waitForHttp } from "../../scripts/lib/process";
import { runCommand, sleep, startService, type Service } from "../lib/proc";

const requireHere = createRequire(import.meta.url);

export type FreshApp = { url: string; logDir: string; stop: () => Promise<void> };

type Options = { name: string; distDir: string; skipBuild: boolean; keepDb?: boolean; adminUrl?: string; redisUrl?: string };

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function postgresVersion(adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres"): Promise<string> {
  return withAdmin(adminUrl, async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string);
}

/** Starts the app; `app.stop` is handed to `onStop` before anything is created, so a failure half-way still cleans up. */
export async function startFreshApp(options: Options, onStop: (stop: () => Promise<void>) => void): Promise<FreshApp> {
  const adminUrl = options.adminUrl ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const tag = `[${options.name}]`;
  const logDir = mkdtempSync(path.join(os.tmpdir(), `nestling-${options.name}-`));
  const dbName = `nestling_${options.name.replace(/\W/g, "_")}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const services: Service[] = [];
  const commands = new Set<ChildProcess>();
  let created = false;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const child of commands) child.kill("SIGTERM");
      await Promise.all(services.map((s) => s.stop()));
      if (!created) return;
      if (options.keepDb) return console.log(`${tag} kept database ${dbName}`);
      await sleep(300);
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) =>
        console.error(`${tag} drop database failed:`, e),
      );
      console.log(`${tag} dropped database ${dbName}`);
    })());
  onStop(stop);

  console.log(`${tag} logs in ${logDir}`);
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  created = true;
  console.log(`${tag} created database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: options.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url.toString(),
    REDIS_URL: options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    APP_URL: appUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // Seeding logs a hundred entries in a few seconds; the limiter must not get in the way.
    RATE_LIMIT_IP: "10000000",
    RATE_LIMIT_AUTH_IP: "10000000",
    RATE_LIMIT_USER: "10000000",
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
    PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
  };
  const run = (cmd: string, args: string[]) => runCommand(cmd, args, env, (child) => commands.add(child));
  if ((await run("npx", ["prisma", "migrate", "deploy"])) !== 0) throw new Error("prisma migrate deploy failed");
  if (!options.skipBuild) {
    console.log(`${tag} next build into ${options.distDir}`);
    if ((await run("npx", ["next", "build"])) !== 0) throw new Error("next build failed");
    if ((await run("npx", ["tsx", "scripts/build-sw.ts"])) !== 0) throw new Error("service worker build failed");
  }
  const app = startService(
    "app",
    process.execPath,
    [requireHere.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    env,
    path.join(logDir, "app.log"),
  );
  services.push(app);
  await Promise.race([
    waitForHttp(`${appUrl}/api/health`, 60_000),
    app.exited.then((code) => Promise.reject(new Error(`next start exited (${code}); see ${logDir}/app.log`))),
  ]);
  console.log(`${tag} app on ${appUrl}`);
  return { url: appUrl, logDir, stop };
}
