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
