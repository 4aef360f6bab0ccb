import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { loadChildPage } from "../child-page";
import { listActivitiesBetween } from "@/lib/activities/service";
import { getChildGrowth } from "@/lib/growth/queries";
import { currentDate, dayRangeOf, shiftDate } from "@/lib/analytics/day-range";
import { dailySeries } from "@/lib/analytics/daily-series";
import { dailyTotals, rollingTotals } from "@/lib/analytics/totals";
import { localeDirection } from "@/lib/i18n/config";
import { ChildTabs } from "@/components/dashboard/child-tabs";
import { DailyCharts } from "@/components/dashboard/daily-charts";
import { GrowthCharts } from "@/components/dashboard/growth-charts";
import { GrowthTable } from "@/components/dashboard/growth-table";
import { HeatMapCard } from "@/components/dashboard/heat-map-card";
import { PERIODS, PeriodPicker, type Period } from "@/components/dashboard/period-picker";
import { PrintButton } from "@/components/dashboard/print-button";
import { AlertList } from "@/components/insights/alert-list";
import { InsightList } from "@/components/insights/insight-list";
import { loadAlerts, loadInsights } from "@/components/insights/load-findings";
import { TrendsCard } from "@/components/insights/trends-card";
import styles from "@/components/dashboard/dashboard.module.css";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ child?: string; days?: string }>;
};

const DAY_MS = 24 * 3600_000;
const GROWTH_ROWS = 5;
const TREND_DAYS = 7;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("title") };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const [{ actor, user, children, child }, t, format] = await Promise.all([
    loadChildPage(locale, query.child),
    getTranslations("dashboard"),
    getFormatter(),
  ]);
  if (!child) {
    return (
      <main id="main">
        <h1>{t("title")}</h1>
        <p>{t("noChildren")}</p>
        <Link href="/children/new">{t("addChild")}</Link>
      </main>
    );
  }

  const days: Period = PERIODS.find((p) => String(p) === query.days) ?? 14;
  const { dayStartHour, units } = user.settings;
  const now = new Date();
  const lastDate = currentDate(now, child.timezone, dayStartHour);
  const firstDate = shiftDate(lastDate, 1 - days);
  const from = dayRangeOf(firstDate, child.timezone, dayStartHour).start;
  const to = dayRangeOf(lastDate, child.timezone, dayStartHour).end;
  const href = (over: { child?: string; days?: Period }) =>
    `/dashboard?${new URLSearchParams({ child: over.child ?? child.id, days: String(over.days ?? days) })}`;

  // A night that began the evening before the first day still counts on it; the 7-day trend
  // of the first day reaches six days further back.
  const [entries, growth, alerts, insights] = await Promise.all([
    listActivitiesBetween({ actor, childId: child.id, from: new Date(from.getTime() - TREND_DAYS * DAY_MS), to }),
    getChildGrowth({ actor, childId: child.id }),
    loadAlerts({ actor, child, now }),
    loadInsights({ actor, child }),
  ]);
  const series = dailySeries({ entries, timeZone: child.timezone, dayStartHour, lastDate, days, now });
  const trendFrom = shiftDate(firstDate, 1 - TREND_DAYS);
  const trends = rollingTotals(
    dailyTotals({ entries, timeZone: child.timezone, dayStartHour, from: trendFrom, to: lastDate, now }),
    TREND_DAYS,
  ).slice(TREND_DAYS - 1);
  const dir = localeDirection(locale);
  const dateText = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { timeZone: "UTC", dateStyle: "medium" });

  return (
    <main id="main" className={styles.page}>
      <div className={styles.header}>
        <h1>
          {t("title")} · {child.name}
        </h1>
        <PrintButton label={t("print")} className={`secondary ${styles.noPrint}`} />
      </div>
      <p className={`muted ${styles.range}`}>{t("range", { from: dateText(firstDate), to: dateText(lastDate) })}</p>
      <div className={`${styles.controls} ${styles.noPrint}`}>
        <ChildTabs items={children} currentId={child.id} label={t("chooseChild")} hrefFor={(id) => href({ child: id })} />
        <PeriodPicker label={t("period")} current={days} text={(d) => t("days", { days: d })} hrefFor={(d) => href({ days: d })} />
      </div>
      <div className={styles.grid}>
        <div className={styles.card}>
          <AlertList alerts={alerts.slice(0, 10)} headingId="dashboard-alerts-heading" showEmpty />
        </div>
        <div className={styles.card}>
          <InsightList insights={insights} />
        </div>
        <DailyCharts days={series} units={units} dir={dir} />
        <TrendsCard days={trends} units={units} dir={dir} />
        <HeatMapCard days={series} dir={dir} />
        <GrowthTable entries={growth.items.slice(-GROWTH_ROWS).reverse()} units={units} />
        {growth.items.length > 0 && <GrowthCharts growth={growth} name={child.name} units={units} dir={dir} />}
      </div>
    </main>
  );
}
