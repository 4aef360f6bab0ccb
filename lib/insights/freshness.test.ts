import { describe, expect, it } from "vitest";
import { FRESH_FOR_MS, isFresh } from "./freshness";
import type { ChildPredictions } from "./schema";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString();
const reason = { key: "predictions.reasons.feedHistory", values: {} };
const predictions = (computedMinute: number, feedHighMinute: number | null, sleepHighMinute: number | null = null): ChildPredictions => ({
  childId: "00000000-0000-4000-8000-000000000001",
  computedAt: at(computedMinute),
  seq: 1,
  nextFeed:
    feedHighMinute === null ? null : { at: at(feedHighMinute - 30), low: at(feedHighMinute - 60), high: at(feedHighMinute), reason },
  nextSleep:
    sleepHighMinute === null ? null : { at: at(sleepHighMinute - 30), low: at(sleepHighMinute - 60), high: at(sleepHighMinute), reason },
});

describe("isFresh", () => {
  const now = new Date(at(20));

  it("keeps recent predictions whose windows are still ahead", () => {
    expect(isFresh(predictions(0, 120, 90), now)).toBe(true);
    expect(isFresh(predictions(0, null, null), now)).toBe(true);
  });

  it("drops predictions older than the freshness limit", () => {
    expect(isFresh(predictions(20 - FRESH_FOR_MS / 60_000, 120), now)).toBe(false);
    expect(isFresh(predictions(20 - FRESH_FOR_MS / 60_000 + 1, 120), now)).toBe(true);
  });

  it("drops predictions whose feed or sleep window has fully passed", () => {
    expect(isFresh(predictions(0, 19), now)).toBe(false);
    expect(isFresh(predictions(0, 120, 10), now)).toBe(false);
  });

  it("drops predictions stamped in the future (a clock gone wrong)", () => {
    expect(isFresh(predictions(25, 120), now)).toBe(false);
  });
});
