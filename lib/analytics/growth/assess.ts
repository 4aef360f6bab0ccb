import { DAYS_PER_MONTH, MAX_AGE_MONTHS, assessmentAge, roundAgeDays } from "./age";
import { lmsZ, restrictedZ, toScore, type Lms, type Score } from "./lms";
import { HEIGHT_FROM_DAY, LENGTH_HEIGHT_DIFFERENCE_CM, lmsAtDay, lmsAtSize, type AgeTable, type Sex } from "./tables";

export type Position = "recumbent" | "standing";

export type GrowthInput = {
  sex: Sex;
  /** Whole days from birth to the measurement (chronological). */
  ageDays: number;
  /** Completed weeks of gestation at birth, when known (corrects for prematurity below 37). */
  gestationalWeeks?: number | null;
  weightKg?: number | null;
  lengthCm?: number | null;
  headCm?: number | null;
  /** How the length was taken; when unknown, the position the standard expects at that age. */
  position?: Position | null;
};

export type GrowthScores = {
  weightForAge: Score | null;
  /** Length-for-age under 24 months, height-for-age from 24 months. */
  lengthForAge: Score | null;
  headForAge: Score | null;
  /** Weight-for-length under 24 months (45–110 cm), weight-for-height from 24 months (65–120 cm). */
  weightForLength: Score | null;
  bmiForAge: Score | null;
};

export type GrowthAssessment = GrowthScores & {
  /** The age the standards were read at, in days (corrected for prematurity when it applies). */
  ageDays: number;
  corrected: boolean;
  /** Which length standard applied: recumbent length under 24 months, standing height after. */
  measure: "length" | "height";
  /** The length/height the scores used, after WHO's 0.7 cm position adjustment. */
  adjustedLengthCm: number | null;
  bmi: number | null;
};

/** WHO Anthro treats a standing measurement under 9 months as a recording error: the position is ignored. */
const STANDING_FROM_MONTHS = 9;

/** The measurement in the position the standard expects at this age (WHO: ±0.7 cm). */
export function adjustLength(lengthCm: number, ageDays: number, position?: Position | null): number {
  const usable = position === "standing" && ageDays / DAYS_PER_MONTH < STANDING_FROM_MONTHS ? null : position;
  if (ageDays < HEIGHT_FROM_DAY && usable === "standing") return lengthCm + LENGTH_HEIGHT_DIFFERENCE_CM;
  if (ageDays >= HEIGHT_FROM_DAY && usable === "recumbent") return lengthCm - LENGTH_HEIGHT_DIFFERENCE_CM;
  return lengthCm;
}

const positive = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;
const inAgeRange = (days: number) => days >= 0 && days / DAYS_PER_MONTH < MAX_AGE_MONTHS;

function byAge(table: AgeTable, sex: Sex, days: number, x: number, restricted: boolean): Score | null {
  if (!positive(x) || !inAgeRange(days)) return null;
  const lms: Lms | null = lmsAtDay(table, sex, roundAgeDays(days));
  if (!lms) return null;
  return toScore(restricted ? restrictedZ(x, lms) : lmsZ(x, lms));
}

type ByAge = { sex: Sex; ageDays: number };

/** Weight-for-age (kg), restricted tails. */
export const weightForAge = ({ sex, ageDays, kg }: ByAge & { kg: number }) => byAge("wfa", sex, ageDays, kg, true);
/** Length-for-age (< 24 months) or height-for-age (cm, already adjusted for position), no tail rule. */
export const lengthForAge = ({ sex, ageDays, cm }: ByAge & { cm: number }) => byAge("lhfa", sex, ageDays, cm, false);
/** Head circumference-for-age (cm); L = 1, so the tail rule would change nothing. */
export const headForAge = ({ sex, ageDays, cm }: ByAge & { cm: number }) => byAge("hcfa", sex, ageDays, cm, false);
/** BMI-for-age (kg/m², from the adjusted length/height), restricted tails. */
export const bmiForAge = ({ sex, ageDays, bmi }: ByAge & { bmi: number }) => byAge("bfa", sex, ageDays, bmi, true);

/**
 * Weight-for-length (recumbent, 45–110 cm) under 24 months, weight-for-height (standing,
 * 65–120 cm) from 24 months; `cm` already adjusted for position; restricted tails. It does not
 * depend on age otherwise, so it stays meaningful before a preterm baby's due date.
 */
export function weightForLength({ sex, ageDays, kg, cm }: ByAge & { kg: number; cm: number }): Score | null {
  if (!positive(kg) || !positive(cm) || ageDays / DAYS_PER_MONTH >= MAX_AGE_MONTHS) return null;
  const height = ageDays >= HEIGHT_FROM_DAY;
  const inRange = height ? cm >= 65 && cm <= 120 : cm >= 45 && cm <= 110;
  const lms = inRange ? lmsAtSize(height ? "wfh" : "wfl", sex, cm) : null;
  return lms ? toScore(restrictedZ(kg, lms)) : null;
}

/**
 * Z-scores and percentiles of one measurement against the WHO Child Growth Standards, the way
 * WHO Anthro computes them: weight-based indicators with restricted tails, length/height and head
 * circumference without; length under 24 months and height from 24 months, with the 0.7 cm
 * adjustment when the position does not match the age; weight-for-length/height by the adjusted
 * size (interpolated between 0.1 cm rows); BMI from the adjusted size. Null where an indicator
 * cannot be computed (no measurement, outside the standard's range).
 */
export function assessGrowth(input: GrowthInput): GrowthAssessment {
  const age = assessmentAge({ chronologicalDays: input.ageDays, gestationalWeeks: input.gestationalWeeks });
  const days = age.days;
  const heightBased = days >= HEIGHT_FROM_DAY;
  const { sex } = input;
  const weight = positive(input.weightKg) ? input.weightKg : null;
  const length = positive(input.lengthCm) ? adjustLength(input.lengthCm, days, input.position) : null;
  const head = positive(input.headCm) ? input.headCm : null;
  const bmi = weight !== null && length !== null ? weight / (length / 100) ** 2 : null;

  return {
    ageDays: days,
    corrected: age.corrected,
    measure: heightBased ? "height" : "length",
    adjustedLengthCm: length,
    bmi,
    weightForAge: weight === null ? null : weightForAge({ sex, ageDays: days, kg: weight }),
    lengthForAge: length === null ? null : lengthForAge({ sex, ageDays: days, cm: length }),
    headForAge: head === null ? null : headForAge({ sex, ageDays: days, cm: head }),
    weightForLength: weight === null || length === null ? null : weightForLength({ sex, ageDays: days, kg: weight, cm: length }),
    bmiForAge: bmi === null ? null : bmiForAge({ sex, ageDays: days, bmi }),
  };
}
