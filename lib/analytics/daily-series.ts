import { totalsBetween, type EntryLike } from "@/lib/activities/summary";
import { dayRangeOf, hourBoundaries, shiftDate, slotHour } from "./day-range";

/** Sleep that overlaps 19:00–07:00 on the wall clock counts as night sleep. */
export const NIGHT_START_HOUR = 19;
export const NIGHT_END_HOUR = 7;

export function isNightHour(hour: number): boolean {
  return hour >= NIGHT_START_HOUR || hour < NIGHT_END_HOUR;
}

export type HourCell = {
  /** Wall-clock hour the slot starts at (0–23). */
  hour: number;
  sleepMinutes: number;
  /** Breast and bottle feeds that started in this hour (solids are not feeds here). */
  feeds: number;
};

export type DayPoint = {
  date: string;
  start: string;
  end: string;
  feeds: number;
  bottleMl: number;
  breastMinutes: number;
  sleepMinutes: number;
  daySleepMinutes: number;
  nightSleepMinutes: number;
  diapers: number;
  wetDiapers: number;
  dirtyDiapers: number;
  /** 24 slots from the day-start hour on: the rows of the heat map. */
  hours: HourCell[];
};

const overlapMs = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const isFeed = (e: EntryLike) => e.type === "feeding" && e.details.method !== "solids";

/**
 * Per-day series for the `days` days ending with `lastDate` (oldest first), each day running from
 * the user's day-start hour in the child's zone. Totals come from totalsBetween, so the dashboard
 * and the home screen agree; sleep is clipped to each day and hour, an ongoing sleep runs to `now`.
 * Pass entries that start up to a day before the first day, so a night that began then is counted.
 */
export function dailySeries({
  entries,
  timeZone,
  dayStartHour,
  lastDate,
  days,
  now = new Date(),
}: {
  entries: EntryLike[];
  timeZone: string;
  dayStartHour: number;
  lastDate: string;
  days: number;
  now?: Date;
}): DayPoint[] {
  const live = entries.filter((e) => !e.deletedAt);
  const sleeps = live
    .filter((e) => e.type === "sleep")
    .map((e) => {
      const start = Date.parse(e.startedAt);
      return { start, end: e.endedAt ? Date.parse(e.endedAt) : Math.max(start, now.getTime()) };
    });
  const feeds = live.filter(isFeed).map((e) => Date.parse(e.startedAt));

  return Array.from({ length: days }, (_, i) => {
    const date = shiftDate(lastDate, i - days + 1);
    const range = dayRangeOf(date, timeZone, dayStartHour);
    const totals = totalsBetween(live, range.start, range.end, now);
    const cuts = hourBoundaries(date, timeZone, dayStartHour).map((d) => d.getTime());
    const hours: HourCell[] = cuts.slice(0, 24).map((from, slot) => {
      const to = cuts[slot + 1];
      const sleepMs = sleeps.reduce((sum, s) => sum + overlapMs(s.start, s.end, from, to), 0);
      return {
        hour: slotHour(slot, dayStartHour),
        sleepMinutes: Math.round(sleepMs / 60_000),
        feeds: feeds.filter((t) => t >= from && t < to).length,
      };
    });
    const nightSleepMinutes = hours.filter((h) => isNightHour(h.hour)).reduce((sum, h) => sum + h.sleepMinutes, 0);
    const sleepMinutes = Math.round(totals.sleepSeconds / 60);
    return {
      date,
      start: range.start.toISOString(),
      end: range.end.toISOString(),
      feeds: totals.feeds,
      bottleMl: totals.bottleMl,
      breastMinutes: Math.round((totals.breastLeftSeconds + totals.breastRightSeconds) / 60),
      sleepMinutes,
      // Per-hour rounding can drift a minute from the total; the day part absorbs it.
      nightSleepMinutes: Math.min(nightSleepMinutes, sleepMinutes),
      daySleepMinutes: Math.max(0, sleepMinutes - nightSleepMinutes),
      diapers: totals.diapers,
      wetDiapers: totals.wetDiapers,
      dirtyDiapers: totals.dirtyDiapers,
      hours,
    };
  });
}
