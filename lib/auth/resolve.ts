import type { Actor } from "./actor";
import { auth } from "./next-auth";
import { getSessionUserId } from "./sessions";
import { resolveBearerToken } from "./tokens";

/** The actor of the browser session, if its session id is still live in Redis. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await auth();
  const sid = session?.sid;
  if (!sid || !session.user?.id) return null;
  const userId = await getSessionUserId(sid);
  if (!userId || userId !== session.user.id) return null;
  return { userId, via: "session", sessionId: sid };
}

/** Bearer token first (API clients), then the session cookie. */
export async function resolveActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? resolveBearerToken(match[1]) : null;
  }
  return sessionActor();
}
