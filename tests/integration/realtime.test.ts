import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRealtimeToken } from "@/lib/realtime/token";
import { api, bottle, createChild, joinFamily, memberOf, registerAccount, type Account } from "../helpers/api";
import { familySeq } from "../helpers/db";
import { signInWithSession } from "../helpers/session";
import { connect, connected, realtimeToken, redisProxy, startSidecar, type RealtimeClient, type Sidecar } from "../helpers/realtime";

/**
 * Two realtime sidecar processes (A and B) on the runner's PostgreSQL and Redis; writes go
 * through the REST API of the app the runner started. Each test seeds its own families.
 */
let a: Sidecar;
let b: Sidecar;
const clients: RealtimeClient[] = [];
const extraSidecars: Sidecar[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startSidecar("rt-a"), startSidecar("rt-b")]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await Promise.all([a, b, ...extraSidecars].filter(Boolean).map((s) => s.stop("SIGKILL")));
});

function track(client: RealtimeClient) {
  clients.push(client);
  return client;
}

async function live(sidecar: Sidecar, account: Account, since?: Record<string, number>) {
  const { token } = await realtimeToken(account);
  return track(await connected(sidecar.url, { token, ...(since && { since }) }));
}

async function refusedWith(sidecar: Sidecar, auth: Record<string, unknown>) {
  const client = track(connect(sidecar.url, auth));
  const outcome = await client.waitFor((m) => m.name === "connect" || m.name === "connect_error");
  expect(outcome.name).toBe("connect_error");
  expect(outcome.payload.data).toEqual({ code: outcome.payload.message });
  return outcome.payload.message as string;
}

async function logBottle(account: Account, childId: string) {
  const res = await api(account.token).post("/api/v1/activities", bottle(childId));
  expect(res.status).toBe(201);
  return res.body.activity as { id: string; seq: number; familyId: string };
}

const isEvent = (familyId: string, seq?: number) => (m: { name: string; payload: { familyId?: string; seq?: number } }) =>
  m.name === "event" && m.payload.familyId === familyId && (seq === undefined || m.payload.seq === seq);

describe("realtime sidecar: live events across instances", () => {
  it("a client on A receives an activity created through the API by a member on B, once, with its seq; other families never do", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent", "partner");
    const outsider = await registerAccount("Outsider");
    const child = await createChild(owner);
    const outsiderChild = await createChild(outsider);
    const onA = await live(a, owner);
    const onB = await live(b, partner);
    const outsiderOnA = await live(a, outsider);
    const outsiderOnB = await live(b, outsider);

    const activity = await logBottle(partner, child.id);
    expect(activity.seq).toBe(await familySeq(owner.familyId));
    for (const client of [onA, onB]) {
      const { payload } = await client.waitFor(isEvent(owner.familyId, activity.seq));
      expect(payload).toMatchObject({ type: "activity.created", familyId: owner.familyId, seq: activity.seq, actorId: partner.userId });
      expect(payload.data.activity).toEqual(activity);
    }

    // A later event of each family marks the point up to which everything has been delivered.
    const next = await logBottle(owner, child.id);
    const outsiderActivity = await logBottle(outsider, outsiderChild.id);
    await Promise.all([onA, onB].map((c) => c.waitFor(isEvent(owner.familyId, next.seq))));
    await Promise.all([outsiderOnA, outsiderOnB].map((c) => c.waitFor(isEvent(outsider.familyId, outsiderActivity.seq))));
    for (const client of [onA, onB]) {
      expect(client.events(owner.familyId).map((e) => e.seq)).toEqual([activity.seq, next.seq]);
      expect(client.events(outsider.familyId)).toEqual([]);
    }
    for (const client of [outsiderOnA, outsiderOnB]) {
      expect(client.events(owner.familyId)).toEqual([]);
      expect(client.events(outsider.familyId).map((e) => e.seq)).toEqual([outsiderActivity.seq]);
    }
  });
});

