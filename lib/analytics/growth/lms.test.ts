import { describe, expect, it } from "vitest";
import { weightForAge, lengthForAge, weightForLength, bmiForAge } from "./assess";
import { lmsValue, lmsZ, normalCdf, normalQuantile, restrictedZ } from "./lms";
import { lmsAtDay, lmsAtSize } from "./tables";

const wfaBoysBirth = lmsAtDay("wfa", "male", 0)!;

describe("check values of ../shared/data/who/SOURCES.md (wfa, boys, day 0)", () => {
  it("reads the LMS row WHO publishes", () => {
    expect(wfaBoysBirth).toEqual({ L: 0.3487, M: 3.3464, S: 0.14602 });
  });
  it("3.3464 kg is the median: z = 0", () => {
    expect(weightForAge({ sex: "male", ageDays: 0, kg: 3.3464 })).toEqual({ z: 0, percentile: 50 });
  });
  it("2.5 kg → z = −1.899", () => {
    expect(weightForAge({ sex: "male", ageDays: 0, kg: 2.5 })!.z).toBeCloseTo(-1.899, 3);
  });
  it("4.0 kg → 89.63rd percentile", () => {
    expect(weightForAge({ sex: "male", ageDays: 0, kg: 4.0 })!.percentile).toBeCloseTo(89.63, 2);
  });
  it("5.5 kg → z = 3.768 with the restricted tail (the plain LMS z would be 3.715)", () => {
    const s = weightForAge({ sex: "male", ageDays: 0, kg: 5.5 })!;
    expect(s.z).toBeCloseTo(3.768, 3);
    expect(lmsZ(5.5, wfaBoysBirth)).toBeCloseTo(3.715, 3);
    expect(s.percentile).toBeCloseTo(100 * normalCdf(3.768), 2);
  });
});

describe("WHO's restricted tails", () => {
  const sd = (z: number) => lmsValue(z, wfaBoysBirth);

  it("follows the plain LMS z inside ±3 SD", () => {
    for (const kg of [2.1, 2.5, 3.3464, 4.2, 4.9]) expect(restrictedZ(kg, wfaBoysBirth)).toBeCloseTo(lmsZ(kg, wfaBoysBirth), 12);
  });
  it("is continuous at ±3 and measures past SD3 in SD2–SD3 steps", () => {
    expect(restrictedZ(sd(3), wfaBoysBirth)).toBeCloseTo(3, 10);
    expect(restrictedZ(sd(-3), wfaBoysBirth)).toBeCloseTo(-3, 10);
    const above = sd(3) + 2 * (sd(3) - sd(2));
    expect(restrictedZ(above, wfaBoysBirth)).toBeCloseTo(5, 10);
    const below = sd(-3) - 1.5 * (sd(-2) - sd(-3));
    expect(restrictedZ(below, wfaBoysBirth)).toBeCloseTo(-4.5, 10);
    // The skewed curve would put these elsewhere: the rule is what changes them.
    expect(Math.abs(lmsZ(above, wfaBoysBirth) - 5)).toBeGreaterThan(0.05);
    expect(Math.abs(lmsZ(below, wfaBoysBirth) + 4.5)).toBeGreaterThan(0.05);
  });
  it("applies to weight-for-length and BMI-for-age", () => {
    const wfl = lmsAtSize("wfl", "female", 60)!;
    const heavy = lmsValue(3, wfl) + 2 * (lmsValue(3, wfl) - lmsValue(2, wfl));
    expect(weightForLength({ sex: "female", ageDays: 100, kg: heavy, cm: 60 })!.z).toBeCloseTo(5, 10);
    const bfa = lmsAtDay("bfa", "male", 400)!;
    const thin = lmsValue(-3, bfa) - (lmsValue(-2, bfa) - lmsValue(-3, bfa));
    expect(bmiForAge({ sex: "male", ageDays: 400, bmi: thin })!.z).toBeCloseTo(-4, 10);
  });
  it("does not apply to length/height-for-age", () => {
    const lhfa = lmsAtDay("lhfa", "male", 200)!;
    const tall = lmsValue(4, lhfa);
    expect(lengthForAge({ sex: "male", ageDays: 200, cm: tall })!.z).toBeCloseTo(4, 10);
  });
});

describe("normal distribution", () => {
  it("Φ and Φ⁻¹ agree with known values and with each other", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalQuantile(0.97)).toBeCloseTo(1.880793608151251, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 12);
    for (const p of [1e-6, 0.001, 0.03, 0.15, 0.5, 0.85, 0.97, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13);
  });
  it("refuses percentiles outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe("weight-for-length rows", () => {
  it("reads a tenth-of-a-cm row exactly and interpolates L, M, S between rows as WHO Anthro does", () => {
    const lo = lmsAtSize("wfl", "male", 50)!;
    const hi = lmsAtSize("wfl", "male", 50.1)!;
    expect(lmsAtSize("wfl", "male", 45.3)).toEqual({ L: -0.3521, M: 2.4911, S: 0.09164 });
    expect(lo).toEqual({ L: -0.3521, M: 3.3278, S: 0.0889 });
    const mid = lmsAtSize("wfl", "male", 50.05)!;
    expect(mid.M).toBeCloseTo((lo.M + hi.M) / 2, 12);
    expect(mid.S).toBeCloseTo((lo.S + hi.S) / 2, 12);
    expect(lmsAtSize("wfl", "male", 44.9)).toBeNull();
    expect(lmsAtSize("wfl", "male", 110)).not.toBeNull();
    expect(lmsAtSize("wfl", "male", 110.05)).toBeNull();
  });
});
