import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { dummyPasswordHash, verifyPassword } from "./password";
import { recordAuthEvent, type RequestMeta } from "./audit";

const failKey = (email: string) => `signin-fail:${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
const lockKey = (email: string) => `signin-lock:${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
const FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Checks an email and password. After LOGIN_MAX_FAILURES failures within 15 minutes the email is
 * locked for LOGIN_LOCKOUT_SECONDS, doubling with each further failure (capped at 15 minutes);
 * every failure and lock is written to the auth audit log.
 */
export async function verifyCredentials({ email, password, meta }: { email: string; password: string; meta?: RequestMeta }) {
  const normalized = email.trim().toLowerCase();
  const lockTtl = await redis.ttl(lockKey(normalized));
  if (lockTtl > 0) {
    await recordAuthEvent({ type: "sign_in_locked", email: normalized, meta });
    throw new AppError("rate_limited:sign_in", { retryAfterSeconds: lockTtl });
  }
  const user = await db.user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok) {
    const failures = await redis.multi().incr(failKey(normalized)).expire(failKey(normalized), FAILURE_WINDOW_SECONDS).exec();
    const count = Number(failures?.[0]?.[1] ?? 1);
    await recordAuthEvent({ type: "sign_in_failed", userId: user?.id, email: normalized, meta, detail: { failures: count } });
    const over = count - env().LOGIN_MAX_FAILURES;
    if (over >= 0) {
      const seconds = Math.min(env().LOGIN_LOCKOUT_SECONDS * 2 ** over, 15 * 60);
      await redis.set(lockKey(normalized), "1", "EX", seconds);
      throw new AppError("rate_limited:sign_in", { retryAfterSeconds: seconds });
    }
    throw new AppError("unauthorized:credentials");
  }
  await redis.del(failKey(normalized));
  await recordAuthEvent({ type: "sign_in", userId: user.id, email: normalized, meta });
  return user;
}
