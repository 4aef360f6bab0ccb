import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors/app-error";
import { requireChildRole } from "@/lib/families/access";
import { documentStore } from "@/lib/docs/store";
import { readCachedPredictions } from "./cache";
import { computeSummaryDays, dayStartHourOf } from "./summary";
import { refreshPredictions, type StoredAlert, type StoredInsight } from "./refresh";
import { listQuerySchema, summaryQuerySchema, type Alert, type ChildPredictions, type ChildSummary, type Insight } from "./schema";

/**
 * The read side of analytics. Every function checks that the actor sees the child (another
 * family's child → 404). Writes happen in the worker (lib/insights/refresh.ts).
 */

/** Daily totals (and their 7-day rolling averages) of the child's days `from`…`to` (YYYY-MM-DD, both included, at most 92 days). */
export async function getChildSummary({
  actor,
  childId,
  from,
  to,
}: {
  actor: Actor;
  childId: string;
  from: unknown;
  to: unknown;
}): Promise<ChildSummary> {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  const q = parseInput(summaryQuerySchema, { from, to }, "summary");
  const dayStartHour = await dayStartHourOf(actor.userId);
  const { days, rolling7 } = await computeSummaryDays({ child, from: q.from, to: q.to, dayStartHour });
  return { childId, timeZone: child.timezone, dayStartHour, from: q.from, to: q.to, days, rolling7 };
}

/** Next feed and next sleep: from the worker's cache, or computed now when missing or stale. */
export async function getChildPredictions({
  actor,
  childId,
  now = new Date(),
}: {
  actor: Actor;
  childId: string;
  now?: Date;
}): Promise<ChildPredictions> {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  const cached = await readCachedPredictions({ familyId: child.familyId, childId, now });
  if (cached) return cached;
  return refreshPredictions({ child, now });
}

export async function listChildInsights({ actor, childId, limit }: { actor: Actor; childId: string; limit?: unknown }): Promise<Insight[]> {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  const q = parseInput(listQuerySchema, limit === undefined ? {} : { limit }, "insights");
  const docs = await (
    await documentStore()
  ).list<StoredInsight>("analytics", { familyId: child.familyId, childId, type: "insight", limit: q.limit });
  return docs.map((d) => ({ id: d.id, ...d.data, createdAt: d.createdAt.toISOString() }));
}

export async function listChildAlerts({ actor, childId, limit }: { actor: Actor; childId: string; limit?: unknown }): Promise<Alert[]> {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  const q = parseInput(listQuerySchema, limit === undefined ? {} : { limit }, "alerts");
  const docs = await (
    await documentStore()
  ).list<StoredAlert>("analytics", { familyId: child.familyId, childId, type: "alert", limit: q.limit });
  return docs.map((d) => ({ id: d.id, ...d.data, createdAt: d.createdAt.toISOString() }));
}
