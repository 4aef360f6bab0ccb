import type { FamilyEvent } from "@/lib/events/schema";
import { invalidatePredictions } from "@/lib/insights/cache";
import { enqueue, scheduleChildRefresh } from "./enqueue";
import { childrenToRefresh, familiesToPurge } from "./refresh-targets";

/** Enqueuing gives up after this long: the write is committed and the nightly job catches up. */
const ENQUEUE_TIMEOUT_MS = 1000;

/**
 * Follow-up work of committed events: forget the affected children's cached predictions and
 * schedule their (debounced) refresh. Never throws: failing here must not fail the write.
 */
export async function enqueueFollowUps(events: FamilyEvent[]): Promise<void> {
  const targets = childrenToRefresh(events);
  const purges = familiesToPurge(events);
  if (targets.length + purges.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const work = Promise.all([
    ...targets.map(async (t) => {
      await invalidatePredictions(t.familyId, [t.childId]);
      await scheduleChildRefresh(t);
    }),
    ...purges.map((familyId) => enqueue("purge-family", { familyId }, { jobId: `purge-family-${familyId}` })),
  ]);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`enqueue timed out after ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
  });
  try {
    await Promise.race([work, timeout]);
  } catch (error) {
    work.catch(() => {});
    console.error("[queue] could not schedule the analytics refresh; the nightly job will catch up", error);
  } finally {
    clearTimeout(timer);
  }
}
