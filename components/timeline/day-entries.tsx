import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ActivityDto } from "@/lib/activities/schema";
import { entryKind, summarizeEntry } from "@/components/activities/entry-summary";
import type { UnitSystem } from "@/components/activities/units";
import styles from "./timeline.module.css";

type Props = {
  entries: ActivityDto[];
  timeZone: string;
  units: UnitSystem;
  memberNames: Record<string, string>;
  meId: string;
  emptyText: string;
};

/** The day's entries, oldest first; each one opens its edit page. */
export async function DayEntries({ entries, timeZone, units, memberNames, meId, emptyText }: Props) {
  const [t, ta, tu, format] = await Promise.all([
    getTranslations("entries"),
    getTranslations("activity"),
    getTranslations("units"),
    getFormatter(),
  ]);
  if (entries.length === 0) return <p className="muted">{emptyText}</p>;
  const ctx = {
    t: (key: string, values?: Record<string, string | number>) => ta(key, values),
    tu: (key: string) => tu(key),
    number: (n: number) => format.number(n, { maximumFractionDigits: 2 }),
    units,
  };
  return (
    <ol className={styles.entries} data-testid="timeline-entries">
      {entries.map((entry) => {
        const by = entry.createdById === meId ? t("byYou") : t("by", { name: memberNames[entry.createdById] ?? t("someone") });
        return (
          <li key={entry.id} data-entry-type={entry.type}>
            <Link href={`/entries/${entry.id}/edit`} className={styles.entryLink}>
              <time dateTime={entry.startedAt} className={styles.time}>
                {format.dateTime(new Date(entry.startedAt), { timeZone, hour: "numeric", minute: "2-digit" })}
              </time>
              <span className={styles.body}>
                <span className={styles.kind}>{ta(`kinds.${entryKind(entry)}`)}</span>
                <span>{summarizeEntry(entry, ctx)}</span>
                <span className={styles.by}>{by}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
