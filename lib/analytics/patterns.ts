import { wallClock } from "@/lib/time/zoned";
import { currentDate, shiftDate } from "./day-range";
import { dailyTotals, type DailyTotals } from "./totals";
import {
  ageInDays,
  DAY_MS,
  HOUR_MS,
  isMilkFeed,
  liveSorted,
  MINUTE_MS,
  type AnalyticsChild,
  type AnalyticsEntry,
  type MessageValues,
} from "./types";

export type InsightKind = "cluster_feeding" | "day_night_confusion" | "schedule_shift" | "sleep_regression";
export type Insight = {
  kind: InsightKind;
  severity: "info" | "warning";
  childId: string;
  /** The family day (YYYY-MM-DD) the insight is about. */
  day: string;
  messageKey: string;
  values: MessageValues;
};

/** Cluster feeding: at least this many feeds starting within this window (under 6 months). */
const CLUSTER_FEEDS = 4;
const CLUSTER_WINDOW_MS = 3 * HOUR_MS;
/** A day whose logged sleep is below this was probably not fully logged. */
const MIN_LOGGED_SLEEP_MINUTES = 6 * 60;
/** A bedtime or wake-up moving this much against the week before is a shift. */
const SHIFT_MINUTES = 45;
/** Total sleep down this much (3 days against the 7 before) is a regression; twice this is a warning. */
const REGRESSION_DROP = 0.15;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function clusterFeeding(feeds: number[], start: number, end: number): { count: number; from: number; to: number } | null {
  const inDay = feeds.filter((t) => t >= start && t < end);
  let best: { count: number; from: number; to: number } | null = null;
  for (let i = 0, j = 0; i < inDay.length; i++) {
    while (inDay[i] - inDay[j] > CLUSTER_WINDOW_MS) j++;
    const count = i - j + 1;
    if (count >= CLUSTER_FEEDS && (!best || count > best.count)) best = { count, from: inDay[j], to: inDay[i] };
  }
  return best;
}

/** Minutes after 12:00 local of the night sleep's start and end for each day (bedtime, wake-up). */
function nightAnchors(sleeps: { start: number; end: number }[], day: DailyTotals, timeZone: string) {
  const [s, e] = [Date.parse(day.start), Date.parse(day.end)];
  const night = sleeps
    .filter((x) => x.start >= s && x.start < e && x.end - x.start >= 3 * HOUR_MS)
    .filter((x) => {
      const h = wallClock(new Date(x.start), timeZone).hour;
      return h >= 17 || h < 2;
    })[0];
  if (!night) return null;
  const sinceNoon = (t: number) => {
    const w = wallClock(new Date(t), timeZone);
    return (((w.hour - 12 + 24) % 24) * 60 + w.minute) % 1440;
  };
  return { bedtime: sinceNoon(night.start), wake: sinceNoon(night.end) };
}

/**
 * Patterns worth telling the family about for one day (by default the last complete day before
 * `now`), read from that day and the ten before it. Each insight is a messages key plus numbers.
 */
export function detectPatterns({
  activities,
  child,
  now,
  dayStartHour,
  timeZone = child.timezone,
  day = shiftDate(currentDate(now, timeZone, dayStartHour), -1),
}: {
  activities: AnalyticsEntry[];
  child: AnalyticsChild;
  now: Date;
  dayStartHour: number;
  timeZone?: string;
  day?: string;
}): Insight[] {
  const live = liveSorted(activities);
  const days = dailyTotals({ entries: live, timeZone, dayStartHour, from: shiftDate(day, -9), to: day, now });
  const today = days[days.length - 1];
  const recent = days.slice(-3);
  const before = days.slice(0, -3);
  const ageDays = ageInDays(child.birthDate, new Date(Date.parse(today.end) - 1));
  const out: Insight[] = [];
  const insight = (kind: InsightKind, values: MessageValues, severity: Insight["severity"] = "info") =>
    out.push({ kind, severity, childId: child.id, day, messageKey: `insights.${kind}`, values });

  const feeds = live.filter(isMilkFeed).map((e) => Date.parse(e.startedAt));
  const cluster = ageDays < 183 ? clusterFeeding(feeds, Date.parse(today.start), Date.parse(today.end)) : null;
  if (cluster) {
    const w = wallClock(new Date(cluster.from), timeZone);
    insight("cluster_feeding", { feeds: cluster.count, hour: w.hour, minutes: Math.round((cluster.to - cluster.from) / MINUTE_MS) });
  }

  const logged = (d: DailyTotals) => d.sleepMinutes >= MIN_LOGGED_SLEEP_MINUTES;
  // Babies have no day-night rhythm in the first two weeks (it settles by about 3–4 months).
  if (ageDays >= 14 && ageDays < 180 && recent.length === 3 && recent.every(logged)) {
    const dayMin = mean(recent.map((d) => d.daySleepMinutes));
    const nightMin = mean(recent.map((d) => d.nightSleepMinutes));
    if (dayMin > nightMin) insight("day_night_confusion", { dayMinutes: Math.round(dayMin), nightMinutes: Math.round(nightMin) });
  }

  const sleeps = live
    .filter((e) => e.type === "sleep" && e.endedAt)
    .map((e) => ({ start: Date.parse(e.startedAt), end: Date.parse(e.endedAt as string) }))
    .filter((x) => x.end > x.start && x.end - x.start < DAY_MS);
  const anchors = (list: DailyTotals[]) => list.map((d) => nightAnchors(sleeps, d, timeZone)).filter((a) => a !== null);
  const [recentAnchors, beforeAnchors] = [anchors(recent), anchors(before)];
  if (recentAnchors.length >= 2 && beforeAnchors.length >= 4) {
    for (const what of ["bedtime", "wake"] as const) {
      const diff = median(recentAnchors.map((a) => a[what])) - median(beforeAnchors.map((a) => a[what]));
      if (Math.abs(diff) >= SHIFT_MINUTES)
        insight("schedule_shift", { what, direction: diff > 0 ? "later" : "earlier", minutes: Math.round(Math.abs(diff)) });
    }
  }

  const [recentLogged, beforeLogged] = [recent.filter(logged), before.filter(logged)];
  if (recentLogged.length === 3 && beforeLogged.length >= 4) {
    const [now3, usual] = [mean(recentLogged.map((d) => d.sleepMinutes)), mean(beforeLogged.map((d) => d.sleepMinutes))];
    const drop = (usual - now3) / usual;
    if (drop >= REGRESSION_DROP)
      insight(
        "sleep_regression",
        { dropPercent: Math.round(drop * 100), recentMinutes: Math.round(now3), usualMinutes: Math.round(usual) },
        drop >= 2 * REGRESSION_DROP ? "warning" : "info",
      );
  }
  return out;
}
