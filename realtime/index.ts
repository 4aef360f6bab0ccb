/**
 * The realtime sidecar: `npx tsx realtime/index.ts`. Reads REALTIME_PORT, REDIS_URL, DATABASE_URL,
 * APP_URL and AUTH_SECRET; SIGTERM / SIGINT shut it down gracefully (clients reconnect elsewhere).
 */
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";
import { createRealtimeServer } from "./server";

async function main() {
  const config = env();
  const server = createRealtimeServer({
    port: config.REALTIME_PORT,
    host: config.REALTIME_HOST,
    redisUrl: config.REDIS_URL,
    appUrl: config.APP_URL,
    instanceId: config.REALTIME_INSTANCE_ID,
  });
  const port = await server.listen();
  console.log(`[realtime ${server.instanceId}] listening on :${port}`);

  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`[realtime ${server.instanceId}] ${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      server
        .close()
        .then(() => Promise.allSettled([redis.quit(), db.$disconnect()]))
        .then(() => {
          console.log(`[realtime ${server.instanceId}] stopped`);
          process.exit(0);
        })
        .catch((error) => {
          console.error(`[realtime ${server.instanceId}] shutdown failed`, error);
          process.exit(1);
        });
    });
  }
}

main().catch((error) => {
  console.error("[realtime] failed to start", error);
  process.exit(1);
});
