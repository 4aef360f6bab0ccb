import type { DayRange } from "./day-range";

type Entry = { id: string; type: string; startedAt: string; endedAt: string | null };

export type Lane = "sleep" | "feeding" | "diaper" | "other";

export type SleepBlock = {
  id: string;
  /** Where the block is drawn: the sleep clipped to the day. */
  from: number;
  to: number;
  /** Still asleep (no end yet): drawn up to `now`. */
  ongoing: boolean;
  /** Began before the day / goes on after it. */
  continuesBefore: boolean;
  continuesAfter: boolean;
};

export type Marker = { id: string; type: string; lane: Exclude<Lane, "sleep">; at: number };

export const laneOf = (type: string): Lane =>
  type === "sleep" ? "sleep" : type === "feeding" ? "feeding" : type === "diaper" ? "diaper" : "other";

/** The entries that start within the day (the timeline's list), oldest first. */
export function entriesOfDay<T extends Entry>(entries: T[], range: DayRange): T[] {
  const [s, e] = [range.start.getTime(), range.end.getTime()];
  return entries.filter((x) => {
    const at = Date.parse(x.startedAt);
    return at >= s && at < e;
  });
}

/**
 * What the 24-hour chart draws: every sleep overlapping the day as a block (a night that began
 * the evening before shows from the top), everything else as a marker at its start.
 */
export function dayChartItems(entries: Entry[], range: DayRange, now = new Date()): { sleeps: SleepBlock[]; markers: Marker[] } {
  const [s, e] = [range.start.getTime(), range.end.getTime()];
  const sleeps: SleepBlock[] = [];
  const markers: Marker[] = [];
  for (const entry of entries) {
    const start = Date.parse(entry.startedAt);
    const lane = laneOf(entry.type);
    if (lane === "sleep") {
      const end = entry.endedAt ? Date.parse(entry.endedAt) : Math.max(start, now.getTime());
      if (end <= s || start >= e) continue;
      sleeps.push({
        id: entry.id,
        from: Math.max(start, s),
        to: Math.min(end, e),
        ongoing: entry.endedAt === null,
        continuesBefore: start < s,
        continuesAfter: end > e,
      });
    } else if (start >= s && start < e) {
      markers.push({ id: entry.id, type: entry.type, lane, at: start });
    }
  }
  return { sleeps, markers };
}
