import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { getSessionUserId } from "@/lib/auth/sessions";

const COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * The actor of a session that this very server action just started. `auth()` reads the request's
 * cookies, which predate the sign-in; the new session cookie is only in the response store.
 */
export async function freshSessionActor(): Promise<Actor | null> {
  const store = await cookies();
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  for (const name of COOKIE_NAMES) {
    const value = store.get(name)?.value;
    if (!value) continue;
    const token = await decode({ token: value, secret, salt: name }).catch(() => null);
    const sid = typeof token?.sid === "string" ? token.sid : null;
    if (!sid || !token?.sub) continue;
    const userId = await getSessionUserId(sid);
    if (userId && userId === token.sub) return { userId, via: "session", sessionId: sid };
  }
  return null;
}
