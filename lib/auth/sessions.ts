import { randomBytes } from "node:crypto";
import { redis } from "@/lib/redis/client";
import { env } from "@/lib/config/env";

const sessionKey = (sid: string) => `session:${sid}`;
const userSessionsKey = (userId: string) => `user-sessions:${userId}`;

export type SessionMeta = { ip?: string; userAgent?: string };

/** Sessions live in Redis, so sign-out and a password change revoke them at once. */
export async function createSession(userId: string, meta: SessionMeta = {}): Promise<string> {
  const sid = randomBytes(24).toString("base64url");
  const ttl = env().SESSION_MAX_AGE_SECONDS;
  await redis
    .multi()
    .hset(sessionKey(sid), { userId, createdAt: new Date().toISOString(), ip: meta.ip ?? "", userAgent: meta.userAgent ?? "" })
    .expire(sessionKey(sid), ttl)
    .sadd(userSessionsKey(userId), sid)
    .expire(userSessionsKey(userId), ttl)
    .exec();
  return sid;
}

/** The user id of a live session, or null when it was revoked or expired. */
export async function getSessionUserId(sid: string): Promise<string | null> {
  const userId = await redis.hget(sessionKey(sid), "userId");
  return userId || null;
}

export async function revokeSession(sid: string): Promise<void> {
  const userId = await redis.hget(sessionKey(sid), "userId");
  const tx = redis.multi().del(sessionKey(sid));
  if (userId) tx.srem(userSessionsKey(userId), sid);
  await tx.exec();
}

/** Revokes every session of a user (password change, account deletion). */
export async function revokeUserSessions(userId: string, exceptSid?: string): Promise<number> {
  const sids = await redis.smembers(userSessionsKey(userId));
  const doomed = sids.filter((sid) => sid !== exceptSid);
  if (doomed.length === 0) return 0;
  await redis
    .multi()
    .del(...doomed.map(sessionKey))
    .srem(userSessionsKey(userId), ...doomed)
    .exec();
  return doomed.length;
}
