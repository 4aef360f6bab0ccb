import { getFormatter, getTranslations } from "next-intl/server";
import type { AlertView } from "./load-findings";
import { refText } from "./message-text";
import styles from "./insights.module.css";

type Props = { alerts: AlertView[]; headingId: string; showEmpty?: boolean };

/**
 * Guardrail alerts, urgent first. Urgent ones sit in a live region with a strong frame: a fever
 * under 3 months must not be missed. Each names its source.
 */
export async function AlertList({ alerts, headingId, showEmpty = false }: Props) {
  const [t, root, format] = await Promise.all([getTranslations("alerts"), getTranslations(), getFormatter()]);
  const shown = alerts.map((a) => ({ ...a, text: refText(root, a.message) })).filter((a) => a.text);
  if (shown.length === 0 && !showEmpty) return null;
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { timeZone: "UTC", dateStyle: "medium" });
  const card = (a: (typeof shown)[number]) => (
    <div key={a.id} className={`${styles.alert} ${styles[a.severity]}`} data-alert={a.code} data-severity={a.severity}>
      <p className={styles.alertText}>
        <strong className={styles.badge}>{t(`severity.${a.severity}`)}</strong> {a.text}
      </p>
      <p className={styles.meta}>
        <time dateTime={a.date}>{date(a.date)}</time> · {t("source", { source: a.source })}
      </p>
    </div>
  );
  const urgent = shown.filter((a) => a.severity === "urgent");
  const rest = shown.filter((a) => a.severity !== "urgent");
  return (
    <section aria-labelledby={headingId} data-testid="alerts">
      <h2 id={headingId}>{t("title")}</h2>
      {urgent.length > 0 && <div role="alert">{urgent.map(card)}</div>}
      {rest.map(card)}
      {shown.length === 0 && <p className={styles.muted}>{t("empty")}</p>}
    </section>
  );
}
