import { lmsValue, normalQuantile } from "./lms";
import { HEIGHT_FROM_DAY, lmsAtDay, type AgeTable, type Sex } from "./tables";

/** The percentile lines of the growth charts: 3rd to 97th, as on WHO's own charts. */
export const CHART_PERCENTILES = [3, 15, 50, 85, 97] as const;

export type CurvePoint = { day: number; value: number };
export type PercentileCurve = { percentile: number; points: CurvePoint[] };

/**
 * Sample days from `fromDay` to `toDay` (about `samples` of them), always including both ends and,
 * for length/height, both sides of the switch from length to height at 24 months (the curve steps there).
 */
export function sampleDays(fromDay: number, toDay: number, samples = 60): number[] {
  const step = Math.max(1, Math.round((toDay - fromDay) / samples));
  const days = new Set<number>();
  for (let d = fromDay; d < toDay; d += step) days.add(d);
  days.add(toDay);
  if (fromDay < HEIGHT_FROM_DAY && toDay >= HEIGHT_FROM_DAY) {
    days.add(HEIGHT_FROM_DAY - 1);
    days.add(HEIGHT_FROM_DAY);
  }
  return [...days].sort((a, b) => a - b);
}

/** The measurement at each percentile on each sampled day, from the LMS table (no tail rule inside 3rd–97th). */
export function percentileCurves({
  table,
  sex,
  days,
  percentiles = CHART_PERCENTILES,
}: {
  table: AgeTable;
  sex: Sex;
  days: number[];
  percentiles?: readonly number[];
}): PercentileCurve[] {
  return percentiles.map((percentile) => {
    const z = normalQuantile(percentile / 100);
    const points: CurvePoint[] = [];
    for (const day of days) {
      const lms = lmsAtDay(table, sex, day);
      if (lms) points.push({ day, value: lmsValue(z, lms) });
    }
    return { percentile, points };
  });
}
