import type { ChildPredictions } from "./schema";

/** Predictions are relative to now: after this long a cached set is recomputed on read. */
export const FRESH_FOR_MS = 30 * 60_000;

/** Fresh: computed less than 30 min ago (and not in the future), and neither predicted window has fully passed. */
export function isFresh(p: ChildPredictions, now: Date): boolean {
  const age = now.getTime() - Date.parse(p.computedAt);
  const passed = [p.nextFeed, p.nextSleep].some((x) => x !== null && Date.parse(x.high) < now.getTime());
  return age >= 0 && age < FRESH_FOR_MS && !passed;
}
