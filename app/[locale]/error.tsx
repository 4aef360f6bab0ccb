"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/** Anything a page could not render (database down, a bug): say so kindly and offer a retry. */
export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <div className="row">
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link href="/">{t("home")}</Link>
      </div>
    </main>
  );
}
