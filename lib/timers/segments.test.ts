import { describe, expect, it } from "vitest";
import { closeOpenSegment, elapsedSeconds, openSegment, otherSide, secondsBySide } from "./segments";
import type { Segment } from "./schema";

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 8, minute, second));
const iso = (minute: number, second = 0) => at(minute, second).toISOString();

describe("timer segments", () => {
  it("openSegment appends an open segment on a side", () => {
    expect(openSegment([], "left", at(0))).toEqual([{ side: "left", startedAt: iso(0), endedAt: null }]);
    const closed: Segment = { side: "left", startedAt: iso(0), endedAt: iso(5) };
    expect(openSegment([closed], null, at(6))).toEqual([closed, { side: null, startedAt: iso(6), endedAt: null }]);
  });

  it("closeOpenSegment closes only the open segment", () => {
    const segments: Segment[] = [
      { side: "left", startedAt: iso(0), endedAt: iso(5) },
      { side: "right", startedAt: iso(6), endedAt: null },
    ];
    expect(closeOpenSegment(segments, at(9))).toEqual([
      { side: "left", startedAt: iso(0), endedAt: iso(5) },
      { side: "right", startedAt: iso(6), endedAt: iso(9) },
    ]);
    expect(segments[1].endedAt).toBeNull();
  });

  it("closeOpenSegment leaves fully closed segments untouched", () => {
    const segments: Segment[] = [{ side: null, startedAt: iso(0), endedAt: iso(1) }];
    expect(closeOpenSegment(segments, at(10))).toEqual(segments);
  });

  it("elapsedSeconds sums closed segments and counts an open one up to now", () => {
    const segments: Segment[] = [
      { side: "left", startedAt: iso(0), endedAt: iso(5) },
      { side: "right", startedAt: iso(10), endedAt: null },
    ];
    expect(elapsedSeconds(segments, at(12))).toBe(5 * 60 + 2 * 60);
  });

  it("paused time between segments does not count", () => {
    const segments: Segment[] = [
      { side: null, startedAt: iso(0), endedAt: iso(1) },
      { side: null, startedAt: iso(30), endedAt: iso(31) },
    ];
    expect(elapsedSeconds(segments, at(59))).toBe(120);
  });

  it("rounds to whole seconds and never goes negative", () => {
    const segments: Segment[] = [
      { side: null, startedAt: "2026-01-01T08:00:00.000Z", endedAt: "2026-01-01T08:00:01.600Z" },
      { side: null, startedAt: iso(5), endedAt: iso(4) },
    ];
    expect(elapsedSeconds(segments)).toBe(2);
    expect(elapsedSeconds([])).toBe(0);
  });

  it("secondsBySide splits by breast side and ignores side-less segments", () => {
    const segments: Segment[] = [
      { side: "left", startedAt: iso(0), endedAt: iso(7) },
      { side: "right", startedAt: iso(7), endedAt: iso(10) },
      { side: null, startedAt: iso(10), endedAt: iso(20) },
      { side: "left", startedAt: iso(20), endedAt: null },
    ];
    expect(secondsBySide(segments, at(21, 30))).toEqual({ left: 7 * 60 + 90, right: 3 * 60 });
  });

  it("otherSide flips the side", () => {
    expect(otherSide("left")).toBe("right");
    expect(otherSide("right")).toBe("left");
  });
});
