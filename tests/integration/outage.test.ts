import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitForHttp } from "@/scripts/lib/process";

/**
 * A second server on the same build whose Redis (and, in the second case, PostgreSQL) points at a
 * closed port: health must say 503 and API requests must fail with 503, never 500.
 */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  // /api/health answers 503 while degraded, so wait for the port with a route that does not need services.
  await waitForHttp(`${url}/api/v1/openapi.json`, 60_000);
  return { url, child };
}

function stop(child: ChildProcess | undefined) {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

describe("when Redis is down", () => {
  let server: { url: string; child: ChildProcess } | undefined;
  beforeAll(async () => {
    server = await startServer({ REDIS_URL: "redis://127.0.0.1:1" });
  }, 90_000);
  afterAll(() => stop(server?.child));

  it("reports unhealthy with the failing dependency", async () => {
    const res = await fetch(`${server!.url}/api/health`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.redis.ok).toBe(false);
  });

  it("answers API requests with 503, not 500", async () => {
    const res = await fetch(`${server!.url}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.test", password: "whatever-password" }),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("unavailable:dependency");
  });
});

describe("when PostgreSQL is down", () => {
  let server: { url: string; child: ChildProcess } | undefined;
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nestling" });
  }, 90_000);
  afterAll(() => stop(server?.child));

  it("reports unhealthy and API requests get 503", async () => {
    const health = await fetch(`${server!.url}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).checks.database.ok).toBe(false);
    const res = await fetch(`${server!.url}/api/v1/me`, {
      headers: { authorization: "Bearer nst_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" },
    });
    expect(res.status).toBe(503);
  });
});
