import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBabyConnect } from "@/lib/importers/baby-connect/parse";
import { zonedInstant } from "@/lib/time/zoned";
import type { AnalyticsEntry } from "@/lib/analytics/types";
import { replay } from "./replay";

const ZONE = "UTC";
const at = (d: number, h: number) => zonedInstant(ZONE, 2026, 4, d, h).toISOString();
const child = { id: "c", birthDate: "2026-01-01", timezone: ZONE };

/** Feeds at 07 10 13 16 19 and 02 (a 7 h night gap), naps 08–09 and 14–15, a night 20–06. */
function rhythm(days: number): AnalyticsEntry[] {
  const out: AnalyticsEntry[] = [];
  for (let d = 1; d <= days; d++) {
    for (const h of [2, 7, 10, 13, 16, 19])
      out.push({
        id: `f${d}-${h}`,
        type: "feeding",
        startedAt: at(d, h),
        endedAt: null,
        details: { method: "bottle", amountMl: 120, milk: "formula" },
      });
    out.push({ id: `n1-${d}`, type: "sleep", startedAt: at(d, 8), endedAt: at(d, 9), details: {} });
    out.push({ id: `n2-${d}`, type: "sleep", startedAt: at(d, 14), endedAt: at(d, 15), details: {} });
    out.push({ id: `n3-${d}`, type: "sleep", startedAt: at(d, 20), endedAt: at(d + 1, 6), details: {} });
  }
  return out;
}

describe("replay", () => {
  it("scores the model and both baselines at the same moments; a steady rhythm is learnt and beats them", () => {
    const r = replay({ entries: rhythm(12), child });
    expect(r.feed.model.n).toBe(r.feed.lastInterval.n);
    expect(r.feed.model.n).toBe(r.feed.fixed3h.n);
    expect(r.sleep.model.n).toBe(r.sleep.fixed3h.n);
    expect(r.feed.model.n).toBeGreaterThan(50);
    expect(r.feed.model.maeMinutes).toBeLessThan(r.feed.lastInterval.maeMinutes);
    expect(r.feed.model.maeMinutes).toBeLessThan(r.feed.fixed3h.maeMinutes);
    expect(r.sleep.model.maeMinutes).toBeLessThan(r.sleep.fixed3h.maeMinutes);
    expect(r.feed.model.coverage).toBeGreaterThan(0.8);
    expect(r.feed.lastInterval.coverage).toBeNull();
    // Born on 1 January, the child turns 3 months (day 91) on 2 April: the moments split between two bands.
    expect(r.byAge.map((b) => b.ages)).toEqual(["0–3 months", "3–6 months"]);
    expect(r.byAge.reduce((n, b) => n + b.feed.model.n, 0)).toBe(r.feed.model.n);
  });

  it("on a month of the real log (Eva, October 2020) the model beats both baselines by a margin, with honest intervals", () => {
    const zone = "America/Los_Angeles";
    const file = path.resolve(process.cwd(), "../shared/data/exports/baby-connect/eva.csv");
    const entries = parseBabyConnect(readFileSync(file, "utf8"), { timeZone: zone })
      .entries.filter((e) => e.startedAt >= "2020-10-01" && e.startedAt < "2020-11-01")
      .map((e) => ({ ...e, id: `line-${e.line}` }));
    const r = replay({ entries, child: { id: "eva", birthDate: "2019-12-18", timezone: zone } });
    for (const kind of ["feed", "sleep"] as const) {
      const best = Math.min(r[kind].lastInterval.maeMinutes, r[kind].fixed3h.maeMinutes);
      expect(r[kind].model.maeMinutes).toBeLessThan(0.8 * best);
      expect(r[kind].model.coverage).toBeGreaterThan(0.7);
      expect(r[kind].model.coverage).toBeLessThan(0.9);
    }
  });
});
