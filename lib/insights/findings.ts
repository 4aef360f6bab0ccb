import { evaluateAlerts } from "@/lib/analytics/alerts";
import { detectPatterns } from "@/lib/analytics/patterns";
import type { DailyTotals } from "@/lib/analytics/totals";
import type { AnalyticsChild, AnalyticsEntry } from "@/lib/analytics/types";
import type { AlertDraft, InsightDraft } from "./analyze";

/**
 * Insights and alerts that hold at `now`: the daily summary of the last complete day that had
 * entries, the patterns lib/analytics/patterns.ts detects in it, and the guardrail alerts of
 * lib/analytics/alerts.ts. Each has a stable key, so a refresh never raises the same one twice.
 */
export function detectFindings({
  child,
  entries,
  days,
  now,
  dayStartHour,
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
        key: "insights.daily_summary",
        values: {
          feeds: yesterday.feeds,
          sleepMinutes: yesterday.sleepMinutes,
          sleepHours: Math.floor(yesterday.sleepMinutes / 60),
          sleepRestMinutes: yesterday.sleepMinutes % 60,
          diapers: yesterday.diapers,
          wetDiapers: yesterday.wetDiapers,
        },
      },
      data: { severity: "info", totals: yesterday },
    });
    for (const p of detectPatterns({ activities: entries, child, now, dayStartHour, day: yesterday.date })) {
      insights.push({ code: p.kind, date: p.day, message: { key: p.messageKey, values: p.values }, data: { severity: p.severity } });
    }
  }
  const alerts: AlertDraft[] = evaluateAlerts({ activities: entries, child, now }).map((a) => ({
    code: a.kind,
    key: a.key,
    date: "date" in a && typeof a.date === "string" ? a.date : today,
    severity: a.severity,
    source: a.source,
    message: { key: a.messageKey, values: a.values },
    data: { activityIds: a.activityIds },
  }));
  return { insights, alerts };
}
