import { getFormatter, getTranslations } from "next-intl/server";
import type { RollingTotals } from "@/lib/analytics/totals";
import { BarChart, type Category } from "@/components/charts/bar-chart";
import { displayUnit, fromStorage, type UnitSystem } from "@/components/activities/units";
import dashboard from "@/components/dashboard/dashboard.module.css";

type Props = { days: RollingTotals[]; units: UnitSystem; dir: "ltr" | "rtl" };

/** Feeds, bottle intake and sleep per day as 7-day rolling averages: the trend under the daily noise. */
export async function TrendsCard({ days, units, dir }: Props) {
  const [t, tc, tu, format] = await Promise.all([
    getTranslations("trends"),
    getTranslations("charts"),
    getTranslations("units"),
    getFormatter(),
  ]);
  const n = days.length;
  const at = (date: string) => new Date(`${date}T12:00:00Z`);
  const categories: Category[] = days.map((d, i) => ({
    key: d.date,
    label: format.dateTime(at(d.date), { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }),
    tick: (n - 1 - i) % 7 === 0 ? format.dateTime(at(d.date), { timeZone: "UTC", day: "numeric", month: "short" }) : undefined,
  }));
  const oneDecimal = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const unit = tu(displayUnit("volume", units));
  const charts = [
    { key: "feeds", what: t("feeds"), values: days.map((d) => d.feeds), format: oneDecimal, tone: 0 as const },
    {
      key: "intake",
      what: t("intake", { unit }),
      values: days.map((d) => fromStorage("volume", units, d.bottleMl)),
      format: (v: number) => format.number(v, { maximumFractionDigits: units === "imperial" ? 1 : 0 }),
      tone: 0 as const,
    },
    { key: "sleep", what: t("sleep"), values: days.map((d) => d.sleepMinutes / 60), format: oneDecimal, tone: 1 as const },
  ];
  return (
    <section className={dashboard.card} aria-labelledby="trends-heading" data-testid="trends-card">
      <h2 id="trends-heading">{t("title")}</h2>
      {charts.map((c) => (
        <div key={c.key} data-trend={c.key}>
          <h3>{c.what}</h3>
          <BarChart
            summary={t("summary", { what: c.what, days: n, first: c.format(c.values[0] ?? 0), last: c.format(c.values[n - 1] ?? 0) })}
            categories={categories}
            series={[{ key: c.key, label: t("average"), tone: c.tone, values: c.values }]}
            format={c.format}
            dir={dir}
            table={{ toggle: tc("showData"), caption: t("caption", { what: c.what }), category: tc("day") }}
          />
        </div>
      ))}
    </section>
  );
}
