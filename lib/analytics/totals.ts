import { totalsBetween, type EntryLike } from "@/lib/activities/summary";
import { wallClock } from "@/lib/time/zoned";
import { dailySeries, isNightHour } from "./daily-series";
import { dayRangeOf, shiftDate } from "./day-range";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./types";

/** A gap awake longer than this is a hole in the log, not a wake window. */
export const MAX_WAKE_WINDOW_MS = 10 * HOUR_MS;

export type WakeWindows = { count: number; averageMinutes: number | null; longestMinutes: number | null };

export type DailyTotals = {
  date: string;
  start: string;
  end: string;
  /** Breast and bottle feeds started in the day. */
  feeds: number;
  bottleMl: number;
  breastLeftMinutes: number;
  breastRightMinutes: number;
  solids: number;
  /** Sleep clipped to the day; night is 19:00–07:00 on the wall clock (daily-series.ts). */
  sleepMinutes: number;
  daySleepMinutes: number;
  nightSleepMinutes: number;
  /** The longest single sleep that started in the day, whole (not clipped), in minutes. */
  longestSleepMinutes: number;
  /** Sleeps started in the day during day hours (07:00–19:00). */
  naps: number;
  /** Time awake between a sleep's end and the next sleep's start, for sleeps started in the day. */
  wakeWindows: WakeWindows;
  diapers: number;
  wetDiapers: number;
  dirtyDiapers: number;
};

type Sleep = { start: number; end: number };

function sleepsOf(entries: EntryLike[], now: Date): Sleep[] {
  return entries
    .filter((e) => e.type === "sleep" && !e.deletedAt)
    .map((e) => {
      const start = Date.parse(e.startedAt);
      return { start, end: e.endedAt ? Date.parse(e.endedAt) : Math.max(start, now.getTime()) };
    })
    .sort((a, b) => a.start - b.start);
}

function wakeWindowsBetween(sleeps: Sleep[], from: number, to: number): WakeWindows {
  const gaps: number[] = [];
  for (
    let i = Math.max(
      1,
      lowerBound(sleeps, from, (x) => x.start),
    );
    i < sleeps.length;
    i++
  ) {
    const next = sleeps[i];
    if (next.start >= to) break;
    const gap = next.start - sleeps[i - 1].end;
    if (gap > 0 && gap <= MAX_WAKE_WINDOW_MS) gaps.push(gap);
  }
  if (gaps.length === 0) return { count: 0, averageMinutes: null, longestMinutes: null };
  const total = gaps.reduce((a, b) => a + b, 0);
  return {
    count: gaps.length,
    averageMinutes: Math.round(total / gaps.length / MINUTE_MS),
    longestMinutes: Math.round(Math.max(...gaps) / MINUTE_MS),
  };
}

/**
 * Totals for each day from `from` to `to` (YYYY-MM-DD, inclusive, oldest first), each day running
 * from the user's day-start hour in the child's zone. Builds on dailySeries (the dashboard's
 * series) so both agree; adds breast minutes per side, the longest stretch, naps and wake windows.
 * Pass entries from a day before `from` on, so a night or wake window that began then is counted.
 */
