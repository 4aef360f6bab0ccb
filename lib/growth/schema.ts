import { z } from "zod";

export const growthParamsSchema = z.object({ id: z.uuid() });

/** A z-score (2 decimals, as WHO Anthro reports it) and its percentile 0–100 (2 decimals). */
export const growthScoreSchema = z.object({ z: z.number(), percentile: z.number() });

const score = growthScoreSchema.nullable();

export const growthMeasurementSchema = z.object({
  /** The growth entry (activity) this row scores. */
  id: z.uuid(),
  measuredAt: z.string(),
  /** The measurement's calendar date in the child's time zone. */
  date: z.iso.date(),
  ageDays: z.number().int(),
  /** Age the standards were read at when corrected for prematurity (born < 37 weeks, until 24 months corrected); else null. */
  correctedAgeDays: z.number().int().nullable(),
  /** Recumbent length under 24 months, standing height from 24 months. */
  measure: z.enum(["length", "height"]),
  weightGrams: z.number().nullable(),
  lengthMm: z.number().nullable(),
  headMm: z.number().nullable(),
  lengthPosition: z.enum(["recumbent", "standing"]).nullable(),
  bmi: z.number().nullable(),
  weightForAge: score,
  lengthForAge: score,
  headForAge: score,
  /** Weight-for-length under 24 months, weight-for-height from 24 months. */
  weightForLength: score,
  bmiForAge: score,
});
export type GrowthMeasurement = z.infer<typeof growthMeasurementSchema>;

export const childGrowthSchema = z.object({
  childId: z.uuid(),
  sex: z.enum(["female", "male"]),
  birthDate: z.iso.date(),
  gestationalAgeWeeks: z.number().int().nullable(),
  standard: z.literal("WHO Child Growth Standards 2006"),
  /** Oldest first. */
  items: z.array(growthMeasurementSchema),
});
export type ChildGrowth = z.infer<typeof childGrowthSchema>;
