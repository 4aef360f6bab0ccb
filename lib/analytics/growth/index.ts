export { ageInDays, assessmentAge, DAYS_PER_MONTH, PRETERM_BELOW_WEEKS, CORRECT_UNTIL_DAYS } from "./age";
export {
  assessGrowth,
  adjustLength,
  weightForAge,
  lengthForAge,
  headForAge,
  bmiForAge,
  weightForLength,
  type GrowthAssessment,
  type GrowthInput,
  type GrowthScores,
  type Position,
} from "./assess";
export { CHART_PERCENTILES, percentileCurves, sampleDays, type PercentileCurve, type CurvePoint } from "./curves";
export { lmsValue, lmsZ, normalCdf, normalQuantile, restrictedZ, toScore, type Lms, type Score } from "./lms";
export { HEIGHT_FROM_DAY, lmsAtDay, lmsAtSize, tableRange, type AgeTable, type Sex, type SizeTable } from "./tables";