export function dailyTotals({
  entries,
  timeZone,
  dayStartHour,
  from,
  to,
  now = new Date(),
}: {
  entries: EntryLike[];
  timeZone: string;
  dayStartHour: number;
  from: string;
  to: string;
  now?: Date;
}): DailyTotals[] {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days <= 0) return [];
  const live = entries
    .filter((e) => !e.deletedAt)
    .map((e) => ({ e, at: Date.parse(e.startedAt) }))
    .sort((a, b) => a.at - b.at);
  const starts = live.map((x) => x.at);
  const sleeps = sleepsOf(
    live.map((x) => x.e),
    now,
  );

  // Day by day over just the entries that can touch the day (an entry lasts at most a day), so a
  // year of history costs a year of small days, not a year of days times the whole history.
  return Array.from({ length: days }, (_, i) => {
    const date = shiftDate(from, i);
    const range = dayRangeOf(date, timeZone, dayStartHour);
    const [s, e] = [range.start.getTime(), range.end.getTime()];
    const near = live.slice(lowerBound(starts, s - DAY_MS), lowerBound(starts, e)).map((x) => x.e);
    const [point] = dailySeries({ entries: near, timeZone, dayStartHour, lastDate: date, days: 1, now });
    const totals = totalsBetween(near, range.start, range.end, now);
    const started = sleeps.slice(
      lowerBound(sleeps, s, (x) => x.start),
      lowerBound(sleeps, e, (x) => x.start),
    );
    return {
      date,
      start: point.start,
      end: point.end,
      feeds: point.feeds,
      bottleMl: point.bottleMl,
      breastLeftMinutes: Math.round(totals.breastLeftSeconds / 60),
      breastRightMinutes: Math.round(totals.breastRightSeconds / 60),
      solids: totals.solids,
      sleepMinutes: point.sleepMinutes,
      daySleepMinutes: point.daySleepMinutes,
      nightSleepMinutes: point.nightSleepMinutes,
      longestSleepMinutes: Math.round(Math.max(0, ...started.map((x) => x.end - x.start)) / MINUTE_MS),
      naps: started.filter((x) => !isNightHour(wallClock(new Date(x.start), timeZone).hour)).length,
      wakeWindows: wakeWindowsBetween(sleeps, s, e),
      diapers: point.diapers,
      wetDiapers: point.wetDiapers,
      dirtyDiapers: point.dirtyDiapers,
    };
  });
}

/** The first index whose key is ≥ `value` in a list sorted by that key. */
function lowerBound<T>(list: T[], value: number, key: (x: T) => number = (x) => x as unknown as number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The numeric totals that roll (per-day averages over a trailing window). */
export const ROLLING_FIELDS = [
  "feeds",
  "bottleMl",
  "breastLeftMinutes",
  "breastRightMinutes",
  "solids",
  "sleepMinutes",
  "daySleepMinutes",
  "nightSleepMinutes",
  "longestSleepMinutes",
  "naps",
  "diapers",
  "wetDiapers",
  "dirtyDiapers",
] as const;
export type RollingField = (typeof ROLLING_FIELDS)[number];

export type RollingTotals = { date: string; days: number; averageWakeWindowMinutes: number | null } & Record<RollingField, number>;

/** A day with nothing logged (before the family started, or a day off): not a day of zeros. */
const isEmptyDay = (d: DailyTotals) => d.feeds + d.solids + d.sleepMinutes + d.diapers === 0;

/**
 * The trailing `window`-day average per day ending on each day of `days` (oldest first, as
 * dailyTotals returns them). Only days with something logged count, so the trend does not sink
 * toward zero before logging began; `days` says how many did. Values keep one decimal.
 */
export function rollingTotals(days: DailyTotals[], window = 7): RollingTotals[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return days.map((day) => {
    const span: DailyTotals[] = [];
    for (let i = 0; i < window; i++) {
      const d = byDate.get(shiftDate(day.date, -i));
      if (d && !isEmptyDay(d)) span.push(d);
    }
    const n = span.length;
    const avg = (field: RollingField) => (n ? Math.round((span.reduce((sum, d) => sum + d[field], 0) / n) * 10) / 10 : 0);
    const wake = span.filter((d) => d.wakeWindows.count > 0);
    const wakeCount = wake.reduce((sum, d) => sum + d.wakeWindows.count, 0);
    const out = { date: day.date, days: n } as RollingTotals;
    for (const field of ROLLING_FIELDS) out[field] = avg(field);
    out.averageWakeWindowMinutes = wakeCount
      ? Math.round(wake.reduce((sum, d) => sum + (d.wakeWindows.averageMinutes ?? 0) * d.wakeWindows.count, 0) / wakeCount)
      : null;
    return out;
  });
}
