import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ChildDto } from "@/lib/children/schema";

/** Tabs to switch between children (shown only when there are several). */
export async function ChildSwitcher({ items, currentId }: { items: ChildDto[]; currentId: string }) {
  const t = await getTranslations("home");
  return (
    <nav aria-label={t("switchChild")}>
      <ul className="tabs">
        {items.map((child) => (
          <li key={child.id}>
            <Link href={`/?child=${child.id}`} aria-current={child.id === currentId ? "page" : undefined}>
              {child.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
