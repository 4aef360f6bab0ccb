import { describe, expect, it } from "vitest";
import { api, registerAccount, uniqueEmail } from "../helpers/api";
import { authEvents, query, userState } from "../helpers/db";
import { signInWithSession } from "../helpers/session";

const ip = () => `10.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

describe("register", () => {
  it("creates the account, its family and a working token", async () => {
    const email = uniqueEmail("New.User").replace("new.user", "New.User");
    const res = await api().post("/api/v1/auth/register", { email, password: "long enough pw", name: "Marta", locale: "es" });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: email.toLowerCase(), name: "Marta", settings: { locale: "es", units: "metric" } });
    expect(res.body.family).toMatchObject({ role: "owner", members: [expect.objectContaining({ userId: res.body.user.id })] });
    expect(res.body.token).toMatch(/^nst_[A-Za-z0-9_-]{20,}$/);
    expect(res.body.user).not.toHaveProperty("passwordHash");
    const me = await api(res.body.token).get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(res.body.user.id);
    expect(me.body.families).toEqual([{ id: res.body.family.id, name: res.body.family.name, role: "owner" }]);
    expect((await authEvents(email)).map((e) => e.type)).toEqual(["register"]);
  });

  it("refuses a taken email, whatever its case, with 409 naming the field", async () => {
    const existing = await registerAccount();
    const res = await api().post("/api/v1/auth/register", {
      email: existing.email.toUpperCase(),
      password: "another password",
      name: "Copy",
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict:email", fields: { email: "An account with this email already exists." } });
    expect(await query(`SELECT id FROM "User" WHERE email = $1`, [existing.email])).toEqual([{ id: existing.userId }]);
  });

  it("of concurrent registrations of one email, exactly one succeeds", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      [1, 2, 3].map((i) => api().post("/api/v1/auth/register", { email, password: "long enough pw", name: `Racer ${i}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await query(`SELECT id FROM "User" WHERE email = $1`, [email])).toHaveLength(1);
  });
});

