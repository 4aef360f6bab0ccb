import { getFormatter, getTranslations } from "next-intl/server";
import type { ActivityDto } from "@/lib/activities/schema";
import { displayUnit, fromStorage, type Quantity, type UnitSystem } from "@/components/activities/units";
import styles from "./dashboard.module.css";

/** The latest growth entries, newest first, in the user's units. */
export async function GrowthTable({ entries, units, timeZone }: { entries: ActivityDto[]; units: UnitSystem; timeZone: string }) {
  const [t, tu, format] = await Promise.all([getTranslations("dashboard"), getTranslations("units"), getFormatter()]);
  const value = (quantity: Quantity, v: unknown) =>
    typeof v === "number"
      ? format.number(fromStorage(quantity, units, v), { maximumFractionDigits: quantity === "weight" ? (units === "metric" ? 3 : 2) : 1 })
      : t("growth.none");
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
                  <time dateTime={e.startedAt}>{format.dateTime(new Date(e.startedAt), { timeZone, dateStyle: "medium" })}</time>
                </th>
                <td>{value("weight", e.details.weightGrams)}</td>
                <td>{value("length", e.details.lengthMm)}</td>
                <td>{value("length", e.details.headMm)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
