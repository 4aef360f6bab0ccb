import { env } from "@/lib/config/env";
import { getQueue, queuePrefix } from "@/lib/queue/connection";
import { jobDefinitions } from "@/lib/queue/jobs";

/** Periodic work, upserted at start (idempotent: restarting the worker does not add duplicates). */
export async function upsertSchedules(prefix = queuePrefix()) {
  const nightly = jobDefinitions["nightly-insights"];
  await getQueue(nightly.queue, prefix).upsertJobScheduler(
    "nightly-insights",
    { pattern: env().NIGHTLY_INSIGHTS_CRON, tz: "UTC" },
    { name: "nightly-insights", data: nightly.payload.parse({}) },
  );
}
