import { redis } from "@/lib/redis/client";
import { env } from "@/lib/config/env";
import { isFresh } from "./freshness";
import { predictionsSchema, type ChildPredictions } from "./schema";

export const predictionsKey = (familyId: string, childId: string) => `predictions:${familyId}:${childId}`;

/** The worker's last predictions for the child, or null when missing, unreadable or stale. */
export async function readCachedPredictions({
  familyId,
  childId,
  now = new Date(),
}: {
  familyId: string;
  childId: string;
  now?: Date;
}): Promise<ChildPredictions | null> {
  let raw: string | null;
  try {
    raw = await redis.get(predictionsKey(familyId, childId));
  } catch (error) {
    console.error("[insights] predictions cache unreadable; computing", error);
    return null;
  }
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = predictionsSchema.safeParse(value);
  return parsed.success && isFresh(parsed.data, now) ? parsed.data : null;
}

export async function writeCachedPredictions(familyId: string, predictions: ChildPredictions): Promise<void> {
  await redis.set(predictionsKey(familyId, predictions.childId), JSON.stringify(predictions), "EX", env().PREDICTIONS_CACHE_TTL_SECONDS);
}

/** New data: forget the child's predictions so that reads compute them afresh until the worker refreshes. */
export async function invalidatePredictions(familyId: string, childIds: string[]): Promise<void> {
  if (childIds.length > 0) await redis.del(...childIds.map((id) => predictionsKey(familyId, id)));
}
