"use client";

import { useEffect, useRef } from "react";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { locales } from "@/lib/i18n/config";
import styles from "./site-header.module.css";

/**
 * A compact language menu: a disclosure whose summary names the current language, opening onto
 * the same page in each language (named in that language). Escape and a click elsewhere close it.
 */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = search ? `${pathname}?${search}` : pathname;
  const menu = useRef<HTMLDetailsElement>(null);
  const code = current.slice(0, 2).toUpperCase();

  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const close = (event: Event) => {
      if (!details.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node) || (event.target as Element).closest?.("a")) {
        // A click elsewhere, or on a language (the page may stay mounted when it is the current one).
        details.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);

  return (
    <details ref={menu} className={styles.menu}>
      {/* The name starts with the code the button shows ("EN, Language: English"): WCAG 2.5.3, axe label-content-name-mismatch. */}
      <summary className={styles.menuButton} aria-label={`${code}, ${t("languageMenu", { language: t(`languageName.${current}`) })}`}>
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
        <span aria-hidden="true" className={styles.menuCode}>
          {code}
        </span>
      </summary>
      <ul className={styles.menuList}>
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={styles.menuItem}
            >
              {t(`languageName.${locale}`)}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
