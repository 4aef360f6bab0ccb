import { Link } from "@/i18n/navigation";
import type { ChildDto } from "@/lib/children/schema";

/** Switches the child of a timeline or dashboard (shown only with several children). */
export function ChildTabs({
  items,
  currentId,
  label,
  hrefFor,
}: {
  items: ChildDto[];
  currentId: string;
  label: string;
  hrefFor: (id: string) => string;
}) {
  if (items.length < 2) return null;
  return (
    <nav aria-label={label}>
      <ul className="tabs">
        {items.map((child) => (
          <li key={child.id}>
            <Link href={hrefFor(child.id)} aria-current={child.id === currentId ? "page" : undefined}>
              {child.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
