"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { UnitSystem } from "@/components/activities/units";
import type { CitedEntry } from "@/lib/ai/ui-message";
import { entryLabel } from "./entry-label";
import styles from "./assistant.module.css";

/** The entries an answer used, each a small card linking to the entry. */
export function CitationCards({ entries, timeZone, units }: { entries: CitedEntry[]; timeZone: string; units: UnitSystem }) {
  const t = useTranslations("assistant");
  const ta = useTranslations("activity");
  const tu = useTranslations("units");
  const format = useFormatter();
  const shown = entries.slice(0, 12);
  const ctx = { t: ta as never, tu: tu as never, number: (n: number) => format.number(n, { maximumFractionDigits: 1 }), units };
  return (
    <section className={styles.citations} aria-label={t("citationsHeading")}>
      <h3 className={styles.citationsHeading}>{t("citationsHeading")}</h3>
      <ul>
        {shown.map((entry) => (
          <li key={entry.id}>
            <Link href={`/entries/${entry.id}/edit`} className={styles.citation}>
              <span>{entryLabel(entry, ctx)}</span>
              {entry.startedAt && (
                <time dateTime={entry.startedAt} className="muted">
                  {format.dateTime(new Date(entry.startedAt), { timeZone, weekday: "short", hour: "numeric", minute: "2-digit" })}
                </time>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {entries.length > shown.length && <p className="muted">{t("moreCitations", { count: entries.length - shown.length })}</p>}
    </section>
  );
}
