/** Wall-clock arithmetic in an IANA time zone with Intl only (no date library). */

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function formattedWallClock(instant: Date, timeZone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/**
 * Zone offsets are cached per 15-minute bucket of UTC time: every zone's offset is a multiple of
 * 15 minutes and changes at a local wall-clock minute, so it changes only at a bucket boundary.
 * formatToParts is the hot spot of a year's analytics (tens of thousands of calls).
 */
const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds the zone is ahead of UTC at `instant`. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const bucket = Math.floor(instant.getTime() / BUCKET_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = bucket * BUCKET_MS;
    const w = formattedWallClock(new Date(start), timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (zone.size > 200_000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

export function wallClock(instant: Date, timeZone: string): Parts {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The instant at which the wall clock in `timeZone` reads the given local time (DST-safe). */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let guess = naive - zoneOffsetMs(new Date(naive), timeZone);
  guess = naive - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/**
 * The "day" containing `instant` for someone whose days start at `dayStartHour` local time:
 * with 6, 03:00 still belongs to yesterday. Returns [start, end).
 */
export function dayWindow(instant: Date, timeZone: string, dayStartHour: number, offsetDays = 0): { start: Date; end: Date; date: string } {
  const w = wallClock(instant, timeZone);
  const base = new Date(Date.UTC(w.year, w.month - 1, w.day + (w.hour < dayStartHour ? -1 : 0) + offsetDays));
  const [y, m, d] = [base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate()];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return {
    start: zonedInstant(timeZone, y, m, d, dayStartHour),
    end: zonedInstant(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), dayStartHour),
    date: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  };
}
