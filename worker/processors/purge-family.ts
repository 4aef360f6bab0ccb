import type { Job } from "bullmq";
import { documentStore } from "@/lib/docs/store";
import { collections } from "@/lib/docs/types";
import type { JobPayload } from "@/lib/queue/jobs";

/** Removes a deleted family's documents from every collection of the document store. */
export async function processPurgeFamily(payload: JobPayload<"purge-family">, job: Job) {
  const store = await documentStore();
  const removed: Record<string, number> = {};
  for (const collection of collections) removed[collection] = await store.deleteFamily(collection, payload.familyId);
  await job.log(`removed ${JSON.stringify(removed)}`);
  return removed;
}
