import { describe, expect, it } from "vitest";
import { api, bottle, createChild, registerAccount, uniqueEmail, type ApiResponse } from "../helpers/api";
import { query } from "../helpers/db";

/**
 * Limits come from run-tests: RATE_LIMIT_USER=200 per token and RATE_LIMIT_AUTH_IP=20 per IP, per
 * 60 s window. A window may roll over mid-test, so each test sends until the first 429 (within a
 * bound that covers two windows) instead of counting on an exact request number.
 */
const USER_LIMIT = 200;
const AUTH_IP_LIMIT = 20;

function expectRateLimited(res: ApiResponse, code: string) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe(code);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(61);
}

describe("rate limits", () => {
  it("a token past its per-window budget gets 429 with Retry-After, and the refused writes store nothing", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    let created = 0;
    let limited: Awaited<ReturnType<typeof client.post>> | undefined;
    for (let i = 0; i < 2 * USER_LIMIT + 2 && !limited; i++) {
      const res = await client.post("/api/v1/activities", bottle(child.id));
      if (res.status === 429) limited = res;
      else {
        expect(res.status).toBe(201);
        created++;
      }
    }
    expect(limited).toBeDefined();
    expectRateLimited(limited!, "rate_limited:api");
    // createChild above used this token once too.
    expect(created).toBeGreaterThanOrEqual(USER_LIMIT - 1);
    const rows = await query(`SELECT count(*)::int AS n FROM "Activity" WHERE "childId" = $1`, [child.id]);
    expect(rows[0].n).toBe(created);

    // The budget is per token: another token of the same user is unaffected.
    const other = await api().post("/api/v1/auth/token", { email: owner.email, password: owner.password });
    expect(other.status).toBe(201);
    expect((await api(other.body.token).get("/api/v1/me")).status).toBe(200);
  });

  it("an IP past the auth budget gets 429 on register and token, and no account is made", async () => {
    const ip = `10.250.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const client = api(undefined, { ip });
    const emails: string[] = [];
    let accepted = 0;
    let limited: Awaited<ReturnType<typeof client.post>> | undefined;
    for (let i = 0; i < 2 * AUTH_IP_LIMIT + 2 && !limited; i++) {
      const email = uniqueEmail("burst");
      emails.push(email);
      const res = await client.post("/api/v1/auth/register", { email, password: "long enough pw", name: "Burst" });
      if (res.status === 429) limited = res;
      else {
        expect(res.status).toBe(201);
        accepted++;
      }
    }
    expect(limited).toBeDefined();
    expectRateLimited(limited!, "rate_limited:api");
    expect(accepted).toBeGreaterThanOrEqual(AUTH_IP_LIMIT);
    const stored = await query(`SELECT count(*)::int AS n FROM "User" WHERE email = ANY($1)`, [emails]);
    expect(stored[0].n).toBe(accepted);

    // Other addresses are unaffected.
    expect((await api().post("/api/v1/auth/token", { email: emails[0], password: "long enough pw" })).status).toBe(201);
  });

  it("the auth budget counts refused requests too", async () => {
    const client = api();
    const statuses: number[] = [];
    for (let i = 0; i < 2 * AUTH_IP_LIMIT + 2 && !statuses.includes(429); i++) {
      statuses.push((await client.post("/api/v1/auth/token", { email: "not-an-email" })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
    expect(statuses.length).toBeGreaterThan(AUTH_IP_LIMIT);
  });
});
