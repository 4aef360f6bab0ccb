import Redis from "ioredis";
import type { Json } from "./api";

export type PublishedEvent = { type: string; familyId: string; seq: number; actorId: string | null; at: string; data: Json };

/**
 * Listens on a family's Redis channel, as the realtime sidecar does. `waitFor(n)` resolves once n
 * events arrived (or rejects after a generous deadline so a missing event fails instead of hanging).
 */
export async function subscribeFamily(familyId: string) {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const channel = `family:${familyId}:events`;
  const events: PublishedEvent[] = [];
  const raw: string[] = [];
  const waiters: (() => void)[] = [];
  redis.on("message", (ch: string, message: string) => {
    if (ch !== channel) return;
    raw.push(message);
    events.push(JSON.parse(message));
    for (const wake of waiters.splice(0)) wake();
  });
  await redis.subscribe(channel);

  async function waitFor(count: number, deadlineMs = 10_000): Promise<PublishedEvent[]> {
    const deadline = Date.now() + deadlineMs;
    while (events.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} events on ${channel}, got ${events.length}: ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return events.slice(0, count);
  }

  return {
    events,
    raw,
    waitFor,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
