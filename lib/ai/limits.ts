import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { redis } from "@/lib/redis/client";

/**
 * The assistant's own limits, on top of the API's: questions per minute per access token (or
 * session user), and answers per user per UTC day. Over either → 429 with Retry-After.
 */
export async function enforceAiLimits(actor: Actor, now = new Date()): Promise<void> {
  const e = env();
  const minute = Math.floor(now.getTime() / 60_000);
  const day = now.toISOString().slice(0, 10);
  const rateKey = `ai:rl:${actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.userId}`}:${minute}`;
  const quotaKey = `ai:quota:${actor.userId}:${day}`;
  const results = await redis
    .multi()
    .incr(rateKey)
    .expire(rateKey, 61)
    .incr(quotaKey)
    .expire(quotaKey, 2 * 86_400)
    .exec();
  const rate = Number(results?.[0]?.[1] ?? 0);
  const used = Number(results?.[2]?.[1] ?? 0);
  if (rate > e.AI_RATE_LIMIT_PER_MINUTE) {
    await redis.decr(quotaKey).catch(() => {});
    throw new AppError("rate_limited:ai_rate", { retryAfterSeconds: Math.max(1, 60 - (Math.floor(now.getTime() / 1000) % 60)) });
  }
  if (used > e.AI_DAILY_QUOTA) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    throw new AppError("rate_limited:ai_quota", { retryAfterSeconds: Math.max(1, Math.ceil((midnight - now.getTime()) / 1000)) });
  }
}