describe("realtime sidecar: catch-up", () => {
  it("a reconnecting client with `since` receives exactly the missed events in order, then caught_up, then live ones", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const first = await live(a, owner);
    const seen = await logBottle(owner, child.id);
    await first.waitFor(isEvent(owner.familyId, seen.seq));
    first.disconnect();

    const missed = [];
    for (let i = 0; i < 3; i++) missed.push(await logBottle(owner, child.id));
    const again = await live(b, owner, { [owner.familyId]: seen.seq });
    const caughtUp = await again.waitFor((m) => m.name === "caught_up");
    expect(caughtUp.payload).toEqual({ familyId: owner.familyId, seq: missed[2].seq });
    const beforeCaughtUp = again.received.slice(0, again.received.indexOf(caughtUp)).filter((m) => m.name === "event");
    expect(beforeCaughtUp.map((m) => m.payload.seq)).toEqual(missed.map((m) => m.seq));
    expect(beforeCaughtUp.map((m) => m.payload.data.activity.id)).toEqual(missed.map((m) => m.id));
    expect(beforeCaughtUp[0].payload).toMatchObject({ type: "activity.created", familyId: owner.familyId, actorId: owner.userId });

    const after = await logBottle(owner, child.id);
    await again.waitFor(isEvent(owner.familyId, after.seq));
    expect(again.events(owner.familyId).map((e) => e.seq)).toEqual([...missed.map((m) => m.seq), after.seq]);
  });

  it("a `since` ahead of the family's seq gets a resync, and live events follow", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const seq = await familySeq(owner.familyId);
    const client = await live(a, owner, { [owner.familyId]: seq + 50 });
    const resync = await client.waitFor((m) => m.name === "resync");
    expect(resync.payload).toEqual({ familyId: owner.familyId, seq, reason: "unknown_seq" });
    await client.waitFor((m) => m.name === "caught_up");
    const next = await logBottle(owner, child.id);
    await client.waitFor(isEvent(owner.familyId, next.seq));
  });
});

