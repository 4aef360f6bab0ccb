import { describe, expect, it } from "vitest";
import { CHART_PERCENTILES, percentileCurves, sampleDays } from "./curves";
import { lmsAtDay } from "./tables";

describe("percentile curves for the charts", () => {
  it("samples both ends and both sides of the length/height switch", () => {
    const days = sampleDays(0, 900, 30);
    expect(days[0]).toBe(0);
    expect(days.at(-1)).toBe(900);
    expect(days).toContain(730);
    expect(days).toContain(731);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });
  it("draws 3rd, 15th, 50th, 85th and 97th, the median on M, in order", () => {
    const curves = percentileCurves({ table: "wfa", sex: "female", days: [0, 100, 365] });
    expect(curves.map((c) => c.percentile)).toEqual([...CHART_PERCENTILES]);
    expect(curves[2].points.map((p) => p.value)).toEqual([0, 100, 365].map((d) => lmsAtDay("wfa", "female", d)!.M));
    for (let i = 1; i < curves.length; i++) {
      curves[i].points.forEach((p, j) => expect(p.value).toBeGreaterThan(curves[i - 1].points[j].value));
    }
  });
});
