import { describe, expect, it } from "vitest";
import { dayWindow, wallClock, zonedInstant } from "./zoned";

describe("zoned time", () => {
  it("reads the wall clock in a zone", () => {
    expect(wallClock(new Date("2026-07-01T12:30:00Z"), "Europe/Madrid")).toMatchObject({ hour: 14, minute: 30, day: 1 });
    expect(wallClock(new Date("2026-01-01T02:00:00Z"), "America/New_York")).toMatchObject({ year: 2025, month: 12, day: 31, hour: 21 });
  });

  it("finds the instant of a local time, across DST changes", () => {
    expect(zonedInstant("Europe/Madrid", 2026, 7, 1, 6).toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(zonedInstant("Europe/Madrid", 2026, 1, 15, 6).toISOString()).toBe("2026-01-15T05:00:00.000Z");
    // 29 March 2026: Madrid jumps from UTC+1 to UTC+2 at 02:00 local.
    expect(zonedInstant("Europe/Madrid", 2026, 3, 29, 6).toISOString()).toBe("2026-03-29T04:00:00.000Z");
    expect(zonedInstant("Asia/Kolkata", 2026, 3, 29, 0).toISOString()).toBe("2026-03-28T18:30:00.000Z");
  });

  it("puts 3 a.m. into yesterday when the day starts at 6", () => {
    const w = dayWindow(new Date("2026-07-02T01:00:00Z"), "Europe/Madrid", 6); // 03:00 local
    expect(w.date).toBe("2026-07-01");
    expect(w.start.toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-07-02T04:00:00.000Z");
  });

  it("has a 23-hour day when the clocks go forward", () => {
    const w = dayWindow(new Date("2026-03-29T12:00:00Z"), "Europe/Madrid", 0);
    expect((w.end.getTime() - w.start.getTime()) / 3600_000).toBe(23);
  });

  it("moves by whole days with an offset", () => {
    const w = dayWindow(new Date("2026-07-02T12:00:00Z"), "UTC", 6, -1);
    expect(w.date).toBe("2026-07-01");
  });
});

describe("cached zone offsets", () => {
  it("match Intl's wall clock every 7 min 11 s for two years, in zones with 30/45-minute offsets and DST", () => {
    const zones = [
      "Europe/Berlin",
      "America/St_Johns",
      "Asia/Kathmandu",
      "Australia/Lord_Howe",
      "Australia/Adelaide",
      "Pacific/Chatham",
      "America/Los_Angeles",
    ];
    const step = (7 * 60 + 11) * 1000;
    const mismatches: string[] = [];
    let checked = 0;
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += step) {
        const p = Object.fromEntries(
          intl
            .formatToParts(new Date(t))
            .filter((x) => x.type !== "literal")
            .map((x) => [x.type, Number(x.value)]),
        );
        const expected = { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
        checked++;
        const got = wallClock(new Date(t), timeZone);
        if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${timeZone} ${new Date(t).toISOString()}`);
      }
    }
    expect(checked).toBeGreaterThan(500_000);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
