import { describe, expect, it } from "vitest";
import { dailyTotals, rollingTotals } from "./totals";
import { entryBuilder } from "./test-entries";

const ZONE = "America/New_York";
const b = entryBuilder(ZONE);

describe("dailyTotals", () => {
  it("counts feeds, ml, breast minutes per side and diapers of each family day (day start 06:00)", () => {
    const entries = [
      b.bottle(b.at(2026, 3, 10, 7), 120),
      b.breast(b.at(2026, 3, 10, 11), 600, 420),
      b.bottle(b.at(2026, 3, 11, 3), 90), // 03:00 on the 11th still belongs to the 10th
      b.bottle(b.at(2026, 3, 11, 7), 100),
      b.diaper(b.at(2026, 3, 10, 8), true, true),
      b.diaper(b.at(2026, 3, 10, 9), true),
      { ...b.bottle(b.at(2026, 3, 10, 9), 500), deletedAt: b.at(2026, 3, 10, 10) },
    ];
    const [d10, d11] = dailyTotals({
      entries,
      timeZone: ZONE,
      dayStartHour: 6,
      from: "2026-03-10",
      to: "2026-03-11",
      now: new Date(b.at(2026, 3, 12, 0)),
    });
    expect(d10).toMatchObject({
      date: "2026-03-10",
      feeds: 3,
      bottleMl: 210,
      breastLeftMinutes: 10,
      breastRightMinutes: 7,
      diapers: 2,
      wetDiapers: 2,
      dirtyDiapers: 1,
    });
    expect(d11).toMatchObject({ date: "2026-03-11", feeds: 1, bottleMl: 100, diapers: 0 });
  });

  it("splits sleep into day and night, finds the longest stretch, naps and wake windows", () => {
    const entries = [
      b.sleep(b.at(2026, 3, 9, 20), b.at(2026, 3, 10, 6, 30)), // the night before: its last 30 min fall in the 10th
      b.sleep(b.at(2026, 3, 10, 9), b.at(2026, 3, 10, 10)), // nap, woke 06:30 → awake 2 h 30
      b.sleep(b.at(2026, 3, 10, 13), b.at(2026, 3, 10, 14, 30)), // nap, awake 3 h
      b.sleep(b.at(2026, 3, 10, 19, 30), b.at(2026, 3, 11, 5)), // night, awake 5 h
    ];
    const [day] = dailyTotals({
      entries,
      timeZone: ZONE,
      dayStartHour: 6,
      from: "2026-03-10",
      to: "2026-03-10",
      now: new Date(b.at(2026, 3, 12, 0)),
    });
    expect(day.sleepMinutes).toBe(30 + 60 + 90 + 570);
    expect(day.daySleepMinutes).toBe(60 + 90);
    expect(day.nightSleepMinutes).toBe(30 + 570);
    expect(day.longestSleepMinutes).toBe(570);
    expect(day.naps).toBe(2);
    expect(day.wakeWindows).toEqual({ count: 3, averageMinutes: Math.round((150 + 180 + 300) / 3), longestMinutes: 300 });
  });

  it("honours the zone across a DST change (the 23-hour day of 8 March 2026 in New York)", () => {
    const entries = [b.sleep(b.at(2026, 3, 8, 1), b.at(2026, 3, 8, 4))]; // 01:00–04:00 wall clock = 2 real hours
    const [day] = dailyTotals({
      entries,
      timeZone: ZONE,
      dayStartHour: 0,
      from: "2026-03-08",
      to: "2026-03-08",
      now: new Date(b.at(2026, 3, 9, 0)),
    });
    expect(Date.parse(day.end) - Date.parse(day.start)).toBe(23 * 3_600_000);
    expect(day.sleepMinutes).toBe(120);
  });
});

describe("rollingTotals", () => {
  it("averages each field over the trailing seven days (fewer at the start)", () => {
    const entries = Array.from({ length: 10 }, (_, i) =>
      Array.from({ length: i + 1 }, (_, k) => b.bottle(b.at(2026, 3, 1 + i, 8 + k), 100)),
    ).flat();
    const days = dailyTotals({
      entries,
      timeZone: ZONE,
      dayStartHour: 6,
      from: "2026-03-01",
      to: "2026-03-10",
      now: new Date(b.at(2026, 3, 11, 0)),
    });
    const rolling = rollingTotals(days);
    expect(rolling[0]).toMatchObject({ date: "2026-03-01", days: 1, feeds: 1, bottleMl: 100 });
    expect(rolling[2]).toMatchObject({ days: 3, feeds: 2 });
    // Day 10: days 4–10 had 4..10 feeds → 7 on average.
    expect(rolling[9]).toMatchObject({ date: "2026-03-10", days: 7, feeds: 7, bottleMl: 700 });
  });

  it("leaves out days with nothing logged, so the trend does not sink before logging began", () => {
    const entries = [b.bottle(b.at(2026, 4, 5, 9)), b.bottle(b.at(2026, 4, 5, 12)), b.bottle(b.at(2026, 4, 7, 9))];
    const days = dailyTotals({
      entries,
      timeZone: ZONE,
      dayStartHour: 6,
      from: "2026-04-01",
      to: "2026-04-07",
      now: new Date(b.at(2026, 4, 8, 0)),
    });
    const rolling = rollingTotals(days);
    expect(rolling[0]).toMatchObject({ date: "2026-04-01", days: 0, feeds: 0 });
    expect(rolling[6]).toMatchObject({ date: "2026-04-07", days: 2, feeds: 1.5 });
  });
});
