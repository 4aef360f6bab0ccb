import { redis } from "@/lib/redis/client";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";

export type Bucket = { key: string; limit: number };

/**
 * Fixed-window counters in Redis, one round trip for all buckets of a request. Over the limit →
 * 429 with Retry-After set to the seconds left in the window.
 */
export async function enforceRateLimits(buckets: Bucket[]): Promise<void> {
  const window = env().RATE_LIMIT_WINDOW_SECONDS;
  const slot = Math.floor(Date.now() / 1000 / window);
  const pipeline = redis.pipeline();
  for (const b of buckets) pipeline.incr(`rl:${b.key}:${slot}`).expire(`rl:${b.key}:${slot}`, window + 1);
  const results = await pipeline.exec();
  buckets.forEach((bucket, i) => {
    const [error, count] = results?.[i * 2] ?? [null, 0];
    if (error) throw error;
    if (Number(count) > bucket.limit) {
      const retryAfter = Math.max(1, (slot + 1) * window - Math.floor(Date.now() / 1000));
      throw new AppError("rate_limited:api", { retryAfterSeconds: retryAfter });
    }
  });
}
