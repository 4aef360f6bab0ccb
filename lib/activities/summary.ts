import { dayWindow } from "@/lib/time/zoned";

/** The fields of an entry the summaries need (an ActivityDto fits). */
export type EntryLike = {
  type: string;
  startedAt: string;
  endedAt: string | null;
  details: Record<string, unknown>;
  deletedAt?: string | null;
};

export type QuickKind = "breast" | "bottle" | "diaper" | "sleep" | "pumping";

export type DayTotals = {
  feeds: number;
  bottleMl: number;
  breastLeftSeconds: number;
  breastRightSeconds: number;
  solids: number;
  sleepSeconds: number;
  naps: number;
  diapers: number;
  wetDiapers: number;
  dirtyDiapers: number;
  pumpedMl: number;
};

const ms = (iso: string) => Date.parse(iso);

function kindOf(e: EntryLike): QuickKind | null {
  if (e.type === "feeding") return e.details.method === "bottle" ? "bottle" : e.details.method === "breast" ? "breast" : null;
  if (e.type === "diaper" || e.type === "sleep" || e.type === "pumping") return e.type;
  return null;
}

/** Totals of one window; sleep is clipped to the window so a night counts where it was slept. */
export function totalsBetween(entries: EntryLike[], start: Date, end: Date, now = new Date()): DayTotals {
  const t: DayTotals = {
    feeds: 0,
    bottleMl: 0,
    breastLeftSeconds: 0,
    breastRightSeconds: 0,
    solids: 0,
    sleepSeconds: 0,
    naps: 0,
    diapers: 0,
    wetDiapers: 0,
    dirtyDiapers: 0,
    pumpedMl: 0,
  };
  const [s, e] = [start.getTime(), end.getTime()];
  for (const entry of entries) {
    if (entry.deletedAt) continue;
    const at = ms(entry.startedAt);
    if (entry.type === "sleep") {
      const stop = entry.endedAt ? ms(entry.endedAt) : Math.min(now.getTime(), e);
      const overlap = Math.min(stop, e) - Math.max(at, s);
      if (overlap > 0) {
        t.sleepSeconds += Math.round(overlap / 1000);
        if (at >= s && at < e) t.naps += 1;
      }
      continue;
    }
    if (at < s || at >= e) continue;
    const d = entry.details;
    switch (entry.type) {
      case "feeding":
        if (d.method === "solids") t.solids += 1;
        else t.feeds += 1;
        if (d.method === "bottle") t.bottleMl += Number(d.amountMl ?? 0);
        if (d.method === "breast") {
          t.breastLeftSeconds += Number(d.leftSeconds ?? 0);
          t.breastRightSeconds += Number(d.rightSeconds ?? 0);
        }
        break;
      case "diaper":
        t.diapers += 1;
        if (d.wet) t.wetDiapers += 1;
        if (d.dirty) t.dirtyDiapers += 1;
        break;
      case "pumping":
        t.pumpedMl += Number(d.leftMl ?? 0) + Number(d.rightMl ?? 0);
        break;
    }
  }
  return t;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * What the home screen shows for a child: time since the last feed / sleep / diaper, the last
 * breast side, today's totals (the user's day-start hour, the child's zone), the last bottle, and
 * the entries most likely to be logged next (the most "overdue" against the child's own rhythm).
 */
export function summarizeChild({
  entries,
  now = new Date(),
  timeZone,
  dayStartHour,
}: {
  entries: EntryLike[];
  now?: Date;
  timeZone: string;
  dayStartHour: number;
}) {
  const live = entries.filter((e) => !e.deletedAt).sort((a, b) => ms(b.startedAt) - ms(a.startedAt));
  const lastFeed = live.find((e) => e.type === "feeding" && e.details.method !== "solids") ?? null;
  const lastDiaper = live.find((e) => e.type === "diaper") ?? null;
  const lastSleep = live.find((e) => e.type === "sleep") ?? null;
  const asleep = lastSleep !== null && lastSleep.endedAt === null;
  const lastBreast = live.find((e) => e.type === "feeding" && e.details.method === "breast");
  const lastBottle = live.find((e) => e.type === "feeding" && e.details.method === "bottle");
  const window = dayWindow(now, timeZone, dayStartHour);

  const since = (iso: string | null | undefined) => (iso ? Math.max(0, Math.round((now.getTime() - ms(iso)) / 1000)) : null);

  // Typical interval per kind from the last three days; missing history counts as "not due".
  const horizon = now.getTime() - 3 * 86400_000;
  const due: { kind: QuickKind; score: number }[] = [];
  for (const kind of ["breast", "bottle", "diaper", "sleep", "pumping"] as QuickKind[]) {
    const times = live
      .filter((e) => kindOf(e) === kind && ms(e.startedAt) >= horizon)
      .map((e) => ms(e.startedAt))
      .sort((a, b) => a - b);
    if (times.length === 0) continue;
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const typical = median(gaps) ?? 3 * 3600_000;
    due.push({ kind, score: (now.getTime() - times[times.length - 1]) / Math.max(typical, 15 * 60_000) });
  }
  due.sort((a, b) => b.score - a.score);

  return {
    secondsSince: {
      feeding: since(lastFeed?.startedAt),
      diaper: since(lastDiaper?.startedAt),
      // Awake time counts from the end of the last sleep; while asleep, from its start.
      sleep: lastSleep ? since(asleep ? lastSleep.startedAt : lastSleep.endedAt) : null,
    },
    asleep,
    lastBreastSide: (lastBreast?.details.lastSide as "left" | "right" | undefined) ?? null,
    lastBottle: lastBottle ? { amountMl: Number(lastBottle.details.amountMl), milk: String(lastBottle.details.milk) } : null,
    today: {
      date: window.date,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      ...totalsBetween(live, window.start, window.end, now),
    },
    suggestions: due.map((d) => d.kind).slice(0, 3),
  };
}
