import { getFormatter, getTranslations } from "next-intl/server";
import { fromStorage, type UnitSystem } from "@/components/activities/units";
import { totalText } from "./duration";
import type { ChildHome } from "./load-child-home";
import styles from "./home.module.css";

/** Today's totals in the user's day (from their day-start hour, in the child's zone). */
export async function TodayTotals({ home, units, timeZone }: { home: ChildHome; units: UnitSystem; timeZone: string }) {
  const [t, tu, format] = await Promise.all([getTranslations("home"), getTranslations("units"), getFormatter()]);
  const today = home.summary.today;
  const duration = (seconds: number) => totalText(seconds, (key, values) => t(key, values));
  const volume = (ml: number) =>
    t("today.amount", { value: format.number(fromStorage("volume", units, ml)), unit: tu(units === "imperial" ? "oz" : "ml") });
  const since = format.dateTime(new Date(today.start), { timeZone, hour: "numeric", minute: "2-digit" });

  const rows: { key: string; label: string; value: string; sub?: string }[] = [
    {
      key: "feeds",
      label: t("today.feeds"),
      value: format.number(today.feeds),
      sub: today.bottleMl > 0 ? t("today.bottled", { amount: volume(today.bottleMl) }) : undefined,
    },
    {
      key: "breast",
      label: t("today.breast"),
      value: t("today.sides", { left: duration(today.breastLeftSeconds), right: duration(today.breastRightSeconds) }),
    },
    { key: "sleep", label: t("today.sleep"), value: duration(today.sleepSeconds), sub: t("today.naps", { count: today.naps }) },
    {
      key: "diapers",
      label: t("today.diapers"),
      value: t("today.wetDirty", { wet: today.wetDiapers, dirty: today.dirtyDiapers }),
      sub: t("today.changes", { count: today.diapers }),
    },
  ];
  if (today.pumpedMl > 0) rows.push({ key: "pumped", label: t("today.pumped"), value: volume(today.pumpedMl) });
  if (today.solids > 0) rows.push({ key: "solids", label: t("today.solids"), value: format.number(today.solids) });

  return (
    <>
      <p className={styles.caption}>{t("today.since", { time: since })}</p>
      <dl className={styles.totals}>
        {rows.map((row) => (
          <div key={row.key} className={styles.total} data-total={row.key}>
            <dt>{row.label}</dt>
            <dd className={styles.totalValue}>{row.value}</dd>
            {row.sub && <dd className={styles.sub}>{row.sub}</dd>}
          </div>
        ))}
      </dl>
    </>
  );
}
