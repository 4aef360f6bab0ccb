import { describe, expect, it } from "vitest";
import { dayRangeOf } from "./day-range";
import { dayChartItems, entriesOfDay } from "./day-chart";

const range = dayRangeOf("2026-11-24", "Europe/Madrid", 6); // 05:00Z → 05:00Z next day
const entry = (id: string, type: string, startedAt: string, endedAt: string | null = null) => ({ id, type, startedAt, endedAt });

describe("the 24-hour day chart", () => {
  const entries = [
    entry("night", "sleep", "2026-11-23T21:00:00Z", "2026-11-24T06:00:00Z"),
    entry("bottle", "feeding", "2026-11-24T07:00:00Z"),
    entry("diaper", "diaper", "2026-11-24T08:00:00Z"),
    entry("note", "note", "2026-11-24T09:00:00Z"),
    entry("nap", "sleep", "2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z"),
    entry("late", "sleep", "2026-11-25T03:00:00Z", null),
    entry("tomorrow", "feeding", "2026-11-25T05:00:00Z"),
  ];

  it("clips sleeps to the day and keeps the night that began the evening before", () => {
    const { sleeps } = dayChartItems(entries, range, new Date("2026-11-25T09:00:00Z"));
    expect(sleeps.map((s) => s.id)).toEqual(["night", "nap", "late"]);
    expect(sleeps[0]).toMatchObject({ from: range.start.getTime(), continuesBefore: true, continuesAfter: false });
    expect(sleeps[2]).toMatchObject({ to: range.end.getTime(), ongoing: true, continuesAfter: true });
  });

  it("puts feeds, diapers and the rest on their lanes, and leaves other days out", () => {
    const { markers } = dayChartItems(entries, range);
    expect(markers.map((m) => [m.id, m.lane])).toEqual([
      ["bottle", "feeding"],
      ["diaper", "diaper"],
      ["note", "other"],
    ]);
  });

  it("lists only the entries that start within the day", () => {
    expect(entriesOfDay(entries, range).map((e) => e.id)).toEqual(["bottle", "diaper", "note", "nap", "late"]);
  });
});
