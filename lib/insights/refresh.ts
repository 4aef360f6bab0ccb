import { db, type Child } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { documentStore } from "@/lib/docs/store";
import { writeWithEvents } from "@/lib/db/transaction";
import { predictNext } from "@/lib/analytics/predictions";
import type { AnalyticsChild } from "@/lib/analytics/types";
import { analyzeChild, type AlertDraft, type ChildAnalysis, type InsightDraft } from "./analyze";
import { writeCachedPredictions } from "./cache";
import { familySeqOf, loadChildHistory } from "./history";
import { familyDayStartHour } from "./summary";
import type { Alert, ChildPredictions, Insight } from "./schema";

const DAY_MS = 86_400_000;
/** Entries may start a little in the future (clock skew, see LIMITS.futureSkewMs). */
const SKEW_MS = 3_600_000;

export const toAnalyticsChild = (child: Child): AnalyticsChild => ({
  id: child.id,
  birthDate: child.birthDate.toISOString().slice(0, 10),
  timezone: child.timezone,
  gestationalAgeWeeks: child.gestationalAgeWeeks,
});

export type StoredInsight = Omit<Insight, "id" | "createdAt">;
export type StoredAlert = Omit<Alert, "id" | "createdAt">;
export type Snapshot = Omit<ChildAnalysis, "insights" | "alerts"> & { childId: string; seq: number };

export const snapshotKey = (childId: string) => `snapshot:${childId}`;
const findingKey = (kind: "insight" | "alert", childId: string, f: InsightDraft) => `${kind}:${childId}:${f.key ?? `${f.code}:${f.date}`}`;

const historyWindow = (now: Date, days: number) => ({
  from: new Date(now.getTime() - days * DAY_MS),
  to: new Date(now.getTime() + SKEW_MS),
});

/** Predictions computed now from the child's history (the read path's fallback), then cached. */
export async function refreshPredictions({ child, now = new Date() }: { child: Child; now?: Date }): Promise<ChildPredictions> {
  const seq = await familySeqOf(child.familyId);
  const entries = await loadChildHistory({ childId: child.id, ...historyWindow(now, env().ANALYTICS_HISTORY_DAYS) });
  const { nextFeed, nextSleep } = predictNext({ activities: entries, child: toAnalyticsChild(child), now });
  const predictions: ChildPredictions = { childId: child.id, computedAt: now.toISOString(), seq, nextFeed, nextSleep };
  await writeCachedPredictions(child.familyId, predictions).catch((error) => console.error("[insights] caching predictions failed", error));
  return predictions;
}

export type RefreshResult =
  | { status: "skipped"; reason: "child_gone" }
  | { status: "refreshed"; entries: number; seq: number; newInsights: number; newAlerts: number; timings: Record<string, number> };

/**
 * The worker's refresh of one child: load its history, compute totals, predictions, insights and
 * alerts, cache the predictions in Redis, keep the snapshot, insights and alerts in the document
 * store, and announce the new insights and alerts to the family (with a seq, so catch-up has them).
 */
export async function refreshChild({
  childId,
  now = new Date(),
  historyDays = env().ANALYTICS_HISTORY_DAYS,
}: {
  childId: string;
  now?: Date;
  historyDays?: number;
}): Promise<RefreshResult> {
  const t0 = performance.now();
  const child = await db.child.findFirst({ where: { id: childId, deletedAt: null } });
  if (!child) return { status: "skipped", reason: "child_gone" };
  // The seq before reading: anything written later makes this result stale, never the reverse.
  const [seq, dayStartHour, entries] = await Promise.all([
    familySeqOf(child.familyId),
    familyDayStartHour(child.familyId),
    loadChildHistory({ childId, ...historyWindow(now, historyDays) }),
  ]);
  const t1 = performance.now();
  const analysis = analyzeChild({ child: toAnalyticsChild(child), entries, now, dayStartHour });
  const t2 = performance.now();
  const predictions: ChildPredictions = { childId, computedAt: analysis.computedAt, seq, ...analysis.predictions };
  const { insights, alerts, ...rest } = analysis;
  const snapshot: Snapshot = { ...rest, childId, seq };
  const [, stored] = await Promise.all([
    writeCachedPredictions(child.familyId, predictions),
    storeFindings(child, snapshot, insights, alerts),
  ]);
  const t3 = performance.now();
  await announce(child.familyId, stored);
  const t4 = performance.now();
  return {
    status: "refreshed",
    entries: entries.length,
    seq,
    newInsights: stored.insights.length,
    newAlerts: stored.alerts.length,
    timings: { loadMs: t1 - t0, computeMs: t2 - t1, storeMs: t3 - t2, announceMs: t4 - t3 },
  };
}

type Announced = { insights: Insight[]; alerts: Alert[] };

async function storeFindings(child: Child, snapshot: Snapshot, insights: InsightDraft[], alerts: AlertDraft[]): Promise<Announced> {
  const store = await documentStore();
  const base = { familyId: child.familyId, childId: child.id };
  const created: Announced = { insights: [], alerts: [] };
  await Promise.all([
    store.upsert("analytics", { ...base, type: "snapshot", key: snapshotKey(child.id), data: snapshot }),
    ...insights.map(async (draft) => {
      const { key: _key, ...rest } = draft;
      const data: StoredInsight = { childId: child.id, ...rest };
      const { document, created: isNew } = await store.upsert("analytics", {
        ...base,
        type: "insight",
        key: findingKey("insight", child.id, draft),
        data,
      });
      if (isNew) created.insights.push({ id: document.id, ...data, createdAt: document.createdAt.toISOString() });
    }),
    ...alerts.map(async (draft) => {
      const { key: _key, ...rest } = draft;
      const data: StoredAlert = { childId: child.id, ...rest };
      const { document, created: isNew } = await store.upsert("analytics", {
        ...base,
        type: "alert",
        key: findingKey("alert", child.id, draft),
        data,
      });
      if (isNew) created.alerts.push({ id: document.id, ...data, createdAt: document.createdAt.toISOString() });
    }),
  ]);
  return created;
}

/** New insights and alerts become family events (stored with a seq, then published). */
async function announce(familyId: string, { insights, alerts }: Announced): Promise<void> {
  if (insights.length + alerts.length === 0) return;
  await writeWithEvents(null, async (_tx, changes) => {
    for (const insight of insights) await changes.emit(familyId, "insight.created", { insight });
    for (const alert of alerts) await changes.emit(familyId, "alert.raised", { alert });
  });
}
