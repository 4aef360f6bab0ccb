import type { Job } from "bullmq";
import { childrenActiveSince } from "@/lib/insights/history";
import { enqueue } from "@/lib/queue/enqueue";
import type { JobPayload } from "@/lib/queue/jobs";

/**
 * Daily insights for every child with recent entries: one refresh-child job each (so a failing
 * child retries alone), deduplicated per child and day.
 */
export async function processNightlyInsights(payload: JobPayload<"nightly-insights">, job: Job) {
  const now = new Date();
  const children = await childrenActiveSince(new Date(now.getTime() - payload.activeWithinDays * 86_400_000));
  const day = now.toISOString().slice(0, 10);
  for (const child of children) {
    await enqueue("refresh-child", child, { jobId: `nightly-${day}-${child.childId}` }, job.prefix);
  }
  await job.log(`children=${children.length}`);
  return { children: children.length };
}
