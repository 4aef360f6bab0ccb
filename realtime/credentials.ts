import { getSessionUserId } from "@/lib/auth/sessions";
import type { RealtimeRefusal } from "@/lib/realtime/protocol";
import { verifyRealtimeToken, type RealtimeTokenClaims } from "@/lib/realtime/token";
import { accessTokenIsLive } from "./history";

export type CredentialCheck = { ok: true; claims: RealtimeTokenClaims } | { ok: false; code: RealtimeRefusal };

/** The refusal a handshake middleware passes to `next()`: the client reads `err.message` and `err.data.code`. */
export function refusal(code: RealtimeRefusal): Error & { data: { code: RealtimeRefusal } } {
  return Object.assign(new Error(code), { data: { code } });
}

/**
 * Verifies a realtime token and that what it was issued through still stands: the cookie session
 * (Redis) or the personal access token (PostgreSQL). Used at the handshake and on every refresh.
 */
export async function checkCredentials(token: unknown): Promise<CredentialCheck> {
  if (typeof token !== "string" || token.length === 0) return { ok: false, code: "token_missing" };
  const verified = verifyRealtimeToken(token);
  if (!verified.ok) return { ok: false, code: verified.reason };
  const { claims } = verified;
  try {
    if (claims.sid && (await getSessionUserId(claims.sid)) !== claims.sub) return { ok: false, code: "session_revoked" };
    if (claims.tid && !(await accessTokenIsLive(claims.tid, claims.sub))) return { ok: false, code: "session_revoked" };
  } catch {
    // Redis or PostgreSQL cannot say: refuse for now, the client retries.
    return { ok: false, code: "unavailable" };
  }
  return { ok: true, claims };
}
