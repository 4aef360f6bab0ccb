import { describe, expect, it } from "vitest";
import { summarizeChild, totalsBetween, type EntryLike } from "./summary";

const now = new Date("2026-07-02T10:00:00Z"); // 12:00 in Madrid
const e = (type: string, startedAt: string, details: Record<string, unknown> = {}, endedAt: string | null = null): EntryLike => ({
  type,
  startedAt,
  endedAt,
  details,
});

describe("totalsBetween", () => {
  it("adds feeds, bottle ml, breast seconds per side and diapers inside the window only", () => {
    const entries = [
      e("feeding", "2026-07-02T05:00:00Z", { method: "bottle", amountMl: 120, milk: "formula" }),
      e("feeding", "2026-07-02T08:00:00Z", { method: "breast", leftSeconds: 600, rightSeconds: 300, lastSide: "right" }),
      e("feeding", "2026-07-01T20:00:00Z", { method: "bottle", amountMl: 90, milk: "formula" }), // yesterday
      e("diaper", "2026-07-02T06:00:00Z", { wet: true, dirty: true }),
      e("diaper", "2026-07-02T07:00:00Z", { wet: true, dirty: false }),
      { ...e("diaper", "2026-07-02T07:30:00Z", { wet: true, dirty: false }), deletedAt: "2026-07-02T07:31:00Z" },
    ];
    const t = totalsBetween(entries, new Date("2026-07-02T04:00:00Z"), new Date("2026-07-03T04:00:00Z"), now);
    expect(t).toMatchObject({
      feeds: 2,
      bottleMl: 120,
      breastLeftSeconds: 600,
      breastRightSeconds: 300,
      diapers: 2,
      wetDiapers: 2,
      dirtyDiapers: 1,
    });
  });

  it("clips a night's sleep to the day it falls in", () => {
    const night = e("sleep", "2026-07-02T01:00:00Z", {}, "2026-07-02T06:00:00Z");
    const t = totalsBetween([night], new Date("2026-07-02T04:00:00Z"), new Date("2026-07-03T04:00:00Z"), now);
    expect(t.sleepSeconds).toBe(2 * 3600);
    expect(t.naps).toBe(0);
  });
});

describe("summarizeChild", () => {
  const entries = [
    e("feeding", "2026-07-02T04:00:00Z", { method: "breast", leftSeconds: 600, lastSide: "left" }),
    e("feeding", "2026-07-02T07:00:00Z", { method: "bottle", amountMl: 110, milk: "breast_milk" }),
    e("feeding", "2026-07-02T01:00:00Z", { method: "bottle", amountMl: 100, milk: "breast_milk" }),
    e("diaper", "2026-07-02T09:30:00Z", { wet: true, dirty: false }),
    e("diaper", "2026-07-02T06:30:00Z", { wet: true, dirty: false }),
    e("sleep", "2026-07-02T08:00:00Z", {}, "2026-07-02T09:00:00Z"),
  ];

  it("reports time since the last feed, diaper and the end of the last sleep", () => {
    const s = summarizeChild({ entries, now, timeZone: "Europe/Madrid", dayStartHour: 6 });
    expect(s.secondsSince).toEqual({ feeding: 3 * 3600, diaper: 30 * 60, sleep: 3600 });
    expect(s.asleep).toBe(false);
    expect(s.lastBreastSide).toBe("left");
    expect(s.lastBottle).toEqual({ amountMl: 110, milk: "breast_milk" });
    expect(s.today.date).toBe("2026-07-02");
    expect(s.today.feeds).toBe(2); // 01:00Z is 03:00 local: still yesterday with a 06:00 day start
  });

  it("counts an ongoing sleep from its start and suggests the most overdue entries first", () => {
    const s = summarizeChild({
      entries: [...entries, e("sleep", "2026-07-02T09:40:00Z")],
      now,
      timeZone: "Europe/Madrid",
      dayStartHour: 6,
    });
    expect(s.asleep).toBe(true);
    expect(s.secondsSince.sleep).toBe(20 * 60);
    // One breastfeed 6 h ago against a default 3 h rhythm is more overdue than bottles 6 h apart, last 3 h ago.
    expect(s.suggestions.slice(0, 2)).toEqual(["breast", "bottle"]);
    expect(s.suggestions).not.toContain("pumping");
  });
});
