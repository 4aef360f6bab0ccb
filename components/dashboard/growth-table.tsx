import { getFormatter, getTranslations } from "next-intl/server";
import type { GrowthMeasurement } from "@/lib/growth/schema";
import { displayUnit, fromStorage, type Quantity, type UnitSystem } from "@/components/activities/units";
import { percentileText } from "./growth-format";
import styles from "./dashboard.module.css";

/** The latest growth measurements, newest first, in the user's units, each with its WHO percentile. */
export async function GrowthTable({ entries, units }: { entries: GrowthMeasurement[]; units: UnitSystem }) {
  const [t, tg, tu, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("dashboard.growthCharts"),
    getTranslations("units"),
    getFormatter(),
  ]);
  const cell = (quantity: Quantity, v: number | null, score: GrowthMeasurement["weightForAge"]) =>
    v === null ? (
      t("growth.none")
    ) : (
      <>
        {format.number(fromStorage(quantity, units, v), {
          maximumFractionDigits: quantity === "weight" ? (units === "metric" ? 3 : 2) : 1,
        })}
        {score && <span className={styles.percentile}>{percentileText(tg, score.percentile)}</span>}
      </>
    );
  return (
    <section className={styles.card} aria-labelledby="growth-heading" data-testid="growth-card">
      <h2 id="growth-heading">{t("growth.title")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("growth.empty")}</p>
      ) : (
        <table className={styles.growth} aria-labelledby="growth-heading">
          <thead>
            <tr>
              <th scope="col">{t("growth.date")}</th>
              <th scope="col">{t("growth.weight", { unit: tu(displayUnit("weight", units)) })}</th>
              <th scope="col">{t("growth.length", { unit: tu(displayUnit("length", units)) })}</th>
              <th scope="col">{t("growth.head", { unit: tu(displayUnit("length", units)) })}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <time dateTime={e.date}>
                    {format.dateTime(new Date(`${e.date}T12:00:00Z`), { timeZone: "UTC", dateStyle: "medium" })}
                  </time>
                </th>
                <td>{cell("weight", e.weightGrams, e.weightForAge)}</td>
                <td>{cell("length", e.lengthMm, e.lengthForAge)}</td>
                <td>{cell("length", e.headMm, e.headForAge)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length > 0 && <p className={`muted ${styles.note}`}>{t("growth.percentileNote")}</p>}
    </section>
  );
}
