import { describe, expect, it } from "vitest";
import { currentDate, dayRangeOf, hourBoundaries, isDateString, shiftDate, slotHour } from "./day-range";

const MADRID = "Europe/Madrid";
const hoursOf = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / 3600_000;

describe("day ranges", () => {
  it("start at the day-start hour in the child's zone", () => {
    const r = dayRangeOf("2026-11-24", MADRID, 6);
    expect(r.start.toISOString()).toBe("2026-11-24T05:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-11-25T05:00:00.000Z");
  });

  it("last 23 hours across spring forward and 25 across fall back", () => {
    expect(hoursOf(dayRangeOf("2026-03-28", MADRID, 6))).toBe(23);
    expect(hoursOf(dayRangeOf("2026-10-24", MADRID, 6))).toBe(25);
    expect(hoursOf(dayRangeOf("2026-10-25", MADRID, 6))).toBe(24);
  });

  it("count 03:00 as the previous day with a 06:00 start", () => {
    expect(currentDate(new Date("2026-11-25T02:00:00Z"), MADRID, 6)).toBe("2026-11-24");
    expect(currentDate(new Date("2026-11-25T02:00:00Z"), MADRID, 0)).toBe("2026-11-25");
  });

  it("shift across months and years, and refuse impossible dates", () => {
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(isDateString("2026-02-28")).toBe(true);
    expect(isDateString("2026-02-30")).toBe(false);
    expect(isDateString("2026-2-3")).toBe(false);
    expect(isDateString(undefined)).toBe(false);
  });

  it("cut a day into 24 wall-clock hours that cover it exactly, even on DST days", () => {
    for (const date of ["2026-03-28", "2026-10-24", "2026-06-01"]) {
      const cuts = hourBoundaries(date, MADRID, 6);
      const range = dayRangeOf(date, MADRID, 6);
      expect(cuts).toHaveLength(25);
      expect(cuts[0]).toEqual(range.start);
      expect(cuts[24]).toEqual(range.end);
      for (let i = 1; i < cuts.length; i++) expect(cuts[i].getTime()).toBeGreaterThanOrEqual(cuts[i - 1].getTime());
    }
    // Spring forward: the 02:00 slot (index 20 from 06:00) does not exist.
    const spring = hourBoundaries("2026-03-28", MADRID, 6);
    expect(spring[21].getTime() - spring[20].getTime()).toBe(0);
    expect(slotHour(20, 6)).toBe(2);
  });
});
