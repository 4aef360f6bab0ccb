import { ageInDays, assessGrowth, type Score } from "@/lib/analytics/growth";
import { wallClock } from "@/lib/time/zoned";
import type { GrowthMeasurement } from "./schema";

export type GrowthChild = { sex: "female" | "male"; birthDate: string; gestationalAgeWeeks: number | null; timezone: string };
export type GrowthEntry = { id: string; startedAt: string; details: Record<string, unknown> };

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const rounded = (s: Score | null) => (s ? { z: round(s.z, 2), percentile: round(s.percentile, 2) } : null);

function localDate(instant: string, timeZone: string): string {
  const w = wallClock(new Date(instant), timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * Each growth entry scored against the WHO standards: storage units (g, mm) to the standards'
 * (kg, cm), age from the birth date to the entry's date in the child's zone, corrected for
 * prematurity from the child's gestational age. Pure, so the API and the dashboard agree.
 */
export function scoreGrowthEntries(child: GrowthChild, entries: GrowthEntry[]): GrowthMeasurement[] {
  return entries.map((e) => {
    const weightGrams = num(e.details.weightGrams);
    const lengthMm = num(e.details.lengthMm);
    const headMm = num(e.details.headMm);
    const position = e.details.lengthPosition === "recumbent" || e.details.lengthPosition === "standing" ? e.details.lengthPosition : null;
    const date = localDate(e.startedAt, child.timezone);
    const ageDays = ageInDays(child.birthDate, date);
    const a = assessGrowth({
      sex: child.sex,
      ageDays,
      gestationalWeeks: child.gestationalAgeWeeks,
      weightKg: weightGrams === null ? null : weightGrams / 1000,
      lengthCm: lengthMm === null ? null : lengthMm / 10,
      headCm: headMm === null ? null : headMm / 10,
      position,
    });
    return {
      id: e.id,
      measuredAt: e.startedAt,
      date,
      ageDays,
      correctedAgeDays: a.corrected ? a.ageDays : null,
      measure: a.measure,
      weightGrams,
      lengthMm,
      headMm,
      lengthPosition: position,
      bmi: a.bmi === null ? null : round(a.bmi, 2),
      weightForAge: rounded(a.weightForAge),
      lengthForAge: rounded(a.lengthForAge),
      headForAge: rounded(a.headForAge),
      weightForLength: rounded(a.weightForLength),
      bmiForAge: rounded(a.bmiForAge),
    };
  });
}