describe("access tokens", () => {
  it("exchanges email and password for a token and logs the sign-in", async () => {
    const account = await registerAccount();
    const from = ip();
    const res = await api(undefined, { ip: from }).post("/api/v1/auth/token", {
      email: account.email.toUpperCase(),
      password: account.password,
      label: "Home Assistant",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ label: "Home Assistant", token: expect.stringMatching(/^nst_/) });
    expect((await api(res.body.token).get("/api/v1/me")).body.user.id).toBe(account.userId);
    const signIn = (await authEvents(account.email)).find((e) => e.type === "sign_in");
    expect(signIn).toMatchObject({ userId: account.userId, ip: from });
  });

  it("a wrong password and an unknown email get the same 401", async () => {
    const account = await registerAccount();
    const wrong = await api().post("/api/v1/auth/token", { email: account.email, password: "not the password" });
    const unknown = await api().post("/api/v1/auth/token", { email: uniqueEmail("nobody"), password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("unauthorized:credentials");
  });

  it("lists, creates and revokes tokens; a revoked token answers 401", async () => {
    const account = await registerAccount();
    const client = api(account.token);
    const created = await client.post("/api/v1/tokens", { label: "Watch" });
    expect(created.status).toBe(201);
    const list = await client.get("/api/v1/tokens");
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { label: string }) => t.label).sort()).toEqual(["Watch", "registration"]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.items[0]).not.toHaveProperty("tokenHash");

    expect((await api(created.body.token).get("/api/v1/me")).status).toBe(200);
    expect((await client.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await api(created.body.token).get("/api/v1/me");
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("unauthorized:auth");
    expect((await client.get("/api/v1/tokens")).body.items.map((t: { label: string }) => t.label)).toEqual(["registration"]);
    expect((await client.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(404);
    const audit = await query(`SELECT type, detail FROM "AuthEvent" WHERE "userId" = $1 AND type LIKE 'token_%' ORDER BY id`, [
      account.userId,
    ]);
    expect(audit).toEqual([
      { type: "token_created", detail: { tokenId: created.body.id, label: "Watch" } },
      { type: "token_revoked", detail: { tokenId: created.body.id } },
    ]);
  });

  it("a token can revoke itself", async () => {
    const account = await registerAccount();
    const [mine] = (await api(account.token).get("/api/v1/tokens")).body.items;
    expect((await api(account.token).delete(`/api/v1/tokens/${mine.id}`)).status).toBe(204);
    expect((await api(account.token).get("/api/v1/me")).status).toBe(401);
  });

  it("anything but a live bearer token is 401", async () => {
    const account = await registerAccount();
    const headers: Record<string, string>[] = [
      {},
      { authorization: "Bearer" },
      { authorization: "Bearer " },
      { authorization: `Basic ${Buffer.from(`${account.email}:${account.password}`).toString("base64")}` },
      { authorization: `Bearer ${account.token.slice(4)}` },
      { authorization: `Bearer ${account.token}x` },
      { authorization: `Bearer nst_${"a".repeat(200)}` },
      { authorization: `Bearer ${account.token} extra` },
    ];
    for (const h of headers) {
      const res = await api().get("/api/v1/me", h);
      expect(res.status, JSON.stringify(h)).toBe(401);
      expect(res.body.error.code).toBe("unauthorized:auth");
    }
    expect((await api().get("/api/v1/me", { authorization: `bearer ${account.token}` })).status).toBe(200);
  });
});

describe("password change", () => {
  it("needs the current password; a refusal changes nothing", async () => {
    const account = await registerAccount();
    const before = await userState(account.userId);
    const wrong = await api(account.token).post("/api/v1/auth/password", { currentPassword: "nope nope", newPassword: "brand new secret" });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields)).toEqual(["currentPassword"]);
    const weak = await api(account.token).post("/api/v1/auth/password", { currentPassword: account.password, newPassword: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields).toEqual({ newPassword: "Use at least 8 characters." });
    expect(await userState(account.userId)).toEqual(before);
  });

  it("revokes every other token and session, keeps the caller's token, swaps the password", async () => {
    const account = await registerAccount();
    const second = (await api().post("/api/v1/auth/token", { email: account.email, password: account.password })).body.token;
    const cookie = await signInWithSession(account.email, account.password);
    expect(cookie).not.toBeNull();
    expect((await api().get("/api/v1/me", { cookie: cookie! })).status).toBe(200);

    const res = await api(second).post("/api/v1/auth/password", { currentPassword: account.password, newPassword: "a whole new secret" });
    expect(res.status).toBe(204);

    expect((await api(second).get("/api/v1/me")).status).toBe(200);
    expect((await api(account.token).get("/api/v1/me")).status).toBe(401);
    expect((await api().get("/api/v1/me", { cookie: cookie! })).status).toBe(401);
    expect((await api().post("/api/v1/auth/token", { email: account.email, password: account.password })).status).toBe(401);
    expect((await api().post("/api/v1/auth/token", { email: account.email, password: "a whole new secret" })).status).toBe(201);
    expect((await authEvents(account.email)).map((e) => e.type)).toContain("password_changed");
  });
});

describe("failed sign-ins", () => {
  it("are logged, and after 5 the right password gets 429 with Retry-After", async () => {
    const account = await registerAccount();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await api().post("/api/v1/auth/token", { email: account.email, password: `wrong guess ${i}` })).status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect([401, 429]).toContain(statuses[4]);

    const right = await api().post("/api/v1/auth/token", { email: account.email, password: account.password });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe("rate_limited:sign_in");
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);

    const events = await authEvents(account.email);
    const failed = events.filter((e) => e.type === "sign_in_failed");
    expect(failed).toHaveLength(5);
    expect(failed.map((e) => e.detail.failures)).toEqual([1, 2, 3, 4, 5]);
    for (const e of failed) expect(e).toMatchObject({ userId: account.userId, ip: expect.stringMatching(/^10\./) });
    expect(events.map((e) => e.type)).toContain("sign_in_locked");
    expect(events.map((e) => e.type)).not.toContain("sign_in");
  });

  it("locks the browser sign-in too, and logs its failures", async () => {
    const account = await registerAccount();
    expect(await signInWithSession(account.email, "wrong password")).toBeNull();
    expect((await authEvents(account.email)).map((e) => e.type)).toEqual(["register", "sign_in_failed"]);
    for (let i = 0; i < 4; i++) await api().post("/api/v1/auth/token", { email: account.email, password: `wrong ${i}` });
    expect(await signInWithSession(account.email, account.password)).toBeNull();
  });
});

describe("browser session", () => {
  it("signs in through Auth.js and reaches the API with the cookie", async () => {
    const account = await registerAccount();
    const cookie = await signInWithSession(account.email, account.password);
    expect(cookie).toMatch(/authjs\.session-token=/);
    const me = await api().get("/api/v1/me", { cookie: cookie! });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(account.userId);
  });
});

describe("me", () => {
  it("updates the name and merges settings", async () => {
    const account = await registerAccount();
    const client = api(account.token);
    const res = await client.patch("/api/v1/me", { name: "  Renamed ", settings: { units: "imperial", dayStartHour: 7 } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      name: "Renamed",
      settings: { locale: "en", units: "imperial", dayStartHour: 7, theme: "system" },
    });
    const again = await client.patch("/api/v1/me", { settings: { theme: "dark" } });
    expect(again.body.user.settings).toEqual({ locale: "en", units: "imperial", dayStartHour: 7, theme: "dark" });
    expect((await client.get("/api/v1/me")).body.user).toEqual(again.body.user);
  });
});
