import { currentDate, shiftDate } from "@/lib/analytics/day-range";
import { HISTORY_DAYS, predictNext, type Predictions } from "@/lib/analytics/predictions";
import { dailyTotals, rollingTotals, type DailyTotals, type RollingTotals } from "@/lib/analytics/totals";
import type { AnalyticsChild, AnalyticsEntry } from "@/lib/analytics/types";
import { detectFindings } from "./findings";
import type { MessageRef } from "./schema";

/** Days of totals kept in the snapshot (and the rolling averages over them). */
export const SNAPSHOT_DAYS = 7;
/**
 * The most history any analysis reads: predictions weigh the last HISTORY_DAYS, patterns compare a day
 * with the 10 before it, alerts look back a day (and at the first weights while under 6 weeks).
 * Longer histories are cut to this before analysing, so the cost does not grow with the log.
 */
export const ANALYSIS_WINDOW_DAYS = Math.max(45, HISTORY_DAYS + 2);

/** `key`, when given, names the occurrence (otherwise code + date): one document, one announcement. */
export type InsightDraft = { code: string; key?: string; date: string; message: MessageRef; data: Record<string, unknown> };
export type AlertDraft = InsightDraft & { severity: "info" | "warning" | "urgent"; source: string };

export type ChildAnalysis = {
  computedAt: string;
  today: string;
  days: DailyTotals[];
  rolling: RollingTotals | null;
  predictions: Predictions;
  insights: InsightDraft[];
  alerts: AlertDraft[];
};

/**
 * Everything the worker derives from a child's history, as plain data: the last days' totals
 * and their 7-day average, the next feed and sleep, and the insights and alerts that hold now.
 * Pure: the caller loads the entries (enough history for the model) and stores the result.
 */
export function analyzeChild({
  child,
  entries: history,
  now,
  dayStartHour,
}: {
  child: AnalyticsChild;
  entries: AnalyticsEntry[];
  now: Date;
  dayStartHour: number;
}): ChildAnalysis {
  const horizon = now.getTime() - ANALYSIS_WINDOW_DAYS * 86_400_000;
  const entries = history.filter((e) => Date.parse(e.startedAt) >= horizon);
  const today = currentDate(now, child.timezone, dayStartHour);
  const days = dailyTotals({
    entries,
    timeZone: child.timezone,
    dayStartHour,
    from: shiftDate(today, -(SNAPSHOT_DAYS - 1)),
    to: today,
    now,
  });
  const rolling = rollingTotals(days, SNAPSHOT_DAYS).at(-1) ?? null;
  const predictions = predictNext({ activities: entries, child, now });
  const { insights, alerts } = detectFindings({ child, entries, days, now, dayStartHour, today });
  return { computedAt: now.toISOString(), today, days, rolling, predictions, insights, alerts };
}
