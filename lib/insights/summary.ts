import { db, type Child } from "@/lib/db/client";
import { dailySeries } from "@/lib/analytics/daily-series";
import { dayRangeOf } from "@/lib/analytics/day-range";
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

/** Per-day totals of `from`…`to`, from the entries of those days (and the night before the first). */
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
}) {
  const first = dayRangeOf(from, child.timezone, dayStartHour);
  const last = dayRangeOf(to, child.timezone, dayStartHour);
  const entries = await loadChildHistory({ childId: child.id, from: new Date(first.start.getTime() - 86_400_000), to: last.end });
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return dailySeries({ entries, timeZone: child.timezone, dayStartHour, lastDate: to, days, now }).map(({ hours: _hours, ...day }) => day);
}
