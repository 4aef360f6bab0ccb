import { getFormatter, getTranslations } from "next-intl/server";
import type { DayPoint } from "@/lib/analytics/daily-series";
import { BarChart, type Category } from "@/components/charts/bar-chart";
import { displayUnit, fromStorage, type UnitSystem } from "@/components/activities/units";
import styles from "./dashboard.module.css";

type Props = { days: DayPoint[]; units: UnitSystem; dir: "ltr" | "rtl" };

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Feeds, intake, sleep and diapers per day: four cards of bar charts with their tables. */
export async function DailyCharts({ days, units, dir }: Props) {
  const [t, tc, tu, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("charts"),
    getTranslations("units"),
    getFormatter(),
  ]);
  const n = days.length;
  const whole = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const oneDecimal = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const average = (values: number[]) => oneDecimal(n ? sum(values) / n : 0);
  const at = (date: string) => new Date(`${date}T12:00:00Z`);
  // The last day and every 7th before it carry a date under the axis.
  const categories: Category[] = days.map((d, i) => ({
    key: d.date,
    label: format.dateTime(at(d.date), { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }),
    tick: (n - 1 - i) % 7 === 0 ? format.dateTime(at(d.date), { timeZone: "UTC", day: "numeric", month: "short" }) : undefined,
  }));
  const table = (caption: string) => ({ toggle: tc("showData"), caption, category: tc("day"), total: tc("total") });

  const feeds = days.map((d) => d.feeds);
  const unit = tu(displayUnit("volume", units));
  const bottle = days.map((d) => fromStorage("volume", units, d.bottleMl));
  const breast = days.map((d) => d.breastMinutes);
  const daySleep = days.map((d) => d.daySleepMinutes / 60);
  const nightSleep = days.map((d) => d.nightSleepMinutes / 60);
  const wet = days.map((d) => d.wetDiapers);
  const dirty = days.map((d) => d.dirtyDiapers);
  const volume = (v: number) => format.number(v, { maximumFractionDigits: units === "imperial" ? 1 : 0 });

  return (
    <>
      <section className={styles.card} aria-labelledby="feeds-heading" data-testid="feeds-card">
        <h2 id="feeds-heading">{t("feeds.title")}</h2>
        <BarChart
          summary={t("feeds.summary", { days: n, total: whole(sum(feeds)), average: average(feeds), max: whole(Math.max(0, ...feeds)) })}
          categories={categories}
          series={[{ key: "feeds", label: t("feeds.series"), tone: 0, values: feeds }]}
          format={whole}
          integer
          dir={dir}
          table={table(t("feeds.caption"))}
        />
      </section>
      <section className={styles.card} aria-labelledby="intake-heading" data-testid="intake-card">
        <h2 id="intake-heading">{t("intake.title")}</h2>
        <h3>{t("intake.bottle", { unit })}</h3>
        <BarChart
          summary={t("intake.bottleSummary", {
            days: n,
            unit,
            average: volume(n ? sum(bottle) / n : 0),
            max: volume(Math.max(0, ...bottle)),
          })}
          categories={categories}
          series={[{ key: "bottle", label: t("intake.bottle", { unit }), tone: 0, values: bottle }]}
          format={volume}
          dir={dir}
          table={table(t("intake.bottleCaption", { unit }))}
        />
        <h3>{t("intake.breast")}</h3>
        <BarChart
          summary={t("intake.breastSummary", { days: n, average: average(breast), max: whole(Math.max(0, ...breast)) })}
          categories={categories}
          series={[{ key: "breast", label: t("intake.breast"), tone: 1, values: breast }]}
          format={whole}
          dir={dir}
          table={table(t("intake.breastCaption"))}
        />
      </section>
      <section className={styles.card} aria-labelledby="sleep-heading" data-testid="sleep-card">
        <h2 id="sleep-heading">{t("sleep.title")}</h2>
        <BarChart
          summary={t("sleep.summary", {
            days: n,
            average: oneDecimal(n ? (sum(daySleep) + sum(nightSleep)) / n : 0),
            night: oneDecimal(n ? sum(nightSleep) / n : 0),
          })}
          categories={categories}
          series={[
            { key: "night", label: t("sleep.night"), tone: 0, values: nightSleep },
            { key: "day", label: t("sleep.day"), tone: 1, values: daySleep },
          ]}
          mode="stacked"
          format={oneDecimal}
          dir={dir}
          table={table(t("sleep.caption"))}
        />
      </section>
      <section className={styles.card} aria-labelledby="diapers-heading" data-testid="diapers-card">
        <h2 id="diapers-heading">{t("diapers.title")}</h2>
        <BarChart
          summary={t("diapers.summary", {
            days: n,
            wet: whole(sum(wet)),
            dirty: whole(sum(dirty)),
            average: average(days.map((d) => d.diapers)),
          })}
          categories={categories}
          series={[
            { key: "wet", label: t("diapers.wet"), tone: 0, values: wet },
            { key: "dirty", label: t("diapers.dirty"), tone: 1, values: dirty },
          ]}
          format={whole}
          integer
          dir={dir}
          table={table(t("diapers.caption"))}
        />
      </section>
    </>
  );
}
