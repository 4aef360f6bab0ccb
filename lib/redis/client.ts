import Redis from "ioredis";
import { env } from "@/lib/config/env";

const globalForRedis = globalThis as unknown as { nestlingRedis?: Redis };

function createRedis(): Redis {
  const client = new Redis(env().REDIS_URL, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
  // An outage is reported by /api/health and by the failing request; do not crash on it.
  client.on("error", () => {});
  return client;
}

/** The shared command connection (sessions, rate limits, event publishing). */
export const redis: Redis = globalForRedis.nestlingRedis ?? createRedis();
globalForRedis.nestlingRedis = redis;
