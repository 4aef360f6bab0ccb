import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signRealtimeToken, verifyRealtimeToken } from "./token";

const secret = "test-secret-0123456789";
const userId = randomUUID();
const now = Date.UTC(2026, 0, 1, 12, 0, 0);

const sign = (extra: { sessionId?: string; tokenId?: string; ttlSeconds?: number } = {}) =>
  signRealtimeToken({ userId, ttlSeconds: 300, now, ...extra }, { secret });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("realtime token", () => {
  it("round-trips the claims until it expires", () => {
    const { token, expiresAt, claims } = sign({ sessionId: "sid-1" });
    expect(expiresAt.getTime()).toBe(now + 300_000);
    expect(claims).toEqual({ v: 1, sub: userId, sid: "sid-1", iat: now / 1000, exp: now / 1000 + 300 });
    expect(verifyRealtimeToken(token, { secret, now })).toEqual({ ok: true, claims });
    expect(verifyRealtimeToken(token, { secret, now: now + 299_999 }).ok).toBe(true);
  });

  it("keeps the access token id of a Bearer-issued token", () => {
    const tokenId = randomUUID();
    const result = verifyRealtimeToken(sign({ tokenId }).token, { secret, now });
    expect(result.ok && result.claims.tid).toBe(tokenId);
    expect(result.ok && result.claims.sid).toBeUndefined();
  });

  it("is expired at exp and after", () => {
    const { token } = sign();
    expect(verifyRealtimeToken(token, { secret, now: now + 300_000 })).toEqual({ ok: false, reason: "token_expired" });
    expect(verifyRealtimeToken(token, { secret, now: now + 3_600_000 })).toEqual({ ok: false, reason: "token_expired" });
  });

  it("refuses a forged signature", () => {
    const { token } = sign();
    const [body, signature] = token.split(".");
    const flipped = Buffer.from(signature, "base64url");
    flipped[0] ^= 1;
    expect(verifyRealtimeToken(`${body}.${flipped.toString("base64url")}`, { secret, now })).toEqual({
      ok: false,
      reason: "token_invalid",
    });
    expect(verifyRealtimeToken(`${body}.${signature.slice(0, -2)}`, { secret, now }).ok).toBe(false);
  });

  it("refuses a tampered payload, even one that would otherwise be valid", () => {
    const { token, claims } = sign();
    const [, signature] = token.split(".");
    const other = b64({ ...claims, sub: randomUUID() });
    const longer = b64({ ...claims, exp: claims.exp + 86_400 });
    expect(verifyRealtimeToken(`${other}.${signature}`, { secret, now })).toEqual({ ok: false, reason: "token_invalid" });
    expect(verifyRealtimeToken(`${longer}.${signature}`, { secret, now })).toEqual({ ok: false, reason: "token_invalid" });
  });

  it("refuses a token signed with another secret", () => {
    const { token } = signRealtimeToken({ userId, ttlSeconds: 300, now }, { secret: "another-secret" });
    expect(verifyRealtimeToken(token, { secret, now })).toEqual({ ok: false, reason: "token_invalid" });
  });

  it("refuses well-signed claims of the wrong shape", async () => {
    const { createHmac } = await import("node:crypto");
    const key = createHmac("sha256", secret).update("nestling:realtime-token:v1").digest();
    const forge = (claims: unknown) => {
      const body = b64(claims);
      return `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
    };
    // The forge helper is right: a well-shaped claim set passes.
    expect(verifyRealtimeToken(forge({ v: 1, sub: userId, iat: now / 1000, exp: now / 1000 + 5 }), { secret, now }).ok).toBe(true);
    for (const claims of [
      { v: 2, sub: userId, iat: now / 1000, exp: now / 1000 + 5 },
      { v: 1, sub: "not-a-uuid", iat: now / 1000, exp: now / 1000 + 5 },
      { v: 1, sub: userId, iat: now / 1000 },
      [1, 2, 3],
      "string",
    ])
      expect(verifyRealtimeToken(forge(claims), { secret, now })).toEqual({ ok: false, reason: "token_invalid" });
  });

  it("refuses garbage without throwing", () => {
    for (const garbage of ["", ".", "a.b", "a.b.c", "no-dot", "%%%.***", "x".repeat(5000), 42, null, undefined, {}, ["a", "b"]])
      expect(verifyRealtimeToken(garbage, { secret, now })).toEqual({ ok: false, reason: "token_invalid" });
  });

  it("needs a secret", () => {
    const saved = { a: process.env.AUTH_SECRET, b: process.env.NEXTAUTH_SECRET };
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    try {
      expect(() => signRealtimeToken({ userId, ttlSeconds: 60 })).toThrow(/AUTH_SECRET/);
    } finally {
      if (saved.a !== undefined) process.env.AUTH_SECRET = saved.a;
      if (saved.b !== undefined) process.env.NEXTAUTH_SECRET = saved.b;
    }
  });
});
