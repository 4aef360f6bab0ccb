import { getFormatter, getTranslations } from "next-intl/server";
import type { InsightView } from "./load-findings";
import { refText } from "./message-text";
import styles from "./insights.module.css";

/** What the analytics noticed (cluster feeding, a shifting bedtime…), newest first. */
export async function InsightList({ insights }: { insights: InsightView[] }) {
  const [t, root, format] = await Promise.all([getTranslations("insights"), getTranslations(), getFormatter()]);
  const shown = insights.map((i) => ({ ...i, text: refText(root, i.message) })).filter((i) => i.text);
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { timeZone: "UTC", dateStyle: "medium" });
  return (
    <section aria-labelledby="insights-heading" data-testid="insights">
      <h2 id="insights-heading">{t("title")}</h2>
      {shown.length === 0 ? (
        <p className={styles.muted}>{t("empty")}</p>
      ) : (
        <ul className={styles.insights}>
          {shown.map((i) => (
            <li key={i.id} data-insight={i.code}>
              <time dateTime={i.date} className={styles.meta}>
                {date(i.date)}
              </time>
              <p className={styles.alertText}>{i.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