describe("realtime sidecar: membership", () => {
  it("a removed member gets family:left and nothing further; a new member is joined at once", async () => {
    const owner = await registerAccount();
    const partner = await registerAccount("Partner");
    const child = await createChild(owner);
    const partnerChild = await createChild(partner);
    const ownerOnA = await live(a, owner);
    const partnerOnB = await live(b, partner);

    await joinFamily(owner, partner, "parent");
    await partnerOnB.waitFor((m) => m.name === "family:joined" && m.payload.familyId === owner.familyId);
    const whileMember = await logBottle(owner, child.id);
    await partnerOnB.waitFor(isEvent(owner.familyId, whileMember.seq));
    expect(partnerOnB.events(owner.familyId).map((e) => e.type)).toEqual(["membership.added", "activity.created"]);

    expect((await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${partner.userId}`)).status).toBe(204);
    await partnerOnB.waitFor((m) => m.name === "family:left" && m.payload.familyId === owner.familyId);
    const afterRemoval = await logBottle(owner, child.id);
    await ownerOnA.waitFor(isEvent(owner.familyId, afterRemoval.seq));
    // The partner's own family still flows: once its event arrived, anything of the old family would have too.
    const marker = await logBottle(partner, partnerChild.id);
    await partnerOnB.waitFor(isEvent(partner.familyId, marker.seq));
    const leftAt = partnerOnB.received.findIndex((m) => m.name === "family:left");
    expect(partnerOnB.received.slice(leftAt).filter(isEvent(owner.familyId))).toEqual([]);
    expect(partnerOnB.events(owner.familyId).map((e) => e.type)).toEqual(["membership.added", "activity.created"]);
  });

  it("a deleted family: every socket leaves its room", async () => {
    const owner = await registerAccount();
    const other = await createFamily(owner);
    const client = await live(b, owner);
    expect((await api(owner.token).delete(`/api/v1/families/${other}`)).status).toBe(204);
    await client.waitFor((m) => m.name === "family:left" && m.payload.familyId === other);
    expect(client.events(other).map((e) => e.type)).toEqual(["family.deleted"]);
  });
});

async function createFamily(account: Account): Promise<string> {
  const res = await api(account.token).post("/api/v1/families", { name: "Second" });
  expect(res.status).toBe(201);
  return res.body.family.id;
}

describe("realtime sidecar: refusals", () => {
  it("refuses a missing, forged, expired, foreign-secret or revoked token with its reason", async () => {
    const owner = await registerAccount();
    const { token } = await realtimeToken(owner);
    const [body, signature] = token.split(".");
    const forgedSignature = Buffer.from(signature, "base64url");
    forgedSignature[3] ^= 0x20;
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, sub: (await registerAccount("Other")).userId })).toString("base64url");
    const expired = signRealtimeToken({ userId: owner.userId, ttlSeconds: 60, now: Date.now() - 120_000 }).token;
    const foreign = signRealtimeToken({ userId: owner.userId, ttlSeconds: 60 }, { secret: "not-the-app-secret" }).token;
    const deadSession = signRealtimeToken({ userId: owner.userId, sessionId: "no-such-session", ttlSeconds: 60 }).token;

    expect(await refusedWith(a, {})).toBe("token_missing");
    expect(await refusedWith(a, { token: "" })).toBe("token_missing");
    expect(await refusedWith(a, { token: "garbage" })).toBe("token_invalid");
    expect(await refusedWith(a, { token: `${body}.${forgedSignature.toString("base64url")}` })).toBe("token_invalid");
    expect(await refusedWith(b, { token: `${tampered}.${signature}` })).toBe("token_invalid");
    expect(await refusedWith(b, { token: foreign })).toBe("token_invalid");
    expect(await refusedWith(b, { token: expired })).toBe("token_expired");
    expect(await refusedWith(a, { token: deadSession })).toBe("session_revoked");

    // A token issued through a personal access token dies with it.
    const pat = await api(owner.token).post("/api/v1/tokens", { label: "realtime" });
    expect(pat.status).toBe(201);
    const viaPat = await realtimeToken({ ...owner, token: pat.body.token });
    expect((await api(owner.token).delete(`/api/v1/tokens/${pat.body.id}`)).status).toBe(204);
    expect(await refusedWith(a, { token: viaPat.token })).toBe("session_revoked");
    // The genuine one still works.
    await connected(a.url, { token });
  });

  it("a token issued to a cookie session dies with the session: refused at connect and at refresh", async () => {
    const owner = await registerAccount();
    const cookie = await signInWithSession(owner.email, owner.password, "10.201.0.1");
    expect(cookie).not.toBeNull();
    const issued = await api().post("/api/v1/realtime/token", undefined, { cookie: cookie! });
    expect(issued.status).toBe(200);
    const claims = JSON.parse(Buffer.from(issued.body.token.split(".")[0], "base64url").toString());
    expect(claims).toMatchObject({ v: 1, sub: owner.userId, sid: expect.any(String) });
    const client = track(await connected(b.url, { token: issued.body.token }));
    expect(await client.emitWithAck("auth:refresh", { token: issued.body.token })).toMatchObject({ ok: true });

    // A password change signs out every other session.
    const change = await api(owner.token).post("/api/v1/auth/password", {
      currentPassword: owner.password,
      newPassword: "a whole new secret",
    });
    expect(change.status).toBe(204);
    expect(await refusedWith(a, { token: issued.body.token })).toBe("session_revoked");
    expect(await client.emitWithAck("auth:refresh", { token: issued.body.token })).toEqual({ ok: false, error: "session_revoked" });
  });

  it("issues tokens only to the signed in, with the sidecar URL and expiry", async () => {
    expect((await api().post("/api/v1/realtime/token")).status).toBe(401);
    const owner = await registerAccount();
    const issued = await realtimeToken(owner);
    expect(issued.url).toBe(process.env.REALTIME_PUBLIC_URL ?? issued.url);
    const ttl = new Date(issued.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
  });
});

describe("realtime sidecar: bad client input and token refresh", () => {
  it("drops and counts malformed client messages and Redis events without crashing", async () => {
    const owner = await registerAccount();
    const outsiderFamily = await registerAccount("Outsider");
    const child = await createChild(owner);
    const client = await live(a, owner);
    const before = (await a.health()).body.dropped.clientMessages;

    const emitAny = client as unknown as { emit: (...args: unknown[]) => void; emitWithAck: (...args: unknown[]) => Promise<unknown> };
    emitAny.emit("no:such:event", { hello: "world" });
    emitAny.emit("auth:refresh", { token: "x" }); // no ack callback
    expect(await emitAny.emitWithAck("auth:refresh", { token: 42 })).toEqual({ ok: false, error: "token_invalid" });
    expect(await emitAny.emitWithAck("auth:refresh", "not an object")).toEqual({ ok: false, error: "token_invalid" });
    const health = await a.health();
    expect(health.status).toBe(200);
    expect(health.body.dropped.clientMessages - before).toBe(4);

    // Still connected and delivering.
    const activity = await logBottle(owner, child.id);
    await client.waitFor(isEvent(owner.familyId, activity.seq));

    // A packet the parser refuses closes that connection only; the process carries on.
    const broken = await live(a, owner);
    (broken.io.engine as unknown as { send: (data: string) => void }).send('2["event", {"unterminated"');
    await broken.waitFor((m) => m.name === "disconnect");
    expect((await a.health()).status).toBe(200);
    const next = await logBottle(owner, child.id);
    await client.waitFor(isEvent(owner.familyId, next.seq));

    // Malformed events on a family channel (bad JSON, wrong shape, another family's event) are dropped and counted.
    const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    const droppedBefore = await Promise.all([a, b].map(async (s) => (await s.health()).body.dropped.redisEvents));
    const stray = {
      type: "activity.created",
      familyId: owner.familyId,
      seq: next.seq + 1,
      actorId: null,
      at: new Date().toISOString(),
      data: {},
    };
    await redis.publish(`family:${owner.familyId}:events`, "{not json");
    await redis.publish(`family:${owner.familyId}:events`, JSON.stringify({ ...stray, type: "activity.exploded" }));
    await redis.publish(`family:${outsiderFamily.familyId}:events`, JSON.stringify(stray));
    await redis.quit();
    for (const [i, sidecar] of [a, b].entries())
      await waitUntil(async () => (await sidecar.health()).body.dropped.redisEvents - droppedBefore[i] === 3);
    const last = await logBottle(owner, child.id);
    await client.waitFor(isEvent(owner.familyId, last.seq));
    expect(client.events(owner.familyId).map((e) => e.seq)).toEqual([activity.seq, next.seq, last.seq]);
  });

  it("accepts a refresh with a fresh token of the same user, rejects a bad one, and disconnects an expired socket", async () => {
    const owner = await registerAccount();
    const other = await registerAccount("Other");
    // Everything the refreshes need is fetched first: the short tokens live 3-4 s.
    const fresh = await realtimeToken(owner);
    const othersToken = (await realtimeToken(other)).token;
    const short = () => signRealtimeToken({ userId: owner.userId, ttlSeconds: 4 }).token;
    const refreshed = track(await connected(b.url, { token: short() }));
    const lapsed = track(await connected(b.url, { token: short() }));

    expect(await refreshed.emitWithAck("auth:refresh", { token: fresh.token })).toEqual({ ok: true, expiresAt: fresh.expiresAt });
    expect(await refreshed.emitWithAck("auth:refresh", { token: "forged.token" })).toEqual({ ok: false, error: "token_invalid" });
    expect(await refreshed.emitWithAck("auth:refresh", { token: othersToken })).toEqual({ ok: false, error: "token_invalid" });
    const expired = signRealtimeToken({ userId: owner.userId, ttlSeconds: 60, now: Date.now() - 120_000 }).token;
    expect(await refreshed.emitWithAck("auth:refresh", { token: expired })).toEqual({ ok: false, error: "token_expired" });

    await lapsed.waitFor((m) => m.name === "server:token_expired");
    expect((await lapsed.waitFor((m) => m.name === "disconnect")).payload).toBe("io server disconnect");
    // The refreshed socket outlived its first token (a bad refresh did not cut it short).
    expect(refreshed.connected).toBe(true);
  });
});

describe("realtime sidecar: Redis outage and shutdown", () => {
  it("keeps its sockets through a Redis outage, reports 503, and catches up from PostgreSQL when Redis returns", async () => {
    const proxy = await redisProxy(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    const c = await startSidecar("rt-c", { REDIS_URL: proxy.url });
    extraSidecars.push(c);
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = await live(c, owner);
    const before = await logBottle(owner, child.id);
    await client.waitFor(isEvent(owner.familyId, before.seq));

    await proxy.cut();
    await waitUntil(async () => (await c.health()).status === 503);
    expect((await c.health()).body).toMatchObject({ status: "degraded", redis: "down", sockets: 1 });
    const during = [await logBottle(owner, child.id), await logBottle(owner, child.id)];
    expect(client.connected).toBe(true);

    await proxy.restore();
    await client.waitFor(isEvent(owner.familyId, during[1].seq), { timeoutMs: 20_000 });
    expect(client.events(owner.familyId).map((e) => e.seq)).toEqual([before.seq, ...during.map((d) => d.seq)]);
    await waitUntil(async () => (await c.health()).status === 200);
    const after = await logBottle(owner, child.id);
    await client.waitFor(isEvent(owner.familyId, after.seq));
    expect(client.events(owner.familyId).map((e) => e.seq)).toEqual([before.seq, ...during.map((d) => d.seq), after.seq]);
  });

  it("SIGTERM: tells its sockets, closes their transports so they reconnect elsewhere, and exits 0", async () => {
    const d = await startSidecar("rt-d");
    extraSidecars.push(d);
    const owner = await registerAccount();
    const client = await live(d, owner);
    const code = await d.stop("SIGTERM");
    expect(code).toBe(0);
    await client.waitFor((m) => m.name === "disconnect");
    expect(client.received.map((m) => m.name)).toContain("server:shutdown");
    // "transport close" (not "io server disconnect"): Socket.io clients reconnect on their own.
    expect(client.received.find((m) => m.name === "disconnect")?.payload).toBe("transport close");
    expect(d.output()).toContain("stopped");
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
