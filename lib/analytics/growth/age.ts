/** Ages for the WHO growth standards: whole days, corrected for prematurity where it applies. */

/** WHO Anthro's month: 365.25 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;
/** Born before 37 completed weeks is preterm (WHO). */
export const PRETERM_BELOW_WEEKS = 37;
/** Corrected age counts from the due date, 40 weeks of gestation. */
export const TERM_WEEKS = 40;
/** Prematurity is corrected for until 24 months of corrected age (AAP, "Age terminology during the perinatal period", 2004). */
export const CORRECT_UNTIL_DAYS = 731;
/** The standards cover birth to 5 years; WHO Anthro computes z-scores for ages under 60 months. */
export const MAX_AGE_MONTHS = 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Whole days from the birth date to the (local) measurement date. */
export function ageInDays(birthDate: string, measuredOn: string): number {
  return dayNumber(measuredOn) - dayNumber(birthDate);
}

/** WHO Anthro rounds age in days half up (anthro round_up) before looking up a daily table row. */
export function roundAgeDays(days: number): number {
  return Math.floor(days) + (days - Math.floor(days) >= 0.5 ? 1 : 0);
}

export type AssessmentAge = {
  /** The age the standards are read at: corrected while correction applies, else chronological. */
  days: number;
  chronologicalDays: number;
  corrected: boolean;
};

/**
 * The age to compare a child with the standards at. A baby born before 37 weeks is compared at
 * corrected age — chronological age minus the weeks born early (40 − gestational weeks) — until
 * 24 months of corrected age; from then on (and for babies born at term) at chronological age.
 * A corrected age below 0 (measured before the due date) is returned as is: the WHO standards
 * start at term birth, so the age-based indicators do not apply to it.
 */
export function assessmentAge({
  chronologicalDays,
  gestationalWeeks,
}: {
  chronologicalDays: number;
  gestationalWeeks?: number | null;
}): AssessmentAge {
  if (gestationalWeeks == null || gestationalWeeks >= PRETERM_BELOW_WEEKS)
    return { days: chronologicalDays, chronologicalDays, corrected: false };
  const corrected = chronologicalDays - (TERM_WEEKS - gestationalWeeks) * 7;
  if (corrected >= CORRECT_UNTIL_DAYS) return { days: chronologicalDays, chronologicalDays, corrected: false };
  return { days: corrected, chronologicalDays, corrected: true };
}
