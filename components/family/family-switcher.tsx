import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import styles from "./family.module.css";

/** Tabs between the families the user belongs to (shown only when there are several). */
export async function FamilySwitcher({ families, currentId }: { families: { id: string; name: string }[]; currentId: string }) {
  const t = await getTranslations("family");
  return (
    <nav aria-label={t("switchFamily")} className={styles.switcher}>
      <ul className="tabs">
        {families.map((family) => (
          <li key={family.id}>
            <Link href={`/family?family=${family.id}`} aria-current={family.id === currentId ? "page" : undefined}>
              {family.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
