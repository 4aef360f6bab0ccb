import { describe, expect, it } from "vitest";
import { evaluateAlerts, expectedWetDiapers } from "./alerts";
import { entryBuilder } from "./test-entries";

const ZONE = "Europe/London";
const b = entryBuilder(ZONE);
const child = { id: "c1", birthDate: "2026-05-01", timezone: ZONE };
const kinds = (alerts: { kind: string }[]) => alerts.map((a) => a.kind);

describe("evaluateAlerts", () => {
  it("fever: 38.0 °C under 3 months is urgent, 37.9 °C is not, and not at 3 months", () => {
    const fever = b.temperature(b.at(2026, 6, 1, 10), 38.0);
    const [alert] = evaluateAlerts({
      activities: [fever, b.temperature(b.at(2026, 6, 1, 9), 37.9)],
      child,
      now: new Date(b.at(2026, 6, 1, 11)),
    });
    expect(alert).toMatchObject({
      kind: "fever_under_3_months",
      severity: "urgent",
      messageKey: "alerts.fever_under_3_months",
      values: { celsius: 38 },
      activityIds: [fever.id],
    });
    expect(alert.source).toMatch(/AAP/);
    const older = b.temperature(b.at(2026, 8, 2, 10), 38.5);
    expect(evaluateAlerts({ activities: [older], child, now: new Date(b.at(2026, 8, 2, 11)) })).toEqual([]);
    // A day later the reading no longer raises it.
    expect(evaluateAlerts({ activities: [fever], child, now: new Date(b.at(2026, 6, 2, 12)) })).toEqual([]);
  });

  it("wet diapers: one per day of life up to day 5, then six a day; only when diapers are logged", () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(expectedWetDiapers)).toEqual([1, 2, 3, 4, 5, 6, 6]);
    // Day of life 3 is 3 May; checked on the 4th.
    const now = new Date(b.at(2026, 5, 4, 9));
    const two = [b.diaper(b.at(2026, 5, 3, 8), true), b.diaper(b.at(2026, 5, 3, 14), true), b.diaper(b.at(2026, 5, 3, 15), false, true)];
    const [alert] = evaluateAlerts({ activities: two, child, now });
    expect(alert).toMatchObject({ kind: "low_wet_diapers", severity: "warning", values: { wet: 2, expected: 3, dayOfLife: 3 } });
    expect(evaluateAlerts({ activities: [...two, b.diaper(b.at(2026, 5, 3, 20), true)], child, now })).toEqual([]);
    expect(evaluateAlerts({ activities: [], child, now })).toEqual([]);
    // Day 10 with five wet diapers: fewer than six.
    const day10 = Array.from({ length: 5 }, (_, i) => b.diaper(b.at(2026, 5, 10, 8 + i * 3), true));
    expect(evaluateAlerts({ activities: day10, child, now: new Date(b.at(2026, 5, 11, 9)) })[0].values).toMatchObject({
      wet: 5,
      expected: 6,
    });
  });

  it("birth weight: still below it on day 14 or later is a warning", () => {
    const birth = b.weight(b.at(2026, 5, 1, 12), 3400);
    const day15 = b.weight(b.at(2026, 5, 16, 12), 3300);
    const [alert] = evaluateAlerts({ activities: [birth, day15], child, now: new Date(b.at(2026, 5, 16, 13)) });
    expect(alert).toMatchObject({
      kind: "birth_weight_not_regained",
      values: { grams: 3300, birthGrams: 3400, days: 15 },
      activityIds: [day15.id, birth.id],
    });
    const back = b.weight(b.at(2026, 5, 16, 12), 3450);
    expect(evaluateAlerts({ activities: [birth, back], child, now: new Date(b.at(2026, 5, 16, 13)) })).toEqual([]);
    // Below birth weight on day 8 is expected; and a birth weight given by the caller wins.
    const day8 = b.weight(b.at(2026, 5, 9, 12), 3200);
    expect(evaluateAlerts({ activities: [birth, day8], child, now: new Date(b.at(2026, 5, 9, 13)) })).toEqual([]);
    expect(kinds(evaluateAlerts({ activities: [back], child, now: new Date(b.at(2026, 5, 16, 13)), birthWeightGrams: 3500 }))).toEqual([
      "birth_weight_not_regained",
    ]);
  });

  it("feed gaps over 4 h in the first month, the one still open included", () => {
    const feeds = [b.bottle(b.at(2026, 5, 10, 6)), b.bottle(b.at(2026, 5, 10, 8)), b.bottle(b.at(2026, 5, 10, 12, 30))];
    const alerts = evaluateAlerts({ activities: feeds, child, now: new Date(b.at(2026, 5, 10, 17)) });
    expect(alerts.map((a) => a.values)).toEqual([
      { minutes: 270, ongoing: "no" },
      { minutes: 270, ongoing: "yes" },
    ]);
    expect(alerts[0].activityIds).toEqual([feeds[1].id, feeds[2].id]);
    expect(evaluateAlerts({ activities: feeds, child, now: new Date(b.at(2026, 5, 10, 14)) }).map((a) => a.values.ongoing)).toEqual(["no"]);
    // At six weeks a 4.5 h gap is normal.
    const later = [b.bottle(b.at(2026, 6, 15, 8)), b.bottle(b.at(2026, 6, 15, 12, 30))];
    expect(evaluateAlerts({ activities: later, child, now: new Date(b.at(2026, 6, 15, 13)) })).toEqual([]);
  });
});
