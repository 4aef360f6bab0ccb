import { dayWindow, zonedInstant } from "@/lib/time/zoned";

/**
 * Days as the family lives them: "2026-11-24" names the window that starts at the user's
 * day-start hour on that calendar date in the child's zone and ends at the same hour the next day.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DayRange = { date: string; start: Date; end: Date };

function parseDate(date: string): [number, number, number] | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/** A real calendar date in YYYY-MM-DD form (so "2026-02-30" is not). */
export function isDateString(value: unknown): value is string {
  return typeof value === "string" && parseDate(value) !== null;
}

/** The calendar date `days` away from `date` (both YYYY-MM-DD). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = parseDate(date) ?? [1970, 1, 1];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The window of the day named `date`. */
export function dayRangeOf(date: string, timeZone: string, dayStartHour: number): DayRange {
  const [y, m, d] = parseDate(date) ?? [1970, 1, 1];
  return {
    date,
    start: zonedInstant(timeZone, y, m, d, dayStartHour),
    end: zonedInstant(timeZone, y, m, d + 1, dayStartHour),
  };
}

/** The day `now` falls in (03:00 with a 06:00 day start is still yesterday). */
export function currentDate(now: Date, timeZone: string, dayStartHour: number): string {
  return dayWindow(now, timeZone, dayStartHour).date;
}

/**
 * The 25 instants that cut a day into its 24 wall-clock hours, starting at the day-start hour.
 * On a spring-forward day one hour is empty (two equal instants); on a fall-back day the repeated
 * hour falls into the slot before it, so the slots always cover the whole day exactly.
 */
export function hourBoundaries(date: string, timeZone: string, dayStartHour: number): Date[] {
  const [y, m, d] = parseDate(date) ?? [1970, 1, 1];
  return Array.from({ length: 25 }, (_, i) => zonedInstant(timeZone, y, m, d, dayStartHour + i));
}

/** The wall-clock hour (0–23) that hour slot `index` of a day starts at. */
export function slotHour(index: number, dayStartHour: number): number {
  return (dayStartHour + index) % 24;
}
