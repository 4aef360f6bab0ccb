import { describe, expect, it } from "vitest";
import { ageInDays, assessmentAge, roundAgeDays } from "./age";
import { adjustLength, assessGrowth, headForAge, lengthForAge, weightForAge, weightForLength } from "./assess";
import { lmsValue, lmsZ } from "./lms";
import { lmsAtDay, lmsAtSize } from "./tables";

describe("age", () => {
  it("counts whole calendar days, leap days included", () => {
    expect(ageInDays("2024-02-28", "2024-03-01")).toBe(2);
    expect(ageInDays("2023-02-28", "2023-03-01")).toBe(1);
    expect(ageInDays("2024-01-01", "2026-01-01")).toBe(731);
  });
  it("rounds a fractional age half up, like WHO Anthro", () => {
    expect(roundAgeDays(10.49)).toBe(10);
    expect(roundAgeDays(10.5)).toBe(11);
  });
  it("scores ages under 60 months only", () => {
    expect(weightForAge({ sex: "female", ageDays: 1826, kg: 18 })).not.toBeNull();
    expect(weightForAge({ sex: "female", ageDays: 1827, kg: 18 })).toBeNull();
    expect(weightForAge({ sex: "female", ageDays: -1, kg: 3 })).toBeNull();
  });
});

describe("prematurity-corrected age", () => {
  it("corrects a baby born before 37 weeks by the weeks born early", () => {
    expect(assessmentAge({ chronologicalDays: 70, gestationalWeeks: 32 })).toEqual({ days: 14, chronologicalDays: 70, corrected: true });
    expect(assessmentAge({ chronologicalDays: 70, gestationalWeeks: 36 })).toEqual({ days: 42, chronologicalDays: 70, corrected: true });
  });
  it("leaves babies born at 37 weeks or later, or of unknown gestation, at chronological age", () => {
    for (const gestationalWeeks of [37, 40, 42, null, undefined]) {
      expect(assessmentAge({ chronologicalDays: 70, gestationalWeeks })).toEqual({ days: 70, chronologicalDays: 70, corrected: false });
    }
  });
  it("corrects until 24 months of corrected age", () => {
    // 28 weeks: 84 days early.
    expect(assessmentAge({ chronologicalDays: 730 + 84, gestationalWeeks: 28 })).toMatchObject({ days: 730, corrected: true });
    expect(assessmentAge({ chronologicalDays: 731 + 84, gestationalWeeks: 28 })).toMatchObject({ days: 815, corrected: false });
  });
  it("scores a preterm baby's measurements at corrected age", () => {
    const preterm = assessGrowth({ sex: "male", ageDays: 70, gestationalWeeks: 32, weightKg: 4.1, lengthCm: 53, headCm: 37 });
    expect(preterm.ageDays).toBe(14);
    expect(preterm.corrected).toBe(true);
    expect(preterm.weightForAge).toEqual(weightForAge({ sex: "male", ageDays: 14, kg: 4.1 }));
    expect(preterm.lengthForAge).toEqual(lengthForAge({ sex: "male", ageDays: 14, cm: 53 }));
    expect(preterm.headForAge).toEqual(headForAge({ sex: "male", ageDays: 14, cm: 37 }));
    // Uncorrected, the same baby would look far smaller.
    const term = assessGrowth({ sex: "male", ageDays: 70, weightKg: 4.1, lengthCm: 53, headCm: 37 });
    expect(term.weightForAge!.z).toBeLessThan(preterm.weightForAge!.z - 1);
  });
  it("before the due date, age-based indicators do not apply but weight-for-length does", () => {
    const early = assessGrowth({ sex: "female", ageDays: 10, gestationalWeeks: 30, weightKg: 1.9, lengthCm: 45 });
    expect(early.ageDays).toBe(-60);
    expect(early.weightForAge).toBeNull();
    expect(early.lengthForAge).toBeNull();
    expect(early.bmiForAge).toBeNull();
    expect(early.weightForLength).toEqual(weightForLength({ sex: "female", ageDays: 0, kg: 1.9, cm: 45 }));
  });
});

