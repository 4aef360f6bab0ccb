import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";

export const dynamic = "force-dynamic";

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; ms: number; error?: string }> {
  const start = performance.now();
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    return { ok: true, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - start), error: (error as Error).message.slice(0, 120) };
  }
}

/** Liveness of PostgreSQL and Redis: 200 when both answer, 503 when either does not. */
export async function GET() {
  const [database, cache] = await Promise.all([check(() => db.$queryRaw`SELECT 1`), check(() => redis.ping())]);
  const ok = database.ok && cache.ok;
  return Response.json({ status: ok ? "ok" : "degraded", checks: { database, redis: cache } }, { status: ok ? 200 : 503 });
}
