import { getFormatter, getTranslations } from "next-intl/server";
import type { DayPoint } from "@/lib/analytics/daily-series";
import { HeatMap } from "@/components/charts/heat-map";
import styles from "./dashboard.module.css";

/** Rows of days, columns of hours from the day-start hour: when the child sleeps and eats. */
export async function HeatMapCard({ days, dir }: { days: DayPoint[]; dir: "ltr" | "rtl" }) {
  const [t, tc, format] = await Promise.all([getTranslations("dashboard"), getTranslations("charts"), getFormatter()]);
  const hourLabel = (hour: number) => format.dateTime(new Date(Date.UTC(2000, 0, 1, hour)), { timeZone: "UTC", hour: "numeric" });
  const columns = days[0]?.hours.map((h) => h.hour) ?? [];
  const totals = columns.map((_, i) => ({
    sleep: days.reduce((s, d) => s + d.hours[i].sleepMinutes, 0),
    feeds: days.reduce((s, d) => s + d.hours[i].feeds, 0),
  }));
  const peak = (key: "sleep" | "feeds") => totals.reduce((best, v, i) => (v[key] > totals[best][key] ? i : best), 0);
  const anything = totals.some((v) => v.sleep > 0 || v.feeds > 0);
  const summary = anything
    ? t("heatMap.summary", { days: days.length, sleepHour: hourLabel(columns[peak("sleep")]), feedHour: hourLabel(columns[peak("feeds")]) })
    : t("heatMap.summaryEmpty", { days: days.length });

  return (
    <section className={`${styles.card} ${styles.wide}`} aria-labelledby="heat-heading" data-testid="heat-map-card">
      <h2 id="heat-heading">{t("heatMap.title")}</h2>
      <HeatMap
        summary={summary}
        dir={dir}
        hours={columns.map((hour, i) => ({ label: hourLabel(hour), tick: i % 3 === 0 }))}
        rows={days.map((d) => ({
          key: d.date,
          label: format.dateTime(new Date(`${d.date}T12:00:00Z`), { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }),
          tick: format.dateTime(new Date(`${d.date}T12:00:00Z`), { timeZone: "UTC", day: "numeric", month: "short" }),
          cells: d.hours,
        }))}
        legend={{ sleep: t("heatMap.legendSleep"), feeds: t("heatMap.legendFeeds") }}
        tables={{ sleepCaption: t("heatMap.sleepCaption"), feedsCaption: t("heatMap.feedsCaption"), day: tc("day") }}
        formatNumber={(v) => format.number(v)}
      />
    </section>
  );
}
