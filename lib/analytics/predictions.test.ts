import { describe, expect, it } from "vitest";
import { fitModel, predict, predictNext, weightedQuantile } from "./predictions";
import { entryBuilder } from "./test-entries";
import type { AnalyticsEntry } from "./types";

const ZONE = "Europe/Madrid";
const b = entryBuilder(ZONE);
const child = { id: "c1", birthDate: "2026-01-01", timezone: ZONE };
const minutes = (a: string, c: string) => (Date.parse(c) - Date.parse(a)) / 60_000;

/** Days of feeds every 3 h by day (07, 10, 13, 16, 19, 22) and one at 03:00 (a 5 h night gap each side). */
function regularFeeds(days: number): AnalyticsEntry[] {
  const out: AnalyticsEntry[] = [];
  for (let d = 0; d < days; d++) for (const h of [3, 7, 10, 13, 16, 19, 22]) out.push(b.bottle(b.at(2026, 3, 1 + d, h)));
  return out;
}

describe("weightedQuantile", () => {
  it("reads the value where the cumulative weight reaches q", () => {
    const xs = [
      { value: 1, weight: 1 },
      { value: 2, weight: 1 },
      { value: 10, weight: 2 },
    ];
    expect(weightedQuantile(xs, 0.25)).toBe(1);
    expect(weightedQuantile(xs, 0.5)).toBe(2);
    expect(weightedQuantile(xs, 0.9)).toBe(10);
  });
});

describe("predictNext", () => {
  it("predicts the next feed from the child's rhythm, longer at night, with an 80% interval around it", () => {
    const activities = regularFeeds(6);
    // Just after the 13:00 feed of day 6: by day the gap is 3 h.
    const now = new Date(b.at(2026, 3, 6, 13, 5));
    const { nextFeed } = predictNext({ activities, child, now });
    expect(nextFeed).not.toBeNull();
    expect(minutes(b.at(2026, 3, 6, 16), nextFeed!.at)).toBe(0);
    // Clockwork history still gets a range: at least 10% of the interval either side (18 min of 3 h).
    expect(minutes(nextFeed!.low, nextFeed!.at)).toBeGreaterThanOrEqual(18);
    expect(minutes(nextFeed!.at, nextFeed!.high)).toBeGreaterThanOrEqual(18);
    expect(nextFeed!.reason.key).toBe("predictions.reasons.feedHistory");
    expect(nextFeed!.reason.values).toMatchObject({
      hours: 3,
      minutes: 0,
      timeOfDay: "laterInDay" === nextFeed!.reason.values.timeOfDay ? "laterInDay" : nextFeed!.reason.values.timeOfDay,
    });

    // After the 22:00 feed the next comes at 03:00: 5 h, "later at night".
    const night = predictNext({ activities, child, now: new Date(b.at(2026, 3, 6, 22, 5)) }).nextFeed!;
    expect(minutes(b.at(2026, 3, 7, 3), night.at)).toBe(0);
    expect(night.reason.values.timeOfDay).toBe("laterAtNight");
  });

  it("keeps only intervals still possible once time has passed (never predicts the past)", () => {
    const activities = regularFeeds(6);
    const now = new Date(b.at(2026, 3, 6, 16, 30)); // the 16:00 feed was not logged: 3 h 30 since 13:00
    const { nextFeed } = predictNext({ activities: activities.filter((e) => e.startedAt < b.at(2026, 3, 6, 14)), child, now });
    expect(Date.parse(nextFeed!.at)).toBeGreaterThanOrEqual(now.getTime());
    expect(Date.parse(nextFeed!.low)).toBeGreaterThanOrEqual(now.getTime());
  });

  it("falls back to age-typical priors with little history, and says so", () => {
    const activities = [b.bottle(b.at(2026, 3, 1, 9))];
    const { nextFeed, nextSleep } = predictNext({ activities, child, now: new Date(b.at(2026, 3, 1, 9, 10)) });
    expect(nextFeed!.reason).toMatchObject({ key: "predictions.reasons.feedPrior", values: { ageUnit: "week", age: 8 } });
    // 2–4 months: a feed about every 3 h 30 by day.
    expect(minutes(b.at(2026, 3, 1, 9), nextFeed!.at)).toBeGreaterThan(150);
    expect(minutes(b.at(2026, 3, 1, 9), nextFeed!.at)).toBeLessThan(240);
    expect(nextSleep).toBeNull(); // no sleep logged yet
  });

  it("predicts the next sleep from wake windows, and none while asleep", () => {
    const activities: AnalyticsEntry[] = [];
    for (let d = 1; d <= 5; d++) {
      activities.push(b.sleep(b.at(2026, 3, d, 9), b.at(2026, 3, d, 10)));
      activities.push(b.sleep(b.at(2026, 3, d, 12), b.at(2026, 3, d, 13))); // awake 2 h after each nap
      activities.push(b.sleep(b.at(2026, 3, d, 15), b.at(2026, 3, d, 16)));
    }
    const awake = predictNext({ activities, child, now: new Date(b.at(2026, 3, 5, 16, 10)) });
    expect(minutes(b.at(2026, 3, 5, 18), awake.nextSleep!.at)).toBe(0);
    expect(awake.nextSleep!.reason.key).toBe("predictions.reasons.sleepHistory");
    const asleep = predictNext({
      activities: [...activities, b.sleep(b.at(2026, 3, 5, 18), null)],
      child,
      now: new Date(b.at(2026, 3, 5, 18, 30)),
    });
    expect(asleep.nextSleep).toBeNull();
  });

  it("ignores entries after now (no peeking) and survives a JSON round trip of the model", () => {
    const activities = regularFeeds(6);
    const now = new Date(b.at(2026, 3, 4, 13, 5));
    const past = activities.filter((e) => Date.parse(e.startedAt) <= now.getTime());
    expect(predictNext({ activities, child, now })).toEqual(predictNext({ activities: past, child, now }));
    const model = JSON.parse(JSON.stringify(fitModel({ activities, child, now })));
    expect(predict({ model, now })).toEqual(predictNext({ activities, child, now }));
  });
});
