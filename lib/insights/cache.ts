import { redis } from "@/lib/redis/client";
import { env } from "@/lib/config/env";
import { predictionsSchema, type ChildPredictions } from "./schema";

/** Predictions are relative to now: after this long a cached set is recomputed on read. */
const FRESH_FOR_MS = 30 * 60_000;

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
  const parsed = predictionsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return null;
  const p = parsed.data;
  const age = now.getTime() - Date.parse(p.computedAt);
  // A predicted window that has fully passed says nothing any more.
  const passed = [p.nextFeed, p.nextSleep].some((x) => x !== null && Date.parse(x.high) < now.getTime());
  return age >= 0 && age < FRESH_FOR_MS && !passed ? p : null;
}

export async function writeCachedPredictions(familyId: string, predictions: ChildPredictions): Promise<void> {
  await redis.set(predictionsKey(familyId, predictions.childId), JSON.stringify(predictions), "EX", env().PREDICTIONS_CACHE_TTL_SECONDS);
}

/** New data: forget the child's predictions so that reads compute them afresh until the worker refreshes. */
export async function invalidatePredictions(familyId: string, childIds: string[]): Promise<void> {
  if (childIds.length > 0) await redis.del(...childIds.map((id) => predictionsKey(familyId, id)));
}
