import { predictNext } from "@/lib/analytics/predictions";
import { scoreGrowthEntries } from "@/lib/growth/measurements";
import type { ChildData, Entry } from "./child-data";

/** A seeded family in memory: the answerer reads it through the same ChildData interface as the DB one. */
export const now = new Date("2026-03-10T15:00:00Z");
export const child = {
  id: "c0000000-0000-4000-8000-000000000001",
  familyId: "f0",
  birthDate: "2026-02-17",
  timezone: "UTC",
  sex: "female" as const,
  gestationalAgeWeeks: null,
};
let n = 0;
const entry = (type: string, startedAt: string, details: Record<string, unknown>, endedAt: string | null = null, id?: string): Entry => ({
  id: id ?? `e${++n}`,
  type,
  startedAt: `${startedAt}:00.000Z`,
  endedAt: endedAt ? `${endedAt}:00.000Z` : null,
  details,
  deletedAt: null,
});
const T = "2026-03-10T";
const Y = "2026-03-09T";
export const entries: Entry[] = [
  entry("feeding", `${T}01:00`, { method: "bottle", amountMl: 120, milk: "formula" }, null, "f1"),
  entry("feeding", `${T}04:00`, { method: "breast", leftSeconds: 600, rightSeconds: 300, lastSide: "right" }, `${T}04:15`, "f2"),
  entry("feeding", `${T}08:00`, { method: "bottle", amountMl: 90, milk: "formula" }, null, "f3"),
  entry("feeding", `${T}12:30`, { method: "bottle", amountMl: 100, milk: "formula" }, null, "f4"),
  entry("sleep", `${T}02:00`, {}, `${T}03:30`, "s1"),
  entry("sleep", `${T}09:00`, {}, `${T}10:15`, "s2"),
  entry("sleep", `${T}13:00`, {}, `${T}14:00`, "s3"),
  entry("diaper", `${T}05:00`, { wet: true, dirty: false }, null, "d1"),
  entry("diaper", `${T}09:30`, { wet: true, dirty: true }, null, "d2"),
  entry("diaper", `${T}13:30`, { wet: false, dirty: true }, null, "d3"),
  entry("temperature", `${T}11:00`, { celsius: 37.0 }),
  ...[1, 5, 9, 13, 17].map((h) => entry("diaper", `${Y}${String(h).padStart(2, "0")}:00`, { wet: true, dirty: false }, null, `yd${h}`)),
  ...[2, 5, 8, 11, 14, 17, 20].map((h) =>
    entry("feeding", `${Y}${String(h).padStart(2, "0")}:00`, { method: "bottle", amountMl: 100, milk: "formula" }, null, `yf${h}`),
  ),
  entry("sleep", `${Y}21:00`, {}, `${Y}23:00`, "ys"),
  entry("growth", "2026-03-05T10:00", { weightGrams: 3800, lengthMm: 530, headMm: 360 }, null, "g1"),
];

export const data: ChildData = {
  child,
  now,
  dayStartHour: 0,
  async activities({ type, from, to }) {
    return entries
      .filter((e) => (!type || e.type === type) && Date.parse(e.startedAt) >= from.getTime() && Date.parse(e.startedAt) < to.getTime())
      .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  },
  async predictions() {
    return predictNext({ activities: entries, child, now });
  },
  async growth() {
    return scoreGrowthEntries(
      child,
      entries.filter((e) => e.type === "growth"),
    );
  },
};
