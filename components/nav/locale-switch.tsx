"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { locales } from "@/lib/i18n/config";

/** Links to the same page in each other language, named in that language. */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <ul className="locale-switch" aria-label={t("language")}>
      {locales
        .filter((l) => l !== current)
        .map((locale) => (
          <li key={locale}>
            <Link href={pathname} locale={locale} lang={locale} hrefLang={locale}>
              {t(`languageName.${locale}`)}
            </Link>
          </li>
        ))}
    </ul>
  );
}
