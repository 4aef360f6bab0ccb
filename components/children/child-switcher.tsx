import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ChildDto } from "@/lib/children/schema";
import styles from "./children.module.css";

type Props = {
  items: Pick<ChildDto, "id" | "name">[];
  currentId: string;
  /** The page the tabs link to, with `?child=<id>` (default: home). E.g. "/timeline". */
  basePath?: string;
  /** Other query parameters to keep on every link (e.g. { date: "2026-01-02" }). */
  query?: Record<string, string>;
};

/**
 * Tabs to switch between children (render it only when there are several). One row that scrolls
 * sideways at 320 px instead of pushing the page wider; the current child is aria-current.
 */
export async function ChildSwitcher({ items, currentId, basePath = "/", query = {} }: Props) {
  const t = await getTranslations("children");
  const href = (id: string) => `${basePath}?${new URLSearchParams({ ...query, child: id })}`;
  return (
    <nav aria-label={t("switchChild")} className={styles.switcher}>
      <ul className={`tabs ${styles.switcherList}`}>
        {items.map((child) => (
          <li key={child.id}>
            <Link href={href(child.id)} aria-current={child.id === currentId ? "page" : undefined}>
              {child.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
