import { describe, expect, it } from "vitest";
import { weightForAge, lengthForAge, headForAge } from "@/lib/analytics/growth";
import { scoreGrowthEntries, type GrowthChild } from "./measurements";

const mia: GrowthChild = { sex: "female", birthDate: "2026-01-01", gestationalAgeWeeks: 39, timezone: "America/New_York" };
const round2 = (x: number) => Math.round(x * 100) / 100;

describe("scoreGrowthEntries", () => {
  it("converts g and mm to kg and cm and scores at the age of the entry's local date", () => {
    // 03:00 UTC on Feb 1 is still Jan 31 in New York: day 30.
    const [m] = scoreGrowthEntries(mia, [
      { id: "a", startedAt: "2026-02-01T03:00:00.000Z", details: { weightGrams: 4200, lengthMm: 540, headMm: 370 } },
    ]);
    expect(m).toMatchObject({ date: "2026-01-31", ageDays: 30, correctedAgeDays: null, measure: "length", lengthPosition: null });
    expect(m.weightForAge!.z).toBe(round2(weightForAge({ sex: "female", ageDays: 30, kg: 4.2 })!.z));
    expect(m.lengthForAge!.z).toBe(round2(lengthForAge({ sex: "female", ageDays: 30, cm: 54 })!.z));
    expect(m.headForAge!.percentile).toBe(round2(headForAge({ sex: "female", ageDays: 30, cm: 37 })!.percentile));
    expect(m.bmi).toBe(round2(4.2 / 0.54 ** 2));
    expect(m.weightForLength).not.toBeNull();
  });
  it("corrects a preterm child's age and honours the length position", () => {
    const [m] = scoreGrowthEntries({ ...mia, gestationalAgeWeeks: 33, timezone: "UTC" }, [
      { id: "b", startedAt: "2026-03-02T10:00:00.000Z", details: { lengthMm: 560, lengthPosition: "standing" } },
    ]);
    expect(m.ageDays).toBe(60);
    expect(m.correctedAgeDays).toBe(11);
    expect(m.lengthPosition).toBe("standing");
    // Standing under 9 months is ignored by WHO's rule, so the length is scored as measured.
    expect(m.lengthForAge!.z).toBe(round2(lengthForAge({ sex: "female", ageDays: 11, cm: 56 })!.z));
    expect(m).toMatchObject({ weightForAge: null, headForAge: null, weightForLength: null, bmiForAge: null });
  });
});
