import { z } from "zod";

const isoDate = z.iso.date();

/** Longest summary window one request may ask for (a quarter). */
export const MAX_SUMMARY_DAYS = 92;

export const summaryQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], params: { i18n: "ended_before_started" } });
    else if (days > MAX_SUMMARY_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], params: { i18n: "range_too_long", values: { max: MAX_SUMMARY_DAYS } } });
  });
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

/** A translatable message (lib/analytics/types.ts MessageRef): a messages key and its ICU values. */
export const messageRefSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type MessageRef = z.infer<typeof messageRefSchema>;

/** One prediction: the time, its 80% interval and the one-line reason; null without enough data (or while asleep, for sleep). */
export const predictionSchema = z.object({ at: z.string(), low: z.string(), high: z.string(), reason: messageRefSchema }).nullable();
export type Prediction = z.infer<typeof predictionSchema>;

export const predictionsSchema = z.object({
  childId: z.uuid(),
  computedAt: z.string(),
  /** The family seq the predictions were computed at (newer entries make them stale). */
  seq: z.number().int(),
  nextFeed: predictionSchema,
  nextSleep: predictionSchema,
});
export type ChildPredictions = z.infer<typeof predictionsSchema>;

export const insightSchema = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  /** What was found, e.g. "cluster_feeding", "day_night_confusion", "daily_summary". */
  code: z.string(),
  /** The child's local day it is about. */
  date: z.string(),
  message: messageRefSchema,
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type Insight = z.infer<typeof insightSchema>;

export const alertSeveritySchema = z.enum(["info", "warning", "urgent"]);

export const alertSchema = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  code: z.string(),
  severity: alertSeveritySchema,
  date: z.string(),
  message: messageRefSchema,
  /** Where the threshold comes from (guideline, publication). */
  source: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

/** Totals of one of the child's days (from the family's day-start hour, in the child's zone). */
export const dayTotalsSchema = z.object({ date: z.string(), start: z.string(), end: z.string() }).catchall(z.unknown());

export const summarySchema = z.object({
  childId: z.uuid(),
  timeZone: z.string(),
  dayStartHour: z.number().int(),
  from: z.string(),
  to: z.string(),
  days: z.array(dayTotalsSchema),
  /** Per day of `days`: the average per day over the 7 days ending on it. */
  rolling7: z.array(z.object({ date: z.string(), days: z.number().int() }).catchall(z.unknown())),
});
export type ChildSummary = z.infer<typeof summarySchema>;

export const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

/** API responses: each message reference also comes as text in the request's language. */
const presentedPrediction = z
  .object({ at: z.string(), low: z.string(), high: z.string(), reason: messageRefSchema, reasonText: z.string() })
  .nullable();
export const predictionsResponseSchema = z.object({
  predictions: predictionsSchema.extend({ nextFeed: presentedPrediction, nextSleep: presentedPrediction }),
});
export const insightsResponseSchema = z.object({ items: z.array(insightSchema.extend({ text: z.string() })) });
export const alertsResponseSchema = z.object({ items: z.array(alertSchema.extend({ text: z.string() })) });
export const summaryResponseSchema = z.object({ summary: summarySchema });
