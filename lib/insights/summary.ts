import { db, type Child } from "@/lib/db/client";
import { dayRangeOf, shiftDate } from "@/lib/analytics/day-range";
import { dailyTotals, rollingTotals, type DailyTotals, type RollingTotals } from "@/lib/analytics/totals";
import { loadChildHistory } from "./history";

const DEFAULT_DAY_START_HOUR = 6;

/** The user's day-start hour (their settings), 06:00 when never set. */
export async function dayStartHourOf(userId: string): Promise<number> {
  const s = await db.userSettings.findUnique({ where: { userId }, select: { dayStartHour: true } });
  return s?.dayStartHour ?? DEFAULT_DAY_START_HOUR;
}

/** The family's day-start hour for work done on nobody's behalf (the worker): its first owner's. */
export async function familyDayStartHour(familyId: string): Promise<number> {
  const owner = await db.membership.findFirst({
    where: { familyId, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  return owner ? dayStartHourOf(owner.userId) : DEFAULT_DAY_START_HOUR;
}

/**
 * Per-day totals of `from`…`to` (lib/analytics/totals: feeds, ml, breast minutes per side, sleep
 * by day and night, longest stretch, naps, wake windows, diapers) and, for each day, the 7-day
 * rolling average ending on it. Loads the entries of those days, the six before (for the
 * averages) and the night before.
 */
export async function computeSummaryDays({
  child,
  from,
  to,
  dayStartHour,
  now = new Date(),
}: {
  child: Child;
  from: string;
  to: string;
  dayStartHour: number;
  now?: Date;
}): Promise<{ days: DailyTotals[]; rolling7: RollingTotals[] }> {
  const first = shiftDate(from, -6);
  const start = dayRangeOf(first, child.timezone, dayStartHour).start;
  const end = dayRangeOf(to, child.timezone, dayStartHour).end;
  const entries = await loadChildHistory({ childId: child.id, from: new Date(start.getTime() - 86_400_000), to: end });
  const all = dailyTotals({ entries, timeZone: child.timezone, dayStartHour, from: first, to, now });
  const rolling = rollingTotals(all, 7);
  const keep = (d: { date: string }) => d.date >= from;
  return { days: all.filter(keep), rolling7: rolling.filter(keep) };
}
