import type { Job } from "bullmq";
import { refreshChild } from "@/lib/insights/refresh";
import type { JobPayload } from "@/lib/queue/jobs";

/** Recomputes one child's analytics (lib/insights/refresh.ts does the work). */
export async function processRefreshChild(payload: JobPayload<"refresh-child">, job: Job) {
  const result = await refreshChild({ childId: payload.childId });
  if (result.status === "refreshed") {
    await job.log(`entries=${result.entries} seq=${result.seq} newInsights=${result.newInsights} newAlerts=${result.newAlerts}`);
  }
  return result;
}
