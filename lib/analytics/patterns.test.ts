import { describe, expect, it } from "vitest";
import { detectPatterns } from "./patterns";
import { entryBuilder } from "./test-entries";
import type { AnalyticsEntry } from "./types";

const ZONE = "America/Chicago";
const b = entryBuilder(ZONE);
const child = { id: "c1", birthDate: "2026-01-10", timezone: ZONE };
const now = new Date(b.at(2026, 4, 11, 9)); // the last complete day (day start 06:00) is 10 April
const kinds = (xs: { kind: string }[]) => xs.map((x) => x.kind);

/** A night 19:30–06:30 and two naps, from day `from` to `to` of April, with an optional bedtime shift (minutes). */
function sleepDays(from: number, to: number, shift = 0, nightHours = 11): AnalyticsEntry[] {
  const out: AnalyticsEntry[] = [];
  for (let d = from; d <= to; d++) {
    out.push(b.sleep(b.at(2026, 4, d, 9), b.at(2026, 4, d, 10, 30)));
    out.push(b.sleep(b.at(2026, 4, d, 13), b.at(2026, 4, d, 14, 30)));
    const bed = b.plus(b.at(2026, 4, d, 19, 30), shift);
    out.push(b.sleep(bed, b.plus(bed, nightHours * 60)));
  }
  return out;
}

describe("detectPatterns", () => {
  it("finds nothing in a steady rhythm", () => {
    expect(detectPatterns({ activities: sleepDays(1, 10), child, now, dayStartHour: 6 })).toEqual([]);
  });

  it("cluster feeding: four feeds within 3 h in the evening", () => {
    const feeds = [17, 17.75, 18.5, 19.5].map((h) => b.bottle(b.at(2026, 4, 10, Math.floor(h), (h % 1) * 60)));
    const [insight] = detectPatterns({ activities: [...sleepDays(1, 10), ...feeds], child, now, dayStartHour: 6 });
    expect(insight).toEqual({
      kind: "cluster_feeding",
      severity: "info",
      childId: "c1",
      day: "2026-04-10",
      messageKey: "insights.cluster_feeding",
      values: { feeds: 4, hour: 17, minutes: 150 },
    });
    // Spread over the day they are ordinary feeds.
    const spread = [8, 11, 14, 17].map((h) => b.bottle(b.at(2026, 4, 10, h)));
    expect(detectPatterns({ activities: [...sleepDays(1, 10), ...spread], child, now, dayStartHour: 6 })).toEqual([]);
  });

  it("day/night confusion: more sleep by day than at night for three days", () => {
    const out: AnalyticsEntry[] = [];
    for (let d = 8; d <= 10; d++) {
      out.push(b.sleep(b.at(2026, 4, d, 8), b.at(2026, 4, d, 12)));
      out.push(b.sleep(b.at(2026, 4, d, 13), b.at(2026, 4, d, 18)));
      out.push(b.sleep(b.at(2026, 4, d, 22), b.at(2026, 4, d + 1, 1)));
    }
    const insights = detectPatterns({ activities: out, child, now, dayStartHour: 6 });
    expect(insights.find((i) => i.kind === "day_night_confusion")?.values).toEqual({ dayMinutes: 540, nightMinutes: 180 });
  });

  it("schedule shift: bedtime an hour later over the last three days", () => {
    const insights = detectPatterns({ activities: [...sleepDays(1, 7), ...sleepDays(8, 10, 60)], child, now, dayStartHour: 6 });
    expect(insights.filter((i) => i.kind === "schedule_shift").map((i) => i.values)).toEqual([
      { what: "bedtime", direction: "later", minutes: 60 },
      { what: "wake", direction: "later", minutes: 60 },
    ]);
  });

  it("sleep regression: total sleep down by a fifth against the week before", () => {
    const insights = detectPatterns({ activities: [...sleepDays(1, 7), ...sleepDays(8, 10, 0, 7.5)], child, now, dayStartHour: 6 });
    const regression = insights.find((i) => i.kind === "sleep_regression");
    // Usual day: 3 h of naps + 10 h 30 of its night before 06:00 + 30 min of the night before (the 1st lacks it): 836 min.
    // The last three: the 8th still has 30 min of the 7th's long night (660), then 630, 630 → 640 min, 23% less.
    expect(regression).toMatchObject({ severity: "info", values: { usualMinutes: 836, recentMinutes: 640, dropPercent: 23 } });
    expect(kinds(insights)).not.toContain("day_night_confusion");
  });
});
