import type { Actor } from "@/lib/auth/actor";
import type { ChildDto } from "@/lib/children/schema";
import { listActivitiesBetween } from "@/lib/activities/service";
import { evaluateAlerts } from "@/lib/analytics/alerts";
import { predictNext, type Predictions } from "@/lib/analytics/predictions";
import type { MessageRef } from "@/lib/analytics/types";
import { getChildPredictions, listChildAlerts, listChildInsights } from "@/lib/insights/service";

const DAY_MS = 86_400_000;
/** Entries may be logged a little ahead (clock skew): the window reaches past now. */
const AHEAD_MS = 61 * 60_000;
const SEVERITY_ORDER = { urgent: 0, warning: 1, info: 2 } as const;

export type AlertView = {
  id: string;
  code: string;
  severity: keyof typeof SEVERITY_ORDER;
  date: string;
  message: MessageRef;
  source: string;
};
export type InsightView = { id: string; code: string; date: string; message: MessageRef };

/**
 * Next feed and sleep from the worker's cache (lib/insights/service, refreshed on every entry).
 * Should that read fail, the pure model answers from the last days instead: a prediction is
 * never worth an error page.
 */
export async function loadPredictions({
  actor,
  child,
  now = new Date(),
}: {
  actor: Actor;
  child: ChildDto;
  now?: Date;
}): Promise<Predictions> {
  try {
    const { nextFeed, nextSleep } = await getChildPredictions({ actor, childId: child.id, now });
    return { nextFeed, nextSleep };
  } catch (error) {
    console.error("[predictions] read failed; predicting from recent entries", error);
    const entries = await listActivitiesBetween({
      actor,
      childId: child.id,
      from: new Date(now.getTime() - 7 * DAY_MS),
      to: new Date(now.getTime() + AHEAD_MS),
    });
    return predictNext({ activities: entries, child, now });
  }
}

/**
 * Guardrail alerts: the ones the worker stored, plus the ones that hold right now on the last
 * two days (so a fever shows on the next page load, before the worker has run), newest first
 * within urgent, warning, info. `sinceDays` keeps only the recent ones (home).
 */
export async function loadAlerts({
  actor,
  child,
  now = new Date(),
  sinceDays,
}: {
  actor: Actor;
  child: ChildDto;
  now?: Date;
  sinceDays?: number;
}): Promise<AlertView[]> {
  const [recent, stored] = await Promise.all([
    listActivitiesBetween({ actor, childId: child.id, from: new Date(now.getTime() - 2 * DAY_MS), to: new Date(now.getTime() + AHEAD_MS) }),
    listChildAlerts({ actor, childId: child.id, limit: 50 }).catch((error) => {
      console.error("[alerts] read failed", error);
      return [];
    }),
  ]);
  const live: AlertView[] = evaluateAlerts({ activities: recent, child, now }).map((a) => ({
    id: a.key,
    code: a.kind,
    severity: a.severity,
    date: a.date,
    message: { key: a.messageKey, values: a.values },
    source: a.source,
  }));
  const seen = new Set<string>();
  const cutoff = sinceDays === undefined ? "" : new Date(now.getTime() - sinceDays * DAY_MS).toISOString().slice(0, 10);
  return [
    ...live,
    ...stored.map((a) => ({ id: a.id, code: a.code, severity: a.severity, date: a.date, message: a.message, source: a.source })),
  ]
    .filter((a) => {
      const key = `${a.code}:${a.date}:${JSON.stringify(a.message.values)}`;
      if (seen.has(key) || a.date < cutoff) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.date.localeCompare(a.date));
}

/** The worker's insights, newest first (an unreadable store shows as none). */
export async function loadInsights({
  actor,
  child,
  limit = 10,
}: {
  actor: Actor;
  child: ChildDto;
  limit?: number;
}): Promise<InsightView[]> {
  const items = await listChildInsights({ actor, childId: child.id, limit }).catch((error) => {
    console.error("[insights] read failed", error);
    return [];
  });
  return items.map((i) => ({ id: i.id, code: i.code, date: i.date, message: i.message })).sort((a, b) => b.date.localeCompare(a.date));
}