describe("length (recumbent, under 24 months) and height (standing, from 24 months)", () => {
  it("adds 0.7 cm to a standing measurement under 24 months and subtracts it from a lying one after", () => {
    expect(adjustLength(85, 730, "standing")).toBeCloseTo(85.7, 10);
    expect(adjustLength(85, 730, "recumbent")).toBe(85);
    expect(adjustLength(85, 731, "recumbent")).toBeCloseTo(84.3, 10);
    expect(adjustLength(85, 731, "standing")).toBe(85);
    expect(adjustLength(85, 731, null)).toBe(85);
  });
  it("ignores a standing position under 9 months (WHO Anthro treats it as a recording error)", () => {
    expect(adjustLength(65, 200, "standing")).toBe(65);
    expect(adjustLength(72, 280, "standing")).toBeCloseTo(72.7, 10);
  });
  it("switches standard and table at day 731", () => {
    const before = assessGrowth({ sex: "female", ageDays: 730, weightKg: 12, lengthCm: 86, position: "standing" });
    expect(before.measure).toBe("length");
    expect(before.adjustedLengthCm).toBeCloseTo(86.7, 10);
    expect(before.lengthForAge!.z).toBeCloseTo(lmsZ(86.7, lmsAtDay("lhfa", "female", 730)!), 12);
    expect(before.weightForLength!.z).toBeCloseTo(lmsZ(12, lmsAtSize("wfl", "female", 86.7)!), 12);

    const after = assessGrowth({ sex: "female", ageDays: 731, weightKg: 12, lengthCm: 86, position: "recumbent" });
    expect(after.measure).toBe("height");
    expect(after.adjustedLengthCm).toBeCloseTo(85.3, 10);
    expect(after.lengthForAge!.z).toBeCloseTo(lmsZ(85.3, lmsAtDay("lhfa", "female", 731)!), 12);
    expect(after.weightForLength!.z).toBeCloseTo(lmsZ(12, lmsAtSize("wfh", "female", 85.3)!), 12);
  });
  it("the 0.7 cm step of WHO's median is what the adjustment undoes", () => {
    const m730 = lmsAtDay("lhfa", "male", 730)!.M;
    const m731 = lmsAtDay("lhfa", "male", 731)!.M;
    expect(m730 - m731).toBeCloseTo(0.7, 1);
    // A child measured lying on both days scores the same on either side of the switch.
    const a = assessGrowth({ sex: "male", ageDays: 730, lengthCm: m730, position: "recumbent" });
    const b = assessGrowth({ sex: "male", ageDays: 731, lengthCm: m730, position: "recumbent" });
    expect(Math.abs(a.lengthForAge!.z - b.lengthForAge!.z)).toBeLessThan(0.02);
  });
  it("weight-for-length and -height keep to their tables' ranges", () => {
    expect(weightForLength({ sex: "male", ageDays: 100, kg: 2, cm: 44.9 })).toBeNull();
    expect(weightForLength({ sex: "male", ageDays: 100, kg: 20, cm: 110.1 })).toBeNull();
    expect(weightForLength({ sex: "male", ageDays: 800, kg: 7, cm: 64.9 })).toBeNull();
    expect(weightForLength({ sex: "male", ageDays: 800, kg: 22, cm: 120 })).not.toBeNull();
  });
});

describe("assessGrowth", () => {
  it("computes BMI from the adjusted length and scores it", () => {
    const a = assessGrowth({ sex: "male", ageDays: 365, weightKg: 9.6, lengthCm: 75.7 });
    expect(a.bmi).toBeCloseTo(9.6 / 0.757 ** 2, 10);
    expect(a.bmiForAge!.z).toBeCloseTo(lmsZ(a.bmi!, lmsAtDay("bfa", "male", 365)!), 12);
  });
  it("the median child is at the 50th percentile on every indicator", () => {
    const day = 180;
    const kg = lmsAtDay("wfa", "female", day)!.M;
    const cm = lmsAtDay("lhfa", "female", day)!.M;
    const head = lmsAtDay("hcfa", "female", day)!.M;
    const a = assessGrowth({ sex: "female", ageDays: day, weightKg: kg, lengthCm: cm, headCm: head });
    for (const s of [a.weightForAge, a.lengthForAge, a.headForAge]) expect(s!.percentile).toBeCloseTo(50, 10);
    expect(a.weightForLength).not.toBeNull();
  });
  it("returns null for indicators it has no measurement for", () => {
    const a = assessGrowth({ sex: "male", ageDays: 30, headCm: lmsValue(1, lmsAtDay("hcfa", "male", 30)!) });
    expect(a.headForAge!.z).toBeCloseTo(1, 12);
    expect(a).toMatchObject({ weightForAge: null, lengthForAge: null, weightForLength: null, bmiForAge: null, bmi: null });
  });
  it("uses the boys' or the girls' table by sex", () => {
    const boy = weightForAge({ sex: "male", ageDays: 90, kg: 6 })!;
    const girl = weightForAge({ sex: "female", ageDays: 90, kg: 6 })!;
    expect(girl.z).toBeGreaterThan(boy.z);
  });
});
