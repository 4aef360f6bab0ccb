import { db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { redis } from "@/lib/redis/client";
import { evaluateAlerts } from "@/lib/analytics/alerts";
import { dailyTotals, rollingTotals } from "@/lib/analytics/totals";
import { shiftDate } from "@/lib/analytics/day-range";
import { ageInDays, DAY_MS } from "@/lib/analytics/types";
import { dayWindow } from "@/lib/time/zoned";
import type { ChildData } from "./child-data";

/** The family's data version: every write advances it, so a cached context or answer keyed by it is never stale. */
export async function familySeq(familyId: string): Promise<number> {
  const row = await db.family.findUnique({ where: { id: familyId }, select: { seq: true } });
  return Number(row?.seq ?? 0);
}

export type ChildContext = {
  ageDays: number;
  sex: string;
  timeZone: string;
  today: string;
  last24h: { feeds: number; bottleMl: number; sleepMinutes: number; diapers: number; wetDiapers: number; dirtyDiapers: number };
  last7DaysPerDay: Record<string, number | null>;
  predictions: unknown;
  growth: unknown;
  alerts: { kind: string; severity: string; date: string; activityIds: string[] }[];
  lastEntries: { id: string; type: string; startedAt: string }[];
};

/** A compact summary of the child for the model's context (numbers and ids only, no free text). */
export async function buildChildContext(data: ChildData): Promise<ChildContext> {
  const { child, now } = data;
  const entries = await data.activities({ from: new Date(now.getTime() - 8 * DAY_MS), to: new Date(now.getTime() + 60_000) });
  const today = dayWindow(now, child.timezone, data.dayStartHour).date;
  const days = dailyTotals({
    entries,
    timeZone: child.timezone,
    dayStartHour: data.dayStartHour,
    from: shiftDate(today, -6),
    to: today,
    now,
  });
  const rolling = rollingTotals(days).at(-1);
  const dayAgo = now.getTime() - DAY_MS;
  const recent = entries.filter((e) => Date.parse(e.startedAt) >= dayAgo && Date.parse(e.startedAt) <= now.getTime());
  const last24h = {
    feeds: recent.filter((e) => e.type === "feeding" && e.details.method !== "solids").length,
    bottleMl: recent.reduce((s, e) => s + (e.type === "feeding" && e.details.method === "bottle" ? Number(e.details.amountMl ?? 0) : 0), 0),
    sleepMinutes: Math.round(
      recent
        .filter((e) => e.type === "sleep")
        .reduce((s, e) => s + ((e.endedAt ? Date.parse(e.endedAt) : now.getTime()) - Date.parse(e.startedAt)) / 60_000, 0),
    ),
    diapers: recent.filter((e) => e.type === "diaper").length,
    wetDiapers: recent.filter((e) => e.type === "diaper" && e.details.wet === true).length,
    dirtyDiapers: recent.filter((e) => e.type === "diaper" && e.details.dirty === true).length,
  };
  const [predictions, growth] = await Promise.all([data.predictions(), data.growth()]);
  const latest = growth.at(-1);
  const alerts = evaluateAlerts({ activities: entries, child, now }).map((a) => ({
    kind: a.kind,
    severity: a.severity,
    date: a.date,
    activityIds: a.activityIds,
  }));
  return {
    ageDays: ageInDays(child.birthDate, now),
    sex: child.sex,
    timeZone: child.timezone,
    today,
    last24h,
    last7DaysPerDay: rolling
      ? {
          feeds: rolling.feeds,
          bottleMl: rolling.bottleMl,
          sleepMinutes: rolling.sleepMinutes,
          diapers: rolling.diapers,
          wetDiapers: rolling.wetDiapers,
        }
      : {},
    predictions,
    growth: latest
      ? {
          id: latest.id,
          date: latest.date,
          weightGrams: latest.weightGrams,
          lengthMm: latest.lengthMm,
          headMm: latest.headMm,
          weightPercentile: latest.weightForAge?.percentile ?? null,
          lengthPercentile: latest.lengthForAge?.percentile ?? null,
          headPercentile: latest.headForAge?.percentile ?? null,
        }
      : null,
    alerts,
    lastEntries: entries.slice(-20).map((e) => ({ id: e.id, type: e.type, startedAt: e.startedAt })),
  };
}

/**
 * The context from Redis when the family's data has not changed since it was built (keyed by
 * child, seq and day-start hour), else built and stored. Redis down → built each time.
 */
export async function cachedChildContext(data: ChildData, seq: number): Promise<{ context: ChildContext; cached: boolean }> {
  const key = `ai:ctx:${data.child.id}:${seq}:${data.dayStartHour}`;
  try {
    const hit = await redis.get(key);
    if (hit) return { context: JSON.parse(hit) as ChildContext, cached: true };
  } catch {
    // fall through: build it
  }
  const context = await buildChildContext(data);
  redis.set(key, JSON.stringify(context), "EX", env().AI_CONTEXT_TTL_SECONDS).catch(() => {});
  return { context, cached: false };
}
