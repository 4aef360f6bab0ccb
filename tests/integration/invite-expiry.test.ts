import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitForHttp } from "@/scripts/lib/process";
import { api, registerAccount } from "../helpers/api";
import { familyState } from "../helpers/db";

/**
 * A second server on the same build and database whose clock runs two hours ahead: an invite
 * made for one hour has expired there. The API has no way to backdate an invite, and tests do not
 * write to the database directly.
 */
const AHEAD_MS = 2 * 3600_000;
let server: ChildProcess | undefined;
let futureUrl = "";

beforeAll(async () => {
  const port = await freePort();
  futureUrl = `http://127.0.0.1:${port}`;
  server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      APP_URL: futureUrl,
      TEST_CLOCK_OFFSET_MS: String(AHEAD_MS),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.resolve(__dirname, "../helpers/shifted-clock.cjs")}`.trim(),
    },
    stdio: "ignore",
    detached: true,
  });
  await waitForHttp(`${futureUrl}/api/health`, 60_000);
}, 90_000);

afterAll(() => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

async function acceptInFuture(token: string, code: string) {
  const res = await fetch(`${futureUrl}/api/v1/invites/${code}/accept`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-forwarded-for": "10.77.0.1" },
    body: "{}",
  });
  return { status: res.status, body: await res.json() };
}

describe("invite expiry", () => {
  it("an expired invite answers 404 and adds no one", async () => {
    const owner = await registerAccount();
    const invitee = await registerAccount("Invitee");
    const code = (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "parent", expiresInHours: 1 })).body
      .code;
    const before = await familyState(owner.familyId);

    const res = await acceptInFuture(invitee.token, code);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found:invite");
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("an invite still within its lifetime works on the same server (control)", async () => {
    const owner = await registerAccount();
    const invitee = await registerAccount("Invitee");
    const code = (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "parent", expiresInHours: 3 })).body
      .code;
    const res = await acceptInFuture(invitee.token, code);
    expect(res.status).toBe(200);
    expect(res.body.family.id).toBe(owner.familyId);
  });
});
