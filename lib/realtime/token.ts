import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The short-lived token that lets a client into the realtime sidecar:
 * `base64url(JSON claims).base64url(HMAC-SHA256(claims part))`, keyed by a key derived from
 * AUTH_SECRET, so the app signs and any sidecar instance verifies without a shared store.
 * `sid` (cookie session) and `tid` (personal access token) say where it came from, so the
 * sidecar can refuse it once that session or token is revoked.
 */
const claimsSchema = z.object({
  v: z.literal(1),
  sub: z.uuid(),
  sid: z.string().min(1).max(200).optional(),
  tid: z.uuid().optional(),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
});
export type RealtimeTokenClaims = z.infer<typeof claimsSchema>;

export type VerifyResult = { ok: true; claims: RealtimeTokenClaims } | { ok: false; reason: "token_invalid" | "token_expired" };

type KeyOptions = { secret?: string };

function signingKey({ secret }: KeyOptions): Buffer {
  const root = secret ?? process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!root) throw new Error("AUTH_SECRET is not set: realtime tokens cannot be signed or verified");
  // A key of its own, so a realtime token can never pass for anything else signed with AUTH_SECRET.
  return createHmac("sha256", root).update("nestling:realtime-token:v1").digest();
}

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

export function signRealtimeToken(
  {
    userId,
    sessionId,
    tokenId,
    ttlSeconds,
    now = Date.now(),
  }: { userId: string; sessionId?: string; tokenId?: string; ttlSeconds: number; now?: number },
  options: KeyOptions = {},
): { token: string; expiresAt: Date; claims: RealtimeTokenClaims } {
  const iat = Math.floor(now / 1000);
  const claims: RealtimeTokenClaims = claimsSchema.parse({ v: 1, sub: userId, sid: sessionId, tid: tokenId, iat, exp: iat + ttlSeconds });
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = mac(signingKey(options), body).toString("base64url");
  return { token: `${body}.${signature}`, expiresAt: new Date(claims.exp * 1000), claims };
}

export function verifyRealtimeToken(token: unknown, { now = Date.now(), ...options }: KeyOptions & { now?: number } = {}): VerifyResult {
  const invalid = { ok: false, reason: "token_invalid" } as const;
  if (typeof token !== "string" || token.length > 4096) return invalid;
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return invalid;
  const [body, signature] = parts;
  const expected = mac(signingKey(options), body);
  const given = Buffer.from(signature, "base64url");
  // Compare the decoded bytes (base64url has more than one spelling of the same bytes) in constant time.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let claims: RealtimeTokenClaims;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!parsed.success) return invalid;
    claims = parsed.data;
  } catch {
    return invalid;
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: "token_expired" };
  return { ok: true, claims };
}
