/**
 * The BullMQ worker process (`tsx worker/index.ts`, started by `npm run demo` and the test
 * runner): one Worker per queue, the nightly schedule, /health on WORKER_PORT, and a graceful
 * stop on SIGTERM/SIGINT (running jobs finish, then connections close).
 */
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { closeDocumentStore } from "@/lib/docs/store";
import { closeQueues, queuePrefix } from "@/lib/queue/connection";
import { redis } from "@/lib/redis/client";
import { startHealthServer } from "./health";
import { processors } from "./processors";
import { upsertSchedules } from "./schedules";
import { startWorkers } from "./workers";

async function main() {
  const { WORKER_CONCURRENCY, WORKER_PORT, WORKER_HOST: host } = env();
  const running = startWorkers({ processors, concurrency: WORKER_CONCURRENCY, prefix: queuePrefix() });
  await upsertSchedules(queuePrefix());
  const health = startHealthServer({ port: WORKER_PORT, host, workers: running.workers, prefix: queuePrefix() });
  console.log(`[worker] ready: queues ${running.workers.map((w) => w.name).join(", ")}; health on http://${host}:${WORKER_PORT}/health`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs…`);
    const force = setTimeout(() => {
      console.error("[worker] shutdown took too long; exiting");
      process.exit(1);
    }, 25_000);
    force.unref();
    health.close();
    await running.close();
    await Promise.allSettled([closeQueues(), closeDocumentStore(), db.$disconnect(), redis.quit()]);
    console.log("[worker] stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error("[worker] failed to start", error);
  process.exit(1);
});
