import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ActivityDto } from "@/lib/activities/schema";
import type { FormAction } from "@/components/forms/form-state";
import { DeleteEntryButton } from "./delete-entry-button";
import type { SimpleResult } from "./quick-types";
import styles from "./entry-list.module.css";
import { entryKind, summarizeEntry } from "./entry-summary";
import type { UnitSystem } from "./units";
import { dayKey } from "./zoned-time";

type Props = {
  entries: ActivityDto[];
  timeZone: string;
  units: UnitSystem;
  /** Display names of the family's members by user id. */
  memberNames: Record<string, string>;
  meId: string;
  /** Whether the user may edit and delete this entry (the service's rule, mirrored). */
  canDelete: (entry: ActivityDto) => boolean;
  deleteAction: FormAction;
  /** With it, a deletion's toast offers Undo. */
  restoreAction?: (id: string) => Promise<SimpleResult>;
};

/** Entries newest first, grouped by day in the child's zone (Today, Yesterday, then dates). */
export async function EntryList({ entries, timeZone, units, memberNames, meId, canDelete, deleteAction, restoreAction }: Props) {
  const [t, ta, tu, format] = await Promise.all([
    getTranslations("entries"),
    getTranslations("activity"),
    getTranslations("units"),
    getFormatter(),
  ]);
  if (entries.length === 0) return <p className="muted">{t("empty")}</p>;

  const now = new Date();
  const today = dayKey(now, timeZone);
  const yesterday = dayKey(new Date(now.getTime() - 24 * 3600_000), timeZone);
  const days = new Map<string, ActivityDto[]>();
  for (const entry of entries) {
    const key = dayKey(new Date(entry.startedAt), timeZone);
    days.set(key, [...(days.get(key) ?? []), entry]);
  }
  const ctx = {
    t: (key: string, values?: Record<string, string | number>) => ta(key, values),
    tu: (key: string) => tu(key),
    number: (n: number) => format.number(n, { maximumFractionDigits: 2 }),
    units,
  };

  return (
    <>
      {[...days].map(([day, items]) => {
        const heading =
          day === today
            ? t("today")
            : day === yesterday
              ? t("yesterday")
              : format.dateTime(new Date(items[0].startedAt), { timeZone, weekday: "long", day: "numeric", month: "long" });
        return (
          <section key={day} aria-label={heading}>
            <h3 className="day-heading">{heading}</h3>
            <ul className="entries">
              {items.map((entry) => {
                const time = format.dateTime(new Date(entry.startedAt), { timeZone, hour: "numeric", minute: "2-digit" });
                const kind = ta(`kinds.${entryKind(entry)}`);
                const by = entry.createdById === meId ? t("byYou") : t("by", { name: memberNames[entry.createdById] ?? t("someone") });
                return (
                  <li key={entry.id} className="entry" data-entry-type={entry.type}>
                    <time dateTime={entry.startedAt} className="entry-time">
                      {time}
                    </time>
                    <div className="entry-body">
                      <strong className="entry-kind">{kind}</strong>
                      <span className="entry-summary">{summarizeEntry(entry, ctx)}</span>
                      <span className="entry-by muted">{by}</span>
                    </div>
                    {canDelete(entry) && (
                      <details className="entry-actions">
                        <summary aria-label={t("actionsFor", { kind, time })}>
                          <span aria-hidden="true">⋯</span>
                        </summary>
                        <div className={styles.menu}>
                          <Link href={`/entries/${entry.id}/edit`} className="button secondary" aria-label={t("editLabel", { kind, time })}>
                            {t("edit")}
                          </Link>
                          <DeleteEntryButton
                            action={deleteAction}
                            id={entry.id}
                            label={t("deleteLabel", { kind, time })}
                            kind={kind}
                            restore={restoreAction}
                          />
                        </div>
                      </details>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
