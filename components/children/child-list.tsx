import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ChildDto } from "@/lib/children/schema";
import styles from "./children.module.css";

/** A family's children with their birth dates; edit links for those who may change them. */
export async function ChildList({ items, canEdit }: { items: ChildDto[]; canEdit: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("children"), getLocale()]);
  if (items.length === 0) return <p className="muted">{t("list.none")}</p>;
  // A birth date is a calendar day, not an instant: format it in UTC so it never shifts a day.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <ul className={styles.list}>
      {items.map((child) => (
        <li key={child.id} className={styles.item}>
          <span className={styles.itemText}>
            <Link href={`/?child=${child.id}`} className={styles.name}>
              {child.name}
            </Link>
            <span className="muted">{t("list.born", { date: day.format(new Date(`${child.birthDate}T00:00:00Z`)) })}</span>
          </span>
          {canEdit && (
            <Link href={`/children/${child.id}/edit`} className="button secondary" aria-label={t("list.editOf", { name: child.name })}>
              {t("list.edit")}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
