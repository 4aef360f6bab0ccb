import { z } from "zod";
import { allergens } from "./allergens";

export { allergens };

export const activityTypes = [
  "feeding",
  "sleep",
  "diaper",
  "growth",
  "pumping",
  "medication",
  "temperature",
  "tummy_time",
  "note",
] as const;
export type ActivityType = (typeof activityTypes)[number];

/** Plausibility bounds in SI units: a 5 l bottle or a 60 kg baby is a typo, not data. */
export const LIMITS = {
  bottleMl: 500,
  pumpMlPerSide: 500,
  breastSecondsPerSide: 4 * 3600,
  solidsG: 1000,
  weightGrams: { min: 300, max: 35_000 },
  lengthMm: { min: 200, max: 1300 },
  headMm: { min: 150, max: 600 },
  celsius: { min: 30, max: 45 },
  maxDurationMs: 24 * 3600_000,
  futureSkewMs: 60 * 60_000,
} as const;

const shortText = (max: number) => z.string().trim().min(1).max(max);

const breastDetails = z
  .object({
    method: z.literal("breast"),
    leftSeconds: z.number().int().min(0).max(LIMITS.breastSecondsPerSide).optional(),
    rightSeconds: z.number().int().min(0).max(LIMITS.breastSecondsPerSide).optional(),
    lastSide: z.enum(["left", "right"]).optional(),
  })
  .strict();

const bottleDetails = z
  .object({
    method: z.literal("bottle"),
    amountMl: z.number().positive().max(LIMITS.bottleMl),
    milk: z.enum(["breast_milk", "formula", "mixed"]),
  })
  .strict();

const solidsDetails = z
  .object({
    method: z.literal("solids"),
    foods: z.array(shortText(60)).min(1).max(20),
    amountG: z.number().positive().max(LIMITS.solidsG).optional(),
    reaction: z.enum(["liked", "neutral", "disliked", "allergic"]).optional(),
    allergens: z
      .array(z.enum(allergens))
      .max(allergens.length)
      .refine((list) => new Set(list).size === list.length, { params: { i18n: "invalid" } })
      .optional(),
  })
  .strict();

export const detailsSchemas = {
  feeding: z.discriminatedUnion("method", [breastDetails, bottleDetails, solidsDetails]),
  sleep: z.object({ location: shortText(60).optional(), quality: z.enum(["good", "fair", "poor"]).optional() }).strict(),
  diaper: z
    .object({
      wet: z.boolean(),
      dirty: z.boolean(),
      color: z.enum(["yellow", "green", "brown", "black", "red", "white", "orange"]).optional(),
      consistency: z.enum(["watery", "runny", "mushy", "soft", "formed", "hard"]).optional(),
      rash: z.boolean().optional(),
    })
    .strict(),
  growth: z
    .object({
      weightGrams: z.number().int().min(LIMITS.weightGrams.min).max(LIMITS.weightGrams.max).optional(),
      lengthMm: z.number().min(LIMITS.lengthMm.min).max(LIMITS.lengthMm.max).optional(),
      headMm: z.number().min(LIMITS.headMm.min).max(LIMITS.headMm.max).optional(),
      // How the length was taken (WHO: lying under 24 months, standing after); omitted = as expected for the age.
      lengthPosition: z.enum(["recumbent", "standing"]).optional(),
    })
    .strict()
    .refine((g) => g.weightGrams !== undefined || g.lengthMm !== undefined || g.headMm !== undefined, {
      params: { i18n: "at_least_one_measure" },
    }),
  pumping: z
    .object({
      leftMl: z.number().min(0).max(LIMITS.pumpMlPerSide).optional(),
      rightMl: z.number().min(0).max(LIMITS.pumpMlPerSide).optional(),
    })
    .strict(),
  medication: z
    .object({
      name: shortText(80),
      dose: z.number().positive().max(10_000),
      unit: z.enum(["ml", "mg", "drops", "tablet", "puff", "sachet", "iu"]),
    })
    .strict(),
  temperature: z
    .object({
      celsius: z.number().min(LIMITS.celsius.min).max(LIMITS.celsius.max),
      method: z.enum(["rectal", "axillary", "oral", "ear", "forehead"]).optional(),
    })
    .strict(),
  tummy_time: z.object({}).strict(),
  note: z.object({ text: shortText(2000) }).strict(),
} as const satisfies Record<ActivityType, z.ZodType>;

export type ActivityDetails = { [K in ActivityType]: z.infer<(typeof detailsSchemas)[K]> };

const isoTime = z.iso.datetime({ offset: true });

const activityCommon = {
  id: z.uuid().optional(),
  childId: z.uuid(),
  startedAt: isoTime,
  endedAt: isoTime.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
};

const variants = activityTypes.map((type) =>
  z.object({ ...activityCommon, type: z.literal(type), details: detailsSchemas[type] }).strict(),
) as unknown as [z.ZodObject, ...z.ZodObject[]];

type ActivityVariant = {
  [K in ActivityType]: {
    id?: string;
    childId: string;
    type: K;
    startedAt: string;
    endedAt?: string | null;
    notes?: string | null;
    details: ActivityDetails[K];
  };
}[ActivityType];

/** Time rules shared by create and update: no end before start, no day-long entries, no far future. */
export function checkTimes(value: { startedAt: string; endedAt?: string | null }, ctx: z.RefinementCtx, now = Date.now()) {
  const start = Date.parse(value.startedAt);
  if (start > now + LIMITS.futureSkewMs) ctx.addIssue({ code: "custom", path: ["startedAt"], params: { i18n: "in_future" } });
  if (value.endedAt) {
    const end = Date.parse(value.endedAt);
    if (end < start) ctx.addIssue({ code: "custom", path: ["endedAt"], params: { i18n: "ended_before_started" } });
    else if (end - start > LIMITS.maxDurationMs) ctx.addIssue({ code: "custom", path: ["endedAt"], params: { i18n: "too_long_duration" } });
    if (end > now + LIMITS.futureSkewMs) ctx.addIssue({ code: "custom", path: ["endedAt"], params: { i18n: "in_future" } });
  }
}

export const createActivitySchema = (z.discriminatedUnion("type", variants) as unknown as z.ZodType<ActivityVariant>).superRefine(
  (value, ctx) => checkTimes(value, ctx),
);
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

export const updateActivitySchema = z
  .object({
    version: z.number().int().positive(),
    startedAt: isoTime.optional(),
    endedAt: isoTime.nullable().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

/** The earliest instant a filter or cursor may name: PostgreSQL rejects year 0, which zod's ISO format allows. */
export const EARLIEST_QUERY_TIME = Date.UTC(1900, 0, 1);
export const queryTime = isoTime.refine((t) => Date.parse(t) >= EARLIEST_QUERY_TIME, { params: { i18n: "invalid" } });

export const listActivitiesQuerySchema = z.object({
  childId: z.uuid(),
  type: z.enum(activityTypes).optional(),
  from: queryTime.optional(),
  to: queryTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const activitySchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  childId: z.uuid(),
  type: z.enum(activityTypes),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  notes: z.string().nullable(),
  createdById: z.uuid(),
  updatedById: z.uuid(),
  version: z.number().int(),
  seq: z.number().int(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityDto = z.infer<typeof activitySchema>;
