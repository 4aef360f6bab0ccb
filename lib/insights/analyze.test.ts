import { describe, expect, it } from "vitest";
import { entryBuilder } from "@/lib/analytics/test-entries";
import type { AnalyticsEntry } from "@/lib/analytics/types";
import { analyzeChild, SNAPSHOT_DAYS } from "./analyze";

const tz = "Europe/Madrid";
const b = entryBuilder(tz);
const child = { id: "c1", birthDate: "2026-03-01", timezone: tz, gestationalAgeWeeks: null };
const now = new Date(b.at(2026, 3, 20, 10));

function feedsEvery3h(fromDay: number, toDay: number): AnalyticsEntry[] {
  const out: AnalyticsEntry[] = [];
  for (let d = fromDay; d <= toDay; d++) for (let h = 0; h < 24; h += 3) out.push(b.bottle(b.at(2026, 3, d, h, 30), 90));
  return out.filter((e) => Date.parse(e.startedAt) < now.getTime());
}

describe("analyzeChild", () => {
  it("gives a week of totals, next feed and sleep predictions, and yesterday's summary", () => {
    const entries = [...feedsEvery3h(12, 20), b.diaper(b.at(2026, 3, 19, 9), true)];
    const a = analyzeChild({ child, entries, now, dayStartHour: 6 });
    expect(a.today).toBe("2026-03-20");
    expect(a.days.map((d) => d.date)).toEqual([
      "2026-03-14",
      "2026-03-15",
      "2026-03-16",
      "2026-03-17",
      "2026-03-18",
      "2026-03-19",
      "2026-03-20",
    ]);
    expect(a.days).toHaveLength(SNAPSHOT_DAYS);
    expect(a.days[5]).toMatchObject({ feeds: 8, bottleMl: 720, wetDiapers: 1 });
    expect(a.rolling?.date).toBe("2026-03-20");
    expect(a.predictions.nextFeed).not.toBeNull();
    const summary = a.insights.find((i) => i.code === "daily_summary");
    expect(summary).toMatchObject({ date: "2026-03-19", message: { key: "insights.daily_summary", values: { feeds: 8, wetDiapers: 1 } } });
  });

  it("says nothing about a day without entries, and raises the fever alert with its source and a stable key", () => {
    const fever: AnalyticsEntry = {
      id: "t1",
      type: "temperature",
      startedAt: b.at(2026, 3, 20, 8),
      endedAt: null,
      details: { celsius: 38.4 },
    };
    const a = analyzeChild({ child, entries: [fever], now, dayStartHour: 6 });
    expect(a.insights).toEqual([]);
    const alert = a.alerts.find((x) => x.code === "fever_under_3_months");
    expect(alert).toMatchObject({ severity: "urgent", key: "fever_under_3_months:t1", message: { key: "alerts.fever_under_3_months" } });
    expect(alert!.source).toMatch(/\S/);
    // The same input again gives the same keys: a refresh does not raise it twice.
    expect(analyzeChild({ child, entries: [fever], now, dayStartHour: 6 }).alerts.map((x) => x.key)).toEqual(a.alerts.map((x) => x.key));
  });
});
