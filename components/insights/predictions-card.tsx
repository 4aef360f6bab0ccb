import { getFormatter, getTranslations } from "next-intl/server";
import type { Prediction, Predictions } from "@/lib/analytics/predictions";
import { refText } from "./message-text";
import styles from "./insights.module.css";

type Props = { predictions: Predictions; asleep: boolean; timeZone: string };

/** When the next feed and sleep are likely, with the 80% range and the one-line why. */
export async function PredictionsCard({ predictions, asleep, timeZone }: Props) {
  const [t, root, format] = await Promise.all([getTranslations("predictions"), getTranslations(), getFormatter()]);
  const time = (iso: string) => format.dateTime(new Date(iso), { timeZone, hour: "numeric", minute: "2-digit" });
  const item = (kind: "feed" | "sleep", p: Prediction | null) => {
    if (!p) {
      if (kind === "sleep" && asleep)
        return (
          <div className={styles.prediction} data-prediction={kind}>
            <dt>{t(kind)}</dt>
            <dd className={styles.reason}>{t("asleep")}</dd>
          </div>
        );
      return null;
    }
    return (
      <div className={styles.prediction} data-prediction={kind}>
        <dt>{t(kind)}</dt>
        <dd className={styles.when}>{t("around", { time: time(p.at) })}</dd>
        <dd className={styles.reason}>{refText(root, p.reason)}</dd>
        <dd className={styles.range}>{t("range", { low: time(p.low), high: time(p.high) })}</dd>
      </div>
    );
  };
  const items = [item("feed", predictions.nextFeed), item("sleep", predictions.nextSleep)].filter(Boolean);
  return (
    <section aria-labelledby="predictions-heading" data-testid="predictions">
      <h2 id="predictions-heading">{t("title")}</h2>
      {items.length ? <dl className={styles.predictions}>{items}</dl> : <p className={styles.muted}>{t("empty")}</p>}
    </section>
  );
}
