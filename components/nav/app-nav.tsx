"use client";

import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";

const ITEMS = [
  { href: "/", key: "home", icon: "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" },
  { href: "/timeline", key: "timeline", icon: "M12 3v18M7 7h5M12 12h5M7 17h5" },
  { href: "/dashboard", key: "dashboard", icon: "M4 20V10M10 20V4M16 20v-7M22 20H2" },
  { href: "/assistant", key: "assistant", icon: "M4 5h16v11H9l-5 4zM8 9h8M8 12h5" },
  {
    href: "/family",
    key: "family",
    icon: "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM17 11a2.5 2.5 0 1 0 0-5M2 20c0-3 3-5 6-5s6 2 6 5M15 15c3 0 6 1.5 6 5",
  },
  {
    href: "/settings",
    key: "settings",
    icon: "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4",
  },
] as const;

/** Primary navigation; hidden on the sign-in and sign-up pages. */
export function AppNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  if (pathname.startsWith("/sign-") || pathname.startsWith("/invite")) return null;
  return (
    <nav className="app-nav" aria-label={t("label")}>
      <ul>
        {ITEMS.map((item) => {
          const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <li key={item.key}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  aria-hidden="true"
                >
                  <path d={item.icon} />
                </svg>
                {t(`items.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
