import { getFormatter, getTranslations } from "next-intl/server";
import { DAYS_PER_MONTH, percentileCurves, sampleDays, type AgeTable } from "@/lib/analytics/growth";
import type { ChildGrowth, GrowthMeasurement } from "@/lib/growth/schema";
import { GrowthChart } from "@/components/charts/growth-chart";
import { displayUnit, fromStorage, type UnitSystem } from "@/components/activities/units";
import { growthAgeText, percentileText } from "./growth-format";
import styles from "./dashboard.module.css";

type Props = { growth: ChildGrowth; name: string; units: UnitSystem; dir: "ltr" | "rtl" };

type Indicator = {
  key: "weight" | "length" | "head";
  table: AgeTable;
  quantity: "weight" | "length";
  /** Storage value (g or mm) of a measurement, and the score it got. */
  value: (m: GrowthMeasurement) => number | null;
  score: (m: GrowthMeasurement) => GrowthMeasurement["weightForAge"];
  /** The LMS tables are in kg and cm; storage is g and mm. */
  toStorage: number;
};

const INDICATORS: Indicator[] = [
  { key: "weight", table: "wfa", quantity: "weight", value: (m) => m.weightGrams, score: (m) => m.weightForAge, toStorage: 1000 },
  { key: "length", table: "lhfa", quantity: "length", value: (m) => m.lengthMm, score: (m) => m.lengthForAge, toStorage: 10 },
  { key: "head", table: "hcfa", quantity: "length", value: (m) => m.headMm, score: (m) => m.headForAge, toStorage: 10 },
];

/** The age each measurement was compared at (corrected for prematurity when it was). */
const assessedDays = (m: GrowthMeasurement) => m.correctedAgeDays ?? m.ageDays;

function monthTicks(xMax: number): number[] {
  const step = xMax <= 12 ? 1 : xMax <= 36 ? 3 : 6;
  const ticks: number[] = [];
  for (let m = 0; m <= xMax; m += step) ticks.push(m);
  return ticks;
}

/**
 * Weight-, length/height- and head circumference-for-age on the WHO Child Growth Standards: the
 * percentile bands for the child's sex, the child's measurements over them, each with its table.
 */
export async function GrowthCharts({ growth, name, units, dir }: Props) {
  const [t, tg, tc, tu, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("dashboard.growthCharts"),
    getTranslations("charts"),
    getTranslations("units"),
    getFormatter(),
  ]);
  const scored = growth.items.filter((m) => assessedDays(m) >= 0);
  const oldest = Math.max(0, ...scored.map(assessedDays));
  const xMax = Math.min(60, Math.max(3, Math.ceil((oldest / DAYS_PER_MONTH) * 1.2 + 0.5)));
  const days = sampleDays(0, Math.min(1826, Math.round(xMax * DAYS_PER_MONTH)), 80);
  const group = tg(growth.sex === "female" ? "girls" : "boys");
  const corrected = growth.items.some((m) => m.correctedAgeDays !== null);
  const date = (m: GrowthMeasurement) => format.dateTime(new Date(`${m.date}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <>
      {INDICATORS.map((ind) => {
        const unit = tu(displayUnit(ind.quantity, units));
        const digits = ind.quantity === "weight" ? (units === "metric" ? 2 : 1) : 1;
        const show = (storage: number) => format.number(fromStorage(ind.quantity, units, storage), { maximumFractionDigits: digits });
        const measured = scored.filter((m) => ind.value(m) !== null && ind.score(m) !== null);
        const indicator = tg(`${ind.key}Title`);
        const series = tg(`${ind.key}Series`, { unit });
        const curves = percentileCurves({ table: ind.table, sex: growth.sex, days }).map((c) => ({
          percentile: c.percentile,
          label: tg("lineLabel", { p: c.percentile }),
          points: c.points.map((p) => ({ x: p.day / DAYS_PER_MONTH, y: fromStorage(ind.quantity, units, p.value * ind.toStorage) })),
        }));
        const latest = measured[measured.length - 1];
        const summary = latest
          ? tg("summary", {
              indicator,
              group,
              count: measured.length,
              value: show(ind.value(latest)!),
              unit,
              age: growthAgeText(tg, assessedDays(latest)),
              percentile: percentileText(tg, ind.score(latest)!.percentile),
            })
          : tg("summaryEmpty", { indicator, group });
        const heading = `growth-${ind.key}-heading`;
        return (
          <section key={ind.key} className={styles.card} aria-labelledby={heading} data-testid={`growth-${ind.key}-card`}>
            <h2 id={heading}>{indicator}</h2>
            <p className={`muted ${styles.note}`}>
              {tg("standard", { group })}
              {corrected && ` ${tg("corrected")}`}
            </p>
            <GrowthChart
              summary={summary}
              curves={curves}
              points={measured.map((m) => ({
                key: m.id,
                x: assessedDays(m) / DAYS_PER_MONTH,
                y: fromStorage(ind.quantity, units, ind.value(m)!),
                title: `${date(m)} · ${show(ind.value(m)!)} ${unit} · ${percentileText(tg, ind.score(m)!.percentile)}`,
              }))}
              xMax={xMax}
              xTicks={monthTicks(xMax)}
              formatX={(months) => tg("monthTick", { months })}
              formatY={(v) => format.number(v, { maximumFractionDigits: 1 })}
              dir={dir}
              legend={{ child: name, median: tg("legendMedian"), inner: tg("legendInner"), outer: tg("legendOuter") }}
              table={{
                toggle: tc("showData"),
                caption: tg("caption", { indicator }),
                columns: [t("growth.date"), tg("age"), series, tg("percentile")],
                rows: measured.map((m) => ({
                  key: m.id,
                  header: date(m),
                  cells: [growthAgeText(tg, assessedDays(m)), show(ind.value(m)!), percentileText(tg, ind.score(m)!.percentile)],
                })),
              }}
            />
          </section>
        );
      })}
    </>
  );
}
