import { redis } from "@/lib/redis/client";
import { enqueueFollowUps } from "@/lib/queue/follow-ups";
import { familyChannel, familyEventSchema, type FamilyEvent } from "./schema";

/**
 * Publishes committed events on their family's Redis channel, then enqueues their follow-up jobs
 * (every write passes here: activity changes schedule the child's analytics refresh). A failed
 * publish or enqueue is logged, not thrown: the write is committed and clients catch up from
 * FamilyEvent by seq.
 */
export async function publishFamilyEvents(events: FamilyEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    const pipeline = redis.pipeline();
    for (const event of events) pipeline.publish(familyChannel(event.familyId), JSON.stringify(familyEventSchema.parse(event)));
    await pipeline.exec();
  } catch (error) {
    console.error("[events] publish failed; clients will catch up by seq", error);
  }
  await enqueueFollowUps(events);
}
