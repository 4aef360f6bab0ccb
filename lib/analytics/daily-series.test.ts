import { describe, expect, it } from "vitest";
import type { EntryLike } from "@/lib/activities/summary";
import { zonedInstant } from "@/lib/time/zoned";
import { dailySeries } from "./daily-series";

const MADRID = "Europe/Madrid";
const at = (y: number, m: number, d: number, h: number, min = 0) => zonedInstant(MADRID, y, m, d, h, min).toISOString();
const bottle = (startedAt: string, amountMl: number): EntryLike => ({
  type: "feeding",
  startedAt,
  endedAt: null,
  details: { method: "bottle", amountMl, milk: "formula" },
});
const breast = (startedAt: string, leftSeconds: number, rightSeconds: number): EntryLike => ({
  type: "feeding",
  startedAt,
  endedAt: null,
  details: { method: "breast", leftSeconds, rightSeconds },
});
const sleep = (startedAt: string, endedAt: string | null): EntryLike => ({ type: "sleep", startedAt, endedAt, details: {} });
const diaper = (startedAt: string, wet: boolean, dirty: boolean): EntryLike => ({
  type: "diaper",
  startedAt,
  endedAt: null,
  details: { wet, dirty },
});
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("dailySeries", () => {
  it("gives one point per day, oldest first, with feeds, intake and diapers of that day", () => {
    const entries = [
      bottle(at(2026, 11, 23, 9), 100),
      bottle(at(2026, 11, 23, 13), 100),
      bottle(at(2026, 11, 23, 17), 100),
      breast(at(2026, 11, 24, 8), 600, 300),
      { ...bottle(at(2026, 11, 24, 9), 90), deletedAt: "2026-11-24T10:00:00Z" },
      { type: "feeding", startedAt: at(2026, 11, 24, 12), endedAt: null, details: { method: "solids", foods: ["pear"] } },
      diaper(at(2026, 11, 24, 10), true, false),
      diaper(at(2026, 11, 24, 11), true, true),
    ];
    const days = dailySeries({
      entries,
      timeZone: MADRID,
      dayStartHour: 6,
      lastDate: "2026-11-24",
      days: 3,
      now: new Date("2026-11-24T20:00:00Z"),
    });
    expect(days.map((d) => d.date)).toEqual(["2026-11-22", "2026-11-23", "2026-11-24"]);
    expect(days[0]).toMatchObject({ feeds: 0, bottleMl: 0, diapers: 0 });
    expect(days[1]).toMatchObject({ feeds: 3, bottleMl: 300, breastMinutes: 0 });
    expect(days[2]).toMatchObject({ feeds: 1, bottleMl: 0, breastMinutes: 15, diapers: 2, wetDiapers: 2, dirtyDiapers: 1 });
    expect(days[1].hours.map((h) => h.hour).slice(0, 3)).toEqual([6, 7, 8]);
    expect(days[1].hours.find((h) => h.hour === 13)?.feeds).toBe(1);
  });

  it("puts 03:00 on the previous day when days start at 06:00", () => {
    const entries = [bottle(at(2026, 11, 24, 3), 120)];
    const [before, day] = dailySeries({ entries, timeZone: MADRID, dayStartHour: 6, lastDate: "2026-11-24", days: 2 });
    expect(before.bottleMl).toBe(120);
    expect(day.bottleMl).toBe(0);
    expect(before.hours.find((h) => h.hour === 3)?.feeds).toBe(1);
  });

  it("splits a night across the two days it touches, and counts it as night sleep", () => {
    const entries = [sleep(at(2026, 11, 23, 21), at(2026, 11, 24, 7)), sleep(at(2026, 11, 24, 13), at(2026, 11, 24, 14, 30))];
    const [first, second] = dailySeries({ entries, timeZone: MADRID, dayStartHour: 6, lastDate: "2026-11-24", days: 2 });
    expect(first).toMatchObject({ sleepMinutes: 540, nightSleepMinutes: 540, daySleepMinutes: 0 });
    expect(second).toMatchObject({ sleepMinutes: 150, nightSleepMinutes: 60, daySleepMinutes: 90 });
    expect(sum(first.hours.map((h) => h.sleepMinutes))).toBe(540);
    expect(second.hours.find((h) => h.hour === 13)?.sleepMinutes).toBe(60);
    expect(second.hours.find((h) => h.hour === 14)?.sleepMinutes).toBe(30);
  });

  it("runs an ongoing sleep up to now", () => {
    const entries = [sleep(at(2026, 11, 24, 20), null)];
    const [day] = dailySeries({
      entries,
      timeZone: MADRID,
      dayStartHour: 6,
      lastDate: "2026-11-24",
      days: 1,
      now: new Date(at(2026, 11, 24, 22)),
    });
    expect(day.sleepMinutes).toBe(120);
    expect(day.hours.find((h) => h.hour === 21)?.sleepMinutes).toBe(60);
    expect(day.hours.find((h) => h.hour === 22)?.sleepMinutes).toBe(0);
  });

  it("keeps a spring-forward night whole: 23 hours in the day, the missing hour empty", () => {
    // 2026-03-29 02:00 → 03:00 in Madrid. 22:00 CET to 07:00 CEST is 8 real hours.
    const entries = [sleep(at(2026, 3, 28, 22), at(2026, 3, 29, 7))];
    const [day, next] = dailySeries({ entries, timeZone: MADRID, dayStartHour: 6, lastDate: "2026-03-29", days: 2 });
    expect(day.sleepMinutes).toBe(7 * 60);
    expect(next.sleepMinutes).toBe(60);
    expect(day.hours.find((h) => h.hour === 2)?.sleepMinutes).toBe(0);
    expect(day.hours.find((h) => h.hour === 3)?.sleepMinutes).toBe(60);
    expect(sum(day.hours.map((h) => h.sleepMinutes))).toBe(7 * 60);
  });

  it("counts both 02:30s of a fall-back night, and its 25 hours of sleep", () => {
    // 2026-10-25 03:00 CEST → 02:00 CET: 02:30 happens twice (00:30Z and 01:30Z).
    const entries = [
      bottle("2026-10-25T00:30:00Z", 60),
      bottle("2026-10-25T01:30:00Z", 60),
      sleep(at(2026, 10, 24, 6), at(2026, 10, 25, 6)),
    ];
    const [day] = dailySeries({ entries, timeZone: MADRID, dayStartHour: 6, lastDate: "2026-10-24", days: 1 });
    expect(day.feeds).toBe(2);
    expect(sum(day.hours.map((h) => h.feeds))).toBe(2);
    expect(day.sleepMinutes).toBe(25 * 60);
    expect(sum(day.hours.map((h) => h.sleepMinutes))).toBe(25 * 60);
    expect(day.nightSleepMinutes + day.daySleepMinutes).toBe(25 * 60);
  });
});
